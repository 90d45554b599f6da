"""A chat in the terminal: try the bot with no token."""
