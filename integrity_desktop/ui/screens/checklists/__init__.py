"""The checklist screens: the list, the editor, templates, and their dialogs and actions."""
