"""Alembic migrations (script location for storage.migrate)."""
