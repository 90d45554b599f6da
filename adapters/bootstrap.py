"""The composition root: the one place that builds and wires everything.

settings -> key -> engine -> migrations -> unit-of-work factory -> catalog -> router ->
features -> core. Adapters receive the finished :class:`App`; nothing is built at import time.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.actions import ActionSigner
from bot.checkins.service import CheckIns
from bot.clock import SystemClock
from bot.config import Settings
from bot.core import Core, CoreSettings
from bot.delivery.engine import DeliveryEngine, EngineSettings
from bot.delivery.ratelimit import RateLimiter
from bot.faq.entries import load_faq
from bot.faq.search import Embedder
from bot.faq.service import FaqService
from bot.membership import GettingStarted
from bot.outbox import OpenGate, SendGate
from bot.ports import Clock
from bot.privacy.retention import RetentionJob
from bot.privacy.service import PrivacyCommands
from bot.prompts.feature import PromptsFeature
from bot.prompts.skills import load_skills
from bot.router import Router
from bot.safety.service import SafetyService
from bot.texts import Catalog
from storage.crypto import TextCipher, load_or_create_key
from storage.engine import is_sqlite, make_engine, make_sessionmaker
from storage.migrate import upgrade
from storage.uow import SqlUnitOfWorkFactory

log = logging.getLogger(__name__)


@dataclass
class App:
    """Everything a running bot needs, built once."""

    settings: Settings
    engine: AsyncEngine
    uow_factory: SqlUnitOfWorkFactory
    catalog: Catalog
    router: Router
    core: Core
    clock: Clock
    features: dict[str, object] = field(default_factory=dict)
    #: paces every send (the outbox's and the delivery engine's); see bot.delivery.ratelimit
    gate: SendGate = field(default_factory=OpenGate)

    async def close(self) -> None:
        await self.engine.dispose()


async def build_app(
    settings: Settings,
    *,
    clock: Clock | None = None,
    migrate: bool = True,
    gate: SendGate | None = None,
) -> App:
    """Build the whole bot for ``settings``; run migrations first unless told not to."""
    clock = clock or SystemClock()
    data_dir = Path(settings.data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    configured_key = settings.encryption_key.get_secret_value() if settings.encryption_key else None
    key, _generated = load_or_create_key(configured_key, data_dir)
    engine = make_engine(settings.effective_database_url)
    if migrate:
        await upgrade(engine)
    uow_factory = SqlUnitOfWorkFactory(
        make_sessionmaker(engine), TextCipher(key), clock, max_open=settings.db_max_transactions
    )
    catalog = Catalog.load()
    router = Router()
    gate = gate or RateLimiter()
    core = Core(
        router=router,
        catalog=catalog,
        clock=clock,
        uow_factory=uow_factory,
        settings=CoreSettings(settings.default_timezone, settings.configured_facilitators()),
        gate=gate,
    )
    core.sign_actions(ActionSigner.from_key(key))
    app = App(settings, engine, uow_factory, catalog, router, core, clock, gate=gate)
    _install_features(app)
    return app


def _faq_embedder(app: App) -> Embedder | None:
    """The full sentence model when ``IOPBOT_FAQ_SEMANTIC`` asks for it (settings checked it is installed)."""
    if not app.settings.faq_semantic:
        return None
    from bot.faq.semantic import load_embedder

    embedder = load_embedder()
    if embedder is None:
        raise RuntimeError("IOPBOT_FAQ_SEMANTIC is on but the sentence model could not be loaded (torch missing?)")
    return embedder


def _install_features(app: App) -> None:
    """Register every feature's commands, actions, flows and jobs, in /help order."""
    _install_delivery(app)
    getting_started = GettingStarted(app.catalog, app.router, app.settings.retention_days)
    getting_started.register(app.router)
    app.features["getting_started"] = getting_started
    _install_checkins(app)
    faq = FaqService(
        app.catalog, load_faq(app.settings.content_dir), app.settings.retention_days, embedder=_faq_embedder(app)
    )
    faq.register(app.router)
    app.features["faq"] = faq
    _install_prompts(app)
    _install_privacy(app)
    _install_safety(app)


def _install_checkins(app: App) -> None:
    """Group check-ins; support notices and reminders go through the delivery engine."""
    delivery = app.features["delivery"]
    assert isinstance(delivery, DeliveryEngine)
    skills = load_skills(app.settings.content_dir)
    checkins = CheckIns(app.catalog, app.uow_factory, skills, delivery.enqueue, delivery.wake)
    checkins.register(app.router)
    for kind, renderer in checkins.renderers.items():
        delivery.register(kind, renderer)
    for producer in checkins.producers:
        delivery.add_producer(producer)
    app.features["checkins"] = checkins


def _install_delivery(app: App) -> None:
    """The delivery engine first: features register their renderers and producers on it."""
    settings = EngineSettings(
        grace=timedelta(hours=app.settings.delivery_grace_hours),
        exclusive=is_sqlite(app.settings.effective_database_url),
    )
    delivery = DeliveryEngine(app.uow_factory, app.core, app.gate, app.clock, settings)
    app.core.add_job(delivery)
    app.features["delivery"] = delivery
    app.core.metrics.add_gauge("deliveries_pending", "Deliveries waiting to be sent", delivery.pending_count)
    app.core.metrics.add_gauge("deliveries_late", "Pending deliveries more than a minute past due", delivery.late_count)


def _install_prompts(app: App) -> None:
    """Coping skills and scheduled prompts, delivered through the delivery engine."""
    delivery = app.features["delivery"]
    assert isinstance(delivery, DeliveryEngine)
    prompts = PromptsFeature(app.catalog, load_skills(app.settings.content_dir), delivery.enqueue, delivery.wake)
    prompts.register(app.router)
    for kind, renderer in prompts.renderers.items():
        delivery.register(kind, renderer)
    delivery.add_producer(prompts.producer)
    app.features["prompts"] = prompts


def _install_privacy(app: App) -> None:
    """/export and /forget, and the daily job that deletes text past the retention period."""
    privacy = PrivacyCommands(app.catalog, app.settings.retention_days)
    privacy.register(app.router)
    app.core.add_job(RetentionJob(app.uow_factory, app.clock, app.settings.retention_days))
    app.features["privacy"] = privacy


def _install_safety(app: App) -> None:
    """The crisis screen (always on: there is no setting to disable it), alerts and resources."""
    delivery = app.features["delivery"]
    assert isinstance(delivery, DeliveryEngine)
    safety = SafetyService(
        app.catalog, app.clock, delivery.enqueue, delivery.cancel, ack_minutes=app.settings.alert_ack_minutes
    )
    safety.register(app.router)
    for kind, renderer in safety.renderers.items():
        delivery.register(kind, renderer)
    delivery.add_producer(safety.low_mood)
    app.core.set_screen(safety)
    getting_started = app.features["getting_started"]
    assert isinstance(getting_started, GettingStarted)
    getting_started.set_resources(safety.resources.for_context)
    checkins = app.features["checkins"]
    assert isinstance(checkins, CheckIns)
    checkins.set_resources(safety.resources.for_context)
    app.features["safety"] = safety
