"""Refit a head from team corrections and compare it with the unaided engine."""

from __future__ import annotations

from pathlib import Path

from arena.nlp import Engine
from arena.nlp.learning import LabelledExample, compare, corrections_to_examples, head_info, refit


def test_refit_saves_a_head_that_loads_and_learns(engine: Engine, tmp_path: Path) -> None:
    # a sector word the shipped data never saw, corrected by the team a few times
    corrections = corrections_to_examples([
        {"text": "De stallingskosten voor de caravan werden dubbel gerekend.", "polarity": "irritatie",
         "themes": ["facturatie"]},
        {"text": "Weer een dubbele stallingsfactuur ontvangen.", "polarity": "irritatie", "themes": ["facturatie"]},
        {"text": "", "polarity": "neutraal"},  # ignored: no text
    ])
    assert len(corrections) == 2
    base = [
        LabelledExample("Niemand neemt de telefoon op.", "irritatie", ("bereikbaarheid",)),
        LabelledExample("Ik wacht al weken op antwoord.", "irritatie", ("bereikbaarheid",)),
        LabelledExample("De rekening was veel te hoog.", "irritatie", ("facturatie",)),
        LabelledExample("Er stonden rare kosten op de factuur.", "irritatie", ("facturatie",)),
        LabelledExample("De medewerker was heel vriendelijk.", "positief", ("bejegening",)),
        LabelledExample("Snel en goed geholpen.", "positief", ()),
        LabelledExample("We hebben twee vestigingen.", "neutraal", ()),
        LabelledExample("Ik ben al tien jaar klant.", "neutraal", ()),
        LabelledExample("Bel klanten sneller terug.", "suggestie", ("bereikbaarheid",)),
        LabelledExample("Stuur een duidelijke factuur.", "suggestie", ("facturatie",)),
    ]
    # include_base=False keeps the test fast; the app refits on the shipped examples plus corrections
    folder = refit([*base, *corrections], tmp_path / "head", engine=engine, include_base=False)
    assert (folder / "head.npz").exists() and head_info(folder)["corrections"] == 12
    refitted = Engine.load(head_dir=folder)
    assert refitted is not engine and refitted.head is not None
    assert refitted.head.combiner is None, "12 examples are too few to learn a blend from: fixed shares"
    result = refitted.analyse("De stallingskosten klopten weer niet.")
    assert result.polarity == "irritatie" and result.theme_codes[0] == "facturatie"


def test_comparison_report(engine: Engine) -> None:
    examples = [
        LabelledExample("Ik word nooit teruggebeld.", "irritatie", ("bereikbaarheid",)),
        LabelledExample("De factuur was te hoog.", "irritatie", ("facturatie",)),
        LabelledExample("Heel vriendelijk geholpen.", "positief", ("bejegening",)),
        LabelledExample("We hebben twee vestigingen.", "neutraal", ()),
    ]
    report = compare(engine, examples)
    text = report.text()
    assert "zonder head" in text and "met head" in text and "oordeel" in text
    assert 0.0 <= report.with_head.polarity_accuracy <= 1.0


def test_refit_rejects_unknown_labels(engine: Engine, tmp_path: Path) -> None:
    import pytest

    bad = [LabelledExample("Niemand belde terug.", "boos", ("bereikbaarheid",))]
    with pytest.raises(ValueError, match="Onbekende"):
        refit(bad, tmp_path / "head", engine=engine, include_base=False)
