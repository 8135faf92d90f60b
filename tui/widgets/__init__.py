"""The reader's panes: each renders what it is given and posts messages about what happened."""
