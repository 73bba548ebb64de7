"""Flussonic Media Server simulator (reference flussonic-api.md §3). Dev tool; the app never imports it.

Served API (also under the ``/flussonic/api/v3`` alias):

* ``GET /streamer/api/v3/streams`` — ``limit`` (default 100), ``cursor``, ``select`` (dotted),
  ``sort`` (``position``/``name``, ``-`` = descending; default = ``position`` then ``name``), ``q``
  (substring of name/title, case-insensitive), filters ``field=a,b`` with optional suffix
  ``_ne``/``_like`` (substring)/``_gt``/``_lt``/``_gte``/``_lte`` (numbers as numbers, else text)/
  ``_is=null``/``_is_not=null`` on any dotted field (``named_by=config``, ``disabled=false``,
  ``dvr.expiration_gte=604800``). Cursors are base64 of ``%24position_gt=N`` (default sort) or ``name_gt=X``
  (``sort=name``; ``name_lt`` for ``-name``); ``prev`` adds ``%24reversed=true``. ``next`` is present
  only when rows remain (else omitted or ``null``: knob ``next_style``); ``estimated_count`` = all
  matching rows. Streams without an integer ``position`` get their list index.
* ``GET /streamer/api/v3/streams/{name}`` (name may contain ``/``; 404 = JSON:API ``errors`` body),
  ``GET /streamer/api/v3/config/stats``, ``GET /streamer/api/v3/monitoring/liveness|readiness``.
* legacy ``GET /flussonic/api/media`` (``?name=a,b``) and ``GET /flussonic/api/server``.
* Auth when ``login``/``password`` or ``token`` is configured: ``Basic login:password``,
  ``Bearer <token>`` or ``Bearer base64(login:password)``; otherwise 401, or 403
  ``{"error":"authorization_failed"}`` with ``auth_failure_status=403``. Probes need no auth.

Control API (no auth; tests may instead change the ``SimulatorState`` object directly):

* ``GET /_sim/config`` — current knobs; ``POST /_sim/config`` — JSON object of knobs to change.
* ``POST /_sim/streams`` — ``{"streams": [...]}`` replaces the line-up, ``{"count": N}`` loads N
  synthetic streams, ``{"seed": true}`` restores the seed line-up.
* ``POST /_sim/reset`` — knobs, line-up and request log back to how the state was created.
* ``GET /_sim/requests`` — log of API requests: ``method``, ``path``, ``query``, ``auth`` (scheme
  only), ``status``.

Knobs (``SimulatorState`` fields): ``login``, ``password``, ``token``, ``auth_failure_status``
(401|403), ``formats`` (``both``|``v3``|``legacy``: the other API answers 404), ``next_style``
(``omit``|``null``), ``default_limit``, ``delay`` (seconds before every API answer; larger than the
client timeout = a timeout) with ``delay_page`` (only before that listing page; the legacy list is
page 1; ``null`` = every answer), ``fault`` (``status``|``non_json``|``wrong_shape``|``legacy_error``|
``jsonapi_error``) with ``fault_status`` (default 500 for status/legacy_error, 400 for
jsonapi_error, 200 otherwise), ``fault_page`` (only that page; the legacy list is page 1; ``null`` =
every listing request), ``fault_times`` (fail that many times then recover; ``null`` = always),
``fault_message``, ``wrong_shape_body`` (the body ``wrong_shape`` serves; null = its default),
``stuck_cursor`` (every page after the first returns the cursor it was given),
``server_version``. Faults apply to the stream listings only.
"""

import asyncio
import base64
import binascii
import copy
import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import parse_qsl, urlencode

import msgspec
from litestar import Litestar, Request, Response, get, post
from litestar.params import FromPath

from devtools.simulators.flussonic.lineup import seed_lineup, synthetic_streams

Fault = Literal["status", "non_json", "wrong_shape", "legacy_error", "jsonapi_error"]
_V3_PREFIXES = ("/streamer/api/v3", "/flussonic/api/v3")
_RESERVED_PARAMS = {"limit", "cursor", "select", "sort", "q"}
_MISSING = object()


