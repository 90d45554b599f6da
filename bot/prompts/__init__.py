"""prompts feature of the core."""
