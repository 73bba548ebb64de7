"""Flussonic → catalogue sync (spec §6.1): all or nothing, one at a time, in a few bulk statements.

Order of work:

1. Take the session-level ``pg_try_advisory_lock(SYNC_LOCK_KEY)`` (``db/locks.py``) on a connection of its own (in
   autocommit mode, so it holds no transaction), released in ``finally``. PostgreSQL keeps it for
   every app instance sharing the database until it is released or that connection ends, so a process
   that dies mid-sync frees it with its connection (after TCP keepalive, on a network partition). If
   the release itself fails, the connection is invalidated rather than pooled, for the same reason.
   A second sync is refused at once with 409 CONFLICT "A sync is already running" rather than queued:
   an admin who clicked twice wants one sync, and a waiting request would hold a connection for nothing.
2. Record a ``running`` row in ``flussonic_sync_runs`` in its own short transaction (so the dashboard
   sees it, and so a failure can be recorded after the sync's own transaction rolls back). Stale
   ``running`` rows (a process died mid-sync) are closed as failed here: we hold the lock, so no
   other sync can be running.
3. Fetch *every* page from Flussonic before writing anything, with no transaction open: the client
   bounds the whole listing (``FLUSSONIC_SYNC_DEADLINE``, a page cap, no empty page with a ``next``).
   Then the write transaction below starts, on ``db``, and lasts only as long as its statements.
   Streams Flussonic marks ``disabled`` are left out (it will not play them), so their channels are
   orphaned until re-enabled; ``FLUSSONIC_INCLUDE_DISABLED=true`` keeps them. A stream that cannot be
   used (the client's ``skipped``, or a name the column cannot hold) is counted and the first few
   recorded on the run; a channel of that name is left exactly as it was (neither updated nor
   orphaned): the stream is still there, only this answer about it is unreadable.
4. Orphan guard: if the answer would orphan at least ``sync_orphan_guard_ratio`` (default 0.5) of the
   currently synced channels (and there are some), refuse with 409 CONFLICT naming the counts and
   ``force`` (details field), unless ``force`` is set. A half-empty answer from a misconfigured or
   restarting Flussonic is far likelier than half the line-up vanishing. The refusal is recorded as a
   failed run. ``SYNC_ORPHAN_GUARD_RATIO=0`` turns the guard off.
5. One ``INSERT ... SELECT FROM unnest(...) ON CONFLICT (stream_name) DO UPDATE ... WHERE <changed>
   RETURNING (xmax = 0)`` (new vs updated; unchanged rows are skipped by the WHERE), one UPDATE that
   orphans, one UPDATE that sets ``last_seen_at``, one outbox event for the subscribers of orphaned and
   restored channels (``sync/impact.py``), the run row marked succeeded, then COMMIT.

Flussonic owns ``tvg_name, display_name, stream_base_url, catchup_days``; the UI owns ``tvg_id,
tvg_logo, group_id, sort_order``, which a sync never writes (new channels get ``max(sort_order) + n``
in Flussonic's order). Any exception rolls the whole sync back and is recorded on the run.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Final, NamedTuple

import msgspec
from sqlalchemy import func, insert, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from playlist_service.channels.schemas import SkippedStreamRead, SyncResult
from playlist_service.db.locks import try_advisory_lock
from playlist_service.db.models import FlussonicSyncRun, SyncRunStatus
from playlist_service.errors import AppError, ConflictError
from playlist_service.integrations.flussonic import (
    FlussonicClient,
    FlussonicListing,
    FlussonicStream,
    SkippedStream,
)
from playlist_service.sync.impact import record_channels

log = logging.getLogger(__name__)

# Any fixed bigint shared by every instance; "PLSYNC01" as ASCII.
SYNC_LOCK_KEY: Final = 0x504C53594E433031
_MAX_STREAM_NAME = 255
_MAX_TEXT = 255
_MAX_URL = 500
# Skipped streams named on the run (all are counted), and how much of each is kept.
SKIPPED_RECORDED: Final = 10
_LOGGED_NAME_SKIPS: Final = 20
_RECORDED_NAME = 120
_RECORDED_REASON = 300

# ``:kept`` are the names of skipped streams (distinct, none of them in ``:names``): not orphaned.
_SURVEY = text(
    """
    SELECT count(*) FILTER (WHERE c.sync_status = 'synced') AS synced_now,
           count(*) FILTER (WHERE c.sync_status = 'synced' AND n.name IS NULL AND k.name IS NULL) AS to_orphan,
           coalesce(array_agg(c.id) FILTER (WHERE c.sync_status = 'orphaned' AND n.name IS NOT NULL), '{}')
               AS to_restore
    FROM channels AS c
    LEFT JOIN unnest(CAST(:names AS varchar[])) AS n(name) ON n.name = c.stream_name
    LEFT JOIN unnest(CAST(:kept AS varchar[])) AS k(name) ON k.name = c.stream_name
    """
)

# Only new or changed rows reach the INSERT: unchanged ones are dropped in the CTE, so an unchanged
# re-sync neither writes nor locks them. New rows are numbered after the current maximum sort_order,
# in Flussonic's order; existing rows keep theirs (sort_order is not in the SET list). The ON CONFLICT
# WHERE repeats the change test so the statement stays correct on its own.
_UPSERT = text(
    """
    WITH incoming AS (
        SELECT * FROM unnest(
            CAST(:names AS varchar[]), CAST(:tvg_names AS varchar[]), CAST(:display_names AS varchar[]),
            CAST(:urls AS varchar[]), CAST(:catchup AS integer[])
        ) WITH ORDINALITY AS i(stream_name, tvg_name, display_name, stream_base_url, catchup_days, ord)
    ), changed AS (
        SELECT i.*, c.id IS NULL AS is_new
        FROM incoming AS i LEFT JOIN channels AS c ON c.stream_name = i.stream_name
        WHERE c.id IS NULL
           OR (c.tvg_name, c.display_name, c.stream_base_url, c.catchup_days, c.sync_status)
              IS DISTINCT FROM
              (i.tvg_name, i.display_name, i.stream_base_url, i.catchup_days, 'synced'::sync_status)
    ), numbered AS (
        SELECT changed.*,
               (SELECT coalesce(max(sort_order), 0) FROM channels)
                 + row_number() OVER (PARTITION BY is_new ORDER BY ord) AS new_order
        FROM changed
    )
    INSERT INTO channels (stream_name, tvg_name, display_name, stream_base_url, catchup_days,
                          sort_order, sync_status, last_seen_at)
    SELECT stream_name, tvg_name, display_name, stream_base_url, catchup_days, new_order, 'synced', now()
    FROM numbered ORDER BY ord
    ON CONFLICT (stream_name) DO UPDATE SET
        tvg_name = EXCLUDED.tvg_name,
        display_name = EXCLUDED.display_name,
        stream_base_url = EXCLUDED.stream_base_url,
        catchup_days = EXCLUDED.catchup_days,
        sync_status = 'synced',
        last_seen_at = now(),
        updated_at = now()
    WHERE (channels.tvg_name, channels.display_name, channels.stream_base_url, channels.catchup_days,
           channels.sync_status)
          IS DISTINCT FROM
          (EXCLUDED.tvg_name, EXCLUDED.display_name, EXCLUDED.stream_base_url, EXCLUDED.catchup_days,
           'synced'::sync_status)
    RETURNING (xmax = 0) AS inserted
    """
)

_ORPHAN = text(
    """
    UPDATE channels AS c SET sync_status = 'orphaned', updated_at = now()
    WHERE c.sync_status = 'synced'
      AND NOT EXISTS (SELECT 1 FROM unnest(CAST(:names AS varchar[])) AS n(name) WHERE n.name = c.stream_name)
      AND NOT EXISTS (SELECT 1 FROM unnest(CAST(:kept AS varchar[])) AS k(name) WHERE k.name = c.stream_name)
    RETURNING c.id
    """
)

# Rows the upsert just wrote already carry now() (the transaction's start time): skip them.
_SEEN = text(
    """
    UPDATE channels AS c SET last_seen_at = now()
    FROM unnest(CAST(:names AS varchar[])) AS n(name)
    WHERE c.stream_name = n.name AND c.last_seen_at IS DISTINCT FROM now()
    """
)


def _clip(value: str | None, limit: int) -> str | None:
    return value[:limit] if value is not None else None


class _Prepared(NamedTuple):
    streams: dict[str, FlussonicStream]
    skipped: list[SkippedStream]
    kept: list[str]
    """Names of skipped streams that a channel may carry: their channels are left as they are."""


def _usable_name(name: str) -> str | None:
    """Why the channels table cannot hold ``name``, or None. A name is an identifier (it goes into
    playback URLs), so it is skipped rather than altered: over the column's length, or with a NUL,
    which PostgreSQL text cannot store."""
    if len(name) > _MAX_STREAM_NAME:
        return f"name longer than {_MAX_STREAM_NAME} characters ({len(name)})"
    if "\x00" in name:
        return "name contains a NUL character"
    return None


def _prepare(listing: FlussonicListing, *, include_disabled: bool) -> _Prepared:
    """Distinct usable names in Flussonic's order, what was skipped, and which skipped names to keep."""
    by_name: dict[str, FlussonicStream] = {}
    skipped = list(listing.skipped)
    for stream in listing.streams:
        if stream.disabled and not include_disabled:
            continue
        problem = _usable_name(stream.stream_name)
        if problem is not None:
            if len(skipped) - len(listing.skipped) < _LOGGED_NAME_SKIPS:  # the client logged its own
                log.warning("Skipping Flussonic stream %.80r: %s", stream.stream_name, problem)
            skipped.append(SkippedStream(name=stream.stream_name, reason=problem))
            continue
        by_name[stream.stream_name] = stream
    kept = {s.name for s in skipped if s.name is not None and s.name not in by_name and _usable_name(s.name) is None}
    return _Prepared(by_name, skipped, sorted(kept))


