"""Reconcile: compare the Auth Service's tokens with the subscribers, report and repair (spec §6.4).

Pushes (``sync/auth_sync.py``) carry every change we make to the Auth Service, but nothing we do
notices a change made *there*: restarted with an empty store, restored from an old backup, tokens
deleted by hand. Such subscribers stay "synced" while nobody can play. So besides the manual
``POST /auth-sync/reconcile``, :class:`ReconcileScheduler` (started with the background worker) runs a
repairing reconcile about every ``AUTH_RECONCILE_INTERVAL`` seconds.

One at a time, whichever instance: a run holds the session-level advisory lock
:data:`RECONCILE_LOCK_KEY`, taken without waiting (``db/locks.py``). A manual run meanwhile gets 409
CONFLICT; a scheduled one is skipped, and also when a repairing run succeeded less than an interval
ago, so several instances together check about once per interval (and a failed run, the Auth Service
being down, is retried at the next look). Every run is recorded in ``auth_reconcile_runs`` (the newest
:data:`KEEP_RUNS`) for the dashboard and ``/auth-sync/status``.

Cost at 100,000 subscribers: the token list is read one page (1000) at a time and each page is
matched to subscribers by token value in one query, plus one for their streams and, when some token
matches nobody, one for its user_id (and, repairing, one INSERT holding its unknown tokens). Only the
ids of the subscribers seen are kept; then the subscribers are read in id order to find those with
no token. Memory: one integer per subscriber
seen and a few per difference to repair, never the token list (100,000 tokens with their streams
were held at once before); the differences listed are capped at :data:`MAX_REPORTED`.

Whose tokens: ours carry ``meta.managed_by = "playlist-service"`` (``auth_sync.MANAGED_BY``). A token
matching no subscriber's token value is *unknown* and deleted by a repair only if it carries that
marker, or if its user_id is one of our agreement numbers (a duplicate: it shares that subscriber's
sessions). Any other token is *foreign* (another system's on a shared Auth Service, one made by
hand): counted, a few listed, never deleted. A token of ours from before the marker existed, whose
subscriber is gone, is therefore foreign too; delete such leftovers by hand.

Repair, page by page and durable before anything is pushed: pointers corrected, the differing users
marked pending (so the worker finishes what a crashed run began), tokens to delete recorded as
tombstones held back until the scan ends (deleting during the scan would shift the pages still to
be read). Then the users are pushed and the tombstones processed. A scheduled run marks and pushes
only users that are synced: pending and failed ones are the worker's already (re-marking them would
reset their backoff and re-push pushes in flight). A manual repair pushes them all at once.

The list is paged by position, so tokens created or deleted by others during the scan can shift a
page: a subscriber may be reported missing though it is not. Its repair is an idempotent push.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Final, cast

from sqlalchemy import Integer, Interval, String, Table, bindparam, delete, func, insert, select, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from playlist_service.background import BackgroundLoop
from playlist_service.db.locks import try_advisory_lock
from playlist_service.db.models import AuthReconcileRun, AuthSyncStatus, AuthTokenDeletion, SyncRunStatus, User
from playlist_service.errors import AppError, AuthServiceError, ConflictError
from playlist_service.integrations.auth_service import AuthToken
from playlist_service.playlists.resolution import allowed_streams_for_users
from playlist_service.subscribers.schemas import ReconcileRunRead
from playlist_service.sync.auth_sync import (
    MANAGED_BY,
    MANAGED_BY_KEY,
    SNAPSHOT_COLUMNS,
    AuthSync,
    desired_state,
    needs_recreate,
    pending_values,
    stale_fields,
)

__all__ = [
    "RECONCILE_LOCK_KEY",
    "ReconcileReport",
    "ReconcileScheduler",
    "last_run",
    "reconcile",
]

log = logging.getLogger(__name__)

RECONCILE_LOCK_KEY: Final = 0x4153524543304E31  # "ASREC0N1" as ASCII
MAX_REPORTED = 500
MAX_FOREIGN_LISTED = 100
KEEP_RUNS = 100
USERS_PAGE = 5000
HOLD_TOMBSTONES = timedelta(hours=1)
"""A repair's tombstones wait for the end of its scan; should the run die, the worker takes them after this."""
MAX_POLL = 60.0

