# ruff: noqa: RUF001  -- Cyrillic/Hebrew look-alike letters are the point of this seed data
"""Deterministic seed line-up for the Flussonic simulator, plus a synthetic generator for benchmarks.

Streams are plain dicts in the v3 wire shape (reference §1.1), so the simulator can serve, select,
filter and sort them without a schema. Every stream carries fields a client must ignore.
"""

from __future__ import annotations

from typing import Any

DAY = 86_400

# (name, title) pairs; names deliberately include spaces, dots, dashes, '/', '+', '%', '?', '#', '&'
# and non-ASCII. New names go at the end of this list: earlier positions (and their DVR) stay put.
_NAMED: list[tuple[str, str | None]] = [
    ("perviy", "Первый канал"),
    ("russia24", "Россия 24"),
    ("ntv-hd", "НТВ HD"),
    ("rossiya1", "Россия 1"),
    ("kultura", "Культура"),
    ("match-tv", "Матч ТВ"),
    ("kan11", "כאן 11"),
    ("keshet12", "קשת 12"),
    ("reshet13", "רשת 13"),
    ("i24", "i24NEWS עברית"),
    ("bbc.one", "BBC One"),
    ("cnn intl", "CNN International"),
    ("mylive/bunny", "Big Buck Bunny"),
    ("новости", "Новости 24/7"),
    ("ערוץ-הספורט", "ערוץ הספורט"),
    ("sport 1 hd", "Sport 1 HD"),
    ("euro-news.en", "Euronews"),
    ("no-title", None),
    ("empty-title", ""),
    # Characters that break a URL built without percent-encoding (query, fragment, escapes, '+').
    ("sport+hd", "Sport+ HD"),
    ("100%-hits", "100% Hits"),
    ("what?tv", "What? TV"),
    ("channel#5", "Channel #5"),
    ("news&weather", "News & Weather"),
]

_LATIN = ["News", "Sport", "Movies", "Kids", "Music", "Docs", "Travel", "Food", "Science", "Comedy"]
_CYRILLIC = ["Новости", "Спорт", "Кино", "Детский", "Музыка", "Наука", "Путешествия", "Юмор"]
_HEBREW = ["חדשות", "ספורט", "סרטים", "ילדים", "מוזיקה", "מדע", "טיולים", "קומדיה"]

SEED_SIZE = 160


def make_stream(
    name: str,
    title: str | None,
    position: int,
    *,
    dvr_days: int | None = None,
    named_by: str = "config",
    disabled: bool = False,
    labels: dict[str, str] | None = None,
) -> dict[str, Any]:
    """One stream object with the fields §1.1 lists, including some only a UI would want."""
    alive = position % 7 != 3
    stream: dict[str, Any] = {
        "name": name,
        "static": True,
        "disabled": disabled,
        "position": position,
        "named_by": named_by,
        "comment": f"seed #{position}",
        "inputs": [{"url": f"udp://239.0.{position // 250}.{position % 250 + 1}:1234", "priority": 1}],
        "thumbnails": {"enabled": "ondemand", "sizes": []},
        "epg_enabled": position % 2 == 0,
        "on_play": {"url": "http://auth:9000/on_play", "max_sessions": 2},
        "config_on_disk": {"name": name, "static": True},
        "stats": {
            "alive": alive,
            "status": "running" if alive else "waiting",
            "online_clients": position % 13,
            "bitrate": 2500 + position,
            "dvr_enabled": dvr_days is not None,
            "dvr_info": {"from": 1_700_000_000, "depth": (dvr_days or 0) * DAY, "ranges": []} if dvr_days else None,
        },
    }
    if title is not None:
        stream["title"] = title
    if dvr_days is not None:
        stream["dvr"] = {"root": "/storage", "expiration": dvr_days * DAY, "storage_limit": 0}
    if labels:
        stream["labels"] = labels
    return stream


def seed_lineup() -> list[dict[str, Any]]:
    """The fixed development line-up: 160 streams, positions 0..159.

    * ``i % 3 == 0`` → no ``dvr``; otherwise ``dvr.expiration = ((i % 14) + 1) days``.
      ``"dvr-no-expiration"`` has a ``dvr`` block without ``expiration`` (→ no catch-up).
    * every 10th stream has ``labels: {"epg": "epg-<name>"}``.
    * the last 4 are ``named_by: "user"``; positions 5 and 6 of the generic block are disabled.
    """
    rows: list[tuple[str, str | None]] = list(_NAMED)
    rows.append(("dvr-no-expiration", "DVR without expiration"))
    i = 0
    while len(rows) < SEED_SIZE:
        lang = i % 3
        if lang == 0:
            rows.append((f"{_LATIN[i % len(_LATIN)].lower()}-{i:03d}", f"{_LATIN[i % len(_LATIN)]} {i}"))
        elif lang == 1:
            word = _CYRILLIC[i % len(_CYRILLIC)]
            rows.append((f"ru-{i:03d}", f"{word} {i}"))
        else:
            word = _HEBREW[i % len(_HEBREW)]
            rows.append((f"il-{i:03d}", f"{word} {i}"))
        i += 1
    streams = []
    for position, (name, title) in enumerate(rows):
        dvr_days = None if position % 3 == 0 else position % 14 + 1
        stream = make_stream(
            name,
            title,
            position,
            dvr_days=dvr_days,
            named_by="user" if position >= SEED_SIZE - 4 else "config",
            disabled=position in (len(_NAMED) + 5, len(_NAMED) + 6),
            labels={"epg": f"epg-{name}"} if position % 10 == 0 else None,
        )
        if name == "dvr-no-expiration":
            stream["dvr"] = {"root": "/storage"}
        streams.append(stream)
    return streams


def synthetic_streams(count: int) -> list[dict[str, Any]]:
    """``count`` generated streams (``ch00000``...), for 1,000 / 10,000-stream benchmarks."""
    return [
        make_stream(
            f"ch{i:05d}",
            f"Channel {i} / Канал {i} / ערוץ {i}",
            i,
            dvr_days=None if i % 4 == 0 else i % 14 + 1,
            labels={"epg": f"epg{i}"} if i % 5 == 0 else None,
        )
        for i in range(count)
    ]
