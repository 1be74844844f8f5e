"""Entry point for the frozen build (PyInstaller needs a script, not a console-script spec)."""

import sys

from integrity_desktop.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
