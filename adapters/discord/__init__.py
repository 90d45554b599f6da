"""Discord adapter: slash commands, buttons and modals on discord.py, turned into core events."""
