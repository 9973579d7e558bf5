"""Names, organisations, e-mail addresses, first names and surnames become codes."""

from __future__ import annotations

from arena.domain.model import Participant
from arena.report.pseudonymise import Pseudonymiser

PEOPLE = [
    Participant(1, 1, "K1", "Jeroen Bakker", organisation="Bakker Vastgoedbeheer", email="jeroen@bakker.example"),
    Participant(2, 1, "K2", "Marieke de Boer", organisation="VvE Het Zonnehof"),
    Participant(3, 1, "K3", "Jeroen Visser"),
    Participant(4, 1, "K4", "Bo Kok"),
]


def test_full_names_organisations_and_mail():
    pseudo = Pseudonymiser.for_participants(PEOPLE)
    text = pseudo("JEROEN BAKKER van bakker vastgoedbeheer (jeroen@bakker.example) en VvE Het Zonnehof")
    assert text == "K1 van K1 (K1) en K2"


def test_first_names_and_surnames():
    pseudo = Pseudonymiser.for_participants(PEOPLE)
    assert pseudo("Marieke vond dat mevrouw de Boer gelijk had, en Boer ook.") == "K2 vond dat mevrouw K2 gelijk had, en K2 ook."
    assert pseudo("Meneer Bakker belde; de bakker op de hoek niet.") == "Meneer K1 belde; de bakker op de hoek niet."
    # Jeroen is the first name of two participants: not attributable to either
    assert pseudo("Jeroen zei het al") == "een deelnemer zei het al"
    # two-letter first names are too common as words to replace on their own
    assert pseudo("Bo zegt: bo") == "Bo zegt: bo"
    assert pseudo("Kok kookt") == "K4 kookt"


def test_disabled_keeps_text():
    assert Pseudonymiser.for_participants(PEOPLE, enabled=False)("Jeroen Bakker") == "Jeroen Bakker"
