"""Negation scope in both directions and its effect on polarity."""

from __future__ import annotations

import pytest

from arena.nlp import Engine


def kinds(result) -> list[tuple[str, str]]:
    return [(c.text.lower(), c.kind) for c in result.cues]


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("De afspraak is niet nagekomen.", "niet nagekomen"),  # negator before the verb
        ("Ze kwamen de afspraak niet na.", "kwamen de afspraak niet"),  # separable verb, negator after
        ("Ik heb de creditnota nooit ontvangen.", "nooit ontvangen"),
        ("Op mijn vraag kwam geen reactie.", "geen reactie"),
        ("Ze belden me niet terug.", "belden me niet"),  # negator after the cue
    ],
)
def test_negated_expectation_is_an_irritation_cue(engine: Engine, text: str, negated: str) -> None:
    result = engine.analyse(text)
    assert (negated, "negative") in kinds(result)
    assert result.polarity == "irritatie"
    assert result.sentiment < 0


def test_not_satisfied_is_negative_but_not_dissatisfied_is_not(engine: Engine) -> None:
    unhappy = engine.analyse("Ik ben niet tevreden over de service.")
    fine = engine.analyse("Ik ben niet ontevreden over de service.")
    assert unhappy.polarity == "irritatie" and unhappy.sentiment < 0
    assert ("tevreden", "negative") in kinds(unhappy)
    assert fine.polarity != "irritatie" and fine.sentiment > 0
    assert ("ontevreden", "positive") in kinds(fine)


def test_negation_does_not_cross_a_clause(engine: Engine) -> None:
    sig_cues = kinds(engine.analyse("Ik heb niet lang gewacht, maar de medewerker was onvriendelijk."))
    assert ("onvriendelijk", "negative") in sig_cues  # "niet" stops at the comma and "maar"


def test_niet_alleen_is_not_a_negation(engine: Engine) -> None:
    result = engine.analyse("Niet alleen snel, ook heel vriendelijk geholpen.")
    assert ("vriendelijk", "positive") in kinds(result)
    assert result.polarity == "positief"


def test_fixed_negative_phrase_is_not_flipped_again(engine: Engine) -> None:
    result = engine.analyse("Geen klachten, alles loopt prima.")
    assert result.polarity == "positief"
