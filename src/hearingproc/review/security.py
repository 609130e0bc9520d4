"""The review app's guard: host check, access token, cross-site request protection, headers.

An ASGI middleware in front of every route:

- **Host**: on a loopback binding only ``localhost``, ``127.0.0.1`` and ``[::1]`` are
  accepted as the Host header, so a web page cannot reach the app through DNS rebinding.
- **Token**: when a token is set, every request must carry it: ``Authorization: Bearer``,
  the cookie set after a first visit with ``?token=...`` (which then redirects to the same
  address without it), or the ``X-Review-Token`` header. Anything else gets 401.
- **Cross-site requests**: a request that changes state (anything but GET/HEAD/OPTIONS) must
  come from the app's own origin (``Origin``, else ``Referer``, and ``Sec-Fetch-Site`` when
  sent) and carry ``X-CSRF-Token``, an HMAC of the browser session's cookie under a secret of
  this process. A form on another site can send neither. (Behind a TLS reverse proxy, the proxy
  must pass the Host header on unchanged.)
- **Body size**: a request body over ``MAX_BODY_BYTES`` gets 413, whether it declares its
  length or comes in chunks (the body is counted as it is read, before the app sees any).
- **Headers**: a Content-Security-Policy allowing only the app's own scripts, styles, images
  and media (no inline script, nothing from elsewhere), no framing, no referrer to other
  sites, no caching.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse, RedirectResponse, Response

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SESSION_COOKIE = "hp_review_session"
TOKEN_COOKIE = "hp_review_auth"
CSRF_HEADER = "x-csrf-token"
TOKEN_HEADER = "x-review-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "[::1]"})
MAX_BODY_BYTES = 64 * 1024  # the largest edit (a corrected line) is far smaller
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "media-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'none'")
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),  # so a same-origin POST sends its real Origin
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
)


def _digest(key: bytes, message: str) -> str:
    return hmac.new(key, message.encode(), hashlib.sha256).hexdigest()


class Guard:
    """ASGI middleware; ``csrf_token(session)`` is what pages embed for their scripts."""

    def __init__(self, app: ASGIApp, token: str | None, loopback_only: bool) -> None:
        self.app = app
        self.token = token
        self.loopback_only = loopback_only
        self._secret = secrets.token_bytes(32)
        # the cookie holds a digest of the token, not the token itself
        self._auth_cookie = _digest(token.encode(), "hearingproc-review") if token else ""

    def csrf_token(self, session: str) -> str:
        return _digest(self._secret, f"csrf:{session}")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await self._send_with_headers(refusal, scope, receive, send, None)
            return
        cookies = _cookies(headers)
        session = cookies.get(SESSION_COOKIE, "")
        new_session = None
        if len(session) != 32 or not session.isalnum():
            session = new_session = secrets.token_hex(16)
        scope.setdefault("state", {})["session"] = session
        scope["state"]["csrf_token"] = self.csrf_token(session)
        if self.token and _query_token(scope) is not None:  # first visit: keep it in a cookie
            response = RedirectResponse(_without_token(scope), status_code=303)
            # lax: a link to the app from elsewhere (an e-mail, another site) still opens it
            response.set_cookie(TOKEN_COOKIE, self._auth_cookie, httponly=True, samesite="lax")
            await self._send_with_headers(response, scope, receive, send, new_session)
            return
        if _has_body(headers):
            received = await _read_body(receive)
            if received is None:
                too_large = PlainTextResponse("request body too large", status_code=413,
                                              headers={"connection": "close"})
                await self._send_with_headers(too_large, scope, receive, send, None)
                return
            receive = _replay(received, receive)
        await self._send_with_headers(self.app, scope, receive, send, new_session)

    def _refusal(self, scope: Scope, headers: Headers) -> Response | None:
        """The response refusing this request, or None to let it through."""
        if self.loopback_only and _host_name(headers.get("host", "")) not in LOOPBACK_NAMES:
            return PlainTextResponse("unknown host", status_code=400)
        if self.token and not self._authorised(scope, headers):
            return PlainTextResponse("a review token is required", status_code=401,
                                     headers={"www-authenticate": "Bearer"})
        length = headers.get("content-length", "0")
        if not length.isdigit() or int(length) > MAX_BODY_BYTES:
            return PlainTextResponse("request body too large", status_code=413)
        if scope["method"] not in SAFE_METHODS and not self._same_site(scope, headers):
            return PlainTextResponse("cross-site request refused", status_code=403)
        return None

    def _authorised(self, scope: Scope, headers: Headers) -> bool:
        assert self.token
        offered = [headers.get(TOKEN_HEADER, "")]
        scheme, _, value = headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer":
            offered.append(value.strip())
        query = _query_token(scope)
        if query is not None and scope["method"] == "GET":
            offered.append(query)
        if any(hmac.compare_digest(o.encode(), self.token.encode()) for o in offered if o):
            return True
        cookie = _cookies(headers).get(TOKEN_COOKIE, "")
        return bool(cookie) and hmac.compare_digest(cookie.encode(), self._auth_cookie.encode())

    def _same_site(self, scope: Scope, headers: Headers) -> bool:
        """A state-changing request from this app's own pages (origin and CSRF token)."""
        # host and port only: behind a TLS proxy the browser's scheme is not the app's
        origin = headers.get("origin") or _origin_of(headers.get("referer", ""))
        if (urlsplit(origin).netloc.lower() != headers.get("host", "").lower()
                or headers.get("sec-fetch-site", "same-origin") != "same-origin"):
            return False
        session = _cookies(headers).get(SESSION_COOKIE, "")
        offered = headers.get(CSRF_HEADER, "")
        return bool(session and offered) and hmac.compare_digest(
            offered.encode(), self.csrf_token(session).encode())

    async def _send_with_headers(self, app: ASGIApp, scope: Scope, receive: Receive, send: Send,
                                 new_session: str | None) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw = [(k, v) for k, v in message.get("headers", [])
                       if k.lower() not in {name for name, _ in SECURITY_HEADERS}]
                raw += list(SECURITY_HEADERS)
                if new_session:
                    raw.append((b"set-cookie", f"{SESSION_COOKIE}={new_session}; HttpOnly; "
                                "SameSite=Strict; Path=/".encode()))
                message["headers"] = raw
            await send(message)

        await app(scope, receive, with_headers)


