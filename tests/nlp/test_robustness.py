"""Empty, huge and odd-Unicode notes never crash and keep offsets honest."""

from __future__ import annotations

import pytest

from arena.nlp import Engine


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "...", "?!", "1234"])
def test_empty_or_contentless_notes(engine: Engine, text: str) -> None:
    result = engine.analyse(text)
    assert result.polarity in ("neutraal", "positief", "irritatie", "suggestie")
    assert result.intensity == 0.0 or result.polarity == "irritatie"
    if not text.strip():
        assert result.polarity == "neutraal" and result.themes == [] and result.cues == []


@pytest.mark.parametrize(
    "text",
    [
        "De factuur 😡😡 klopte weer niet!!!",
        "Zo’n wachttijd is natuurlijk absurd.",  # typographic apostrophe
        "Cafe\u0301 bestelling: niet geleverd.",  # combining accent
        "Geen\u200b reactie\u00a0ontvangen.",  # zero-width space and no-break space
        "Geen reactie \u202eontvangen\u202c van de helpdesk.",  # bidi controls
        "Klant\x00 belde\x07 drie keer.",  # control characters
        "ＦＵＬＬＷＩＤＴＨ tekst en 中文 en العربية",
        "\ud83d kapot",  # lone surrogate
    ],
)
def test_odd_unicode(engine: Engine, text: str) -> None:
    result = engine.analyse(text)
    assert -1.0 <= result.sentiment <= 1.0
    for cue in result.cues:
        assert 0 <= cue.start < cue.end <= len(text)
    result.to_dict()


def test_offsets_point_into_the_original_text(engine: Engine) -> None:
    text = "“Geen reactie”, zei ze: de offerte kwam pas na 5 weken…"
    for cue in engine.analyse(text).cues:
        assert text[cue.start:cue.end].lower() == cue.text.lower().replace("'", "’") or \
            len(text[cue.start:cue.end]) == len(cue.text)


def test_note_over_spacy_limit_is_chunked(engine: Engine) -> None:
    filler = "Het was een gewone dinsdag in het voorjaar. "
    ending = "Maar de factuur klopte helemaal niet, absurd."
    text = filler * (1_000_001 // len(filler) + 1) + ending
    assert len(text) > engine.nlp.max_length
    result = engine.analyse(text)
    late = [c for c in result.cues if c.start > 1_000_000]
    assert late, "cues in the last chunk are found and their offsets shifted"
    assert all(text[c.start:c.end] == c.text for c in late)
    assert any(c.kind == "theme:facturatie" for c in late)


def test_analyse_many_keeps_order_and_handles_empties(engine: Engine) -> None:
    texts = ["De medewerker was erg onvriendelijk.", "", "Prima geholpen, dank!", "   "]
    results = engine.analyse_many(texts)
    assert len(results) == 4
    assert results[0].polarity == "irritatie"
    assert results[1].polarity == "neutraal" and results[1].themes == []
    assert results[2].polarity == "positief"
    assert engine.analyse_many([]) == []
