"""Durable, exactly-once, rate-limited delivery of scheduled messages.

:mod:`bot.delivery.ports` (what features produce and render), :mod:`bot.delivery.engine`
(the Job that claims and sends), :mod:`bot.delivery.ratelimit` (the send gate).
"""
