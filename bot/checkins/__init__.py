"""checkins feature of the core."""