_users = cast("Table", User.__table__)
_tombstones = cast("Table", AuthTokenDeletion.__table__)
_runs = cast("Table", AuthReconcileRun.__table__)


class Difference(dict[str, Any]):
    """One finding (a plain dict: ``kind``, ``user_id``, ``agreement_number``, ``token_id``, ``fields``)."""


@dataclass(slots=True)
class ReconcileReport:
    users: int = 0
    remote_tokens: int = 0
    missing: int = 0
    stale: int = 0
    pointer: int = 0
    unknown: int = 0
    foreign: int = 0
    differences: list[Difference] = field(default_factory=list)
    foreign_tokens: list[dict[str, Any]] = field(default_factory=list)
    repaired: bool = False
    fixed: int = 0
    """Differences repaired: all of a user's when its push succeeded, one per token deleted. With
    ``repair_failures``, counted the same way, it falls short of the differences by those left to
    the worker (a scheduled run's pending and failed users, users another push held) and by unknown
    tokens that were gone, or held by a live subscriber, when their turn came (nothing deleted)."""
    repair_failures: int = 0
    truncated: bool = False
    run_id: int | None = None

    def add(self, diff: Difference) -> None:
        if len(self.differences) < MAX_REPORTED:
            self.differences.append(diff)
        else:
            self.truncated = True

    def add_foreign(self, token: AuthToken) -> None:
        self.foreign += 1
        if len(self.foreign_tokens) < MAX_FOREIGN_LISTED:
            self.foreign_tokens.append({"token_id": token.id, "user_id": token.user_id})


def _marked(token: AuthToken) -> bool:
    return isinstance(token.meta, dict) and token.meta.get(MANAGED_BY_KEY) == MANAGED_BY


