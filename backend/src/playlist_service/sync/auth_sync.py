"""Keep the Auth Service's tokens in step with the subscribers (spec §6.4, §9.2).

Read ``shared/reference/auth-service.md`` first; every rule below answers one of its points.

State, per subscriber (``users``):

* ``auth_sync_status`` / ``auth_sync_seq``: every local change the Auth Service must see commits
  with ``status = pending`` and ``seq + 1`` (see :func:`mark_pending`). A push reads the row (and
  its seq) and, when it has made the Auth Service match, marks the row ``synced`` *only if the seq
  is unchanged*; a change that landed meanwhile stays pending and is pushed again. Failures set
  ``failed`` with the error, its time, an attempt count and ``auth_sync_next_at``: exponential
  backoff from ``AUTH_SYNC_INTERVAL`` (capped at five minutes) for a passing fault (network, 5xx,
  429); the five minutes at once, and an error saying so, for one that waiting does not cure (401
  wrong key, a 4xx refusing our data, a bug). A resync retries at once after the fix.
* The *pointer* ``auth_token_id`` / ``auth_token`` / ``auth_user_id``: what the Auth Service holds
  for the subscriber, written only after the Auth Service acknowledged it. It is a hint, always
  verified before use: the token behind the id is read and must still carry that token value and
  user_id (ids are reused after deletes). A stale pointer is forgotten and the token re-created.

Convergence (one subscriber, :meth:`AuthSync._converge`) is idempotent and works from what the
Auth Service actually holds, so a crash at any step is recovered by simply running it again:

1. Read the pointed-at token; keep it only if it is still ours.
2. If the token value, user_id or valid_from must change, or valid_until must be removed (none of
   which PATCH can do), delete it. A crash right after leaves the pointer aimed at nothing; step 1
   then finds a 404 (or somebody else's token) and we go on to create.
3. No token: create it. Any 400 means it may exist already: an earlier create went through unseen
   (a timeout, a lost answer, a crash before the id was stored). Look it up by value and adopt it,
   or delete and re-create it if it carries the wrong user_id / valid_from.
4. Otherwise PATCH what differs, always sending every mutable field and ``status`` with
   ``valid_until`` (expiry is sticky). The answer is checked like a read: if it carries another
   token the id was reused between our read and our write (or before the client's retry of a PATCH
   whose answer was lost), so the owner of that token is re-pushed.

DELETE is never retried blindly (by then the id may be somebody else's): after a transient failure
the id is read again and deleted once more only if it still holds our token (:meth:`_delete_checked`).

Every token value we may have POSTed is either confirmed as the one the pointer names, or the
subscriber's current token (the next push adopts it), or a *tombstone* (:class:`AuthTokenDeletion`):
deleting a subscriber leaves its pointer and, unless confirmed, its token value; giving it a new
token leaves the old value unless the pointer confirms it and the subscriber is synced. Both take
the subscriber's push lock first, so no push can create the old value afterwards. A tombstone is
deleted by id, else by value (values are ours alone, 192 random bits); never while a subscriber
holds that value as its current token. Tombstones are processed inline and, on failure, by the worker.

Zero playable channels: an empty ``allowed_streams`` means *every* stream at the Auth Service. Such
a subscriber is sent ``status = suspended`` and, belt and braces, ``allowed_streams`` holding only
:data:`NO_STREAMS_SENTINEL`, a name no Flussonic stream can have. Both deny at ``/auth``.

Concurrency: pushes of one subscriber are serialised by a PostgreSQL transaction-level advisory lock
(class :data:`LOCK_CLASS`, key = user id). A batch (the worker, a resync) locks, loads, pushes and
records its users in groups of ``AUTH_SYNC_CONCURRENCY`` whose pushes run at once, one transaction
each, so a user's lock is held for about its own push, not the whole batch. Whoever needs the lock
meanwhile (an admin's push, delete or new token) waits for it at most ``lock_wait`` (one push with
retries), then answers clearly instead of hanging. The worker claims due rows with
``FOR UPDATE SKIP LOCKED`` and a lease, so several app instances share the work without pushing the
same subscriber twice at once. Catalogue changes reach the worker through the ``auth_sync_events``
outbox (``sync/impact.py``).

Reads of the token list: a batch lists every token once when that is cheaper than a GET per
pointer, and looks tokens up by value in one map per batch (:class:`TokenIndex`), never one
paging search per user.

Changes made at the Auth Service itself (an empty store after a restart, an old backup, tokens
deleted by hand) are found by the reconcile, run periodically and on demand: ``sync/auth_reconcile.py``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any, cast

from sqlalchemy import (
    Boolean,
    Integer,
    Interval,
    Table,
    Text,
    bindparam,
    case,
    func,
    literal_column,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.background import BackgroundLoop
from playlist_service.db.models import AuthSyncStatus, AuthTokenDeletion, User, UserStatus
from playlist_service.errors import AuthServiceError
from playlist_service.integrations.auth_service import (
    MAX_PAGE_SIZE,
    AuthServiceClient,
    AuthToken,
    AuthTokenCreate,
    AuthTokenPatch,
    TokenMayExistError,
)
from playlist_service.playlists.resolution import allowed_streams_query
from playlist_service.settings import Settings
from playlist_service.sync.impact import EVENT_USERS_SQL

__all__ = [
    "LOCK_CLASS",
    "MANAGED_BY",
    "MANAGED_BY_KEY",
    "NO_STREAMS_SENTINEL",
    "SNAPSHOT_COLUMNS",
    "AuthSync",
    "AuthSyncWorker",
    "Deletions",
    "Desired",
    "Outcome",
    "PushBusyError",
    "TokenIndex",
    "desired_state",
    "mark_all_pending",
    "mark_pending",
    "needs_recreate",
    "pending_values",
    "stale_fields",
]

log = logging.getLogger(__name__)

LOCK_CLASS = 0x41_53  # first key of pg_advisory_xact_lock(int, int): "AS", auth sync
MANAGED_BY_KEY, MANAGED_BY = "managed_by", "playlist-service"
"""In the meta of every token we push: a reconcile deletes a token that matches no subscriber only
when it carries this marker (or one of our user_ids), so other systems' tokens on a shared Auth
Service, and tokens made by hand, are left alone (sync/auth_reconcile.py)."""
NO_STREAMS_SENTINEL = "#no-playable-channels"
"""Sent as the only allowed stream of a subscriber without playable channels; ``#`` cannot occur
in a Flussonic stream name, so it matches nothing."""
MAX_BACKOFF = 300.0
BATCH_MAX = 500
LIST_MIN_POINTERS = 100
"""A batch with at least this many stored token ids reads them from the token list, page by page,
instead of one GET each ..."""
GETS_PER_PAGE = 20
"""... when that takes no more than one page per this many GETs saved (pages estimated from the
highest id: ids count up). Beyond that (many more tokens than the batch) GETs are cheaper."""

_users = cast("Table", User.__table__)
_tombstones = cast("Table", AuthTokenDeletion.__table__)

SessionMaker = Callable[[], AsyncSession]


# -- desired state --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Desired:
    """What the Auth Service should hold for one subscriber."""

    token: str
    user_id: str
    status: str
    max_sessions: int
    valid_from: datetime | None
    valid_until: datetime | None
    allowed_streams: list[str]
    meta: dict[str, Any]

    def create_body(self) -> AuthTokenCreate:
        return AuthTokenCreate(
            token=self.token,
            user_id=self.user_id,
            status=self.status,
            max_sessions=self.max_sessions,
            valid_from=self.valid_from,
            valid_until=self.valid_until,
            allowed_streams=self.allowed_streams,
            meta=self.meta,
        )


def desired_state(row: Any, streams: list[str]) -> Desired:
    """``row`` has the users columns; ``streams`` are its playable stream names."""
    playable = bool(streams)
    return Desired(
        token=row.token,
        user_id=row.agreement_number,
        status="active" if row.status == UserStatus.ENABLED and playable else "suspended",
        max_sessions=row.max_sessions,
        valid_from=_seconds(row.valid_from),
        valid_until=_seconds(row.valid_until),
        allowed_streams=sorted(streams) if playable else [NO_STREAMS_SENTINEL],
        meta={"first_name": row.first_name, "last_name": row.last_name, MANAGED_BY_KEY: MANAGED_BY},
    )


def _seconds(value: datetime | None) -> datetime | None:
    # The Auth Service keeps whole seconds in UTC.
    return None if value is None else value.astimezone(UTC).replace(microsecond=0)


def needs_recreate(remote: AuthToken, want: Desired) -> list[str]:
    """Fields PATCH cannot bring in line (so delete + create)."""
    reasons = []
    if remote.token != want.token:
        reasons.append("token")
    if remote.user_id != want.user_id:
        reasons.append("user_id")
    if _seconds(remote.valid_from) != want.valid_from:
        reasons.append("valid_from")
    if want.valid_until is None and remote.valid_until is not None:
        reasons.append("valid_until")
    return reasons


def full_patch(want: Desired) -> AuthTokenPatch:
    """Every field PATCH can set, so the result does not depend on what the token held before."""
    patch = AuthTokenPatch(
        status=want.status,  # always: expiry is sticky, so an extension must re-activate
        max_sessions=want.max_sessions,
        allowed_streams=want.allowed_streams,
        meta=want.meta,
    )
    if want.valid_until is not None:
        patch.valid_until = want.valid_until
    return patch


def stale_fields(remote: AuthToken, want: Desired, now: datetime | None = None) -> list[str]:
    """Mutable fields where ``remote`` differs from ``want``."""
    stale = []
    if remote.status != want.status:
        # The Auth Service rewrites a lapsed token to "expired" itself; that denies exactly as our
        # "active" past its valid_until does, so it is not a difference until valid_until moves.
        now = now or datetime.now(UTC)
        lapsed = want.valid_until is not None and want.valid_until < now
        if not (remote.status == "expired" and want.status == "active" and lapsed):
            stale.append("status")
    if remote.max_sessions != want.max_sessions:
        stale.append("max_sessions")
    if want.valid_until is not None and _seconds(remote.valid_until) != want.valid_until:
        stale.append("valid_until")
    if sorted(remote.allowed_streams or []) != want.allowed_streams:
        stale.append("allowed_streams")
    if (remote.meta or {}) != want.meta:
        stale.append("meta")
    return stale


# -- local bookkeeping ----------------------------------------------------------------------------


def pending_values() -> dict[str, Any]:
    return {
        "auth_sync_status": AuthSyncStatus.PENDING,
        "auth_sync_seq": _users.c.auth_sync_seq + 1,
        "auth_sync_next_at": None,
        "auth_sync_attempts": 0,
    }


async def mark_pending(db: AsyncSession, user_ids: Sequence[int]) -> None:
    """Record that these users' tokens must be pushed again (call in the change's transaction)."""
    if user_ids:
        ids = bindparam("pending_ids", sorted(set(user_ids)), type_=ARRAY(Integer))
        await db.execute(update(_users).where(_users.c.id == func.any(ids)).values(**pending_values()))


async def mark_all_pending(db: AsyncSession) -> int:
    result = await db.execute(update(_users).values(**pending_values()))
    return int(getattr(result, "rowcount", 0) or 0)


@dataclass(slots=True)
class Pointer:
    token_id: int | None = None
    token: str | None = None
    user_id: str | None = None

    def clear(self) -> None:
        self.token_id = self.token = self.user_id = None

    def set(self, remote: AuthToken) -> None:
        self.token_id, self.token, self.user_id = remote.id, remote.token, remote.user_id


@dataclass(slots=True)
class Snapshot:
    user_id: int
    seq: int
    attempts: int
    desired: Desired
    pointer: Pointer


@dataclass(slots=True)
class Outcome:
    """How one push ended; ``error`` is None on success."""

    user_id: int
    seq: int
    attempts: int
    pointer: Pointer
    error: str | None = None
    transient: bool = True
    """False for a failure that waiting does not cure (401 wrong key, a 4xx refusing our data, a
    bug): retried only at the longest backoff, and the error says so."""
    overwritten: str | None = None
    """Token value of somebody else's token our PATCH hit (its id was reused after our read)."""

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(slots=True)
class RunStats:
    events: int = 0
    deletions: int = 0
    deletion_failures: int = 0
    pushed: int = 0
    failed: int = 0

    @property
    def did_work(self) -> bool:
        return bool(self.events or self.deletions or self.deletion_failures or self.pushed or self.failed)


