"""Input rules shared by the catalogue areas (channels, groups, packages, tariffs), subscribers and API keys.

Names (``clean_name``: group/package/tariff/API key names, subscribers' first and last names) are
text shown to people: trimmed, invisible-only counts as blank, and control characters (CR/LF, TAB,
ESC, ...) and bidi controls (``bidi.py``) are refused. Identifiers (``clean_identifier``: agreement
numbers, the Auth Service's user_id) are stricter: Unicode NFKC first, so fullwidth letters and
digits (U+FF21 ...) fold to ASCII, then any control, format (zero-width, bidi, BOM ...) or line
separator character is refused.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import Annotated, Final

import msgspec
from sqlalchemy import Integer, bindparam, func, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from playlist_service.bidi import has_bidi_control
from playlist_service.errors import ValidationError

MAX_ID: Final = 2_147_483_647
# A positive int4: larger values cannot name a row, so they are refused as input errors, not 404s.
Id = Annotated[int, msgspec.Meta(ge=1, le=MAX_ID)]
MAX_NAME: Final = 100
# The type bounds the raw input; ``clean_name`` trims first, then checks MAX_NAME (the column's length).
Name = Annotated[
    str,
    msgspec.Meta(
        min_length=1,
        max_length=2 * MAX_NAME,
        description=(
            f"Trimmed, then 1-{MAX_NAME} characters; unique ignoring case; invisible-only (e.g. U+200B) counts "
            "as blank; no control characters or line breaks (U+2028), no bidi controls (U+202A-U+202E, U+2066-U+2069)"
        ),
    ),
]
Description = Annotated[str, msgspec.Meta(max_length=2000, description="Trimmed; blank is stored as null")]
SortOrder = Annotated[int, msgspec.Meta(ge=0, le=MAX_ID)]


def _invalid(field: str, problem: str) -> ValidationError:
    return ValidationError(f"{field} {problem}", details=[{"field": field, "message": problem}])


# Control characters (newline, tab, ESC, ...) and the line and paragraph separators U+2028/U+2029,
# which editors, JavaScript and some players treat as line breaks.
_LINE_BREAKING = frozenset({"Cc", "Zl", "Zp"})


def refuse_control_characters(value: str, field: str) -> None:
    """They would break the M3U lines these values go into, or vanish on screen."""
    if any(unicodedata.category(c) in _LINE_BREAKING for c in value):
        raise _invalid(field, "must not contain control characters or line breaks (newline, tab, U+2028, ...)")


def clean_name(value: str, field: str = "name") -> str:
    """Trimmed name; blank when nothing visible is left (whitespace, U+200B and other format characters)."""
    name = value.strip()
    if not any(not c.isspace() and not unicodedata.category(c).startswith("C") for c in name):
        raise _invalid(field, "must not be blank")
    refuse_control_characters(name, field)
    if has_bidi_control(name):
        raise _invalid(field, "must not contain bidi control characters (U+202A-U+202E, U+2066-U+2069)")
    if len(name) > MAX_NAME:
        raise _invalid(field, f"must be at most {MAX_NAME} characters (after trimming)")
    return name


# Control, format (zero-width, bidi controls, BOM, soft hyphen), surrogate, private-use, unassigned,
# and line/paragraph separators: nothing an identifier typed or pasted by a person should hold.
_NOT_IN_IDENTIFIERS = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def clean_identifier(value: str, field: str) -> str:
    """NFKC-normalised and trimmed identifier (an agreement number); 422 naming ``field`` otherwise.

    NFKC folds compatibility forms (fullwidth letters and digits, ligatures, NBSP) to their plain
    form, so an identifier typed on another keyboard layout is the same identifier.
    """
    text = unicodedata.normalize("NFKC", value).strip()
    if not text:
        raise _invalid(field, "must not be blank")
    if any(unicodedata.category(c) in _NOT_IN_IDENTIFIERS for c in text):
        raise _invalid(
            field, "must not contain control, format or invisible characters (newline, tab, zero-width, bidi)"
        )
    if len(text) > MAX_NAME:
        raise _invalid(field, f"must be at most {MAX_NAME} characters (after normalising)")
    return text


def clean_optional(value: str | None) -> str | None:
    if value is None:
        return None
    return value.strip() or None


def id_list(ids: Iterable[int]) -> str:
    return ", ".join(str(i) for i in sorted(set(ids)))


def duplicates(ids: Sequence[int]) -> set[int]:
    seen: set[int] = set()
    repeated: set[int] = set()
    for i in ids:
        if i in seen:
            repeated.add(i)
        seen.add(i)
    return repeated


async def require_ids(
    db: AsyncSession, id_column: InstrumentedAttribute[int], ids: Iterable[int], field: str
) -> list[int]:
    """The ids, deduplicated and sorted; 422 naming ``field`` and the unknown ones if any is missing."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    arr = bindparam("ids", wanted, type_=ARRAY(Integer))
    found = set((await db.execute(select(id_column).where(id_column == func.any(arr)))).scalars())
    missing = [i for i in wanted if i not in found]
    if missing:
        raise ValidationError(
            f"{field}: unknown ids {id_list(missing)}",
            details=[{"field": field, "message": f"unknown ids {id_list(missing)}"}],
        )
    return wanted
