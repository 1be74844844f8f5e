import sys

from integrity_desktop.cli.main import main

sys.exit(main())
