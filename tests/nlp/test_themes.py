"""Each theme is recognised in a plain statement (sentences not in the labelled data)."""

from __future__ import annotations

import pytest

from arena.nlp import Engine

CASES = [
    ("bereikbaarheid", "Ik hing drie kwartier aan de telefoon voordat iemand opnam."),
    ("offerte", "Ik heb een maand gewacht op de offerte voor de dakkapel."),
    ("afspraken", "De bezorging was een week later dan ze hadden beloofd."),
    ("klachtafhandeling", "Mijn klacht over de lekkage is na twee maanden nog steeds niet afgehandeld."),
    ("facturatie", "Op de factuur stonden kosten die nooit besproken waren."),
    ("flexibiliteit", "Je kunt je abonnement alleen opzeggen met een aangetekende brief."),
    ("bejegening", "De medewerker aan de balie was ronduit onbeschoft tegen mij."),
    ("overdracht", "Ik werd drie keer doorverbonden en moest steeds mijn verhaal opnieuw doen."),
    ("deskundigheid", "De adviseur wist zelf niet hoe het product werkte en gaf verkeerd advies."),
    ("verkoopdruk", "Tijdens het gesprek over mijn storing probeerden ze me een duurder pakket aan te smeren."),
    ("product", "De nieuwe wasmachine is na twee weken al kapot."),
]


@pytest.mark.parametrize(("code", "text"), CASES, ids=[c for c, _ in CASES])
def test_theme_is_found(engine: Engine, code: str, text: str) -> None:
    result = engine.analyse(text)
    assert code in result.theme_codes[:2], result.themes
    assert result.polarity == "irritatie"
    scores = [s for _, s in result.themes]
    assert scores == sorted(scores, reverse=True) and all(0.0 <= s <= 1.0 for s in scores)


def test_theme_cue_spans_are_reported(engine: Engine) -> None:
    text = "Op de factuur stonden kosten die nooit besproken waren."
    result = engine.analyse(text)
    theme_cues = [c for c in result.cues if c.kind == "theme:facturatie"]
    assert theme_cues
    assert all(text[c.start:c.end] == c.text for c in result.cues)


def test_neutral_statement_has_no_theme(engine: Engine) -> None:
    result = engine.analyse("We hebben twee vestigingen en ongeveer dertig medewerkers.")
    assert result.polarity == "neutraal"
    assert result.themes == []


def test_suggestion(engine: Engine) -> None:
    result = engine.analyse("Bel klanten binnen een dag terug.")
    assert result.polarity == "suggestie"
    assert "bereikbaarheid" in result.theme_codes
