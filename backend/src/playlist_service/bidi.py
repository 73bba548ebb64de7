"""Bidirectional-text controls: the characters that reorder the text around them.

U+202A-U+202E (embeddings, overrides and their terminator) and U+2066-U+2069 (isolates). A single
U+202E RIGHT-TO-LEFT OVERRIDE makes ``x\\u202egnp.exe`` display as ``xexe.png`` and "LTR" read as
"RTL", in a file name, a channel list or a player's menu. Names typed by admins refuse them
(``catalog_rules.clean_name``); titles from Flussonic, which we cannot refuse, have them stripped
when synced (``integrations/flussonic.clean_text``) and again in the playlist
(``playlists/m3u.py``). The marks U+200E/U+200F/U+061C are left alone: they cannot reverse anything.
"""

from __future__ import annotations

import re
from typing import Final

BIDI_CLASS: Final = "\u202a-\u202e\u2066-\u2069"
"""Those characters as the inside of a regex character class."""
_BIDI = re.compile(f"[{BIDI_CLASS}]")


def has_bidi_control(value: str) -> bool:
    return _BIDI.search(value) is not None


def strip_bidi_controls(value: str) -> str:
    return _BIDI.sub("", value)
