"""The subscriber CSV format that export_subscribers.py writes and import_subscribers.py reads.

Cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, TAB or CR)
are written with a leading apostrophe (OWASP "CSV injection"); the import takes exactly that
apostrophe off again, so a first name ``=HYPERLINK(...)`` survives export -> edit -> import as text.
A cell that already starts with apostrophes before such a character gets one more, so a value of
``'=x`` comes back as ``'=x`` and not as ``=x``.
"""

from __future__ import annotations

import unicodedata
from typing import Final

COLUMNS: Final = (
    "agreement_number",
    "first_name",
    "last_name",
    "status",
    "max_sessions",
    "valid_from",
    "valid_until",
    "tariffs",
    "packages",
    "channels",
)
"""What the import reads. ``tariffs``/``packages`` hold names, ``channels`` stream names, each list
separated by ``;``."""
LIST_SEPARATOR: Final = ";"
_FORMULA_START: Final = frozenset("=+-@\t\r")


def _looks_like_formula(value: str) -> bool:
    first = value.lstrip("'")[:1]
    return first in _FORMULA_START  # "" (empty, or only apostrophes) is not in the set


def escape_cell(value: str) -> str:
    return "'" + value if _looks_like_formula(value) else value


def unescape_cell(value: str) -> str:
    return value[1:] if value.startswith("'") and _looks_like_formula(value[1:]) else value


def agreement_key(agreement_number: str) -> str:
    """What makes two agreement numbers the same subscriber: the service NFKC-normalises and trims
    them and keeps them unique ignoring case."""
    return unicodedata.normalize("NFKC", agreement_number).strip().lower()


def join_names(names: list[str]) -> str:
    return LIST_SEPARATOR.join(sorted(names))


def split_names(cell: str) -> list[str]:
    return [name.strip() for name in cell.split(LIST_SEPARATOR) if name.strip()]
