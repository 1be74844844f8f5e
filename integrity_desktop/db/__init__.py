"""Storage: SQLAlchemy models, the engine and the Alembic migrations (no Qt here)."""
