"""privacy feature of the core."""
