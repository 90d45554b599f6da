"""faq feature of the core."""
