"""The audit log: the hash chain written by every service, and reading it in people's words."""