class _Run:
    """The scan and the repair of one reconcile; the caller holds the lock."""

    def __init__(self, sync: AuthSync, *, repair: bool, scheduled: bool, started_at: datetime) -> None:
        self.sync = sync
        self.repair = repair
        self.scheduled = scheduled
        self.started_at = started_at
        self.report = ReconcileReport(repaired=repair)
        self.seen: set[int] = set()
        self.to_push: dict[int, int] = {}
        """User id -> its differences, for the users marked pending by this run."""
        self.tombstones: list[int] = []

    async def run(self) -> ReconcileReport:
        async for page in self.sync.client.iter_pages():
            self.report.remote_tokens += len(page)
            await self._match(page)
        await self._find_missing()
        if self.repair:
            await self._push_and_delete()
        return self.report

    async def _match(self, page: list[AuthToken]) -> None:
        """One page: its subscribers by token value, compared; the rest ours (unknown) or foreign."""
        values = bindparam("rc_tokens", [t.token for t in page], type_=ARRAY(String))
        async with self.sync.session_maker() as session, session.begin():
            rows = (await session.execute(select(*SNAPSHOT_COLUMNS).where(_users.c.token == func.any(values)))).all()
            by_token = {r.token: r for r in rows}
            streams = await allowed_streams_for_users(session, [r.id for r in rows])
            numbers = await self._agreement_numbers(session, [t for t in page if t.token not in by_token])
            now = datetime.now(UTC)
            found: dict[int, int] = {}
            fixes: list[dict[str, Any]] = []
            ours: list[AuthToken] = []
            for remote in page:
                row = by_token.get(remote.token)
                if row is not None:
                    self.seen.add(row.id)
                    if differences := self._compare(remote, row, streams[row.id], now, fixes):
                        found[row.id] = differences
                elif _marked(remote) or remote.user_id in numbers:
                    self.report.unknown += 1
                    self.report.add(
                        Difference(
                            kind="unknown", user_id=None, agreement_number=remote.user_id, token_id=remote.id, fields=[]
                        )
                    )
                    ours.append(remote)
                else:
                    self.report.add_foreign(remote)
            if self.repair:
                await self._fix_pointers(session, fixes)
                await self._mark(session, found)
                await self._hold_tombstones(session, ours)

    def _compare(
        self, remote: AuthToken, row: Any, streams: list[str], now: datetime, fixes: list[dict[str, Any]]
    ) -> int:
        """Report how ``remote`` differs from what ``row`` should have (stale, pointer); how many ways."""
        report, count = self.report, 0
        base = {"user_id": row.id, "agreement_number": row.agreement_number, "token_id": remote.id}
        want = desired_state(row, streams)
        if fields := needs_recreate(remote, want) + stale_fields(remote, want, now):
            report.stale += 1
            report.add(Difference(kind="stale", fields=fields, **base))
            count += 1
        if (row.auth_token_id, row.auth_token, row.auth_user_id) != (remote.id, remote.token, remote.user_id):
            report.pointer += 1
            report.add(Difference(kind="pointer", fields=["auth_token_id"], **base))
            count += 1
            old = {"o_tid": row.auth_token_id, "o_tok": row.auth_token}
            fixes.append({"p_id": row.id, "p_tid": remote.id, "p_tok": remote.token, "p_uid": remote.user_id, **old})
        return count

    async def _agreement_numbers(self, session: AsyncSession, strangers: list[AuthToken]) -> set[str]:
        """Which unmarked strangers' user_ids are our agreement numbers (duplicates of our tokens)."""
        wanted = sorted({t.user_id for t in strangers if not _marked(t)})
        if not wanted:
            return set()
        numbers = bindparam("rc_numbers", wanted, type_=ARRAY(String))
        stmt = select(_users.c.agreement_number).where(_users.c.agreement_number == func.any(numbers))
        return set((await session.execute(stmt)).scalars())

    async def _find_missing(self) -> None:
        """Subscribers that existed when the run began and whose token no page held."""
        report = self.report
        last_id = 0
        c = _users.c
        while True:
            async with self.sync.session_maker() as session:
                stmt = (
                    select(c.id, c.agreement_number)
                    .where(c.id > last_id, c.created_at < self.started_at)
                    .order_by(c.id)
                    .limit(USERS_PAGE)
                )
                rows = (await session.execute(stmt)).all()
            if not rows:
                return
            last_id = rows[-1].id
            report.users += len(rows)
            missing = {}
            for row in rows:
                if row.id not in self.seen:
                    report.missing += 1
                    report.add(
                        Difference(
                            kind="missing",
                            user_id=row.id,
                            agreement_number=row.agreement_number,
                            token_id=None,
                            fields=[],
                        )
                    )
                    missing[row.id] = 1
            if self.repair and missing:
                async with self.sync.session_maker() as session, session.begin():
                    await self._mark(session, missing)

    async def _fix_pointers(self, session: AsyncSession, fixes: list[dict[str, Any]]) -> None:
        if not fixes:
            return
        c = _users.c
        # Only where the pointer is still the one read: a push recording a newer one meanwhile wins.
        stmt = (
            update(_users)
            .where(
                c.id == bindparam("p_id"),
                c.auth_token_id.is_not_distinct_from(bindparam("o_tid")),
                c.auth_token.is_not_distinct_from(bindparam("o_tok")),
            )
            .values(auth_token_id=bindparam("p_tid"), auth_token=bindparam("p_tok"), auth_user_id=bindparam("p_uid"))
        )
        await session.execute(stmt, fixes)

    async def _mark(self, session: AsyncSession, found: dict[int, int]) -> None:
        """Mark these users pending (a scheduled run: only those synced) and remember them to push."""
        if not found:
            return
        ids = bindparam("rc_pending", sorted(found), type_=ARRAY(_users.c.id.type))
        stmt = update(_users).where(_users.c.id == func.any(ids)).values(**pending_values())
        if self.scheduled:
            stmt = stmt.where(_users.c.auth_sync_status == AuthSyncStatus.SYNCED)
        for user_id in (await session.execute(stmt.returning(_users.c.id))).scalars():
            self.to_push[user_id] = found[user_id]

    async def _hold_tombstones(self, session: AsyncSession, tokens: list[AuthToken]) -> None:
        """One INSERT for the page's tokens of ours (up to a page of them: leftovers can be many)."""
        if not tokens:
            return
        rows = (
            func.unnest(
                bindparam("rc_tids", [t.id for t in tokens], type_=ARRAY(Integer)),
                bindparam("rc_toks", [t.token for t in tokens], type_=ARRAY(String)),
                bindparam("rc_uids", [t.user_id for t in tokens], type_=ARRAY(String)),
            )
            .table_valued("auth_token_id", "token", "auth_user_id")
            .render_derived(name="held")
        )
        until = func.now() + bindparam("rc_hold", HOLD_TOMBSTONES, type_=Interval)
        stmt = (
            insert(_tombstones)
            .from_select(
                ["auth_token_id", "token", "auth_user_id", "next_attempt_at"],
                select(rows.c.auth_token_id, rows.c.token, rows.c.auth_user_id, until),
            )
            .returning(_tombstones.c.id)
        )
        self.tombstones += (await session.execute(stmt)).scalars()

    async def _push_and_delete(self) -> None:
        report, size = self.report, self.sync.batch_size
        ids = sorted(self.to_push)
        for start in range(0, len(ids), size):
            outcomes = await self.sync.push_users(ids[start : start + size])
            report.fixed += sum(self.to_push[o.user_id] for o in outcomes if o.ok)
            report.repair_failures += sum(self.to_push[o.user_id] for o in outcomes if not o.ok)
        for start in range(0, len(self.tombstones), size):
            deletions = await self.sync.delete_tombstones(self.tombstones[start : start + size])
            report.fixed += deletions.deleted  # not those found gone or held by a live subscriber
            report.repair_failures += len(deletions.errors)


