"""Optional HTTP endpoint: ``/healthz`` and Prometheus ``/metrics`` (``IOPBOT_METRICS_PORT``)."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterator

from aiohttp import web
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from bot.metrics import COUNTERS, LabelSet, Metrics

log = logging.getLogger(__name__)
PREFIX = "iopbot_"
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


class _Snapshot(Collector):
    """Turns the core's counters and the last gauge readings into Prometheus families."""

    def __init__(self, metrics: Metrics) -> None:
        self._metrics = metrics
        self.gauges: dict[str, tuple[str, float]] = {}

    def collect(self) -> Iterator[Metric]:
        rows: dict[str, list[tuple[LabelSet, float]]] = defaultdict(list)
        for (name, labels), value in sorted(self._metrics.counts().items()):
            rows[name].append((labels, value))
        for name, samples in rows.items():
            keys = [key for key, _ in samples[0][0]]
            family = CounterMetricFamily(f"{PREFIX}{name}", COUNTERS[name], labels=keys)
            for labels, value in samples:
                if [key for key, _ in labels] == keys:
                    family.add_metric([label for _, label in labels], value)
            yield family
        for name, (help_text, value) in sorted(self.gauges.items()):
            gauge = GaugeMetricFamily(f"{PREFIX}{name}", help_text)
            gauge.add_metric([], value)
            yield gauge


def metrics_app(metrics: Metrics) -> web.Application:
    snapshot = _Snapshot(metrics)
    registry = CollectorRegistry(auto_describe=False)
    registry.register(snapshot)

    async def healthz(_request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    async def scrape(_request: web.Request) -> web.Response:
        try:
            snapshot.gauges = await metrics.read_gauges()
        except Exception:
            log.exception("reading gauges failed")
        return web.Response(body=generate_latest(registry), headers={"Content-Type": CONTENT_TYPE})

    app = web.Application()
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", scrape)
    return app


async def start_metrics_server(metrics: Metrics, port: int, host: str = "0.0.0.0") -> web.AppRunner:
    """Serve the endpoint until the returned runner is cleaned up."""
    runner = web.AppRunner(metrics_app(metrics), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    log.info("metrics endpoint listening", extra={"port": port})
    return runner
