"""The violation-case screens: the register, a case file, its dialogs and the statistics."""
