"""The outer ring: platform adapters, the CLI and the composition root."""
