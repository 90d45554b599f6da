"""Group check-ins, assembled: what the composition root builds and registers.

Parts, one idea each: :mod:`entry` (the /checkin steps), :mod:`saving` (storing and the group
card), :mod:`support` (the support button and its batched notice), :mod:`preferences`
(/settings, /reminders, /pause, /checkintime), :mod:`questions`, :mod:`insights` (/mood),
:mod:`reports` (/checkins, /report) and :mod:`reminders` (the daily nudge).
"""

from __future__ import annotations

from collections.abc import Callable

from bot.checkins.entry import CheckInEntry
from bot.checkins.insights import MoodChart
from bot.checkins.preferences import CheckInPreferences
from bot.checkins.questions import QuestionCommands
from bot.checkins.reminders import REMINDER_KIND, ReminderProducer, ReminderRenderer
from bot.checkins.reports import FacilitatorViews
from bot.checkins.saving import CheckInWriter, ResourcesText
from bot.checkins.support import NOTICE_KIND, Enqueue, SupportButton
from bot.delivery.ports import Producer, Renderer
from bot.ports import UnitOfWorkFactory
from bot.prompts.skills import SkillLibrary
from bot.router import Router
from bot.texts import Catalog


class CheckIns:
    """The check-in feature: build once, then :meth:`register` on the router."""

    def __init__(
        self,
        catalog: Catalog,
        uow_factory: UnitOfWorkFactory,
        skills: SkillLibrary,
        enqueue: Enqueue,
        wake: Callable[[str], None] | None = None,
        resources: ResourcesText | None = None,
    ) -> None:
        self.writer = CheckInWriter(catalog, uow_factory, skills, resources)
        self.entry = CheckInEntry(catalog, self.writer)
        self.support = SupportButton(catalog, enqueue)
        producer = ReminderProducer(enqueue)
        self.producers: list[Producer] = [producer]
        self.renderers: dict[str, Renderer] = {NOTICE_KIND: self.support, REMINDER_KIND: ReminderRenderer(catalog)}
        self.preferences = CheckInPreferences(catalog, (lambda: wake(producer.name)) if wake else None)
        self.questions = QuestionCommands(catalog)
        self.mood = MoodChart(catalog)
        self.views = FacilitatorViews(catalog)

    def register(self, router: Router) -> None:
        """Commands in /help order: members' first, then facilitators'."""
        self.entry.register(router)
        self.mood.register(router)
        self.preferences.register(router)
        self.support.register(router)
        self.views.register(router)
        self.questions.register(router)

    def set_resources(self, resources: ResourcesText) -> None:
        """Let the safety feature supply group-specific crisis resources for the mood-1 reply."""
        self.writer.set_resources(resources)
