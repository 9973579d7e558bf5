"""Hostile input, as data: texts for notes and files for uploads.

`{sentinel}` is replaced by the URL of a loopback HTTP server that counts requests; any request to
it means some output fetched or ran something taken from user text.
"""

from __future__ import annotations

import io
import zipfile

MEGABYTE = 1_048_576

NOTE_TEXTS: dict[str, str] = {
    "control_characters": "Begin\x01\x02\x03\x07\x08\x0b\x0c\x0e\x1b[31mrood\x1b[0m\x7f einde",
    "nul_byte": "voor\x00na",
    "only_nul": "\x00",  # stored as U+FFFD: the user sees something was there
    "lone_surrogate": "half \ud800 teken",
    "bom_and_zero_width": "\ufeffstart\u200b\u200c\u200d\u2060 verborgen",
    "rtl_override": "Factuur \u202egnp.exe\u202c en \u2067omgekeerd\u2069 tekst",
    "bidi_isolates_arabic_hebrew": "مرحبا שלום klant zegt: ‏(boos)‎",
    "emoji_zwj_family": "Gezin 👨‍👩‍👧‍👦 en 🏳️‍🌈 en 👍🏽 en 1️⃣ en 🇳🇱",
    "combining_zalgo": "Z̸̡̛̛̪̞͓̩̘͖̤̦̯͚̞̟̔̓̏͑́̇͒̓̚ͅa̸l̷g̶o zegt hallo",
    "unicode_normalisation": "cafe\u0301 versus café",
    "line_separators": "regel1\r\nregel2\rregel3\u2028regel4\u2029regel5\x85regel6",
    "html_script": "<script>fetch('{sentinel}/script')</script> de klant was boos",
    "html_img_onerror": "<img src=\"{sentinel}/img\" onerror=\"alert(1)\"> levering te laat",
    "html_iframe_style": "<iframe src=\"{sentinel}/iframe\"></iframe><style>body{{background:url({sentinel}/css)}}</style>",
    "html_entities": "&lt;b&gt;vet&lt;/b&gt; &amp; &#x3C;script&#x3E;",
    "markdown_image": "![logo]({sentinel}/markdown.png) de website is traag",
    "markdown_link_js": "[klik hier](javascript:alert(1)) en [site]({sentinel}/link)",
    "markdown_reference_image": "![x][ref]\n\n[ref]: {sentinel}/ref.png",
    "latex_and_math": "$\\href{{{sentinel}/latex}}{{x}}$ en $$\\int_0^1$$",
    "plotly_markup": "<a href=\"{sentinel}/plotly\">link</a> <b>vet</b> <br> <sup>1</sup>",
    "formula_equals": "=HYPERLINK(\"{sentinel}/formula\",\"klik\")",
    "formula_plus_minus_at": "+1+1 en -2+3 en @SUM(A1:A9)",
    "formula_dde": "=cmd|' /C calc'!A0",
    "formula_leading_tab": "\t=1+1",
    "sql_injection": "'; DROP TABLE notes; -- en Robert'); DROP TABLE participants;--",
    "sql_like_wildcards": "100% tevreden_ of %_\\ escape",
    "json_and_template": "{{\"a\": 1}} {{{{7*7}}}} ${{7*7}} <%= 7*7 %>",
    "path_traversal": "../../../../etc/passwd en ..\\..\\windows\\system32",
    "shorthand_lookalikes": "> > >> K99: @@ #### !!! ??? //",
    "very_long_word": "x" * 100_000,
    "many_lines": "\n".join(f"regel {i}" for i in range(20_000)),
    "whitespace_only_inside": " \t \u00a0 echt \u3000 ",
    "one_megabyte": ("De levering was te laat en niemand belde terug. " * (MEGABYTE // 48 + 1))[:MEGABYTE],
}

# Texts that cannot become a note: a clear Dutch message, nothing stored.
REFUSED_TEXTS: dict[str, str] = {
    "empty": "",
    "spaces": "   \n\t  ",
}

LARGE = {"one_megabyte", "very_long_word", "many_lines"}  # kept out of the slow NLP path in the suite


def _xlsx(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


HEADER = "naam;organisatie;e-mail;segment\n"


def upload_files() -> dict[str, tuple[str, bytes]]:
    """name: (filename, bytes). Built on demand: some are several megabytes."""
    good_row = "Jan Jansen;Jansen BV;jan@example.nl;vaste_klant\n"
    valid = _xlsx([["naam", "organisatie", "e-mail"], ["Ans", "=HYPERLINK(\"x\")", "ans@example.nl"]])
    return {
        "csv_empty": ("leeg.csv", b""),
        "csv_only_header": ("kop.csv", HEADER.encode()),
        "csv_invalid_utf8": ("ongeldig.csv", HEADER.encode() + b"J\xff\xfe\xc3\x28n;Org\x80;a@b.nl;vaste_klant\n"),
        "csv_utf16_bom": ("utf16.csv", (HEADER + good_row).encode("utf-16")),
        "csv_nul_bytes": ("nul.csv", HEADER.encode() + b"Jan\x00Jansen;x;y;z\n"),
        "csv_unbalanced_quotes": ("quotes.csv", (HEADER + '"Jan;"Jansen;"\n"open\n').encode()),
        "csv_wrong_delimiter": ("tabs.csv", b"naam\torganisatie\nJan\tBV\n"),
        "csv_formula_cells": ("formule.csv", (HEADER + '=HYPERLINK("{sentinel}");+1;@SUM(A1);-2\n').encode()),
        "csv_html_and_rtl": ("html.csv", (HEADER + "<script>x</script>;\u202eBV;a@b.nl;vaste_klant\n").encode()),
        "csv_binary_garbage": ("rommel.csv", bytes(range(256)) * 64),
        "csv_huge_rows": ("groot.csv", (HEADER + good_row * 120_000).encode()),  # ~6 MB
        "csv_one_huge_field": ("veld.csv", (HEADER + "A" * 3_000_000 + ";x;y;z\n").encode()),
        "csv_many_columns": ("kolommen.csv", (";".join(f"k{i}" for i in range(5000)) + "\n").encode()),
        "xlsx_not_a_zip": ("nep.xlsx", b"dit is geen excel"),
        "xlsx_truncated": ("kapot.xlsx", valid[: len(valid) // 2]),
        "xlsx_zip_without_workbook": ("leeg.xlsx", _zip({"hallo.txt": b"geen werkboek"})),
        "xlsx_zip_bomb_like": ("bom.xlsx", _zip({"xl/worksheets/sheet1.xml": b"<a>" + b" " * 50_000_000 + b"</a>"})),
        "xlsx_formula_cells": ("formule.xlsx", valid),
        "xls_old_format": ("oud.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512),
    }


TRANSCRIPTS: dict[str, tuple[str, bytes]] = {
    "vtt_script": ("a.vtt", b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Jan><script>x</script> hallo\n"),
    "vtt_garbage": ("b.vtt", b"\xff\xfe\x00garbage"),
    "vtt_empty": ("c.vtt", b""),
    "srt_malformed": ("d.srt", b"1\n00:00:01,000 --> \nzonder eind\n"),
}