def _skipped_note(prepared: _Prepared) -> str:
    return f" ({len(prepared.skipped)} more skipped as unusable)" if prepared.skipped else ""


def _skipped_record(skipped: Sequence[SkippedStream]) -> list[SkippedStreamRead]:
    """The first few skipped streams as the run stores them (JSON text cannot hold a NUL either)."""
    record: list[SkippedStreamRead] = []
    for item in skipped[:SKIPPED_RECORDED]:
        name = item.name
        if name is not None:
            name = name.replace("\x00", "\\0")
            name = name if len(name) <= _RECORDED_NAME else name[: _RECORDED_NAME - 1] + "…"
        record.append(SkippedStreamRead(name=name, reason=item.reason.replace("\x00", "\\0")[:_RECORDED_REASON]))
    return record


def _failure_message(exc: BaseException, run_id: int) -> str:
    """What the run records (and the dashboard shows): the message of our own errors; for anything
    else a short sentence. ``str(DBAPIError)`` holds the SQL and every bound parameter (10,000
    names on a big sync), so the details go to the server log instead, without parameters."""
    if isinstance(exc, AppError):
        return exc.message or exc.__class__.__name__
    if isinstance(exc, DBAPIError):
        orig = exc.orig
        state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
        statement = " ".join((exc.statement or "").split())[:120]
        log.error(
            "Flussonic sync run %s failed: %s from %s (SQLSTATE %s) in: %s\n%s",
            run_id,
            exc.__class__.__name__,
            orig.__class__.__name__,
            state,
            statement,
            "".join(traceback.format_tb(exc.__traceback__)),
        )
    else:
        log.error("Flussonic sync run %s failed", run_id, exc_info=exc)
    return (
        f"Internal error during the sync ({exc.__class__.__name__}); nothing was changed. "
        f"Details are in the server log (sync run {run_id})."
    )


