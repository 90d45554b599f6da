"""SQL implementations of the core's repository Protocols; they never commit."""