@dataclass
class SimulatorState:
    """Everything the simulator serves; mutate it directly or through ``/_sim/config``."""

    streams: list[dict[str, Any]] = field(default_factory=seed_lineup)
    login: str | None = None
    password: str | None = None
    token: str | None = None
    auth_failure_status: Literal[401, 403] = 401
    formats: Literal["both", "v3", "legacy"] = "both"
    next_style: Literal["omit", "null"] = "omit"
    default_limit: int = 100
    delay: float = 0.0
    delay_page: int | None = None
    fault: Fault | None = None
    fault_status: int | None = None
    fault_page: int | None = None
    fault_times: int | None = None
    fault_message: str = "Simulated failure"
    stuck_cursor: bool = False
    # What ``fault: wrong_shape`` serves instead of its default body (any JSON; None = the default).
    wrong_shape_body: Any = None
    server_version: str = "24.02"
    requests: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._initial = {f.name: copy.deepcopy(getattr(self, f.name)) for f in dataclasses.fields(self)}

    @staticmethod
    def knob_names() -> list[str]:
        return [f.name for f in dataclasses.fields(SimulatorState) if f.name not in ("streams", "requests")]

    def knobs(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.knob_names()}

    def configure(self, values: dict[str, Any]) -> None:
        """Apply knob changes after type-checking them all (raises ``ValueError``)."""
        unknown = sorted(set(values) - set(self.knob_names()))
        if unknown:
            raise ValueError(f"unknown knob(s): {', '.join(unknown)}")
        merged = msgspec.convert({**self.knobs(), **values}, type=_Knobs)
        for name in values:
            setattr(self, name, getattr(merged, name))

    def reset(self) -> None:
        for name, value in self._initial.items():
            setattr(self, name, copy.deepcopy(value))

    def take_fault(self, page: int) -> Fault | None:
        """The fault to serve for this listing page, counting down ``fault_times``."""
        if self.fault is None or (self.fault_page is not None and self.fault_page != page):
            return None
        if self.fault_times is not None:
            if self.fault_times <= 0:
                return None
            self.fault_times -= 1
        return self.fault


class _Knobs(msgspec.Struct):
    login: str | None
    password: str | None
    token: str | None
    auth_failure_status: Literal[401, 403]
    formats: Literal["both", "v3", "legacy"]
    next_style: Literal["omit", "null"]
    default_limit: int
    delay: float
    delay_page: int | None
    fault: Fault | None
    fault_status: int | None
    fault_page: int | None
    fault_times: int | None
    fault_message: str
    stuck_cursor: bool
    wrong_shape_body: Any
    server_version: str


def _json(data: Any, status: int = 200) -> Response[bytes]:
    return Response(msgspec.json.encode(data), status_code=status, media_type="application/json")


def _jsonapi_error(status: int, code: str, title: str) -> Response[bytes]:
    return _json({"errors": [{"status": str(status), "code": code, "title": title}]}, status)


def _get_path(obj: Any, path: str) -> Any:
    for part in path.split("."):
        if not isinstance(obj, dict) or part not in obj:
            return _MISSING
        obj = obj[part]
    return obj


def _as_text(value: Any) -> str:
    if value is None or value is _MISSING:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


_SUFFIXES = ("_is_not", "_is", "_gte", "_lte", "_gt", "_lt", "_ne", "_like")


def _compare(value: Any, raw: str, suffix: str) -> bool:
    """``_gt``/``_lt``/``_gte``/``_lte``: numbers as numbers, anything else as text; null never matches."""
    if value is None or value is _MISSING or isinstance(value, dict | list):
        return False
    left: Any = _as_text(value)
    right: Any = raw
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            left, right = value, float(raw)
        except ValueError:
            return False
    if suffix == "_gt":
        return bool(left > right)
    if suffix == "_lt":
        return bool(left < right)
    if suffix == "_gte":
        return bool(left >= right)
    return bool(left <= right)


def _matches(stream: dict[str, Any], key: str, raw: str) -> bool:
    """One filter of reference §1: ``field=a,b`` or ``field<suffix>=...`` on a dotted field."""
    for suffix in _SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix):
            value = _get_path(stream, key.removesuffix(suffix))
            text = _as_text(value)
            if suffix == "_is":
                return text == "null" if raw == "null" else text != "null"
            if suffix == "_is_not":
                return text != "null" if raw == "null" else text == "null"
            if suffix == "_ne":
                return text not in raw.split(",")
            if suffix == "_like":
                return raw.lower() in text.lower()
            return _compare(value, raw, suffix)
    return _as_text(_get_path(stream, key)) in raw.split(",")