@dataclass(frozen=True, slots=True)
class Deletions:
    """How processing a batch of tombstones ended."""

    done: int
    """Tombstones cleared: their token deleted, found gone, or held by a live subscriber (so left)."""
    deleted: int
    """Tokens our DELETE removed."""
    errors: list[str]
    """One per tombstone kept for a retry."""


SNAPSHOT_COLUMNS = (
    _users.c.id,
    _users.c.first_name,
    _users.c.last_name,
    _users.c.agreement_number,
    _users.c.status,
    _users.c.max_sessions,
    _users.c.token,
    _users.c.valid_from,
    _users.c.valid_until,
    _users.c.auth_token_id,
    _users.c.auth_token,
    _users.c.auth_user_id,
    _users.c.auth_sync_seq,
    _users.c.auth_sync_attempts,
)


def _load_statement() -> Any:
    """The users' columns and their playable stream names (NULL for none), in one statement."""
    ids = bindparam("snapshot_ids", type_=ARRAY(Integer))
    streams = allowed_streams_query(ids).subquery("streams")
    return (
        select(*SNAPSHOT_COLUMNS, streams.c.streams)
        .outerjoin(streams, streams.c.user_id == _users.c.id)
        .where(_users.c.id == func.any(ids))
    )


# Built once (their construction cost more Python time than running them, with one push per create).
_LOAD = _load_statement()


