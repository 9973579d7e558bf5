"""Intensifiers and repetition raise intensity and set the customer-effort flag."""

from __future__ import annotations

import pytest

from arena.nlp import Engine

BASE = "De monteur is niet gekomen."


@pytest.mark.parametrize(
    "text",
    [
        "De monteur is weer niet gekomen.",
        "De monteur is alweer niet gekomen.",
        "De monteur is nog steeds niet gekomen.",
        "De monteur is drie keer niet gekomen.",
        "De monteur is ontzettend vaak niet gekomen, absurd!",
    ],
)
def test_repetition_and_intensifiers_raise_intensity(engine: Engine, text: str) -> None:
    base = engine.analyse(BASE)
    stronger = engine.analyse(text)
    assert stronger.polarity == "irritatie"
    assert stronger.intensity > base.intensity
    assert any(c.kind in ("repetition", "intensifier") for c in stronger.cues)


def test_chasing_is_customer_effort(engine: Engine) -> None:
    result = engine.analyse("Ik moest meerdere keren achteraan bellen voordat er iets gebeurde.")
    assert result.effort
    assert result.polarity == "irritatie"
    assert any(c.kind == "repetition" for c in result.cues)


def test_single_calm_remark_has_no_effort_and_low_intensity(engine: Engine) -> None:
    result = engine.analyse("De factuur was iets hoger dan verwacht.")
    assert not result.effort
    assert result.intensity < 0.6


def test_positive_note_has_zero_intensity(engine: Engine) -> None:
    result = engine.analyse("Ik werd heel vriendelijk en snel geholpen, echt top.")
    assert result.polarity == "positief"
    assert result.intensity == 0.0
    assert result.sentiment > 0.3
