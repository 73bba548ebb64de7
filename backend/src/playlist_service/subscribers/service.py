"""Subscribers (the spec's users): rules, SQL and the commit-then-push flow of spec §6.4.

Plain SQL through one session rather than an advanced-alchemy repository service: the list, the
detail and the assignment writes each need a fixed, small number of statements (held by query-count
tests), which hand-written statements make obvious.

Every change the Auth Service must see commits locally first (``auth_sync_status = pending``,
``auth_sync_seq + 1``), then is pushed inline. When the push fails the change stays saved, the
subscriber is left ``failed``/``pending`` with the error, and :class:`AuthServiceError` (502) says
so; the background worker retries (``sync/auth_sync.py``).

Search (``search``): split on whitespace; every term must be a case-insensitive *prefix* of the
first name, the last name or the agreement number (terms AND-ed, fields OR-ed). That is what the
``lower(...) text_pattern_ops`` indexes serve, so it stays fast at 100,000 subscribers; a term in
the middle of a word does not match.
"""

from __future__ import annotations

import secrets
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any, cast
from zoneinfo import ZoneInfo

from msgspec import UNSET, UnsetType
from sqlalchemy import (
    ColumnElement,
    Integer,
    Row,
    Select,
    Table,
    and_,
    bindparam,
    delete,
    exists,
    func,
    insert,
    literal,
    literal_column,
    or_,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSON, aggregate_order_by
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.catalog_rules import clean_identifier, clean_name
from playlist_service.db.models import (
    AuthSyncStatus,
    Channel,
    Package,
    Tariff,
    User,
    UserStatus,
    user_channels,
    user_packages,
    user_tariffs,
)
from playlist_service.errors import AuthServiceError, ConflictError, NotFoundError, ValidationError
from playlist_service.playlists import lines, resolution
from playlist_service.playlists.m3u import join_playlist, playlist_filename
from playlist_service.settings import Settings
from playlist_service.subscribers.schemas import (
    AuthSyncState,
    Ref,
    ResolvedChannelRead,
    ResolvedChannels,
    UserCreate,
    UserListItem,
    UserRead,
    UserUpdate,
)
from playlist_service.sync.auth_sync import AuthSync, PushBusyError, mark_all_pending, mark_pending

TOKEN_BYTES = 24  # 192 bits; secrets.token_urlsafe gives 32 URL-safe characters
MAX_SEARCH_TERMS = 5
SORT_MATCHES_UP_TO = 5_000
"""A filtered list with at most this many matches is filtered first, then sorted (see list_page)."""
_users = cast("Table", User.__table__)
_EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
_LATEST = datetime(9000, 1, 1, tzinfo=UTC)


_channel_name = func.coalesce(Channel.display_name, Channel.tvg_name, Channel.stream_name)
"""How a channel is named in a user's assignments (the title, else the EPG name, else the stream)."""


def _user_with_refs_statement() -> Select[Any]:
    """The user's columns and ``refs``: [kind, id, name] of each assigned tariff, package and
    channel, ordered by kind and name, as JSON (one round trip for the detail read after every write)."""
    uid = bindparam("ref_user_id", type_=Integer)
    refs = union_all(
        select(literal("tariff").label("kind"), Tariff.id.label("id"), Tariff.name.label("name"))
        .join(user_tariffs, user_tariffs.c.tariff_id == Tariff.id)
        .where(user_tariffs.c.user_id == uid),
        select(literal("package"), Package.id, Package.name)
        .join(user_packages, user_packages.c.package_id == Package.id)
        .where(user_packages.c.user_id == uid),
        select(literal("channel"), Channel.id, _channel_name)
        .join(user_channels, user_channels.c.channel_id == Channel.id)
        .where(user_channels.c.user_id == uid),
    ).subquery("refs")
    as_json = func.json_agg(
        aggregate_order_by(func.json_build_array(refs.c.kind, refs.c.id, refs.c.name), refs.c.kind, refs.c.name)
    )
    refs_json = select(func.coalesce(as_json, literal_column("'[]'::json"))).scalar_subquery()
    return select(*_users.c, type_coerce(refs_json, JSON).label("refs")).where(_users.c.id == uid)


# Built once: constructing it costs more Python time than running it.
_USER_WITH_REFS = _user_with_refs_statement()


_CREATE_COLUMNS = (
    "first_name",
    "last_name",
    "agreement_number",
    "status",
    "max_sessions",
    "token",
    "valid_from",
    "valid_until",
)


def _create_user_statement() -> Select[Any]:
    """Insert the user (pending for the Auth Service) and its assignments in one statement: the
    assignment inserts are data-modifying CTEs fed by the new id (an empty id array adds none)."""
    new_user = (
        insert(_users)
        .values(
            {
                **{name: bindparam(name) for name in _CREATE_COLUMNS},
                # Python-side column defaults are not applied to an INSERT inside a CTE: spelled out.
                "auth_sync_status": AuthSyncStatus.PENDING,
                "auth_sync_seq": 1,
                "auth_sync_attempts": 0,
            }
        )
        .returning(_users.c.id)
        .cte("new_user")
    )
    stmt = select(new_user.c.id)
    for table, column in ((user_tariffs, "tariff_id"), (user_packages, "package_id"), (user_channels, "channel_id")):
        # unnest() in the select list: one row per id, beside the new user's single row.
        ids = func.unnest(bindparam(f"new_{column}s", type_=ARRAY(Integer)))
        links = insert(table).from_select(["user_id", column], select(new_user.c.id, ids)).cte(f"new_{table.name}")
        stmt = stmt.add_cte(links)
    return stmt


_CREATE_USER = _create_user_statement()


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_condition(search: str | None) -> ColumnElement[bool] | None:
    """Every whitespace-separated term prefix-matches one of the three indexed fields."""
    terms = (search or "").split()[:MAX_SEARCH_TERMS]
    if not terms:
        return None
    clauses = []
    for term in terms:
        # Inlined as a literal (safely quoted by the dialect): a prefix LIKE can only use the
        # text_pattern_ops index when the planner sees the pattern, which a generic plan hides.
        pattern = func.lower(bindparam(None, _escape_like(term) + "%", literal_execute=True))
        # Agreement numbers are stored NFKC-normalised: a fullwidth "AG-001" typed finds the stored one.
        folded = unicodedata.normalize("NFKC", term)
        agreement = func.lower(bindparam(None, _escape_like(folded) + "%", literal_execute=True))
        clauses.append(
            or_(
                func.lower(User.first_name).like(pattern, escape="\\"),
                func.lower(User.last_name).like(pattern, escape="\\"),
                func.lower(User.agreement_number).like(agreement, escape="\\"),
            )
        )
    return and_(*clauses)


def _sentence(text: str | None) -> str:
    """An error quoted inside a message, ended with a full stop so the next sentence reads apart."""
    text = (text or "unknown error").rstrip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _instant(value: datetime, field: str) -> datetime:
    """Aware UTC, whole seconds; a value without an offset is UTC."""
    try:
        result = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except (OverflowError, ValueError):
        result = None
    if result is None or not (_EARLIEST <= result < _LATEST):
        raise ValidationError(
            f"Invalid value for: {field}",
            details=[{"field": field, "message": "must be between 1970 and 9000"}],
        )
    return result.replace(microsecond=0)


def _day(value: date, zone: ZoneInfo, *, end: bool, field: str) -> datetime:
    local = datetime.combine(value, time(23, 59, 59) if end else time(0, 0, 0), tzinfo=zone)
    return _instant(local, field)


@dataclass(frozen=True, slots=True)
class PlaylistDocument:
    filename: str
    content: bytes
    """UTF-8."""
    channel_count: int


class SubscriberService:
    def __init__(self, db: AsyncSession, settings: Settings, sync: AuthSync) -> None:
        self.db = db
        self.settings = settings
        self.sync = sync
        self.zone = ZoneInfo(settings.operator_timezone)

    # -- reads ----------------------------------------------------------------------------------

    async def list_page(
        self,
        *,
        page: int,
        per_page: int,
        search: str | None,
        status: UserStatus | None,
        tariff_id: int | None,
        auth_sync_status: AuthSyncStatus | None = None,
        include_assignments: bool = False,
    ) -> tuple[list[UserListItem], int]:
        """One page ordered by last name, first name, id; three statements whatever the page size.

        ``include_assignments``: each item also carries its packages and direct channels (same
        statement count), for exports and billing systems that read every subscriber in full."""
        conditions: list[ColumnElement[bool]] = []
        if status is not None:
            conditions.append(User.status == status)
        if auth_sync_status is not None:
            # Equality on the indexed enum column (ix_users_auth_sync_status): the dashboard's
            # "failed" link lands here, and failures are few.
            conditions.append(User.auth_sync_status == auth_sync_status)
        if tariff_id is not None:
            conditions.append(exists().where(user_tariffs.c.user_id == User.id, user_tariffs.c.tariff_id == tariff_id))
        matched = search_condition(search)
        if matched is not None:
            conditions.append(matched)
        if tariff_id is not None and len(conditions) == 1:
            # Only the tariff filter: one user_tariffs row per user (primary key), so counting the
            # tariff's index entries is exact and skips the join with 100,000 users.
            count = select(func.count()).select_from(user_tariffs).where(user_tariffs.c.tariff_id == tariff_id)
        else:
            count = select(func.count()).select_from(User).where(*conditions)
        total = (await self.db.execute(count)).scalar_one()
        if not total:
            return [], 0
        columns = select(
            User.id,
            User.first_name,
            User.last_name,
            User.agreement_number,
            User.max_sessions,
            User.status,
            User.valid_from,
            User.valid_until,
            User.auth_sync_status,
            User.auth_sync_error,
        ).where(*conditions)
        if conditions and total <= SORT_MATCHES_UP_TO:
            # The planner assumes matches spread evenly over the name order and walks the
            # (last_name, first_name, id) index until it has a page; matches bunched late in that
            # order (one surname family, as in the bench's two-term search) made that walk ~60,000
            # rows. Knowing the count, filter first (text_pattern_ops indexes), then sort the matches.
            hits = columns.cte("hits").prefix_with("MATERIALIZED")
            page_of_rows = select(hits).order_by(hits.c.last_name, hits.c.first_name, hits.c.id)
        else:
            page_of_rows = columns.order_by(User.last_name, User.first_name, User.id)
        rows = (await self.db.execute(page_of_rows.offset((page - 1) * per_page).limit(per_page))).all()
        refs = await self._refs_of([r.id for r in rows], everything=include_assignments)

        def assigned(kind: str, user_id: int) -> list[Ref] | UnsetType:
            return refs[kind].get(user_id, []) if include_assignments else UNSET

        items = [
            UserListItem(
                id=r.id,
                first_name=r.first_name,
                last_name=r.last_name,
                agreement_number=r.agreement_number,
                tariffs=refs["tariff"].get(r.id, []),
                max_sessions=r.max_sessions,
                status=r.status,
                valid_from=r.valid_from,
                valid_until=r.valid_until,
                auth_sync_status=r.auth_sync_status,
                auth_sync_error=r.auth_sync_error,
                packages=assigned("package", r.id),
                channels=assigned("channel", r.id),
            )
            for r in rows
        ]
        return items, int(total)

    async def _refs_of(self, user_ids: Sequence[int], *, everything: bool) -> dict[str, dict[int, list[Ref]]]:
        """Tariffs (with ``everything``, also packages and direct channels) of these users, by
        kind and user, each ordered by name; one statement."""
        result: dict[str, dict[int, list[Ref]]] = {"tariff": {}, "package": {}, "channel": {}}
        if not user_ids:
            return result
        ids = bindparam("ref_user_ids", list(user_ids), type_=ARRAY(Integer))
        parts = [
            select(literal("tariff").label("kind"), user_tariffs.c.user_id, Tariff.id, Tariff.name)
            .join(Tariff, Tariff.id == user_tariffs.c.tariff_id)
            .where(user_tariffs.c.user_id == func.any(ids))
        ]
        if everything:
            parts.append(
                select(literal("package"), user_packages.c.user_id, Package.id, Package.name)
                .join(Package, Package.id == user_packages.c.package_id)
                .where(user_packages.c.user_id == func.any(ids))
            )
            parts.append(
                select(literal("channel"), user_channels.c.user_id, Channel.id, _channel_name)
                .join(Channel, Channel.id == user_channels.c.channel_id)
                .where(user_channels.c.user_id == func.any(ids))
            )
        refs = union_all(*parts).subquery("refs")
        stmt = select(refs).order_by(refs.c.name, refs.c.id)
        for kind, user_id, ref_id, name in (await self.db.execute(stmt)).all():
            result[kind].setdefault(user_id, []).append(Ref(id=ref_id, name=name))
        return result

    async def _get_row(self, user_id: int) -> Row[Any]:
        # Columns, not the entity: no identity-map work, and never the stale values a push made in
        # another session would leave there.
        row = (await self.db.execute(select(*_users.c).where(_users.c.id == user_id))).one_or_none()
        if row is None:
            raise NotFoundError(f"User {user_id} not found")
        return row

    async def get(self, user_id: int) -> UserRead:
        """The user with assigned tariffs, packages and channels (one statement)."""
        user = (await self.db.execute(_USER_WITH_REFS, {"ref_user_id": user_id})).one_or_none()
        if user is None:
            raise NotFoundError(f"User {user_id} not found")
        grouped: dict[str, list[Ref]] = {"tariff": [], "package": [], "channel": []}
        for kind, ref_id, name in user.refs:
            grouped[kind].append(Ref(id=ref_id, name=name))
        return UserRead(
            id=user.id,
            first_name=user.first_name,
            last_name=user.last_name,
            agreement_number=user.agreement_number,
            status=user.status,
            max_sessions=user.max_sessions,
            token=user.token,
            valid_from=user.valid_from,
            valid_until=user.valid_until,
            tariffs=grouped["tariff"],
            packages=grouped["package"],
            channels=grouped["channel"],
            auth_sync=sync_state_of(user),
            created_at=user.created_at,
            updated_at=user.updated_at,
        )

    async def resolved_channels(self, user_id: int) -> ResolvedChannels:
        await self._require(user_id)
        channels = await resolution.resolve_channels(self.db, user_id)
        items = [
            ResolvedChannelRead(
                id=c.id,
                stream_name=c.stream_name,
                display_name=c.display_name,
                tvg_name=c.tvg_name,
                tvg_id=c.tvg_id,
                catchup_days=c.catchup_days,
                sort_order=c.sort_order,
                group_id=c.group_id,
                group_name=c.group_name,
                sync_status=c.sync_status,
                playable=c.playable,
            )
            for c in channels
        ]
        return ResolvedChannels(items=items, total=len(items), playable=sum(i.playable for i in items))

    async def playlist(self, user_id: int) -> PlaylistDocument:
        """The M3U document of spec §6.3 (playable channels only) and its download name."""
        row = (
            await self.db.execute(
                select(User.token, User.first_name, User.last_name, User.agreement_number).where(User.id == user_id)
            )
        ).one_or_none()
        if row is None:
            raise NotFoundError(f"User {user_id} not found")
        heads = await lines.playlist_heads(self.db, user_id)
        return PlaylistDocument(
            filename=playlist_filename(row.last_name, row.first_name, row.agreement_number),
            content=join_playlist(heads, row.token),
            channel_count=len(heads),
        )

    async def _require(self, user_id: int) -> None:
        if (await self.db.execute(select(User.id).where(User.id == user_id))).first() is None:
            raise NotFoundError(f"User {user_id} not found")

    # -- writes ---------------------------------------------------------------------------------

    async def create(self, data: UserCreate) -> UserRead:
        valid_from = self._bound(data.valid_from, data.valid_from_date, end=False, name="valid_from")
        valid_until = self._bound(data.valid_until, data.valid_until_date, end=True, name="valid_until")
        self._check_order(valid_from, valid_until)
        await self._check_refs(data.tariff_ids, data.package_ids, data.channel_ids)
        values = {
            "first_name": clean_name(data.first_name, "first_name"),
            "last_name": clean_name(data.last_name, "last_name"),
            "agreement_number": clean_identifier(data.agreement_number, "agreement_number"),
            "status": data.status,
            "max_sessions": data.max_sessions,
            "token": new_token(),
            "valid_from": valid_from,
            "valid_until": valid_until,
            "new_tariff_ids": sorted(set(data.tariff_ids)),
            "new_package_ids": sorted(set(data.package_ids)),
            "new_channel_ids": sorted(set(data.channel_ids)),
        }
        # A duplicate agreement number (ignoring case: uq_users_agreement_number) fails here: 409 from the error map.
        user_id = int((await self.db.execute(_CREATE_USER, values)).scalar_one())
        await self.db.commit()
        # The id in the 502's details lets the admin open the saved user instead of creating it again.
        await self._push(user_id, "created", details=[{"field": "id", "message": str(user_id)}])
        return await self.get(user_id)

    async def update(self, user_id: int, data: UserUpdate) -> UserRead:
        user = await self._lock_row(user_id)
        if not isinstance(data.first_name, UnsetType):
            user.first_name = clean_name(data.first_name, "first_name")
        if not isinstance(data.last_name, UnsetType):
            user.last_name = clean_name(data.last_name, "last_name")
        if not isinstance(data.agreement_number, UnsetType):
            user.agreement_number = clean_identifier(data.agreement_number, "agreement_number")
        if not isinstance(data.status, UnsetType):
            user.status = data.status
        if not isinstance(data.max_sessions, UnsetType):
            user.max_sessions = data.max_sessions
        if data.valid_from is not UNSET or data.valid_from_date is not UNSET:
            user.valid_from = self._bound(
                _or_none(data.valid_from), _or_none(data.valid_from_date), end=False, name="valid_from"
            )
        if data.valid_until is not UNSET or data.valid_until_date is not UNSET:
            user.valid_until = self._bound(
                _or_none(data.valid_until), _or_none(data.valid_until_date), end=True, name="valid_until"
            )
        self._check_order(user.valid_from, user.valid_until)
        tariff_ids = None if isinstance(data.tariff_ids, UnsetType) else data.tariff_ids
        package_ids = None if isinstance(data.package_ids, UnsetType) else data.package_ids
        channel_ids = None if isinstance(data.channel_ids, UnsetType) else data.channel_ids
        await self._check_refs(tariff_ids or [], package_ids or [], channel_ids or [])
        await self.db.flush()
        await self._replace_links(user_id, tariff_ids, package_ids, channel_ids)
        await mark_pending(self.db, [user_id])
        await self.db.commit()
        await self._push(user_id, "updated")
        return await self.get(user_id)

    async def regenerate_token(self, user_id: int) -> UserRead:
        """A new token; the old one is removed from the Auth Service and the new one created.

        The old value goes to a tombstone unless the pointer confirms it (a create of it may have
        gone through unseen, and would keep playing), under the push lock so that no push can
        create it after that. 200 only when the old token is gone and the new one is in place.
        """
        await self._lock_push(user_id)
        user = await self._lock_row(user_id)
        tombstones = await self.sync.add_tombstones(self.db, user, replacing_token=True)
        user.token = new_token()
        await self.db.flush()
        await mark_pending(self.db, [user_id])
        await self.db.commit()
        removal_errors = (await self.sync.delete_tombstones(tombstones)).errors if tombstones else []
        until = "Until then the old token may still play and the new one does not."
        await self._push(user_id, "given a new token", consequence=until)
        if removal_errors:
            raise AuthServiceError(
                "The new token works, but removing the old one from the Auth Service failed, so it may still "
                f"play: {_sentence(removal_errors[0])} Removing it will be retried automatically."
            )
        return await self.get(user_id)

    async def resync(self, user_id: int) -> AuthSyncState:
        await self._lock_row(user_id)
        await mark_pending(self.db, [user_id])
        await self.db.commit()
        try:
            outcome = await self.sync.push_user(user_id, session=self.db)
        except PushBusyError:
            outcome = None  # the state answered says pending: queued behind the push that runs
        if outcome is None or not outcome.ok:
            self.sync.wake()
        if outcome is not None and not outcome.ok:
            raise AuthServiceError(
                f"The Auth Service could not be updated: {_sentence(outcome.error)} It will be retried automatically."
            )
        return sync_state_of(await self._get_row(user_id))

    async def resync_all(self) -> int:
        marked = await mark_all_pending(self.db)
        await self.db.commit()
        self.sync.wake()
        return marked

    async def delete(self, user_id: int) -> None:
        # Wait for any push of this user to finish, so the pointer read below is the last word and
        # no push can create a token for the user after it is gone.
        await self._lock_push(user_id)
        user = await self._lock_row(user_id)
        tombstones = await self.sync.add_tombstones(self.db, user)
        await self.db.execute(delete(User).where(User.id == user_id))
        await self.db.commit()
        if not tombstones:
            return
        errors = (await self.sync.delete_tombstones(tombstones)).errors
        if errors:
            raise AuthServiceError(
                "The user was deleted here, but removing their token from the Auth Service failed: "
                f"{_sentence(errors[0])} It will be retried automatically."
            )

    # -- helpers --------------------------------------------------------------------------------

    async def _lock_row(self, user_id: int) -> User:
        user = (await self.db.execute(select(User).where(User.id == user_id).with_for_update())).scalar_one_or_none()
        if user is None:
            raise NotFoundError(f"User {user_id} not found")
        return user

    async def _lock_push(self, user_id: int) -> None:
        """The user's push lock for this transaction (bounded wait); 409 while a push runs on."""
        try:
            await self.sync.lock_user(self.db, user_id)
        except PushBusyError as exc:
            raise ConflictError(
                f"User {user_id} is being pushed to the Auth Service right now (a slow answer); nothing was "
                "changed. Try again in a moment."
            ) from exc

    async def _push(self, user_id: int, what: str, *, consequence: str = "", details: Any = None) -> None:
        """Push inline; a 502 (saved, retried automatically) when the Auth Service is not in step."""
        try:
            outcome = await self.sync.push_user(user_id, session=self.db)
        except PushBusyError:
            self.sync.wake()
            raise AuthServiceError(
                f"The user was {what} and saved, but another push of this user to the Auth Service is still "
                f"running; this change is queued and will be pushed right after it. {consequence}".rstrip(),
                details=details,
            ) from None
        if outcome is not None and not outcome.ok:
            self.sync.wake()
            raise AuthServiceError(
                f"The user was {what} and saved, but the Auth Service could not be updated: {_sentence(outcome.error)} "
                f"The change will be retried automatically. {consequence}".rstrip(),
                details=details,
            )

    def _bound(self, instant: datetime | None, day: date | None, *, end: bool, name: str) -> datetime | None:
        if instant is not None and day is not None:
            raise ValidationError(
                f"Send either {name} or {name}_date, not both",
                details=[{"field": f"{name}_date", "message": f"conflicts with {name}"}],
            )
        if day is not None:
            return _day(day, self.zone, end=end, field=f"{name}_date")
        return None if instant is None else _instant(instant, name)

    @staticmethod
    def _check_order(valid_from: datetime | None, valid_until: datetime | None) -> None:
        if valid_from is not None and valid_until is not None and valid_from > valid_until:
            raise ValidationError(
                "valid_from must not be after valid_until",
                details=[{"field": "valid_until", "message": "must not be before valid_from"}],
            )

    async def _check_refs(
        self, tariff_ids: Sequence[int], package_ids: Sequence[int], channel_ids: Sequence[int]
    ) -> None:
        """422 naming every id that does not exist (one statement)."""
        wanted = {"tariff_ids": set(tariff_ids), "package_ids": set(package_ids), "channel_ids": set(channel_ids)}
        if not any(wanted.values()):
            return
        parts = []
        for field, model in (("tariff_ids", Tariff), ("package_ids", Package), ("channel_ids", Channel)):
            if wanted[field]:
                ids = bindparam(f"check_{field}", sorted(wanted[field]), type_=ARRAY(Integer))
                parts.append(select(literal(field).label("field"), model.id).where(model.id == func.any(ids)))
        found: dict[str, set[int]] = {f: set() for f in wanted}
        for field, ref_id in (await self.db.execute(union_all(*parts))).all():
            found[field].add(ref_id)
        details = [
            {"field": field, "message": "unknown ids: " + ", ".join(str(i) for i in sorted(ids - found[field]))}
            for field, ids in wanted.items()
            if ids - found[field]
        ]
        if details:
            raise ValidationError("Some referenced records do not exist", details=details)

    async def _replace_links(
        self,
        user_id: int,
        tariff_ids: Sequence[int] | None,
        package_ids: Sequence[int] | None,
        channel_ids: Sequence[int] | None,
    ) -> None:
        for table, column, ids in (
            (user_tariffs, "tariff_id", tariff_ids),
            (user_packages, "package_id", package_ids),
            (user_channels, "channel_id", channel_ids),
        ):
            if ids is None:
                continue
            await self.db.execute(delete(table).where(table.c.user_id == user_id))
            if ids:
                await self.db.execute(insert(table), [{"user_id": user_id, column: i} for i in sorted(set(ids))])


def _or_none[T](value: T | UnsetType | None) -> T | None:
    return None if isinstance(value, UnsetType) else value


def sync_state_of(user: Any) -> AuthSyncState:
    return AuthSyncState(
        status=user.auth_sync_status,
        auth_token_id=user.auth_token_id,
        error=user.auth_sync_error,
        error_at=user.auth_sync_error_at,
        attempts=user.auth_sync_attempts,
        next_attempt_at=user.auth_sync_next_at,
        synced_at=user.auth_synced_at,
    )
