"""Bot API requests over aiohttp's client: python-telegram-bot's ``BaseRequest``, implemented.

Why not PTB's default (httpx): every update costs the bot one or two Bot API calls plus its
share of a getUpdates, and in httpx, httpcore, h11 and anyio a call takes several times the
Python work it takes in aiohttp, whose HTTP parser is compiled. PTB documents ``BaseRequest``
as the place to plug in another HTTP library; it keeps everything above it (parameters,
JSON, error mapping from status codes and Telegram's ``description``) as it is.

Timeouts follow PTB's meaning: ``connect`` for a connection (plus ``pool`` for a free slot),
``read`` between bytes of the answer (getUpdates passes its long-poll time on top), and
``write`` bounds the whole request together with the others, since aiohttp has no write
timeout of its own. A timeout becomes :class:`telegram.error.TimedOut`, any other client
failure :class:`telegram.error.NetworkError`, as with PTB's own request class.
"""

from __future__ import annotations

import string

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

DEFAULT_TIMEOUT = 5.0
POOL_TIMEOUT = 1.0
MEDIA_WRITE_TIMEOUT = 20.0
FORM = "application/x-www-form-urlencoded"
#: How ``urllib.parse.quote_plus`` writes each byte: ASCII letters, digits and ``_.-~`` as
#: they are, a space as ``+``, any other byte as ``%XX``.
_SAFE = frozenset((string.ascii_letters + string.digits + "_.-~").encode())
_QUOTED = tuple(chr(byte) if byte in _SAFE else "+" if byte == 0x20 else f"%{byte:02X}" for byte in range(256))


class AiohttpRequest(BaseRequest):
    """One aiohttp session with up to ``connection_pool_size`` connections to the Bot API server."""

    def __init__(
        self,
        *,
        connection_pool_size: int = 64,
        trust_env: bool = True,
        read_timeout: float | None = DEFAULT_TIMEOUT,
        write_timeout: float | None = DEFAULT_TIMEOUT,
        connect_timeout: float | None = DEFAULT_TIMEOUT,
        pool_timeout: float | None = POOL_TIMEOUT,
        media_write_timeout: float | None = MEDIA_WRITE_TIMEOUT,
    ) -> None:
        self._pool_size = connection_pool_size
        self._trust_env = trust_env
        self._read = read_timeout
        self._write = write_timeout
        self._connect = connect_timeout
        self._pool = pool_timeout
        self._media_write = media_write_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._pool_size)
            self._session = aiohttp.ClientSession(connector=connector, trust_env=self._trust_env)

    async def shutdown(self) -> None:
        session, self._session = self._session, None
        if session is not None and not session.closed:
            await session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: float | object | None = BaseRequest.DEFAULT_NONE,
        write_timeout: float | object | None = BaseRequest.DEFAULT_NONE,
        connect_timeout: float | object | None = BaseRequest.DEFAULT_NONE,
        pool_timeout: float | object | None = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        session = self._session
        if session is None or session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        files = bool(request_data is not None and request_data.contains_files)
        timeout = _timeout(
            read=_given(read_timeout, self._read),
            write=_given(write_timeout, self._media_write if files else self._write),
            connect=_given(connect_timeout, self._connect),
            pool=_given(pool_timeout, self._pool),
        )
        try:
            async with session.request(
                method,
                url,
                data=_body(request_data),
                headers={"User-Agent": self.USER_AGENT},
                timeout=timeout,
            ) as response:
                return response.status, await response.read()
        except TimeoutError as error:
            raise TimedOut from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error}") from error


def _given(value: float | object | None, default: float | None) -> float | None:
    """A timeout passed to the call, or this request's default when the caller passed none."""
    if isinstance(value, int | float) or value is None:
        return value
    return default


def _timeout(
    *, read: float | None, write: float | None, connect: float | None, pool: float | None
) -> aiohttp.ClientTimeout:
    """PTB's four timeouts in aiohttp's terms (None: no limit)."""
    waits = (read, write, connect, pool)
    total = None if any(wait is None for wait in waits) else sum(wait for wait in waits if wait is not None)
    connection = None if connect is None or pool is None else connect + pool
    return aiohttp.ClientTimeout(total=total, connect=connection, sock_connect=connect, sock_read=read)


def _body(request_data: RequestData | None) -> aiohttp.FormData | aiohttp.BytesPayload | None:
    """Parameters form-encoded, or multipart with the files when there are any (as PTB sends them)."""
    if request_data is None:
        return None
    parameters = request_data.json_parameters
    if not request_data.contains_files:
        return aiohttp.BytesPayload(form_urlencoded(parameters), content_type=FORM)
    form = aiohttp.FormData()
    for name, value in parameters.items():
        form.add_field(name, value)
    for name, part in request_data.multipart_data.items():
        if isinstance(part, tuple):
            filename, content, *rest = part
            form.add_field(name, content, filename=filename, content_type=rest[0] if rest else None)
        else:
            form.add_field(name, part)
    return form


def form_urlencoded(parameters: dict[str, str]) -> bytes:
    """``urllib.parse.urlencode(parameters).encode()``, byte for byte, which aiohttp sends for a dict.

    Why: urllib quotes in a Python loop over every byte, and a call's parameters are mostly
    JSON (a keyboard, HTML text) in which most bytes need quoting; with aiohttp's ``FormData``
    around it that was a large share of each Bot API call's cost. A table lookup per byte in C
    gives the same bytes.
    """
    return "&".join(f"{_quote(name)}={_quote(value)}" for name, value in parameters.items()).encode("ascii")


def _quote(text: str) -> str:
    return "".join(map(_QUOTED.__getitem__, text.encode()))
