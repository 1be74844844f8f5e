"""The sync screens: export, import, history, keys, and conflict review."""
