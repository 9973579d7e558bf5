"""How the engine turns the head's polarity probabilities into one polarity."""

from __future__ import annotations

import numpy as np
import pytest

from arena.nlp import Engine
from arena.nlp.engine import IRRITATION_WEIGHT, RULE_SHARE
from arena.nlp.signals import Signals


@pytest.mark.parametrize(
    ("irritatie", "neutraal", "expected"),
    [
        (0.45, 0.40, "irritatie"),  # ahead anyway
        (0.40, 0.44, "irritatie"),  # behind, but within the weight balanced class weights took away
        (0.35, 0.44, "neutraal"),  # clearly behind: the weight does not turn the engine into an alarm
        (0.10, 0.80, "neutraal"),
    ],
)
def test_irritation_weight_in_the_decision(engine: Engine, irritatie: float, neutraal: float, expected: str) -> None:
    assert engine.head is not None
    classes = engine.head.polarity.classes
    rest = (1.0 - irritatie - neutraal) / 2
    pol = np.asarray([{"irritatie": irritatie, "neutraal": neutraal}.get(c, rest) for c in classes])
    theme = np.full(len(engine.head.theme.classes), 1.0 / len(engine.head.theme.classes))
    polarity, _, p_irr, _ = engine._decide_head(pol, theme, {}, Signals({}))  # no cues: the rule says nothing
    assert polarity == expected
    # the weight only decides; the probability passed on to sentiment and intensity is untouched
    assert p_irr == pytest.approx((1 - RULE_SHARE) * irritatie)
    assert 1.0 < IRRITATION_WEIGHT < 1.3