# -- one run, locked and recorded -----------------------------------------------------------------


async def reconcile(
    sync: AuthSync, *, repair: bool, scheduled: bool = False, due_every: float | None = None
) -> ReconcileReport | None:
    """Run one reconcile, holding the lock, and record it.

    Manual (``scheduled=False``): :class:`ConflictError` (409) while another runs. Scheduled: ``None``
    while another runs, or when a repairing run succeeded less than ``due_every`` seconds ago."""
    async with sync.session_maker() as probe:
        engine = probe.bind
    if not isinstance(engine, AsyncEngine):
        raise TypeError("reconcile needs sessions bound to an AsyncEngine")
    async with try_advisory_lock(engine, RECONCILE_LOCK_KEY) as locked:
        if not locked:
            if scheduled:
                return None
            raise ConflictError("A check of the Auth Service is already running; try again when it has finished")
        started = await _start(sync, repair=repair, scheduled=scheduled, due_every=due_every)
        if started is None:
            return None
        run_id, started_at = started
        try:
            report = await _Run(sync, repair=repair, scheduled=scheduled, started_at=started_at).run()
        except BaseException as exc:
            await _record_failure(sync, run_id, exc)
            raise
        report.run_id = run_id
        await _record(sync, run_id, report)
        return report


async def _start(
    sync: AuthSync, *, repair: bool, scheduled: bool, due_every: float | None
) -> tuple[int, datetime] | None:
    r = _runs.c
    async with sync.session_maker() as session, session.begin():
        # We hold the lock, so a run still "running" is one whose process stopped.
        await session.execute(
            update(_runs)
            .where(r.status == SyncRunStatus.RUNNING)
            .values(status=SyncRunStatus.FAILED, finished_at=func.now(), error="interrupted: its process stopped")
        )
        if due_every is not None:
            since = func.now() - bindparam("rc_due", timedelta(seconds=due_every), type_=Interval)
            recent = select(r.id).where(r.repair, r.status == SyncRunStatus.SUCCEEDED, r.started_at > since).limit(1)
            if (await session.execute(recent)).first() is not None:
                return None
        row = (
            await session.execute(
                insert(_runs)
                .values(status=SyncRunStatus.RUNNING, repair=repair, scheduled=scheduled)
                .returning(r.id, r.started_at)
            )
        ).one()
    return int(row.id), row.started_at


