"""Checklists: templates, filled checklists, what an answer may hold, completion scores."""
