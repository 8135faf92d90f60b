"""``python -m tui`` runs lede.

The guard matters: indexing workers re-import the main module, and must not
start another reader when they do.
"""

import sys

from tui.cli import main

if __name__ == "__main__":
    sys.exit(main())
