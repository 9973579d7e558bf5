"""Table-driven tests for the capture shorthand parser."""

from __future__ import annotations

import pytest

from arena.capture.shorthand import Speaker, format_offset, parse
from arena.domain.model import NoteKind, SpeakerKind

CODES = ["K1", "K2", "K3", "K12"]
P = SpeakerKind.PARTICIPANT

CASES = [
    # line, text, speaker, kind, steps, offset, number of messages
    ("de monteur kwam te laat", "de monteur kwam te laat", None, None, 0, None, 0),
    ("@K3 de factuur klopte niet", "de factuur klopte niet", Speaker(P, "K3"), None, 0, None, 0),
    ("@k3: de factuur klopte niet", "de factuur klopte niet", Speaker(P, "K3"), None, 0, None, 0),
    ("@K12 te lang in de wacht", "te lang in de wacht", Speaker(P, "K12"), None, 0, None, 0),
    ("@mod welkom allemaal", "welkom allemaal", Speaker(SpeakerKind.MODERATOR), None, 0, None, 0),
    ("@moderator welkom", "welkom", Speaker(SpeakerKind.MODERATOR), None, 0, None, 0),
    ("@groep iedereen knikt", "iedereen knikt", Speaker(SpeakerKind.GROUP), None, 0, None, 0),
    ("@allen lachen", "lachen", Speaker(SpeakerKind.GROUP), None, 0, None, 0),
    ("#obs K2 zucht diep", "K2 zucht diep", None, NoteKind.OBSERVATIE, 0, None, 0),
    ("zet de planning online #idee", "zet de planning online", None, NoteKind.IDEE, 0, None, 0),
    ("#vraag waarom geen sms?", "waarom geen sms?", None, NoteKind.VRAAG, 0, None, 0),
    ("#compliment fijne monteur", "fijne monteur", None, NoteKind.COMPLIMENT, 0, None, 0),
    ("#ACTIE terugbellen K1", "terugbellen K1", None, NoteKind.ACTIEPUNT, 0, None, 0),
    ("@K1 #idee app met status", "app met status", Speaker(P, "K1"), NoteKind.IDEE, 0, None, 0),
    (">", "", None, None, 1, None, 0),
    (">>", "", None, None, 2, None, 0),
    ("> @K2 over de levering", "over de levering", Speaker(P, "K2"), None, 1, None, 0),
    ("[12:34] ik wacht al weken", "ik wacht al weken", None, None, 0, 754.0, 0),
    ("[1:02:03] @K1 eindelijk", "eindelijk", Speaker(P, "K1"), None, 0, 3723.0, 0),
    ("[12:99] geen tijd", "[12:99] geen tijd", None, None, 0, None, 0),
    # Unknown codes: a message, the token stays in the text, the speaker is unchanged.
    ("@K9 wie is dit", "@K9 wie is dit", None, None, 0, None, 1),
    ("@jan zegt iets", "@jan zegt iets", None, None, 0, None, 1),
    ("#obss typfout", "#obss typfout", None, None, 0, None, 1),
    # Not shorthand at all.
    ("mail naar jan@bedrijf.nl", "mail naar jan@bedrijf.nl", None, None, 0, None, 0),
    ("klacht #1 is de wachttijd", "klacht #1 is de wachttijd", None, None, 0, None, 0),
    ("prijs > waarde", "prijs > waarde", None, None, 0, None, 0),
    ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>", None, None, 0, None, 0),
    ("", "", None, None, 0, None, 0),
    ("   ", "", None, None, 0, None, 0),
]


@pytest.mark.parametrize(("line", "text", "speaker", "kind", "steps", "offset", "n_messages"), CASES)
def test_parse(line, text, speaker, kind, steps, offset, n_messages):
    result = parse(line, CODES)
    assert result.text == text
    assert result.speaker == speaker
    assert result.kind == kind
    assert result.agenda_steps == steps
    assert result.recording_offset_s == offset
    assert len(result.messages) == n_messages


def test_unknown_speaker_message_is_dutch_and_lists_the_known_codes():
    (message,) = parse("@K9 hallo", CODES).messages
    assert message.startswith("Onbekende spreker @K9")
    assert "@K1, @K2, @K3, @K12" in message
    assert "opgeslagen" in message


def test_unknown_kind_message_names_the_valid_tags():
    (message,) = parse("#klacht te duur", CODES).messages
    assert "Onbekende soort #klacht" in message and "#obs" in message


def test_last_speaker_wins_and_codes_are_case_insensitive():
    assert parse("@k1 @K2 ja", CODES).speaker == Speaker(P, "K2")


def test_a_long_note_is_kept_whole():
    line = "@K1 " + "woord " * 20000
    assert len(parse(line, CODES).text) == len(line.strip()) - 4


@pytest.mark.parametrize(("seconds", "text"), [(None, ""), (0, "00:00"), (754, "12:34"), (3723, "1:02:03")])
def test_format_offset_round_trips(seconds, text):
    assert format_offset(seconds) == text
    if text:
        assert parse(f"[{text}] x", CODES).recording_offset_s == seconds
