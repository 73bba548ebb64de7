"""The Auth Service simulator as a plain ASGI app (see the package docstring for the control API).

Plain ASGI rather than Litestar on purpose: the simulator must answer exactly like the real
service (FastAPI-style ``detail`` bodies, 422 on bad input, a bare-text 500, hanging connections),
and a framework's own validation and error pages would get in the way.
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any, Literal
from urllib.parse import parse_qs

TimeMode = Literal["naive", "reject_offset"]
FaultMode = Literal["ok", "error_500", "timeout", "slow", "apply_error", "apply_drop"]
FAULT_MODES: tuple[str, ...] = ("ok", "error_500", "timeout", "slow", "apply_error", "apply_drop")
RequestKind = Literal["create", "list", "read", "update", "delete", "auth", "health"]
REQUEST_KINDS: tuple[str, ...] = ("create", "list", "read", "update", "delete", "auth", "health")

Scope = Mapping[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

MAX_LIMIT = 1000
DEFAULT_LIMIT = 100
DEFAULT_AUTH_DURATION = 180
INACTIVE_STATUSES = frozenset({"suspended", "expired"})


@dataclass(slots=True)
class SimToken:
    id: int
    token: str
    user_id: str
    status: str
    max_sessions: int
    valid_from: datetime | None
    valid_until: datetime | None
    allowed_ips: list[str] | None
    allowed_streams: list[str] | None
    meta: dict[str, Any] | None
    created_at: datetime
    updated_at: datetime

    def to_json(self) -> dict[str, Any]:
        def dt(value: datetime | None) -> str | None:
            return value.isoformat() if value is not None else None  # naive: no offset, as the real one

        return {
            "id": self.id,
            "token": self.token,
            "user_id": self.user_id,
            "status": self.status,
            "max_sessions": self.max_sessions,
            "valid_from": dt(self.valid_from),
            "valid_until": dt(self.valid_until),
            "allowed_ips": self.allowed_ips,
            "allowed_streams": self.allowed_streams,
            "meta": self.meta,
            "created_at": dt(self.created_at),
            "updated_at": dt(self.updated_at),
        }


def request_kind(method: str, path: str) -> RequestKind | None:
    """What a call does, for selecting faults: ``create`` (POST /api/tokens), ``list`` (GET
    /api/tokens), ``read`` / ``update`` / ``delete`` (GET / PATCH / DELETE /api/tokens/{id}),
    ``auth`` (GET /auth), ``health``; ``None`` for anything else."""
    if path.rstrip("/") == "/api/tokens":
        return {"POST": "create", "GET": "list"}.get(method)  # type: ignore[return-value]
    if path.startswith("/api/tokens/"):
        return {"GET": "read", "PATCH": "update", "DELETE": "delete"}.get(method)  # type: ignore[return-value]
    if path == "/auth" and method == "GET":
        return "auth"
    if path == "/health" and method == "GET":
        return "health"
    return None


@dataclass(frozen=True, slots=True)
class Fault:
    """``error_500``: answer ``status`` without doing anything; ``timeout``: hang; ``slow``: answer
    normally after ``delay``; ``apply_error``: do the call, then answer ``status`` (the change is
    made, the client is told it failed); ``apply_drop``: do the call, then drop the connection
    mid-answer (the change is made, the client sees a broken connection)."""

    mode: FaultMode = "ok"
    delay: float | None = None
    """Seconds: how long ``slow`` waits before answering, ``timeout`` hangs (default 30)."""
    status: int = 500
    """Status ``error_500`` and ``apply_error`` answer with (any 5xx)."""
    methods: frozenset[str] | None = None
    paths: tuple[str, ...] | None = None
    """Path prefixes; ``None`` matches every path except ``/_sim/``."""
    kinds: frozenset[str] | None = None
    """Request kinds (:func:`request_kind`); ``None`` matches every kind."""
    count: int | None = None
    """Fail only the next ``count`` matching calls, then recover; ``None``: until changed."""

    def matches(self, method: str, path: str) -> bool:
        if self.mode == "ok":
            return False
        if self.methods is not None and method not in self.methods:
            return False
        if self.kinds is not None and request_kind(method, path) not in self.kinds:
            return False
        return self.paths is None or any(path.startswith(prefix) for prefix in self.paths)


class TokenTable(dict[int, SimToken]):
    """Tokens by id, indexed by token value and tracking the highest id, so a create, a lookup and
    ``/auth`` stay O(1) with 100,000 tokens (``make bench``). Tests mutate it as a plain dict."""

    def __init__(self) -> None:
        super().__init__()
        self.by_value: dict[str, int] = {}
        self.top = 0

    def __setitem__(self, key: int, value: SimToken) -> None:
        if key in self:
            self.by_value.pop(self[key].token, None)
        super().__setitem__(key, value)
        self.by_value[value.token] = key
        self.top = max(self.top, key)

    def __delitem__(self, key: int) -> None:
        self.by_value.pop(self[key].token, None)
        super().__delitem__(key)
        if key == self.top:
            self.top = max(self, default=0)

    def pop(self, key: int, *default: Any) -> Any:
        if key not in self:
            if default:
                return default[0]
            raise KeyError(key)
        value = self[key]
        del self[key]
        return value

    def clear(self) -> None:
        super().clear()
        self.by_value.clear()
        self.top = 0

    def find(self, token: str) -> SimToken | None:
        found = self.get(self.by_value.get(token, 0))
        return found if found is not None and found.token == token else None


class AuthSimState:
    """Everything the simulator knows; safe to drive from the test thread while it serves."""

    def __init__(
        self,
        *,
        api_key: str = "test-key",
        time_mode: TimeMode = "naive",
        auth_duration: int = DEFAULT_AUTH_DURATION,
    ) -> None:
        self.lock = threading.RLock()
        self.api_key = api_key
        self.time_mode: TimeMode = time_mode
        self.auth_duration = auth_duration
        self.tokens = TokenTable()
        # user_id -> {(stream, ip, token): expires_at}
        self.sessions: dict[str, dict[tuple[str, str, str], datetime]] = {}
        self.fault = Fault()
        self.calls: list[tuple[str, str]] = []
        """Every non-control request as (method, path), to assert on retries."""
        self._fixed_now: datetime | None = None

    # -- clock: naive UTC, the way the real service compares -------------------------------------

    def now(self) -> datetime:
        with self.lock:
            if self._fixed_now is not None:
                return self._fixed_now
        return datetime.now(UTC).replace(tzinfo=None)

    def set_now(self, value: datetime | None) -> None:
        """Freeze the clock at ``value`` (aware values are converted to UTC); ``None``: real time."""
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        with self.lock:
            self._fixed_now = value

    def advance(self, seconds: float) -> None:
        with self.lock:
            self._fixed_now = self.now() + timedelta(seconds=seconds)

    # -- faults --------------------------------------------------------------------------------

    def set_fault(
        self,
        mode: FaultMode = "ok",
        *,
        delay: float | None = None,
        status: int = 500,
        methods: Iterable[str] | None = None,
        paths: Iterable[str] | None = None,
        kinds: Iterable[RequestKind] | None = None,
        count: int | None = None,
    ) -> None:
        if mode not in FAULT_MODES:
            raise ValueError(f"unknown fault mode {mode!r}")
        if kinds is not None and not set(kinds) <= set(REQUEST_KINDS):
            raise ValueError(f"unknown request kinds {sorted(set(kinds) - set(REQUEST_KINDS))}")
        with self.lock:
            self.fault = Fault(
                mode=mode,
                delay=delay,
                status=status,
                methods=frozenset(m.upper() for m in methods) if methods is not None else None,
                paths=tuple(paths) if paths is not None else None,
                kinds=frozenset(kinds) if kinds is not None else None,
                count=count,
            )

    def take_fault(self, method: str, path: str) -> Fault | None:
        with self.lock:
            fault = self.fault
            if not fault.matches(method, path):
                return None
            if fault.count is not None:
                left = fault.count - 1
                self.fault = Fault() if left <= 0 else replace(fault, count=left)
            return fault

    # -- data ----------------------------------------------------------------------------------

    def reset(self) -> None:
        """Forget tokens, sessions, calls, faults and the frozen clock (keeps key, modes)."""
        with self.lock:
            self.tokens.clear()
            self.sessions.clear()
            self.calls.clear()
            self.fault = Fault()
            self._fixed_now = None

    def next_id(self) -> int:
        # max + 1, like SQLite without AUTOINCREMENT: deleting the highest id hands it out again.
        return self.tokens.top + 1

    def add_token(self, **fields: Any) -> SimToken:
        """Seed a token directly (tests); same defaults as POST /api/tokens."""
        with self.lock:
            now = self.now()
            token = SimToken(
                id=self.next_id(),
                token=fields["token"],
                user_id=fields["user_id"],
                status=fields.get("status", "active"),
                max_sessions=fields.get("max_sessions", 1),
                valid_from=fields.get("valid_from"),
                valid_until=fields.get("valid_until"),
                allowed_ips=fields.get("allowed_ips"),
                allowed_streams=fields.get("allowed_streams"),
                meta=fields.get("meta"),
                created_at=now,
                updated_at=now,
            )
            self.tokens[token.id] = token
            return token

    def find(self, token: str) -> SimToken | None:
        return self.tokens.find(token)


# -- request plumbing --------------------------------------------------------------------------


@dataclass(slots=True)
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes


@dataclass(slots=True)
class Response:
    status: int
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)
    content_type: str | None = "application/json"


def json_response(status: int, payload: Any, headers: list[tuple[str, str]] | None = None) -> Response:
    return Response(status, json.dumps(payload).encode(), headers or [])


def text_response(status: int, text: str) -> Response:
    return Response(status, text.encode(), content_type="text/plain; charset=utf-8")


class HTTPError(Exception):
    def __init__(self, response: Response) -> None:
        super().__init__(response.status)
        self.response = response


def detail(status: int, message: str) -> HTTPError:
    return HTTPError(json_response(status, {"detail": message}))


def invalid(loc: list[str | int], msg: str, kind: str = "value_error") -> HTTPError:
    return HTTPError(json_response(422, {"detail": [{"loc": loc, "msg": msg, "type": kind}]}))


def internal_error() -> HTTPError:
    # What uvicorn/Starlette answer on an unhandled exception: bare text, not JSON.
    return HTTPError(text_response(500, "Internal Server Error"))


# -- field validation (FastAPI/pydantic-like) ----------------------------------------------------


def _str(value: Any, loc: list[str | int]) -> str:
    if not isinstance(value, str):
        raise invalid(loc, "Input should be a valid string", "string_type")
    return value


def _int(value: Any, loc: list[str | int]) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise invalid(loc, "Input should be a valid integer", "int_type")
    return value


def _str_list(value: Any, loc: list[str | int]) -> list[str]:
    if not isinstance(value, list):
        raise invalid(loc, "Input should be a valid list", "list_type")
    return [_str(item, [*loc, i]) for i, item in enumerate(value)]


def _dict(value: Any, loc: list[str | int]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise invalid(loc, "Input should be a valid dictionary", "dict_type")
    return value


class AuthSimApp:
    """ASGI callable; ``state`` is shared with whoever created it."""

    def __init__(self, state: AuthSimState) -> None:
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        request = Request(
            method=scope["method"].upper(),
            path=scope["path"],
            query=parse_qs(scope.get("query_string", b"").decode("latin-1")),
            headers={k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]},
            body=body,
        )
        fault: Fault | None = None
        if not request.path.startswith("/_sim/"):
            with self.state.lock:
                self.state.calls.append((request.method, request.path))
            fault = self.state.take_fault(request.method, request.path)
            if fault is not None and fault.mode not in ("apply_error", "apply_drop"):
                response = await self._apply_fault(fault, receive)
                if response is None:
                    return  # the client hung up while we hung
                if response.status != 0:
                    await self._send(send, response)
                    return
        try:
            with self.state.lock:
                response = self._route(request)
        except HTTPError as exc:
            response = exc.response
        if fault is not None and fault.mode == "apply_error":
            response = text_response(fault.status, "Internal Server Error")
        elif fault is not None and fault.mode == "apply_drop":
            # Headers promising a body, then nothing: the server closes the connection mid-answer.
            await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"100")]})
            return  # the server closes a connection whose answer was never completed
        await self._send(send, response)

    async def _apply_fault(self, fault: Fault, receive: Receive) -> Response | None:
        """A response to send, ``Response(0)`` to carry on normally, ``None`` to send nothing."""
        if fault.mode == "error_500":
            return text_response(fault.status, "Internal Server Error")
        if fault.mode == "slow":
            await asyncio.sleep(fault.delay if fault.delay is not None else 1.0)
            return Response(0)
        # timeout: hang until the delay passes or the client gives up, whichever comes first.
        sleeper = asyncio.ensure_future(asyncio.sleep(fault.delay if fault.delay is not None else 30.0))
        listener = asyncio.ensure_future(receive())
        done, pending = await asyncio.wait({sleeper, listener}, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()
        if listener in done:
            return None
        return text_response(504, "Gateway Timeout")

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return

    @staticmethod
    async def _send(send: Send, response: Response) -> None:
        headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in response.headers]
        if response.content_type is not None and response.status != 204:
            headers.append((b"content-type", response.content_type.encode()))
        body = b"" if response.status == 204 else response.body
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": response.status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    # -- routing -------------------------------------------------------------------------------

    _TOKEN_PATH = re.compile(r"^/api/tokens/([^/]+)/?$")

    def _route(self, request: Request) -> Response:
        path, method = request.path, request.method
        if path.startswith("/_sim/"):
            return self._control(request)
        if path == "/health" and method == "GET":
            return json_response(200, {"status": "ok"})
        if path == "/auth" and method == "GET":
            return self._auth(request)
        if path.startswith("/api/"):
            if request.headers.get("x-api-key") != self.state.api_key:
                return json_response(401, {"detail": "Invalid or missing API key"})
            if path.rstrip("/") == "/api/tokens":
                if method == "GET":
                    return self._list(request)
                if method == "POST":
                    return self._create(request)
                raise detail(405, "Method Not Allowed")
            match = self._TOKEN_PATH.match(path)
            if match:
                try:
                    token_id = int(match.group(1))
                except ValueError:
                    raise invalid(["path", "token_id"], "Input should be a valid integer", "int_parsing") from None
                if method == "GET":
                    return json_response(200, self._get(token_id).to_json())
                if method == "PATCH":
                    return self._patch(token_id, request)
                if method == "DELETE":
                    self.state.tokens.pop(self._get(token_id).id)
                    return Response(204, content_type=None)
                raise detail(405, "Method Not Allowed")
        raise detail(404, "Not Found")

    # -- management API ------------------------------------------------------------------------

    def _json_body(self, request: Request) -> dict[str, Any]:
        try:
            body = json.loads(request.body or b"null")
        except ValueError:
            raise invalid(["body"], "JSON decode error", "json_invalid") from None
        if not isinstance(body, dict):
            raise invalid(["body"], "Input should be a valid dictionary", "model_attributes_type")
        return body

    def _datetime(self, value: Any, loc: list[str | int]) -> datetime:
        text = _str(value, loc)
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            raise invalid(loc, "Input should be a valid datetime", "datetime_parsing") from None
        if parsed.tzinfo is not None:
            if self.state.time_mode == "reject_offset":
                raise internal_error()  # the version that crashes comparing aware with naive
            parsed = parsed.replace(tzinfo=None)  # offset dropped, wall-clock value kept
        return parsed

    def _optional(self, body: Mapping[str, Any], name: str, check: Callable[[Any, list[str | int]], Any]) -> Any:
        value = body.get(name)
        return None if value is None else check(value, ["body", name])

    def _create(self, request: Request) -> Response:
        body = self._json_body(request)
        for name in ("token", "user_id"):
            if name not in body:
                raise invalid(["body", name], "Field required", "missing")
        token = _str(body["token"], ["body", "token"])
        user_id = _str(body["user_id"], ["body", "user_id"])
        status = _str(body.get("status", "active"), ["body", "status"])
        max_sessions = _int(body.get("max_sessions", 1), ["body", "max_sessions"])
        fields = {
            "valid_from": self._optional(body, "valid_from", self._datetime),
            "valid_until": self._optional(body, "valid_until", self._datetime),
            "allowed_ips": self._optional(body, "allowed_ips", _str_list),
            "allowed_streams": self._optional(body, "allowed_streams", _str_list),
            "meta": self._optional(body, "meta", _dict),
        }
        if self.state.find(token) is not None:
            raise detail(400, "Token already exists")
        created = self.state.add_token(token=token, user_id=user_id, status=status, max_sessions=max_sessions, **fields)
        return json_response(201, created.to_json())

    def _list(self, request: Request) -> Response:
        def number(name: str, default: int, low: int, high: int | None) -> int:
            raw = request.query.get(name, [None])[-1]
            if raw is None:
                return default
            try:
                value = int(raw)
            except ValueError:
                raise invalid(["query", name], "Input should be a valid integer", "int_parsing") from None
            if value < low:
                raise invalid(["query", name], f"Input should be greater than or equal to {low}", "greater_than_equal")
            if high is not None and value > high:
                raise invalid(["query", name], f"Input should be less than or equal to {high}", "less_than_equal")
            return value

        skip = number("skip", 0, 0, None)
        limit = number("limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
        status = request.query.get("status", [None])[-1]
        rows = [t for _, t in sorted(self.state.tokens.items()) if status is None or t.status == status]
        return json_response(200, [t.to_json() for t in rows[skip : skip + limit]])

    def _get(self, token_id: int) -> SimToken:
        token = self.state.tokens.get(token_id)
        if token is None:
            raise detail(404, "Token not found")
        return token

    def _patch(self, token_id: int, request: Request) -> Response:
        token = self._get(token_id)
        body = self._json_body(request)
        # Only these change; token, user_id, valid_from (and anything else) are ignored silently.
        # null means "leave as is" for every field, so valid_until cannot be cleared.
        checks: dict[str, Callable[[Any, list[str | int]], Any]] = {
            "status": _str,
            "max_sessions": _int,
            "valid_until": self._datetime,
            "allowed_ips": _str_list,
            "allowed_streams": _str_list,
            "meta": _dict,
        }
        changes = {
            name: check(body[name], ["body", name]) for name, check in checks.items() if body.get(name) is not None
        }
        for name, value in changes.items():
            setattr(token, name, value)
        token.updated_at = self.state.now()
        return json_response(200, token.to_json())

    # -- Flussonic's /auth ---------------------------------------------------------------------

    def _auth(self, request: Request) -> Response:
        def arg(name: str) -> str:
            return request.query.get(name, [""])[-1]

        stream, ip, token_value = arg("name"), arg("ip"), arg("token")
        state = self.state
        now = state.now()

        def deny(reason: str) -> Response:
            return json_response(403, {"reason": reason})

        token = state.find(token_value) if token_value else None
        if token is None:
            return deny("unknown token")
        if token.status in INACTIVE_STATUSES:
            return deny(f"token {token.status}")
        if token.valid_from is not None and now < token.valid_from:
            return deny("token not yet valid")
        if token.valid_until is not None and now > token.valid_until:
            token.status = "expired"  # sticky: extending valid_until alone does not undo this
            token.updated_at = now
            return deny("token expired")
        if token.allowed_ips and ip not in token.allowed_ips:
            return deny("ip not allowed")
        if token.allowed_streams and stream not in token.allowed_streams:
            return deny("stream not allowed")

        sessions = state.sessions.setdefault(token.user_id, {})
        for key in [k for k, expires in sessions.items() if expires <= now]:
            del sessions[key]
        key = (stream, ip, token.token)
        if key not in sessions and len(sessions) >= token.max_sessions:
            return deny("too many sessions")
        sessions[key] = now + timedelta(seconds=state.auth_duration)
        return Response(
            200,
            b"",
            [
                ("X-UserId", token.user_id),
                ("X-Max-Sessions", str(token.max_sessions)),
                ("X-AuthDuration", str(state.auth_duration)),
            ],
            content_type=None,
        )

    # -- control API ---------------------------------------------------------------------------

    def _control(self, request: Request) -> Response:
        state, path, method = self.state, request.path.rstrip("/"), request.method
        if path == "/_sim/reset" and method == "POST":
            state.reset()
            return json_response(200, {"ok": True})
        if path == "/_sim/faults":
            if method == "POST":
                body = self._json_body(request)
                mode = body.get("mode", "ok")
                if mode not in FAULT_MODES:
                    raise invalid(["body", "mode"], "mode must be one of " + ", ".join(FAULT_MODES))
                kinds = body.get("kinds")
                if kinds is not None and not (isinstance(kinds, list) and set(kinds) <= set(REQUEST_KINDS)):
                    raise invalid(["body", "kinds"], "kinds must be a list of " + ", ".join(REQUEST_KINDS))
                state.set_fault(
                    mode,
                    delay=body.get("delay"),
                    status=int(body.get("status", 500)),
                    methods=body.get("methods"),
                    paths=body.get("paths"),
                    kinds=kinds,
                    count=body.get("count"),
                )
            if method in ("GET", "POST"):
                fault = state.fault
                return json_response(
                    200,
                    {
                        "mode": fault.mode,
                        "delay": fault.delay,
                        "status": fault.status,
                        "methods": sorted(fault.methods) if fault.methods is not None else None,
                        "paths": list(fault.paths) if fault.paths is not None else None,
                        "kinds": sorted(fault.kinds) if fault.kinds is not None else None,
                        "count": fault.count,
                    },
                )
        if path == "/_sim/clock":
            if method == "POST":
                body = self._json_body(request)
                if "now" in body:
                    now = body["now"]
                    state.set_now(None if now is None else datetime.fromisoformat(_str(now, ["body", "now"])))
                if body.get("advance") is not None:
                    state.advance(float(body["advance"]))
            if method in ("GET", "POST"):
                return json_response(200, {"now": state.now().isoformat()})
        if path == "/_sim/config":
            if method == "POST":
                body = self._json_body(request)
                if "time_mode" in body:
                    if body["time_mode"] not in ("naive", "reject_offset"):
                        raise invalid(["body", "time_mode"], "time_mode must be naive or reject_offset")
                    state.time_mode = body["time_mode"]
                if "auth_duration" in body:
                    state.auth_duration = _int(body["auth_duration"], ["body", "auth_duration"])
                if "api_key" in body:
                    state.api_key = _str(body["api_key"], ["body", "api_key"])
            if method in ("GET", "POST"):
                return json_response(200, {"time_mode": state.time_mode, "auth_duration": state.auth_duration})
        if path == "/_sim/tokens" and method == "GET":
            return json_response(200, [t.to_json() for _, t in sorted(state.tokens.items())])
        if path == "/_sim/sessions" and method == "GET":
            now = state.now()
            return json_response(
                200,
                {
                    user: [
                        {"stream": s, "ip": ip, "token": tok, "expires_at": exp.isoformat()}
                        for (s, ip, tok), exp in sessions.items()
                        if exp > now
                    ]
                    for user, sessions in state.sessions.items()
                },
            )
        raise detail(404, "Not Found")


def create_app(state: AuthSimState | None = None) -> AuthSimApp:
    """The simulator around ``state`` (a fresh one with API key ``test-key`` when omitted)."""
    return AuthSimApp(state if state is not None else AuthSimState())
