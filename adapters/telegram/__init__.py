"""The Telegram adapter: python-telegram-bot in front of the core, nothing else.

``runner.serve`` starts it (polling or webhook), ``translate`` turns updates into core events,
``messenger`` and ``render`` turn core replies into Bot API calls.
"""
