"""``python -m tui`` runs lede."""

import sys

from tui.cli import main

sys.exit(main())