_COUNTS = ("users", "remote_tokens", "missing", "stale", "pointer", "unknown", "foreign", "fixed", "repair_failures")


async def _record(sync: AuthSync, run_id: int, report: ReconcileReport) -> None:
    r = _runs.c
    counts = {name: getattr(report, name) for name in _COUNTS}
    async with sync.session_maker() as session, session.begin():
        await session.execute(
            update(_runs)
            .where(r.id == run_id)
            .values(status=SyncRunStatus.SUCCEEDED, finished_at=func.clock_timestamp(), **counts)
        )
        keep = select(r.id).order_by(r.id.desc()).limit(KEEP_RUNS).scalar_subquery()
        await session.execute(delete(_runs).where(r.id.not_in(keep)))


async def _record_failure(sync: AuthSync, run_id: int, exc: BaseException) -> None:
    if isinstance(exc, AppError):
        error = exc.message
    elif isinstance(exc, asyncio.CancelledError):
        error = "interrupted: the application stopped"
    else:
        error = f"unexpected error: {type(exc).__name__}: {exc}"
    try:
        async with sync.session_maker() as session, session.begin():
            await session.execute(
                update(_runs)
                .where(_runs.c.id == run_id)
                .values(status=SyncRunStatus.FAILED, finished_at=func.clock_timestamp(), error=error[:2000])
            )
    except Exception as record_exc:  # the next run closes it as interrupted
        log.warning("Could not record the failed Auth Service check %s: %s", run_id, type(record_exc).__name__)


async def last_run(db: AsyncSession) -> ReconcileRunRead | None:
    """The newest run (possibly still running)."""
    run = (
        await db.execute(select(AuthReconcileRun).order_by(AuthReconcileRun.id.desc()).limit(1))
    ).scalar_one_or_none()
    if run is None:
        return None
    return ReconcileRunRead(
        id=run.id,
        status=run.status,
        started_at=run.started_at,
        finished_at=run.finished_at,
        scheduled=run.scheduled,
        repair=run.repair,
        users=run.users,
        remote_tokens=run.remote_tokens,
        missing=run.missing,
        stale=run.stale,
        pointer=run.pointer,
        unknown=run.unknown,
        foreign=run.foreign,
        differences=run.missing + run.stale + run.pointer + run.unknown,
        fixed=run.fixed,
        repair_failures=run.repair_failures,
        error=run.error,
    )


# -- the schedule ---------------------------------------------------------------------------------


class ReconcileScheduler(BackgroundLoop):
    """An asyncio task looking every ``min(interval, 60)`` seconds whether a repairing reconcile is
    due (see :func:`reconcile`), and running it. Safe to run in every app instance."""

    task_name = "auth-reconcile"

    def __init__(self, sync: AuthSync, interval: float) -> None:
        super().__init__()
        self.sync = sync
        self.interval = interval
        self.poll = min(interval, MAX_POLL)
        self.looked = asyncio.Event()
        """Set after every look (tests wait for it)."""

    async def _loop(self) -> None:
        while True:
            await self.look()
            await asyncio.sleep(self.poll)

    async def look(self) -> ReconcileReport | None:
        """Run the reconcile if it is due; never raises but cancellation."""
        report: ReconcileReport | None = None
        try:
            report = await reconcile(self.sync, repair=True, scheduled=True, due_every=self.interval)
        except asyncio.CancelledError:
            raise
        except AuthServiceError as exc:
            log.warning("Scheduled Auth Service check failed: %s", exc.message)
        except Exception:
            log.exception("Scheduled Auth Service check failed")
        finally:
            self.looked.set()
        if report is not None and (report.missing or report.stale or report.pointer or report.unknown):
            log.warning(
                "Auth Service check found %d missing, %d stale, %d wrong pointers, %d unknown tokens: "
                "%d repaired, %d not (left to the worker)",
                report.missing,
                report.stale,
                report.pointer,
                report.unknown,
                report.fixed,
                report.repair_failures,
            )
        return report
