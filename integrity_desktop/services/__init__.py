"""Services: plain-Python operations on a store, each checking the actor's role (no Qt)."""
