"""safety feature of the core."""