def _has_body(headers: Headers) -> bool:
    """Whether the request says it carries a body: a length above 0, or chunks."""
    return "transfer-encoding" in headers or headers.get("content-length", "0") != "0"


async def _read_body(receive: Receive) -> list[Message] | None:
    """The request's messages up to the body's end, or None once the body is over
    ``MAX_BODY_BYTES`` (a chunked body declares no length, so only counting tells)."""
    messages: list[Message] = []
    size = 0
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":  # the client went away
            return messages
        size += len(message.get("body", b""))
        if size > MAX_BODY_BYTES:
            return None
        if not message.get("more_body", False):
            return messages


def _replay(messages: list[Message], receive: Receive) -> Receive:
    """``receive`` for the app: the messages already read, then the server's own."""
    pending = deque(messages)

    async def replayed() -> Message:
        return pending.popleft() if pending else await receive()

    return replayed


def _host_name(value: str) -> str:
    """The name in a Host header, without the port (``[::1]:8000`` -> ``[::1]``)."""
    value = value.strip().lower()
    if value.startswith("["):
        return value.split("]", 1)[0] + "]"
    return value.rsplit(":", 1)[0]


def _cookies(headers: Headers) -> dict[str, str]:
    found: dict[str, str] = {}
    for part in headers.get("cookie", "").split(";"):
        key, _, value = part.strip().partition("=")
        if key:
            found[key] = value
    return found


def _query_token(scope: Scope) -> str | None:
    for key, value in parse_qsl(scope.get("query_string", b"").decode("latin-1")):
        if key == "token":
            return value
    return None


def _without_token(scope: Scope) -> str:
    query = [(k, v) for k, v in parse_qsl(scope.get("query_string", b"").decode("latin-1"))
             if k != "token"]
    return scope.get("root_path", "") + scope["path"] + (f"?{urlencode(query)}" if query else "")


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""