async def _start_run(
    session_maker: Callable[[], AsyncSession], *, forced: bool, triggered_by_id: int | None
) -> tuple[int, datetime]:
    async with session_maker() as db:
        await db.execute(
            update(FlussonicSyncRun)
            .where(FlussonicSyncRun.status == SyncRunStatus.RUNNING)
            .values(status=SyncRunStatus.FAILED, finished_at=func.now(), error="Interrupted (the process stopped)")
        )
        run_id = (
            await db.execute(
                insert(FlussonicSyncRun)
                .values(status=SyncRunStatus.RUNNING, forced=forced, triggered_by_id=triggered_by_id)
                .returning(FlussonicSyncRun.id, FlussonicSyncRun.started_at)
            )
        ).one()
        await db.commit()
        return int(run_id[0]), run_id[1]


async def _fail_run(session_maker: Callable[[], AsyncSession], run_id: int, error: str) -> None:
    async with session_maker() as db:
        await db.execute(
            update(FlussonicSyncRun)
            .where(FlussonicSyncRun.id == run_id)
            .values(status=SyncRunStatus.FAILED, finished_at=func.now(), error=error[:4000])
        )
        await db.commit()


@asynccontextmanager
async def _sync_lock(engine: AsyncEngine) -> AsyncIterator[None]:
    """Hold the sync lock (step 1) for the duration of the block; 409 CONFLICT when it is taken."""
    async with try_advisory_lock(engine, SYNC_LOCK_KEY) as locked:
        if not locked:
            raise ConflictError("A sync is already running; try again when it has finished")
        yield


