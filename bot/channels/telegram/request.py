"""PTB's HTTP layer (`telegram.request.BaseRequest`) on aiohttp instead of httpx.

Why: measured against the fake Bot API on loopback, a sendMessage through PTB's
HTTPXRequest costs the bot 1.2 ms of CPU one at a time and 2.5-3 ms with 64 in
flight (httpcore scans every pooled connection, polling each socket, for every
request); through aiohttp it costs 0.45 ms either way, PTB's own work included.
At one request per answer that was most of the bot's CPU.

It behaves as HTTPXRequest does: the same User-Agent and default timeouts,
HTTPS_PROXY/HTTP_PROXY/NO_PROXY honoured, uploads as multipart, timeouts raised
as TimedOut and other transport failures as NetworkError (which `with_retries`
and the update processor retry). POST is never retried by aiohttp itself, so a
request is sent at most once per call. One difference: parameters go as a JSON
body (one of the Bot API's documented encodings) rather than form-encoded, since
urllib's quoting of an answer's text cost more than all of the JSON encoding.
"""

from __future__ import annotations

import json
import urllib.request
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

JSON_BODY = "application/json"


class AiohttpRequest(BaseRequest):
    """A `BaseRequest` over one aiohttp session; timeouts and pool size as HTTPXRequest's defaults."""

    def __init__(self, connection_pool_size: int = 256, *, read_timeout: float | None = 5.0,
                 write_timeout: float | None = 5.0, connect_timeout: float | None = 5.0,
                 pool_timeout: float | None = 1.0, media_write_timeout: float | None = 20.0) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._media_write_timeout = media_write_timeout
        self._session: aiohttp.ClientSession | None = None
        self._proxies: dict[tuple[str, str], str | None] = {}

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        """Open the session (it belongs to the running event loop, so not in __init__)."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=self._pool_size))

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Send the request; (status, body). TimedOut or NetworkError when the transport fails."""
        if self._session is None or self._session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        files = request_data.multipart_data if request_data else None
        timeout = self._timeout(read_timeout, write_timeout, connect_timeout, pool_timeout, bool(files))
        body: Any = None
        headers = {"User-Agent": self.USER_AGENT}
        if files:
            body = _multipart(request_data.json_parameters, files) if request_data else None
        elif request_data is not None and request_data.parameters:
            body, headers["Content-Type"] = json.dumps(request_data.parameters).encode(), JSON_BODY
        try:
            async with self._session.request(method, url, data=body, headers=headers, timeout=timeout,
                                             proxy=self._proxy_for(url)) as response:
                return response.status, await response.read()
        except TimeoutError as error:  # aiohttp's timeouts are asyncio's TimeoutError
            raise TimedOut from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error}") from error

    def _timeout(self, read: ODVInput[float], write: ODVInput[float], connect: ODVInput[float],
                 pool: ODVInput[float], upload: bool) -> aiohttp.ClientTimeout:
        """HTTPXRequest's four timeouts in aiohttp's terms.

        aiohttp has no write timeout: a body is written while the answer is awaited, so a peer that does
        not take the body shows as no answer. The read timeout therefore also covers the write: for
        uploads (up to `media_write_timeout`) it is the sum; a JSON body fits in the socket buffer at once.
        aiohttp's `connect` is the wait for a pooled connection plus making a new one.
        """
        read = self._read_timeout if isinstance(read, DefaultValue) else read
        connect = self._connect_timeout if isinstance(connect, DefaultValue) else connect
        pool = self._pool_timeout if isinstance(pool, DefaultValue) else pool
        if upload:
            write = self._media_write_timeout if isinstance(write, DefaultValue) else write
            read = None if read is None or write is None else read + write
        acquire = None if connect is None or pool is None else connect + pool
        return aiohttp.ClientTimeout(total=None, connect=acquire, sock_connect=connect, sock_read=read)

    def _proxy_for(self, url: str) -> str | None:
        """The proxy the environment sets for this URL's scheme and host (as httpx reads it), looked up once."""
        parts = urlsplit(url)
        key = (parts.scheme, parts.hostname or "")
        if key not in self._proxies:
            bypass = bool(key[1]) and urllib.request.proxy_bypass(key[1])
            self._proxies[key] = None if bypass else urllib.request.getproxies().get(key[0])
        return self._proxies[key]


def _multipart(fields: dict[str, str], files: dict[str, Any]) -> aiohttp.FormData:
    """The parameters and files of an upload, as PTB's multipart_data gives them."""
    form = aiohttp.FormData(fields)
    for name, upload in files.items():
        if isinstance(upload, tuple):
            filename, content, *mime = upload
            form.add_field(name, content, filename=filename, content_type=mime[0] if mime else None)
        else:  # a bare content (bytes or an open file)
            form.add_field(name, upload, filename=name)
    return form

