"""Auth Service simulator: reproduces every point of shared/reference/auth-service.md.

Dev tool only; the app never imports it. Run it::

    cd backend && uv run python -m devtools.simulators.auth_service \\
        --host 127.0.0.1 --port 8090 --api-key KEY [--time-mode naive|reject_offset] [--auth-duration 180]

or in tests: ``with serve_in_thread(create_app(state)) as url: ...`` and drive ``state`` directly
(``state.set_fault(...)``, ``state.set_now(...)``, ``state.advance(...)``, ``state.reset()``,
``state.add_token(...)``, ``state.tokens``, ``state.calls``).

Behaviour (as the real service):
- ``/api/tokens...`` needs ``X-API-Key`` (401 otherwise). POST 201 / duplicate token string 400
  ``{"detail": "Token already exists"}``; GET list with ``status``/``skip``/``limit`` (limit 1..1000,
  default 100, more is 422), ordered by id; GET/PATCH/DELETE by id (404 when missing, DELETE 204).
  PATCH changes only status, max_sessions, valid_until, allowed_ips, allowed_streams, meta;
  token/user_id/valid_from are ignored silently and ``null`` means "leave as is".
  Ids are max(existing)+1, so deleting the highest id hands it out again.
- Datetimes are returned without an offset. Time mode ``naive`` (default) drops an incoming offset
  and keeps the wall-clock value; ``reject_offset`` answers a bare-text 500 to any offset (``Z``
  included). The clock is UTC and can be frozen/advanced.
- ``GET /auth?name=&ip=&token=&proto=`` (no API key) decides in this order: unknown token;
  status suspended/expired; before valid_from; after valid_until (status rewritten to ``expired``
  for good); allowed_ips; allowed_streams (empty/missing = all, exact match); sessions per user_id
  across tokens, one per (stream, ip, token) for X-AuthDuration seconds, over max_sessions denied.
  200 with X-UserId, X-Max-Sessions, X-AuthDuration, or 403 ``{"reason": "..."}``.
- ``GET /health`` answers without touching storage.

Control API (no API key; never subject to faults):
- ``POST /_sim/faults`` ``{"mode": "ok"|"error_500"|"timeout"|"slow"|"apply_error"|"apply_drop",
  "delay": s, "status": 5xx, "methods": ["GET", ...], "paths": ["/api/tokens", ...] (prefixes),
  "kinds": ["create"|"list"|"read"|"update"|"delete"|"auth"|"health", ...], "count": n}``: matching
  calls answer a bare 500 (or ``status``), hang ``delay`` s (default 30; ends early if the client
  hangs up, then 504), or answer normally after ``delay`` s (default 1). ``apply_error`` and
  ``apply_drop`` *do* the call, then answer 500 (or ``status``) or drop the connection mid-answer:
  the change is made but its answer is lost. ``kinds`` selects by what a call does (``create`` is
  POST /api/tokens, ``list`` GET /api/tokens, ``read``/``update``/``delete`` GET/PATCH/DELETE by id).
  ``count`` fails the next n matching calls, then recovers; omitted, the fault stays until changed.
  ``GET /_sim/faults`` shows it.
- ``POST /_sim/clock`` ``{"now": "2030-01-01T00:00:00Z" | null, "advance": seconds}``; GET shows it.
- ``POST /_sim/config`` ``{"time_mode": ..., "auth_duration": s, "api_key": ...}``; GET shows it.
- ``POST /_sim/reset``: forget tokens, sessions, faults, frozen clock.
- ``GET /_sim/tokens``: every token; ``GET /_sim/sessions``: live sessions per user_id.
"""

from devtools.simulators.auth_service.app import AuthSimApp, AuthSimState, Fault, create_app

__all__ = ["AuthSimApp", "AuthSimState", "Fault", "create_app"]