def _select(stream: dict[str, Any], fields: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for path in fields:
        parts = path.split(".")
        value = _get_path(stream, path)
        if value is _MISSING:
            # a dotted path through a null parent keeps the null (e.g. dvr: null)
            parent = _get_path(stream, parts[0])
            if parent is None:
                out.setdefault(parts[0], None)
            continue
        target = out
        for part in parts[:-1]:
            existing = target.get(part)
            if not isinstance(existing, dict):
                existing = target[part] = {}
            target = existing
        target[parts[-1]] = copy.deepcopy(value)
    return out


def _encode_cursor(pairs: list[tuple[str, str]]) -> str:
    return base64.b64encode(urlencode(pairs).encode()).decode("ascii")


def _decode_cursor(cursor: str) -> dict[str, str]:
    try:
        return dict(parse_qsl(base64.b64decode(cursor, validate=True).decode()))
    except (binascii.Error, UnicodeDecodeError) as exc:
        raise ValueError("invalid cursor") from exc


def _legacy_entry(stream: dict[str, Any]) -> dict[str, Any]:
    options: dict[str, Any] = {"disabled": stream.get("disabled", False)}
    for key in ("title", "comment"):
        if key in stream:
            options[key] = stream[key]
    dvr = stream.get("dvr")
    if isinstance(dvr, dict):
        options["dvr"] = {"root": dvr.get("root", "/storage"), "disk_limit": 95}
        if dvr.get("expiration") is not None:
            options["dvr"]["dvr_limit"] = dvr["expiration"]
    stats = stream.get("stats") or {}
    return {
        "entry": "stream",
        "value": {
            "name": stream.get("name"),  # a nameless stream, as a broken config would list it
            "urls": [
                {"value": i.get("url"), "options": [["priority", "1"], ["source_timeout", "30"]]}
                for i in stream.get("inputs", [])
            ],
            "options": options,
            "stats": {
                "alive": stats.get("alive", False),
                "bitrate": stats.get("bitrate", 0),
                "client_count": stats.get("online_clients", 0),
                "dvr_enabled": stats.get("dvr_enabled", False),
                "lifetime": 123456,
                "retry_count": 0,
            },
        },
    }


def create_app(state: SimulatorState | None = None) -> Litestar:
    """A Litestar app serving ``state`` (a fresh seed state when omitted); ``app.state.sim`` holds it."""
    sim = state if state is not None else SimulatorState()

    def _authorized(request: Request[Any, Any, Any]) -> tuple[bool, str | None]:
        header = request.headers.get("authorization", "")
        word, _, value = header.partition(" ")
        scheme = word or None
        if sim.login is None and sim.token is None:
            return True, scheme
        basic = (
            base64.b64encode(f"{sim.login}:{sim.password or ''}".encode()).decode() if sim.login is not None else None
        )
        if scheme == "Basic":
            return basic is not None and value == basic, scheme
        if scheme == "Bearer":
            return value in {t for t in (sim.token, basic) if t}, scheme
        return False, scheme

    async def _enter(request: Request[Any, Any, Any], api: Literal["v3", "legacy"]) -> Response[bytes] | None:
        """Log, delay, format and auth checks shared by API handlers; a Response means "answer this"."""
        ok, scheme = _authorized(request)
        entry: dict[str, Any] = {
            "method": request.method,
            "path": request.url.path,
            "query": list(request.query_params.items()),
            "auth": scheme,
        }
        sim.requests.append(entry)
        if sim.delay and sim.delay_page is None:
            await asyncio.sleep(sim.delay)
        if sim.formats not in ("both", api):
            entry["status"] = 404
            return Response(b"404 Not Found", status_code=404, media_type="text/plain")
        if not ok:
            entry["status"] = sim.auth_failure_status
            if sim.auth_failure_status == 403:
                return _json({"error": "authorization_failed"}, 403)
            return Response(
                b"401 Unauthorized",
                status_code=401,
                media_type="text/plain",
                headers={"WWW-Authenticate": 'Basic realm="Flussonic"'},
            )
        entry["status"] = 200
        return None

    async def _page_delay(page: int) -> None:
        if sim.delay and sim.delay_page == page:
            await asyncio.sleep(sim.delay)

    def _fault_response(fault: Fault, api: Literal["v3", "legacy"]) -> Response[bytes]:
        if fault == "status":
            return Response(b"Internal Server Error", status_code=sim.fault_status or 500, media_type="text/plain")
        if fault == "non_json":
            body = b"<html><body><h1>502 Bad Gateway</h1>nginx</body></html>"
            return Response(body, status_code=sim.fault_status or 200, media_type="text/html")
        if fault == "wrong_shape":
            shape: Any = {"streams": {"oops": "not a list"}} if api == "v3" else {"streams": []}
            return _json(shape if sim.wrong_shape_body is None else sim.wrong_shape_body, sim.fault_status or 200)
        if fault == "legacy_error":
            return _json({"error": sim.fault_message}, sim.fault_status or 500)
        return _jsonapi_error(sim.fault_status or 400, "simulated_error", sim.fault_message)

    @get(["/streamer/api/v3/streams", "/flussonic/api/v3/streams"])
    async def list_streams(request: Request[Any, Any, Any]) -> Response[bytes]:
        early = await _enter(request, "v3")
        if early is not None:
            return early
        params = request.query_params
        try:
            limit = int(params.get("limit", sim.default_limit))
            if limit < 0:
                raise ValueError
        except ValueError:
            return _jsonapi_error(400, "invalid_limit", "limit must be a non-negative integer")
        sort = params.get("sort", "position")
        descending = sort.startswith("-")
        key_field = sort.lstrip("-")
        if key_field not in ("position", "name"):
            return _jsonapi_error(400, "unsupported_sort", "the simulator sorts by position or name only")
        cursor_field = "$position" if key_field == "position" else "name"

        # nameless rows are served as they are, so a client's shape check can be tested
        rows = [s for s in sim.streams if isinstance(s, dict)]
        # A row without an integer position sorts by its list index; the rows themselves are not changed.
        positions = {
            id(row): row["position"] if type(row.get("position")) is int else index for index, row in enumerate(rows)
        }
        q = params.get("q", "").lower()
        if q:
            rows = [r for r in rows if q in str(r.get("name", "")).lower() or q in str(r.get("title") or "").lower()]
        for key, raw in params.items():
            if key not in _RESERVED_PARAMS:
                rows = [r for r in rows if _matches(r, key, raw)]

        def sort_key(row: dict[str, Any]) -> tuple[Any, ...]:
            name = row.get("name", "")
            return (positions[id(row)] if key_field == "position" else name, name)

        rows.sort(key=sort_key, reverse=descending)
        start, end = 0, min(limit, len(rows))
        cursor = params.get("cursor")
        if cursor:
            try:
                decoded = _decode_cursor(cursor)
            except ValueError:
                return _jsonapi_error(400, "invalid_cursor", "cursor is not valid")
            reversed_ = decoded.pop("$reversed", None) == "true"
            if len(decoded) != 1:
                return _jsonapi_error(400, "invalid_cursor", "cursor is not valid")
            ((ckey, cvalue),) = decoded.items()
            field_name, _, op = ckey.lstrip("$").rpartition("_")
            if field_name != key_field or op not in ("gt", "lt"):
                return _jsonapi_error(400, "invalid_cursor", "cursor does not match the sort order")
            bound: Any = int(cvalue) if key_field == "position" else cvalue
            hits = [i for i, r in enumerate(rows) if (sort_key(r)[0] > bound if op == "gt" else sort_key(r)[0] < bound)]
            if not hits:
                start = end = len(rows) if not reversed_ else 0
            elif reversed_:
                end = hits[-1] + 1
                start = max(hits[0], end - limit)
            else:
                start = hits[0]
                end = min(hits[-1] + 1, start + limit)
        page_rows = rows[start:end]
        page = start // limit + 1 if limit else 1
        await _page_delay(page)
        fault = sim.take_fault(page)
        if fault is not None:
            return _fault_response(fault, "v3")

        after, before = ("gt", "lt") if not descending else ("lt", "gt")
        next_cursor: str | None = None
        if page_rows and end < len(rows):
            next_cursor = _encode_cursor([(f"{cursor_field}_{after}", str(sort_key(page_rows[-1])[0]))])
        if sim.stuck_cursor and cursor:
            next_cursor = cursor
        prev_cursor: str | None = None
        if page_rows and start > 0:
            prev_cursor = _encode_cursor(
                [(f"{cursor_field}_{before}", str(sort_key(page_rows[0])[0])), ("$reversed", "true")]
            )
        select = [f for f in params.get("select", "").split(",") if f]
        body: dict[str, Any] = {
            "server_id": "5f0e1c1e-0000-4000-8000-0000000f1055",
            "estimated_count": len(rows),
            "prev": prev_cursor,
            "timing": {"filter_ms": 0},
            "streams": [_select(r, select) if select else r for r in page_rows],
        }
        if next_cursor is not None or sim.next_style == "null":
            body["next"] = next_cursor
        return _json(body)

    @get(["/streamer/api/v3/streams/{name:path}", "/flussonic/api/v3/streams/{name:path}"])
    async def get_stream(request: Request[Any, Any, Any], name: FromPath[str]) -> Response[bytes]:
        early = await _enter(request, "v3")
        if early is not None:
            return early
        wanted = name.lstrip("/")
        for stream in sim.streams:
            if stream.get("name") == wanted:
                return _json(stream)
        return _jsonapi_error(404, "stream_not_found", "Stream not found")

    @get(["/streamer/api/v3/config/stats", "/flussonic/api/v3/config/stats"])
    async def config_stats(request: Request[Any, Any, Any]) -> Response[bytes]:
        early = await _enter(request, "v3")
        if early is not None:
            return early
        return _json(
            {
                "server_version": sim.server_version,
                "build": 1,
                "started_at": 1_700_000_000,
                "hostname": "flussonic-sim",
                "total_streams": len(sim.streams),
            }
        )

    @get([f"{p}/monitoring/{probe}" for p in _V3_PREFIXES for probe in ("liveness", "readiness")])
    async def probe() -> Response[bytes]:
        return _json({"server_version": sim.server_version})

    @get("/flussonic/api/media")
    async def legacy_media(request: Request[Any, Any, Any]) -> Response[bytes]:
        early = await _enter(request, "legacy")
        if early is not None:
            return early
        await _page_delay(1)
        fault = sim.take_fault(1)
        if fault is not None:
            return _fault_response(fault, "legacy")
        names = [n for n in request.query_params.get("name", "").split(",") if n]
        rows = [s for s in sim.streams if not names or s.get("name") in names]
        entries: list[dict[str, Any]] = [_legacy_entry(s) for s in rows]
        entries.insert(min(3, len(entries)), {"entry": "template", "value": {"name": "tpl", "prefix": "live"}})
        return _json(entries)

    @get("/flussonic/api/server")
    async def legacy_server(request: Request[Any, Any, Any]) -> Response[bytes]:
        early = await _enter(request, "legacy")
        if early is not None:
            return early
        alive = sum(1 for s in sim.streams if (s.get("stats") or {}).get("alive"))
        return _json(
            {
                "version": sim.server_version,
                "hostname": "flussonic-sim",
                "uptime": 123456,
                "total_clients": 0,
                "total_streams": len(sim.streams),
                "online_streams": alive,
                "input_kbit": 0,
                "output_kbit": 0,
            }
        )

    @get("/_sim/config")
    async def read_config() -> Response[bytes]:
        return _json(sim.knobs())

    @post("/_sim/config", status_code=200)
    async def write_config(request: Request[Any, Any, Any]) -> Response[bytes]:
        try:
            values = msgspec.json.decode(await request.body(), type=dict[str, Any])
            sim.configure(values)
        except (msgspec.DecodeError, ValueError) as exc:
            return _json({"error": str(exc)}, 400)
        return _json(sim.knobs())

    @post("/_sim/streams", status_code=200)
    async def write_streams(request: Request[Any, Any, Any]) -> Response[bytes]:
        try:
            data = msgspec.json.decode(await request.body(), type=dict[str, Any])
        except msgspec.DecodeError as exc:
            return _json({"error": str(exc)}, 400)
        if isinstance(data.get("streams"), list):
            sim.streams = data["streams"]
        elif isinstance(data.get("count"), int):
            sim.streams = synthetic_streams(data["count"])
        elif data.get("seed"):
            sim.streams = seed_lineup()
        else:
            return _json({"error": 'send {"streams": [...]}, {"count": N} or {"seed": true}'}, 400)
        return _json({"count": len(sim.streams)})

    @post("/_sim/reset", status_code=200)
    async def reset() -> Response[bytes]:
        sim.reset()
        return _json({"count": len(sim.streams)})

    @get("/_sim/requests")
    async def read_requests() -> Response[bytes]:
        return _json(sim.requests)

    app = Litestar(
        route_handlers=[
            list_streams,
            get_stream,
            config_stats,
            probe,
            legacy_media,
            legacy_server,
            read_config,
            write_config,
            write_streams,
            reset,
            read_requests,
        ],
        openapi_config=None,
    )
    app.state.sim = sim
    return app
