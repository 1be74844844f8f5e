"""Every report of the app, by name, for the ``report`` command and the reports screen."""