async def sync_channels(
    db: AsyncSession,
    session_maker: Callable[[], AsyncSession],
    flussonic: FlussonicClient,
    *,
    force: bool = False,
    triggered_by_id: int | None = None,
    guard_ratio: float = 0.5,
    include_disabled: bool = False,
) -> SyncResult:
    """Run one sync. ``db`` is committed first (a request's session holds the auth lookup's transaction,
    which must not stay open during the fetch), then used for the write transaction only."""
    engine = db.bind
    if not isinstance(engine, AsyncEngine):
        raise TypeError("sync_channels needs a session bound to an AsyncEngine")
    await db.commit()
    async with _sync_lock(engine):
        run_id, started_at = await _start_run(session_maker, forced=force, triggered_by_id=triggered_by_id)
        try:
            prepared = _prepare(await flussonic.fetch_streams(), include_disabled=include_disabled)
            result = await _write(
                db, prepared, run_id=run_id, started_at=started_at, force=force, guard_ratio=guard_ratio
            )
            await db.commit()
        except BaseException as exc:
            await db.rollback()
            message = _failure_message(exc, run_id)
            try:
                await _fail_run(session_maker, run_id, message)
            except Exception:
                log.exception("Could not record the failure of Flussonic sync run %s", run_id)
            if isinstance(exc, Exception) and not isinstance(exc, AppError):
                # Already logged; the admin gets the same short message (a DBAPIError would otherwise be
                # mapped like a bad request, e.g. 422, although the admin sent nothing).
                raise AppError(message) from None
            raise
    log.info(
        "Flussonic sync %s: %d streams, %d new, %d updated, %d orphaned, %d restored, %d skipped",
        run_id,
        result.total,
        result.new,
        result.updated,
        result.orphaned,
        result.restored,
        result.skipped,
    )
    return result


async def _write(
    db: AsyncSession,
    prepared: _Prepared,
    *,
    run_id: int,
    started_at: datetime,
    force: bool,
    guard_ratio: float,
) -> SyncResult:
    """Steps 4-5, in ``db``'s transaction (the caller commits)."""
    streams, kept = prepared.streams, prepared.kept
    names = list(streams)
    survey = (await db.execute(_SURVEY, {"names": names, "kept": kept})).one()
    synced_now, to_orphan, to_restore = int(survey.synced_now), int(survey.to_orphan), list(survey.to_restore)
    if not force and guard_ratio > 0 and synced_now > 0 and to_orphan > 0 and to_orphan >= guard_ratio * synced_now:
        raise ConflictError(
            f"Refused: Flussonic listed {len(names)} usable streams{_skipped_note(prepared)}, which would orphan "
            f"{to_orphan} of the "
            f"{synced_now} synced channels (limit {guard_ratio:.0%}). Check Flussonic, or sync with force=true "
            "to orphan them anyway.",
            details=[{"field": "force", "message": f"would orphan {to_orphan} of {synced_now} synced channels"}],
        )

    new = updated = 0
    if names:
        rows = streams.values()
        params = {
            "names": names,
            "tvg_names": [_clip(s.tvg_name, _MAX_TEXT) for s in rows],
            "display_names": [_clip(s.display_name, _MAX_TEXT) for s in rows],
            "urls": [s.stream_base_url[:_MAX_URL] for s in rows],
            "catchup": [s.catchup_days for s in rows],
        }
        for (inserted,) in (await db.execute(_UPSERT, params)).all():
            if inserted:
                new += 1
            else:
                updated += 1
    orphaned_ids = list((await db.execute(_ORPHAN, {"names": names, "kept": kept})).scalars())
    if names:
        await db.execute(_SEEN, {"names": names})
    changed = orphaned_ids + to_restore
    if changed:
        await record_channels(db, "flussonic sync", changed)

    total = len(names)
    counts = {
        "total": total,
        "new": new,
        "updated": updated,
        "unchanged": total - new - updated,
        "orphaned": len(orphaned_ids),
        "restored": len(to_restore),
        "skipped": len(prepared.skipped),
    }
    skipped_streams = _skipped_record(prepared.skipped)
    finished_at = (
        await db.execute(
            update(FlussonicSyncRun)
            .where(FlussonicSyncRun.id == run_id)
            .values(
                status=SyncRunStatus.SUCCEEDED,
                finished_at=func.clock_timestamp(),
                skipped_streams=msgspec.to_builtins(skipped_streams),
                **counts,
            )
            .returning(FlussonicSyncRun.finished_at)
        )
    ).scalar_one()
    assert finished_at is not None
    return SyncResult(
        run_id=run_id,
        forced=force,
        started_at=started_at,
        finished_at=finished_at,
        skipped_streams=skipped_streams,
        **counts,
    )
