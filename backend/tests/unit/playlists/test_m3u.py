"""M3U rendering, stream URLs, download filename and Content-Disposition (spec §6.3, Appendix A).

The player-side tests feed our output to iptv-org's iptv-playlist-parser through
tests/playlist_parser/parse.mjs; they fail (never skip) when node or its node_modules is missing.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from playlist_service.playlists import m3u
from playlist_service.playlists.m3u import (
    PlaylistEntry,
    content_disposition,
    playlist_filename,
    render_playlist,
    stream_url,
)

PARSER_DIR = Path(__file__).resolve().parents[2] / "playlist_parser"
BASE = "http://stream.rutvportal.com:8085"
TOKEN = "QeHUZDtsuc56bX69kLWk9Q"


def entry(stream_name: str = "OTR", **overrides: Any) -> PlaylistEntry:
    fields: dict[str, Any] = {
        "stream_name": stream_name,
        "display_name": None,
        "tvg_name": None,
        "tvg_id": None,
        "catchup_days": None,
        "group_title": None,
        "tvg_logo": None,
        "stream_base_url": BASE,
    }
    fields.update(overrides)
    return PlaylistEntry(**fields)


def extinf(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.startswith("#EXTINF")]


def parse_with_player(text: str) -> list[dict[str, Any]]:
    """Run iptv-playlist-parser on ``text``; its ``items`` list."""
    hint = f"run `npm ci` in {PARSER_DIR} (backend/tests/playlist_parser)"
    node = shutil.which("node")
    if node is None:
        pytest.fail(f"node is not installed; install Node.js, then {hint}")
    if not (PARSER_DIR / "node_modules" / "iptv-playlist-parser").is_dir():
        pytest.fail(f"iptv-playlist-parser is not installed: {hint}")
    proc = subprocess.run(
        [node, str(PARSER_DIR / "parse.mjs")],
        input=text.encode(),
        capture_output=True,
        timeout=60,
        check=False,
    )
    if proc.returncode != 0:
        pytest.fail(f"parse.mjs failed ({proc.returncode}): {proc.stderr.decode(errors='replace')}")
    items: list[dict[str, Any]] = json.loads(proc.stdout)["items"]
    return items


# --- document shape -------------------------------------------------------------------------


def test_appendix_a_sample_is_reproduced_exactly() -> None:
    entries = [
        entry(
            "OTR",
            display_name="OTP",
            tvg_name="OTP",
            tvg_id="otr",
            catchup_days=14,
            group_title="Информационные",
            tvg_logo="data:image/png;base64,...",
        ),
        entry(
            "9kanalHD",
            display_name="9 канал HD",
            tvg_name="9 канал HD",
            tvg_id="2672",
            catchup_days=14,
            group_title="Израильские",
            tvg_logo="data:image/png;base64,...",
        ),
    ]
    assert render_playlist(entries, TOKEN) == (
        "#EXTM3U\n"
        '#EXTINF:-1 tvg-name="OTP" tvg-id="otr" catchup-days="14" group-title="Информационные" '
        'tvg-logo="data:image/png;base64,...",OTP\n'
        "http://stream.rutvportal.com:8085/OTR/video.m3u8?token=QeHUZDtsuc56bX69kLWk9Q\n"
        '#EXTINF:-1 tvg-name="9 канал HD" tvg-id="2672" catchup-days="14" group-title="Израильские" '
        'tvg-logo="data:image/png;base64,...",9 канал HD\n'
        "http://stream.rutvportal.com:8085/9kanalHD/video.m3u8?token=QeHUZDtsuc56bX69kLWk9Q\n"
    )


def test_empty_playlist_is_just_the_header() -> None:
    assert render_playlist([], TOKEN) == "#EXTM3U\n"


def test_lines_end_with_lf_and_there_is_no_bom() -> None:
    text = render_playlist([entry(display_name="Канал"), entry("B")], TOKEN)
    assert "\r" not in text
    assert text.endswith("\n")
    assert text.encode("utf-8").startswith(b"#EXTM3U\n")


def test_entries_may_be_any_iterable() -> None:
    assert render_playlist((e for e in [entry("A")]), TOKEN) == render_playlist([entry("A")], TOKEN)


def test_attributes_are_written_in_spec_order() -> None:
    line = extinf(
        render_playlist(
            [entry(tvg_logo="L", group_title="G", catchup_days=3, tvg_id="I", tvg_name="N", display_name="D")],
            TOKEN,
        )
    )[0]
    assert line == '#EXTINF:-1 tvg-name="N" tvg-id="I" catchup-days="3" group-title="G" tvg-logo="L",D'


@pytest.mark.parametrize("missing", [None, "", "   ", "\t\r\n"])
def test_attribute_without_value_is_left_out(missing: str | None) -> None:
    line = extinf(
        render_playlist(
            [entry(display_name="D", tvg_name=missing, tvg_id=missing, group_title=missing, tvg_logo=missing)],
            TOKEN,
        )
    )[0]
    assert line == "#EXTINF:-1,D"


@pytest.mark.parametrize("days", [None, 0, -1])
def test_catchup_days_only_when_positive(days: int | None) -> None:
    assert "catchup-days" not in render_playlist([entry(catchup_days=days)], TOKEN)


def test_catchup_days_written_as_integer() -> None:
    assert 'catchup-days="7"' in render_playlist([entry(catchup_days=7)], TOKEN)


def test_only_some_attributes_present() -> None:
    line = extinf(render_playlist([entry(tvg_id="x", group_title="G", display_name="D")], TOKEN))[0]
    assert line == '#EXTINF:-1 tvg-id="x" group-title="G",D'


@pytest.mark.parametrize(
    ("display_name", "tvg_name", "expected"),
    [
        ("Display", "Tvg", "Display"),
        (None, "Tvg", "Tvg"),
        (" \t ", "Tvg", "Tvg"),
        (None, None, "stream/one"),
        ("", "  ", "stream/one"),
        (None, "a=b", "a=b"),  # the name keeps "=", only the attribute replaces it
    ],
)
def test_display_name_falls_back_to_tvg_name_then_stream_name(
    display_name: str | None, tvg_name: str | None, expected: str
) -> None:
    line = extinf(render_playlist([entry("stream/one", display_name=display_name, tvg_name=tvg_name)], TOKEN))[0]
    assert line.endswith("," + expected)


def test_unicode_passes_through_unchanged() -> None:
    names = ["Первый канал", "כאן 11", "Kids 🦄 TV", "Ünïcödé"]
    text = render_playlist(
        [entry(f"s{i}", display_name=n, tvg_name=n, group_title=n) for i, n in enumerate(names)], TOKEN
    )
    for n, line in zip(names, extinf(text), strict=True):
        assert line == f'#EXTINF:-1 tvg-name="{n}" group-title="{n}",{n}'


def test_long_data_uri_logo_is_written_whole() -> None:
    logo = "data:image/png;base64," + "iVBORw0KGgo" * 5000 + "=="
    assert f'tvg-logo="{logo}",' in render_playlist([entry(tvg_logo=logo)], TOKEN)


# --- sanitising -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("a\r\nb", "a b"),
        ("a\nb", "a b"),
        ("a\rb", "a b"),
        ("a\tb", "a b"),
        ("a\u2028b\u2029c", "a b c"),
        ("a\x85b", "a b"),
        ("a\x00b\x1bc\x7fd\x9fe", "a b c d e"),
        ("a\x0b\x0cb", "a b"),
        ("  a  \n\n  b  ", "a b"),
        ("a\ud800b", "a b"),
        ('say "hi"', "say 'hi'"),
    ],
)
def test_control_characters_and_quotes_are_neutralised_everywhere(raw: str, clean: str) -> None:
    text = render_playlist([entry(display_name=raw, tvg_name=raw, tvg_id=raw, group_title=raw, tvg_logo=raw)], TOKEN)
    assert extinf(text) == [
        f'#EXTINF:-1 tvg-name="{clean}" tvg-id="{clean}" group-title="{clean}" tvg-logo="{clean}",{clean}'
    ]
    assert len(text.splitlines()) == 3  # str.splitlines knows every Unicode line break


BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@pytest.mark.parametrize("control", list(BIDI_CONTROLS))
def test_bidi_controls_are_stripped_from_every_value(control: str) -> None:
    raw = f"RTL{control}gnp.exe {control}x"
    text = render_playlist([entry(display_name=raw, tvg_name=raw, tvg_id=raw, group_title=raw, tvg_logo=raw)], TOKEN)
    clean = "RTLgnp.exe x"
    assert extinf(text) == [
        f'#EXTINF:-1 tvg-name="{clean}" tvg-id="{clean}" group-title="{clean}" tvg-logo="{clean}",{clean}'
    ]
    assert not set(BIDI_CONTROLS) & set(text)


def test_bidi_controls_are_stripped_from_a_fallback_name_and_keep_hebrew_and_marks() -> None:
    kan = "\u05db\u05d0\u05df 11"  # Hebrew "Kan 11"
    text = render_playlist([entry("s", tvg_name=f"\u202e{kan}\u202c"), entry("t", display_name="a\u200fb")], TOKEN)
    assert [line.rsplit(",", 1)[1] for line in extinf(text)] == [kan, "a\u200fb"]


def test_equals_sign_is_replaced_in_text_attributes_only() -> None:
    line = extinf(
        render_playlist(
            [entry(display_name="a=b", tvg_name="a=b", tvg_id="a=b", group_title="a=b", tvg_logo="x?y=1")],
            TOKEN,
        )
    )[0]
    assert line == '#EXTINF:-1 tvg-name="a\uff1db" tvg-id="a\uff1db" group-title="a\uff1db" tvg-logo="x?y=1",a=b'


@pytest.mark.parametrize("field", ["tvg_name", "group_title", "tvg_id", "display_name"])
def test_value_cannot_inject_an_attribute(field: str) -> None:
    hostile = 'x" tvg-id="evil'
    line = extinf(render_playlist([entry(**{field: hostile}, tvg_logo="L")], TOKEN))[0]
    info = line[: line.rindex('",') + 1]  # the attribute part, as Kodi cuts it
    assert info.count('"') == (2 if field == "display_name" else 4)  # only the quotes we wrote
    assert 'tvg-id="evil' not in line
    assert "tvg-id=" not in info or field == "tvg_id"


def test_kodi_style_unquoted_marker_cannot_be_injected() -> None:
    line = extinf(render_playlist([entry(tvg_name="x tvg-id=evil", tvg_id="real")], TOKEN))[0]
    # Kodi IPTV Simple reads the first "tvg-id=" in the attribute part.
    assert line[line.index("tvg-id=") :].startswith('tvg-id="real"')


def test_name_cannot_start_a_new_line_or_entry() -> None:
    hostile = "#EXTINF:-1,evil\nhttp://evil.example/x.m3u8\r\n#EXTM3U"
    text = render_playlist([entry(display_name=hostile)], TOKEN)
    assert text.split("\n") == [
        "#EXTM3U",
        "#EXTINF:-1,#EXTINF:-1,evil http://evil.example/x.m3u8 #EXTM3U",
        f"{BASE}/OTR/video.m3u8?token={TOKEN}",
        "",
    ]


def test_every_entry_is_exactly_two_lines() -> None:
    hostile = ["\n", "\r", "\u2028", "\x85", '"', "#", ",", "\x00"]
    entries = [entry(f"s/{h}", display_name=h * 3, tvg_name=h, group_title=h, tvg_logo=h) for h in hostile]
    lines = render_playlist(entries, TOKEN).splitlines()
    assert len(lines) == 1 + 2 * len(entries)
    assert all(line.startswith("#EXTINF:-1") for line in lines[1::2])
    assert all(line.startswith(BASE + "/s/") for line in lines[2::2])


# --- stream URLs -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("OTR", "OTR"),
        ("9kanalHD", "9kanalHD"),
        ("my channel", "my%20channel"),
        ("live/sport/hd", "live/sport/hd"),
        ("live/my channel", "live/my%20channel"),
        ("Первый", "%D0%9F%D0%B5%D1%80%D0%B2%D1%8B%D0%B9"),
        ("what?x=1", "what%3Fx%3D1"),
        ("a#b", "a%23b"),
        ("100%", "100%25"),
        ("a+b&c;d", "a%2Bb%26c%3Bd"),
        ("dots.and_under-score~", "dots.and_under-score~"),
        ("..", "%2E%2E"),
        (".", "%2E"),
        ("../admin", "%2E%2E/admin"),
        ("live/../secret", "live/%2E%2E/secret"),
        ("live/./hd", "live/%2E/hd"),
        ("a/..", "a/%2E%2E"),
        ("...", "..."),
        ("..hidden", "..hidden"),
        ("v1.2/hd.", "v1.2/hd."),
    ],
)
def test_stream_url_encodes_each_path_segment(name: str, path: str) -> None:
    assert stream_url(BASE, name, "tok") == f"{BASE}/{path}/video.m3u8?token=tok"


@pytest.mark.parametrize("name", ["..", ".", "live/../x", "./x", "x/."])
def test_dot_segments_survive_url_resolution(name: str) -> None:
    from urllib.parse import unquote, urljoin, urlsplit

    url = urlsplit(stream_url(BASE, name, "tok"))
    # What a player does before requesting it: remove dot segments (RFC 3986 §5.2.4), which urljoin
    # does for a relative reference. Encoded dots are data, so the path arrives as written.
    resolved = urlsplit(urljoin(f"{url.scheme}://{url.netloc}/", url.path.lstrip("/"))).path
    assert unquote(resolved) == f"/{name}/video.m3u8"


@pytest.mark.parametrize(
    ("token", "encoded"),
    [
        ("QeHUZDtsuc56bX69kLWk9Q", "QeHUZDtsuc56bX69kLWk9Q"),
        ("a-b_c", "a-b_c"),
        ("a+b/c=", "a%2Bb%2Fc%3D"),
        ("a&b#c d", "a%26b%23c%20d"),
    ],
)
def test_stream_url_encodes_token(token: str, encoded: str) -> None:
    assert stream_url(BASE, "OTR", token) == f"{BASE}/OTR/video.m3u8?token={encoded}"


@pytest.mark.parametrize("base", [BASE, BASE + "/", BASE + "//", f"  {BASE}/ \n"])
def test_stream_url_normalises_base(base: str) -> None:
    assert stream_url(base, "OTR", "t") == f"{BASE}/OTR/video.m3u8?token=t"


def test_stream_url_base_with_path_and_inner_space() -> None:
    assert stream_url("http://h:80/edge 1/", "a", "t") == "http://h:80/edge%201/a/video.m3u8?token=t"


def test_stream_url_survives_a_lone_surrogate() -> None:
    assert stream_url(BASE, "a\ud800b", "t\udfff") == f"{BASE}/a%3Fb/video.m3u8?token=t%3F"


def test_playlist_urls_match_stream_url() -> None:
    entries = [
        entry("live/my channel", stream_base_url="http://a/"),
        entry("Первый", stream_base_url="http://b"),
    ]
    urls = render_playlist(entries, "t-_1").split("\n")[2::2]
    assert urls == [
        stream_url("http://a/", "live/my channel", "t-_1"),
        stream_url("http://b", "Первый", "t-_1"),
    ]


@pytest.mark.parametrize("names", [["..", "ok"], ["live", "."], ["a/../b"]])
def test_playlist_urls_encode_dot_segments_too(names: list[str]) -> None:
    # The playlist checks a whole batch of plain names at once; a dot segment must not pass as plain.
    urls = render_playlist([entry(n) for n in names], "t").split("\n")[2::2]
    assert urls == [stream_url(entry(n).stream_base_url, n, "t") for n in names]
    assert not any("/./" in u or "/../" in u for u in urls)


# --- filename and Content-Disposition ------------------------------------------------------------


@pytest.mark.parametrize(
    ("parts", "filename"),
    [
        (("Ivanov", "Ivan", "A-123"), "Ivanov_Ivan_A-123.m3u8"),
        (("Иванов", "Иван", "123"), "Иванов_Иван_123.m3u8"),
        (("כהן", "דוד", "77"), "כהן_דוד_77.m3u8"),
        (("O'Brien", "Seán", "9"), "OBrien_Seán_9.m3u8"),
        (("../../etc", "passwd", "1"), "etc_passwd_1.m3u8"),
        (("..\\..\\win", 'a"b', "c/d"), "win_ab_cd.m3u8"),
        (("Ivanov\r\nSet-Cookie: x=1", "Ivan", "1"), "Ivanov Set-Cookie x=1_Ivan_1.m3u8"),
        (("a\tb\x00c", " d ", "e\u2028f"), "a bc_d_e f.m3u8"),
        (("<>:|?*", "x", "1"), "_x_1.m3u8"),
        (("", "", ""), "playlist.m3u8"),
        (("/", '"', "\n"), "playlist.m3u8"),
        (("Ivanov\u202egnp.exe", "Iv\u2066an\u2069", "\u202a1\u202c"), "Ivanovgnp.exe_Ivan_1.m3u8"),
        (("\u202e", "\u2067", "\u202d"), "playlist.m3u8"),
    ],
)
def test_playlist_filename(parts: tuple[str, str, str], filename: str) -> None:
    assert playlist_filename(*parts) == filename


def test_playlist_filename_parts_are_capped() -> None:
    filename = playlist_filename("x" * 500, "y" * 500, "1")
    assert filename == "x" * 64 + "_" + "y" * 64 + "_1.m3u8"


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        (
            "Ivanov_Ivan_123.m3u8",
            "attachment; filename=\"Ivanov_Ivan_123.m3u8\"; filename*=UTF-8''Ivanov_Ivan_123.m3u8",
        ),
        (
            "Иванов_Иван_1.m3u8",
            'attachment; filename="____________1.m3u8"; '
            "filename*=UTF-8''%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2_%D0%98%D0%B2%D0%B0%D0%BD_1.m3u8",
        ),
        (
            "כהן_1.m3u8",
            "attachment; filename=\"____1.m3u8\"; filename*=UTF-8''%D7%9B%D7%94%D7%9F_1.m3u8",
        ),
        ("Seán.m3u8", "attachment; filename=\"Sean.m3u8\"; filename*=UTF-8''Se%C3%A1n.m3u8"),
        ('a"b%c d.m3u8', "attachment; filename=\"a_b_c d.m3u8\"; filename*=UTF-8''a%22b%25c%20d.m3u8"),
        ("../a\\b.m3u8", "attachment; filename=\"..ab.m3u8\"; filename*=UTF-8''..ab.m3u8"),
        (
            "x\u202egnp.exe\u2066.m3u8",
            "attachment; filename=\"xgnp.exe.m3u8\"; filename*=UTF-8''xgnp.exe.m3u8",
        ),
        (
            "a\r\nSet-Cookie: x.m3u8",
            "attachment; filename=\"a Set-Cookie: x.m3u8\"; filename*=UTF-8''a%20Set-Cookie%3A%20x.m3u8",
        ),
    ],
)
def test_content_disposition(filename: str, expected: str) -> None:
    assert content_disposition(filename) == expected


@pytest.mark.parametrize(
    "parts",
    [("Иванов", "Иван", "123"), ("כהן", "דוד", "77"), ('a"b\\c', "\r\n", "../x"), ("😀", "x", "1")],
)
def test_content_disposition_round_trips_the_filename(parts: tuple[str, str, str]) -> None:
    filename = playlist_filename(*parts)
    header = content_disposition(filename)
    fallback, star = re.fullmatch(r'attachment; filename="([ !#-~]*)"; filename\*=UTF-8\'\'(\S+)', header).groups()  # type: ignore[union-attr]
    assert unquote(star, errors="strict") == filename
    assert "\\" not in fallback
    assert header.isascii()


# --- lines up to the token (what playlists/lines.py keeps) -----------------------------------------


def test_heads_joined_with_a_token_are_the_document() -> None:
    entries = [entry("A", display_name="Один", group_title="G"), entry("B/1 x", tvg_logo="L"), entry("C")]
    heads = m3u.render_heads(entries)
    assert len(heads) == 3 and all(b"token" not in h for h in heads)
    assert m3u.join_playlist(heads, TOKEN).decode() == render_playlist(entries, TOKEN)
    other = m3u.join_playlist(heads, "other+/=").decode()
    assert other == render_playlist(entries, "other+/=")
    assert other.count("token=other%2B%2F%3D\n") == 3
    assert m3u.join_playlist([], TOKEN) == b"#EXTM3U\n"


# --- player side: iptv-playlist-parser -------------------------------------------------------------

LOGO = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGAAAAAEAAH2FzhVAAAAAElFTkSuQmCC"
)

# (entry, expected name, tvg-name, tvg-id, group-title, tvg-logo, catchup days) as the player sees them
PLAYER_CASES: list[tuple[PlaylistEntry, str, str, str, str, str, str]] = [
    (
        entry(
            "OTR",
            display_name="OTP",
            tvg_name="OTP",
            tvg_id="otr",
            catchup_days=14,
            group_title="Информационные",
            tvg_logo=LOGO,
        ),
        "OTP",
        "OTP",
        "otr",
        "Информационные",
        LOGO,
        "14",
    ),
    (
        entry(
            "9kanalHD",
            display_name="9 канал HD",
            tvg_name="9 канал HD",
            tvg_id="2672",
            catchup_days=7,
            group_title="Израильские",
            tvg_logo=LOGO,
        ),
        "9 канал HD",
        "9 канал HD",
        "2672",
        "Израильские",
        LOGO,
        "7",
    ),
    (
        entry("kan11", display_name="כאן 11", tvg_name="כאן 11", tvg_id="kan11.il", group_title="ישראל"),
        "כאן 11",
        "כאן 11",
        "kan11.il",
        "ישראל",
        "",
        "",
    ),
    (
        entry("kids", display_name="Kids 🦄 TV", tvg_name="Kids 🦄", group_title="🎈 Дети"),
        "Kids 🦄 TV",
        "Kids 🦄",
        "",
        "🎈 Дети",
        "",
        "",
    ),
    (
        entry("q1", display_name='x" tvg-id="evil', tvg_name='x" tvg-id="evil', group_title='g" tvg-logo="evil'),
        "x' tvg-id='evil",
        "x' tvg-id\uff1d'evil",
        "",
        "g' tvg-logo\uff1d'evil",
        "",
        "",
    ),
    (
        entry(
            "q2",
            display_name='News, "Live", 24/7',
            tvg_name="News, Live",
            tvg_id="news,1",
            group_title="A, B",
            tvg_logo=LOGO,
            catchup_days=3,
        ),
        "News, 'Live', 24/7",
        "News, Live",
        "news,1",
        "A, B",
        LOGO,
        "3",
    ),
    (
        entry(
            "q3",
            display_name="Line1\r\nLine2\tTab\u2028Sep\x85Nel",
            tvg_name="a\nb",
            group_title="\r\n\tTrim me\t\r\n",
        ),
        "Line1 Line2 Tab Sep Nel",
        "a b",
        "",
        "Trim me",
        "",
        "",
    ),
    (
        entry("q4", display_name='#EXTINF:-1 tvg-id="evil",Evil\nhttp://evil.example/e.m3u8', tvg_id="real"),
        "#EXTINF:-1 tvg-id='evil',Evil http://evil.example/e.m3u8",
        "",
        "real",
        "",
        "",
        "",
    ),
    (
        entry("q5", display_name="#1 channel", tvg_name='="', tvg_id="id=", group_title="x="),
        "#1 channel",
        "\uff1d'",
        "id\uff1d",
        "x\uff1d",
        "",
        "",
    ),
    (
        entry("q6", display_name='a="b"', tvg_name=None, catchup_days=0),
        "a='b'",
        "",
        "",
        "",
        "",
        "",
    ),
    (entry("live/my channel"), "live/my channel", "", "", "", "", ""),
    (entry("Первый канал?#", tvg_name="Первый"), "Первый", "Первый", "", "", "", ""),
]


def test_player_reads_back_exactly_what_we_meant() -> None:
    entries = [case[0] for case in PLAYER_CASES]
    token = "Tok-en_1"
    items = parse_with_player(render_playlist(entries, token))
    assert len(items) == len(PLAYER_CASES)
    for item, (e, name, tvg_name, tvg_id, group, logo, days) in zip(items, PLAYER_CASES, strict=True):
        got = {
            "name": item["name"],
            "tvg-name": item["tvg"]["name"],
            "tvg-id": item["tvg"]["id"],
            "group-title": item["group"]["title"],
            "tvg-logo": item["tvg"]["logo"],
            "catchup-days": item["catchup"]["days"],
            "url": item["url"],
        }
        assert got == {
            "name": name,
            "tvg-name": tvg_name,
            "tvg-id": tvg_id,
            "group-title": group,
            "tvg-logo": logo,
            "catchup-days": days,
            "url": stream_url(BASE, e.stream_name, token),
        }, e.stream_name


def test_player_reads_appendix_a_sample() -> None:
    items = parse_with_player(
        render_playlist([entry("OTR", display_name="OTP", tvg_name="OTP", tvg_id="otr", catchup_days=14)], TOKEN)
    )
    assert [(i["name"], i["tvg"]["id"], i["catchup"]["days"], i["url"]) for i in items] == [
        ("OTP", "otr", "14", f"{BASE}/OTR/video.m3u8?token={TOKEN}")
    ]