def _record_statement() -> Any:
    """Write pointers always; mark synced / failed only where the seq is unchanged."""
    c = _users.c
    same = c.auth_sync_seq == bindparam("b_seq")
    ok = bindparam("b_ok", type_=Boolean)
    return (
        update(_users)
        .where(c.id == bindparam("b_id"))
        .values(
            auth_token_id=bindparam("b_tid"),
            auth_token=bindparam("b_tok"),
            auth_user_id=bindparam("b_uid"),
            auth_sync_status=case(
                (same & ok, literal_column("'synced'::auth_sync_status")),
                (same, literal_column("'failed'::auth_sync_status")),
                else_=c.auth_sync_status,
            ),
            auth_sync_error=case((ok, None), else_=bindparam("b_err")),
            auth_sync_error_at=case((ok, c.auth_sync_error_at), else_=func.now()),
            auth_sync_attempts=case((same & ok, 0), (same, c.auth_sync_attempts + 1), else_=c.auth_sync_attempts),
            auth_sync_next_at=case(
                (same & ok, None),
                (same, func.now() + bindparam("b_delay", type_=Interval)),
                else_=None,  # changed meanwhile: due again at once
            ),
            auth_synced_at=case((ok, func.now()), else_=c.auth_synced_at),
        )
    )


_RECORD = _record_statement()

# Consume up to 200 outbox events and mark the users they name pending. Users are resolved here,
# after the change committed, not by the change itself (why: sync/impact.py).
_ABSORB = text(
    "".join(  # constant SQL pieces only
        (
            """
            WITH ev AS (
                DELETE FROM auth_sync_events
                WHERE id IN (SELECT id FROM auth_sync_events ORDER BY id LIMIT 200 FOR UPDATE SKIP LOCKED)
                RETURNING user_ids, package_ids, tariff_ids, channel_ids
            ),""",
            EVENT_USERS_SQL,
            """, marked AS (
                UPDATE users SET auth_sync_status = 'pending', auth_sync_seq = auth_sync_seq + 1,
                                 auth_sync_next_at = NULL, auth_sync_attempts = 0
                WHERE id IN (SELECT id FROM affected)
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM ev), (SELECT count(*) FROM marked)
            """,
        )
    )
)


