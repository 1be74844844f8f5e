"""The ``integrity-desktop`` command: the GUI without a sub-command, head-less work with one."""
