"""SQLAlchemy storage: implements the core's repository Protocols. Knows nothing of platforms."""