class PushBusyError(Exception):
    """Another push of this subscriber held its lock for longer than ``lock_wait``."""


class _Overwritten(Exception):
    def __init__(self, token: str) -> None:
        super().__init__(token)
        self.token = token


def _nothing() -> None:
    return None


def _owned(remote: AuthToken, pointer: Pointer) -> bool:
    return remote.token == pointer.token and remote.user_id == pointer.user_id


class TokenIndex:
    """What one round knows of the Auth Service's token list.

    ``by_id``: every token, listed once for a batch when that is cheaper than a GET per pointer
    (:meth:`AuthSync._list_tokens_for`). It is read before the batch's users are locked, so it is
    only a hint: a push trusts it for nothing but the decision to PATCH, whose answer it checks.

    :meth:`find` looks a token up by value. For a batch (``shared``) the list is read at most
    once and kept by value (finding a lost create used to page the whole list once per user); a
    listed hit is confirmed with a GET by id, and a miss is searched again only where the token is
    known to exist (after a 400 on create), since it may have been created after the listing.
    """

    def __init__(self, client: AuthServiceClient, by_id: dict[int, AuthToken] | None = None, *, shared: bool) -> None:
        self.client = client
        self.by_id = by_id
        self.shared = shared
        self._by_value: dict[str, AuthToken] | None = None
        self._listing = asyncio.Lock()

    def hint(self, token_id: int) -> AuthToken | None:
        return None if self.by_id is None else self.by_id.get(token_id)

    async def find(self, token: str, *, exists: bool) -> AuthToken | None:
        """The row carrying ``token`` now. ``exists``: the Auth Service said it has it (so a miss
        in a listing read earlier is searched again)."""
        if not self.shared:
            return await self.client.find_by_token(token)
        async with self._listing:
            if self._by_value is None:
                rows = self.by_id.values() if self.by_id is not None else [t async for t in self.client.iter_tokens()]
                self._by_value = {t.token: t for t in rows}
        listed = self._by_value.get(token)
        if listed is not None:
            fresh = await self.client.get_token(listed.id)
            if fresh is not None and fresh.token == token:
                return fresh
        elif not exists:
            return None
        return await self.client.find_by_token(token)


# -- the engine -----------------------------------------------------------------------------------


