"""``python -m tui`` runs lede.

The guard matters: indexing workers re-import the main module, and must not
start another reader when they do.
"""

from tui.command import run

if __name__ == "__main__":
    run()
