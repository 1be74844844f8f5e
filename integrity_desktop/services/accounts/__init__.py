"""Accounts: user logins with their passwords and roles, the people records name, unlocking at sign-in."""