class AuthSync:
    """Pushes subscribers to the Auth Service; shared by request handlers and the worker."""

    def __init__(
        self,
        session_maker: SessionMaker,
        client: AuthServiceClient,
        settings: Settings,
        *,
        backoff_base: float | None = None,
        backoff_max: float = MAX_BACKOFF,
        lock_wait: float | None = None,
    ) -> None:
        self._sessions = session_maker
        self.client = client
        self.concurrency = max(settings.auth_sync_concurrency, 1)
        self.backoff_base = settings.auth_sync_interval if backoff_base is None else backoff_base
        self.backoff_max = backoff_max
        # Waiting for another push of the same user: long enough for one push with retries.
        self.lock_wait = lock_wait if lock_wait is not None else settings.auth_service_timeout * 4 + 1
        self.lease = max(30.0, settings.auth_service_timeout * 8)
        self.batch_size = min(BATCH_MAX, self.concurrency * 16)
        self.group_size = self.concurrency
        """Users locked and pushed together: all of a group's pushes run at once, so each user's
        lock is held for about its own push (not for a whole batch of up to 500)."""
        self.wake: Callable[[], None] = _nothing
        """Nudges the background worker (set by the app when it runs one)."""

    @property
    def session_maker(self) -> SessionMaker:
        return self._sessions

    def backoff(self, attempts: int, *, transient: bool = True) -> float:
        """Seconds before retry number ``attempts + 1``. A failure that waiting does not cure (a
        wrong API key, a refused field: see :attr:`Outcome.transient`) waits the maximum at once."""
        if not transient:
            return self.backoff_max
        return float(min(self.backoff_base * 2 ** min(attempts, 20), self.backoff_max))

    # -- one subscriber, inline -------------------------------------------------------------------

    async def push_user(self, user_id: int, *, session: AsyncSession | None = None) -> Outcome | None:
        """Make the Auth Service match the user now. ``None``: the user is gone. Raises
        :class:`PushBusyError` when another push of it ran past ``lock_wait`` (the user stays
        pending and is pushed again when that one ends).

        ``session``: run the push's transaction on this session (it must have none open), e.g. the
        request's own after it committed the change, instead of taking a second connection."""
        index = TokenIndex(self.client, shared=False)
        outcomes = await self._push([user_id], claim=lambda s: self._lock_one(s, user_id), index=index, session=session)
        return outcomes[0] if outcomes else None

    async def push_users(self, user_ids: Sequence[int]) -> list[Outcome]:
        """Push many users now, in batches; users locked by another push are skipped."""
        results: list[Outcome] = []
        ordered = sorted(set(user_ids))
        for start in range(0, len(ordered), self.batch_size):
            results += await self._push_batch(ordered[start : start + self.batch_size])
        return results

    async def lock_user(self, session: AsyncSession, user_id: int) -> None:
        """Take the user's push lock until ``session``'s transaction ends, waiting at most
        ``lock_wait`` for a push of it that is running; :class:`PushBusyError` after that (the
        transaction is then unusable)."""
        await self._lock_one(session, user_id)

    async def _lock_one(self, session: AsyncSession, user_id: int) -> list[int]:
        # Usually free (one statement); else wait for the other push, for at most lock_wait.
        if await self._try_lock(session, [user_id]):
            return [user_id]
        await session.execute(text(f"SET LOCAL lock_timeout = '{int(self.lock_wait * 1000)}ms'"))
        try:
            await session.execute(select(func.pg_advisory_xact_lock(LOCK_CLASS, user_id)))
        except DBAPIError as exc:
            if "lock timeout" in str(exc).lower() or "55P03" in str(exc):
                raise PushBusyError(f"user {user_id} is being pushed to the Auth Service") from exc
            raise
        await session.execute(text("SET LOCAL lock_timeout = DEFAULT"))
        return [user_id]

    async def _try_lock(self, session: AsyncSession, user_ids: Sequence[int]) -> list[int]:
        ids = bindparam("lock_ids", list(user_ids), type_=ARRAY(Integer))
        locked = func.unnest(ids).table_valued("id").render_derived(name="claimed")
        stmt = select(locked.c.id).where(func.pg_try_advisory_xact_lock(LOCK_CLASS, locked.c.id))
        return [int(i) for i in (await session.execute(stmt)).scalars()]

    def _try_locker(self, user_ids: Sequence[int]) -> Callable[[AsyncSession], Awaitable[list[int]]]:
        return lambda session: self._try_lock(session, user_ids)

    async def _push_batch(self, user_ids: Sequence[int]) -> list[Outcome]:
        """One listing for the batch (when it pays), then groups of :attr:`group_size`, each
        locked, pushed and recorded in its own transaction. Users locked elsewhere are skipped."""
        index = TokenIndex(self.client, await self._list_tokens_for(user_ids), shared=True)
        outcomes: list[Outcome] = []
        for start in range(0, len(user_ids), self.group_size):
            group = user_ids[start : start + self.group_size]
            outcomes += await self._push(group, claim=self._try_locker(group), index=index)
        if len(outcomes) < len(user_ids):
            log.debug("%d of %d users are being pushed elsewhere", len(user_ids) - len(outcomes), len(user_ids))
        return outcomes

    async def _push(
        self,
        user_ids: Sequence[int],
        *,
        claim: Callable[[AsyncSession], Awaitable[list[int]]],
        index: TokenIndex,
        session: AsyncSession | None = None,
    ) -> list[Outcome]:
        """Lock, load, converge and record ``user_ids`` in one transaction (locks end with it)."""
        async with contextlib.AsyncExitStack() as stack:
            if session is None:
                session = await stack.enter_async_context(self._sessions())
            await stack.enter_async_context(session.begin())
            locked = await claim(session)
            if not locked:
                return []
            snapshots = await self._load(session, locked)
            outcomes = await self._converge_all(snapshots, index)
            await self._record(session, outcomes)
            overwritten = [o.overwritten for o in outcomes if o.overwritten is not None]
            if overwritten:  # re-push whichever of our subscribers holds the token we wrote over
                tokens = bindparam("overwritten", overwritten, type_=ARRAY(Text))
                await session.execute(
                    update(_users).where(_users.c.token == func.any(tokens)).values(**pending_values())
                )
        return outcomes

    async def _load(self, session: AsyncSession, user_ids: Sequence[int]) -> list[Snapshot]:
        rows = (await session.execute(_LOAD, {"snapshot_ids": list(user_ids)})).all()
        return [
            Snapshot(
                user_id=r.id,
                seq=r.auth_sync_seq,
                attempts=r.auth_sync_attempts,
                desired=desired_state(r, r.streams or []),
                pointer=Pointer(r.auth_token_id, r.auth_token, r.auth_user_id),
            )
            for r in rows
        ]

    async def _converge_all(self, snapshots: Sequence[Snapshot], index: TokenIndex) -> list[Outcome]:
        if len(snapshots) == 1:
            return [await self._push_one(snapshots[0], index)]
        gate = asyncio.Semaphore(self.concurrency)

        async def bounded(snap: Snapshot) -> Outcome:
            async with gate:
                return await self._push_one(snap, index)

        return list(await asyncio.gather(*(bounded(s) for s in snapshots)))

    async def _list_tokens_for(self, user_ids: Sequence[int]) -> dict[int, AuthToken] | None:
        """Every remote token by id, when reading the list is cheaper than a GET per pointer (see
        :data:`LIST_MIN_POINTERS`); ``None``: read them one by one."""
        if len(user_ids) < LIST_MIN_POINTERS:
            return None
        async with self._sessions() as session:
            ids = bindparam("pointer_user_ids", list(user_ids), type_=ARRAY(Integer))
            stmt = select(func.count(_users.c.auth_token_id), func.max(_users.c.auth_token_id)).where(
                _users.c.id == func.any(ids)
            )
            pointers, highest = (await session.execute(stmt)).one()
        if pointers < LIST_MIN_POINTERS or highest / MAX_PAGE_SIZE > pointers / GETS_PER_PAGE:
            return None
        try:
            return {t.id: t async for t in self.client.iter_tokens()}
        except AuthServiceError as exc:
            log.warning("Listing Auth Service tokens failed, reading them one by one: %s", exc.message)
            return None

    async def _push_one(self, snap: Snapshot, index: TokenIndex) -> Outcome:
        pointer = Pointer(snap.pointer.token_id, snap.pointer.token, snap.pointer.user_id)
        outcome = Outcome(user_id=snap.user_id, seq=snap.seq, attempts=snap.attempts, pointer=pointer)
        try:
            await self._converge(snap.desired, pointer, index)
        except _Overwritten as exc:
            outcome.overwritten = exc.token
            outcome.error = "the stored token id was given to another token meanwhile; retrying"
        except AuthServiceError as exc:
            outcome.transient = exc.transient
            outcome.error = exc.message if exc.transient else f"{exc.message} {self._stuck_hint()}"
        except Exception as exc:  # a bug must not stop the batch; record it on the user
            log.exception("Auth Service push of user %s failed unexpectedly", snap.user_id)
            outcome.transient = False
            outcome.error = f"unexpected error: {type(exc).__name__}: {exc} {self._stuck_hint()}"
        return outcome

    def _stuck_hint(self) -> str:
        return f"(Waiting will not fix this: retried every {self.backoff_max:g} s; sync the user to retry now.)"

    async def _converge(self, want: Desired, pointer: Pointer, index: TokenIndex) -> None:
        """Steps 1-4 of the module docstring; ``pointer`` follows every acknowledged change.
        Raises :class:`_Overwritten` when a PATCH landed on a stranger's token (its id was reused
        between our read and our write)."""
        remote: AuthToken | None = None
        if pointer.token_id is not None:
            listed = index.hint(pointer.token_id)
            if (
                listed is not None
                and _owned(listed, pointer)
                and not needs_recreate(listed, want)
                and stale_fields(listed, want)
            ):
                # Listed before this user was locked, so it may be stale; but a PATCH sends every
                # mutable field, and its answer is checked below exactly as a read would be.
                await self._patch(listed, want, pointer, index)
                return
            found = await self.client.get_token(pointer.token_id)
            if found is not None and _owned(found, pointer):
                remote = found
            else:
                pointer.clear()  # deleted, or the id now belongs to somebody else's token
        if remote is not None and needs_recreate(remote, want):
            await self._delete_checked(remote)
            pointer.clear()
            remote = None
        if remote is None:
            pointer.set(await self._create(want, index))
        elif stale_fields(remote, want):
            await self._patch(remote, want, pointer, index)

    async def _patch(self, remote: AuthToken, want: Desired, pointer: Pointer, index: TokenIndex) -> None:
        patched = await self.client.patch_token(remote.id, full_patch(want))
        if patched is None:  # deleted between our read and write
            pointer.clear()
            pointer.set(await self._create(want, index))
        elif (patched.token, patched.user_id) != (remote.token, remote.user_id):
            # Deleted and its id handed to another token between our read and write (or between a
            # lost answer and the client's retry): we changed somebody else's token. Forget the
            # pointer (ours is created on the retry) and let the caller re-push the owner, if ours.
            pointer.clear()
            log.warning("Token id %s was reused between read and update; re-pushing", remote.id)
            raise _Overwritten(patched.token)
        elif needs_recreate(patched, want):  # an end date set since a stale listing: PATCH cannot clear it
            await self._delete_checked(patched)
            pointer.clear()
            pointer.set(await self._create(want, index))

    async def _create(self, want: Desired, index: TokenIndex) -> AuthToken:
        try:
            return await self.client.create_token(want.create_body())
        except TokenMayExistError:
            # A 400: most likely an earlier create went through unseen (a timeout, a lost answer, a
            # crash before the id was stored). Look; if it is not there the 400 meant something else.
            found = await index.find(want.token, exists=True)
            if found is None:  # refused for another reason, or removed since: once more, then give up
                return await self.client.create_token(want.create_body())
        # Tokens are unique locally, so a row with our token value is ours: adopt it or rebuild it.
        if needs_recreate(found, want):
            await self._delete_checked(found)
            return await self.client.create_token(want.create_body())
        if not stale_fields(found, want):
            return found
        patched = await self.client.patch_token(found.id, full_patch(want))
        if patched is None:
            return await self.client.create_token(want.create_body())
        if patched.token != want.token:
            log.warning("Token id %s was reused between read and update; re-pushing", found.id)
            raise _Overwritten(patched.token)
        return patched

    async def _record(self, session: AsyncSession, outcomes: Sequence[Outcome]) -> None:
        """Write pointers always; mark synced / failed only where the seq is unchanged."""
        if not outcomes:
            return
        params = [
            {
                "b_id": o.user_id,
                "b_seq": o.seq,
                "b_ok": o.ok,
                "b_tid": o.pointer.token_id,
                "b_tok": o.pointer.token,
                "b_uid": o.pointer.user_id,
                "b_err": (o.error or "")[:2000],
                "b_delay": timedelta(seconds=self.backoff(o.attempts, transient=o.transient)),
            }
            for o in sorted(outcomes, key=lambda o: o.user_id)
        ]
        await session.execute(_RECORD, params)

    # -- deletions (tombstones) -------------------------------------------------------------------

    async def add_tombstones(self, db: AsyncSession, user: User, *, replacing_token: bool = False) -> list[int]:
        """Remember, in the change's transaction, every token the Auth Service may hold for
        ``user`` that must go, so none we ever POSTed keeps playing unseen:

        * before deleting the user: the token its pointer names, and its current token value
          unless the pointer confirms it (a create may have gone through unseen);
        * before giving it a new token (``replacing_token``): the current token value, unless the
          pointer confirms it *and* the user is synced (then the push deletes it by the pointer).

        Call with the user's push lock held (:meth:`lock_user`), so no push can create the token
        after this. Held back from the worker for one lease while the caller tries inline
        (:meth:`delete_tombstones`)."""
        rows: list[dict[str, Any]] = []
        confirmed = user.auth_token_id is not None and user.auth_token == user.token
        unsure = user.auth_sync_status != AuthSyncStatus.SYNCED
        if replacing_token:
            if confirmed and unsure:
                rows.append(
                    {"auth_token_id": user.auth_token_id, "token": user.token, "auth_user_id": user.auth_user_id}
                )
            elif not confirmed:
                rows.append({"auth_token_id": 0, "token": user.token, "auth_user_id": None})  # 0: by value
        else:
            if user.auth_token_id is not None and user.auth_token is not None:
                rows.append(
                    {"auth_token_id": user.auth_token_id, "token": user.auth_token, "auth_user_id": user.auth_user_id}
                )
            if unsure and user.auth_token != user.token:
                rows.append({"auth_token_id": 0, "token": user.token, "auth_user_id": None})
        if not rows:
            return []
        lease = func.now() + bindparam("lease", timedelta(seconds=self.lease), type_=Interval)
        stmt = _tombstones.insert().values(next_attempt_at=lease).returning(_tombstones.c.id)
        return [(await db.execute(stmt, row)).scalar_one() for row in rows]

    async def delete_tombstones(self, tombstone_ids: Sequence[int] | None = None) -> Deletions:
        """Process tombstones (these ids, or every due one)."""
        async with self._sessions() as session, session.begin():
            t = _tombstones.c
            if tombstone_ids is None:
                due = (
                    select(t.id)
                    .where(t.next_attempt_at <= func.now())
                    .order_by(t.id)
                    .limit(self.batch_size)
                    .with_for_update(skip_locked=True)
                )
            else:
                due = (
                    select(t.id)
                    .where(t.id == func.any(bindparam("tomb_ids", list(tombstone_ids), type_=ARRAY(Integer))))
                    .with_for_update(skip_locked=True)
                )
            lease = func.now() + bindparam("lease", timedelta(seconds=self.lease), type_=Interval)
            claimed = (
                await session.execute(
                    update(_tombstones)
                    .where(t.id.in_(due.scalar_subquery()))
                    .values(next_attempt_at=lease)
                    .returning(t.id, t.auth_token_id, t.token, t.auth_user_id, t.attempts)
                )
            ).all()
        if not claimed:
            return Deletions(0, 0, [])
        gate = asyncio.Semaphore(self.concurrency)
        index = TokenIndex(self.client, shared=len(claimed) > 1)

        async def guarded[T](call: Callable[[], Awaitable[T]]) -> T | AuthServiceError:
            async with gate:
                try:
                    return await call()
                except AuthServiceError as exc:
                    return exc

        targets = await asyncio.gather(
            *(guarded(partial(self._find_remote, r.auth_token_id, r.token, r.auth_user_id, index)) for r in claimed)
        )
        # Between the reads and the deletes, as the check of each token was, but one query for the batch.
        in_use = await self._tokens_in_use([x.token for x in targets if isinstance(x, AuthToken)])

        async def delete(target: AuthToken | AuthServiceError | None) -> bool | AuthServiceError:
            if isinstance(target, AuthToken) and target.token not in in_use:
                return await guarded(partial(self._delete_checked, target))
            # Gone already, or a live subscriber holds this token value (never delete theirs): done,
            # though nothing was deleted.
            return target if isinstance(target, AuthServiceError) else False

        results = await asyncio.gather(*(delete(x) for x in targets))
        errors = [r if isinstance(r, AuthServiceError) else None for r in results]
        async with self._sessions() as session, session.begin():
            done = [r.id for r, e in zip(claimed, errors, strict=True) if e is None]
            if done:
                await session.execute(
                    _tombstones.delete().where(t.id == func.any(bindparam("done", done, type_=ARRAY(Integer))))
                )
            failed = [
                {
                    "f_id": r.id,
                    "f_err": (e.message if e.transient else f"{e.message} {self._stuck_hint()}")[:2000],
                    "f_delay": timedelta(seconds=self.backoff(r.attempts, transient=e.transient)),
                }
                for r, e in zip(claimed, errors, strict=True)
                if e is not None
            ]
            if failed:
                await session.execute(
                    update(_tombstones)
                    .where(t.id == bindparam("f_id"))
                    .values(
                        attempts=t.attempts + 1,
                        last_error=bindparam("f_err"),
                        next_attempt_at=func.now() + bindparam("f_delay", type_=Interval),
                    ),
                    failed,
                )
        return Deletions(len(done), sum(r is True for r in results), [e.message for e in errors if e is not None])

    async def _find_remote(
        self, token_id: int, token: str, auth_user_id: str | None, index: TokenIndex
    ) -> AuthToken | None:
        """The token a tombstone names, if the Auth Service still holds it."""
        if token_id > 0:
            found = await self.client.get_token(token_id)
            if found is not None and found.token == token and auth_user_id in (None, found.user_id):
                return found
        # Not (or no longer) at that id: a create may have gone through unseen, or under another id
        # than the one stored. Token values are ours alone (192 random bits), so whichever row
        # carries this one is a token we created: look it up by value.
        return await index.find(token, exists=False)

    async def _delete_checked(self, target: AuthToken) -> bool:
        """DELETE ``target``, just read and found to be ours; False if it was gone already. The
        client never retries a DELETE: after a lost answer the id may already belong to a token
        created since (ids are reused). So on a transient failure read the id again and delete once
        more only if it still holds our token value and user_id."""
        try:
            return await self.client.delete_token(target.id)
        except AuthServiceError as exc:
            if not exc.transient:
                raise
            again = await self.client.get_token(target.id)
            if again is None or (again.token, again.user_id) != (target.token, target.user_id):
                return True  # the DELETE did go through (and the id may have been handed out again)
            return await self.client.delete_token(target.id)

    async def _tokens_in_use(self, tokens: Sequence[str]) -> set[str]:
        """Which of these token values live subscribers hold."""
        # Only the current token counts: a pointer to an old value (auth_token) marks a token the
        # subscriber's own push deletes anyway, so it needs no protection.
        if not tokens:
            return set()
        values = bindparam("in_use", sorted(set(tokens)), type_=ARRAY(Text))
        stmt = select(_users.c.token).where(_users.c.token == func.any(values))
        async with self._sessions() as session:
            return set((await session.execute(stmt)).scalars())

    # -- the worker's round -----------------------------------------------------------------------

    async def absorb_events(self) -> int:
        """Turn outbox events into pending users; returns the number of events consumed."""
        consumed = 0
        while True:
            async with self._sessions() as session, session.begin():
                events, _ = (await session.execute(_ABSORB)).one()
            consumed += int(events)
            if not events:
                return consumed

    async def _claim_due(self) -> list[int]:
        async with self._sessions() as session, session.begin():
            stmt = text(
                """
                UPDATE users SET auth_sync_next_at = now() + make_interval(secs => :lease)
                WHERE id IN (
                    SELECT id FROM users
                    WHERE auth_sync_status <> 'synced'
                      AND (auth_sync_next_at IS NULL OR auth_sync_next_at <= now())
                    ORDER BY auth_sync_next_at NULLS FIRST, id
                    LIMIT :n
                    FOR UPDATE SKIP LOCKED
                )
                RETURNING id
                """
            )
            result = await session.execute(stmt, {"lease": self.lease, "n": self.batch_size})
            return [int(i) for i in result.scalars()]

    async def run_once(self, *, max_batches: int = 1000) -> RunStats:
        """One round: outbox events, due deletions, due pushes (until nothing is due)."""
        stats = RunStats(events=await self.absorb_events())
        while True:
            deletions = await self.delete_tombstones()
            stats.deletions += deletions.done
            stats.deletion_failures += len(deletions.errors)
            if not deletions.done and not deletions.errors:
                break
        for _ in range(max_batches):
            claimed = await self._claim_due()
            if not claimed:
                break
            outcomes = await self._push_batch(claimed)
            stats.pushed += sum(o.ok for o in outcomes)
            stats.failed += sum(not o.ok for o in outcomes)
        return stats

    # -- overview ---------------------------------------------------------------------------------

    async def overview(self, db: AsyncSession) -> dict[str, Any]:
        c = _users.c
        counts = (
            await db.execute(
                select(
                    func.count().filter(c.auth_sync_status == AuthSyncStatus.PENDING),
                    func.count().filter(c.auth_sync_status == AuthSyncStatus.FAILED),
                    func.count().filter(c.auth_sync_status == AuthSyncStatus.SYNCED),
                    select(func.count()).select_from(_tombstones).scalar_subquery(),
                    select(func.count()).select_from(text("auth_sync_events")).scalar_subquery(),
                    func.max(c.auth_sync_error_at).filter(c.auth_sync_status != AuthSyncStatus.SYNCED),
                )
            )
        ).one()
        pending, failed, synced, deletions, events, last_error_at = counts
        last_error = None
        if last_error_at is not None:
            last_error = (
                await db.execute(
                    select(c.auth_sync_error)
                    .where(c.auth_sync_status != AuthSyncStatus.SYNCED, c.auth_sync_error_at == last_error_at)
                    .limit(1)
                )
            ).scalar_one_or_none()
        return {
            "pending": int(pending),
            "failed": int(failed),
            "synced": int(synced),
            "pending_deletions": int(deletions),
            "queued_events": int(events),
            "last_error": last_error,
            "last_error_at": last_error_at,
        }


# -- the background worker ------------------------------------------------------------------------


class AuthSyncWorker(BackgroundLoop):
    """An asyncio task calling :meth:`AuthSync.run_once` every ``interval`` seconds (at once again
    when a round did work). Safe to run in every app instance."""

    task_name = "auth-sync-worker"

    def __init__(self, sync: AuthSync, interval: float) -> None:
        super().__init__()
        self.sync = sync
        self.interval = interval
        self._wake = asyncio.Event()

    def wake(self) -> None:
        self._wake.set()

    async def _loop(self) -> None:
        while True:
            did_work = False
            try:
                stats = await self.sync.run_once()
                did_work = stats.did_work
                if stats.failed or stats.deletion_failures:
                    log.warning(
                        "Auth Service sync round: %d pushed, %d failed, %d deletions failed",
                        stats.pushed,
                        stats.failed,
                        stats.deletion_failures,
                    )
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("Auth Service sync round failed")
            if did_work:
                await asyncio.sleep(0)
                continue
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self.interval)
