"""The committee and training screen with its dialogs."""
