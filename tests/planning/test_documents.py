"""Calendar files parsed back with icalendar; invitation, briefing, checklist and letters read back."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from docx import Document
from icalendar import Calendar

from arena.domain.model import (
    AgendaBlock,
    AgendaItem,
    Department,
    NoteKind,
    Observer,
    Participant,
    Segment,
    Session,
    SessionFormat,
)
from arena.domain.text import ValidationError
from arena.planning.calendar import session_ics
from arena.planning.invitations import checklist_text, day_checklist, invitation_text, name_cards, schedule, staff_briefing
from arena.planning.thanks import LetterContent, NextStep, letter_docx, letter_text, letters_docx

AMS = ZoneInfo("Europe/Amsterdam")


def session(**changes) -> Session:
    values = dict(id=4, title="Klantenarena voorjaar", date=date(2027, 3, 16), start_time=time(14, 0), duration_min=120,
                  location="Vergaderzaal De Linde, Stationsweg 12, Zwolle", moderator="Sanne de Vries",
                  organisation="Van Dijk Installatietechniek", goal="Horen wat klanten ergert.")
    values.update(changes)
    return Session(**values)


AGENDA = [
    AgendaItem(1, 4, 1, "Opening en spelregels", AgendaBlock.OPENING, timebox_min=10),
    AgendaItem(2, 4, 2, "Bereikbaarheid en reactiesnelheid", questions=["Hoe snel?"], timebox_min=50,
               theme_codes=["bereikbaarheid"]),
    AgendaItem(3, 4, 3, "Facturen en kosten", timebox_min=45, theme_codes=["facturatie"]),
    AgendaItem(4, 4, 4, "Open ronde", AgendaBlock.OPEN_RONDE, timebox_min=15),
]
JEROEN = Participant(1, 4, "K1", "Jeroen Bakker", "Bakker Vastgoed", "jeroen@bakker.example", Segment.VASTE_KLANT)
FATIMA = Participant(2, 4, "K2", "Fatima El Amrani", "De Weide", "fatima@deweide.example", Segment.RECENTE_KLACHT,
                     consent_given_at=datetime(2027, 3, 1, tzinfo=UTC), consent_text_version="2027-1")


def parse(data: bytes):
    calendar = Calendar.from_ical(data)
    [event] = calendar.events
    return calendar, event


@pytest.mark.parametrize(("day", "offset"), [(date(2027, 3, 16), 1), (date(2027, 7, 6), 2)])
def test_ics_round_trip_in_amsterdam_time(day, offset):
    data = session_ics(session(date=day), description="Onderwerpen: bereikbaarheid", attendee_email="jeroen@bakker.example",
                       uid_suffix="K1")
    calendar, event = parse(data)
    assert event.start == datetime.combine(day, time(14, 0), tzinfo=AMS)
    assert event.end == datetime.combine(day, time(16, 0), tzinfo=AMS)
    assert str(event.start.tzinfo) == "Europe/Amsterdam"
    assert event.start.utcoffset() == timedelta(hours=offset)  # winter CET, summer CEST
    assert str(event["SUMMARY"]) == "Klantenarena: Klantenarena voorjaar"
    assert str(event["LOCATION"]) == "Vergaderzaal De Linde, Stationsweg 12, Zwolle"
    assert str(event["DESCRIPTION"]) == "Onderwerpen: bereikbaarheid"
    assert str(event["UID"]) == "klantenarena-4-K1@klantenarena"
    assert str(event["ATTENDEE"]) == "mailto:jeroen@bakker.example"
    assert [tz["TZID"] for tz in calendar.timezones] == ["Europe/Amsterdam"]
    assert b"DTSTART;TZID=Europe/Amsterdam:" in data


def test_ics_online_uses_the_link_as_location_and_url():
    link = "https://meet.example/klantenarena"
    _, event = parse(session_ics(session(format=SessionFormat.ONLINE, meeting_link=link, location="")))
    assert str(event["LOCATION"]) == link and str(event["URL"]) == link


def test_ics_keeps_odd_text_safe():
    _, event = parse(session_ics(session(title="Sessie; met, tekens\x07 en \\ slash", location="Zaal\x00 1")))
    assert str(event["SUMMARY"]) == "Klantenarena: Sessie; met, tekens en \\ slash"
    assert str(event["LOCATION"]) == "Zaal\ufffd 1"


def test_ics_needs_date_and_time():
    with pytest.raises(ValidationError, match="datum en de begintijd"):
        session_ics(session(date=None))


def test_invitation_text_is_personal_dutch_and_complete():
    text = invitation_text(session(), JEROEN, AGENDA, sender="Karin Bos, directeur")
    assert text.startswith("Onderwerp: Uitnodiging klantenarena – Klantenarena voorjaar\n\nBeste Jeroen Bakker,")
    assert "dinsdag 16 maart 2027 van 14.00 tot 16.00 uur, op locatie: Vergaderzaal De Linde" in text
    assert "luisteren alleen" in text and "(Sanne de Vries)" in text
    assert "- Bereikbaarheid en reactiesnelheid\n- Facturen en kosten\n" in text
    assert "Opening en spelregels" not in text  # fixed blocks are not topics
    assert "toestemming" in text and "code" in text
    assert text.rstrip().endswith("Karin Bos, directeur\nVan Dijk Installatietechniek")


def test_schedule_and_briefing_for_staff():
    lines = schedule(session(), AGENDA)
    assert [line.label for line in lines][:2] == ["14.00–14.10  Opening en spelregels",
                                                  "14.10–15.00  Bereikbaarheid en reactiesnelheid"]
    observers = [Observer(1, 4, "Lotte Smit", Department.VERKOOP), Observer(2, 4, "Daan Willems", Department.KLANTENSERVICE),
                 Observer(3, 4, "Eva Peters", Department.VERKOOP)]
    text = staff_briefing(session(), AGENDA, observers, [JEROEN, FATIMA], note_takers="Ahmed", recording="audio")
    assert "Uw rol: u luistert alleen" in text
    assert "U verdedigt niets, legt niets uit" in text
    assert "- Klantenservice: Daan Willems\n- Verkoop: Lotte Smit en Eva Peters" in text
    assert "Notulist(en): Ahmed" in text and "geluidsopname" in text
    assert "- K1: Vaste klant\n- K2: Recente klacht" in text
    assert "Jeroen" not in text and "Fatima" not in text  # customers only as codes


def test_day_checklist_reports_what_is_known():
    items = {i.label: i for i in day_checklist(session(), [JEROEN, FATIMA], [], note_takers="", recording="geen")}
    assert items["Zaal gereserveerd"].done is True
    assert items["Toestemming van alle deelnemers"].done is False
    assert items["Toestemming van alle deelnemers"].detail == "1 van de 2 deelnemers hebben toestemming gegeven."
    assert items["Notulist aangewezen"].done is False
    assert items["Moderator gekozen"].done is True
    assert items["Naambordjes (alleen voornaam) voor klanten en medewerkers"].done is None
    online = {i.label: i for i in day_checklist(session(format=SessionFormat.ONLINE, meeting_link=""), [], [])}
    assert online["Link voor de online sessie"].done is False
    text = checklist_text(session(), list(items.values()))
    assert "[x] Zaal gereserveerd" in text and "[ ] Notulist aangewezen" in text
    assert name_cards([JEROEN], [Observer(1, 4, "Lotte Smit", Department.VERKOOP)]) == ["Jeroen", "Lotte (Verkoop)"]


def letter(**changes) -> LetterContent:
    values = dict(participant_code="K2", name="Fatima El Amrani", session_title="Klantenarena voorjaar",
                  session_date=date(2027, 3, 16), topics=["Bereikbaarheid en reactiesnelheid", "Facturen en kosten"],
                  kinds=[NoteKind.UITSPRAAK, NoteKind.IDEE], themes=["Facturatie & kosten"],
                  next_steps=[NextStep("Terugbelgarantie binnen 4 uur", "Daan Willems", date(2027, 5, 1))],
                  sender="Karin Bos", organisation="Van Dijk Installatietechniek")
    values.update(changes)
    return LetterContent(**values)


def test_letter_text_names_topics_themes_and_next_steps():
    text = letter_text(letter())
    assert text.startswith("Beste Fatima El Amrani,\n\nHartelijk dank dat u op dinsdag 16 maart 2027 meedeed")
    assert "over ‘Bereikbaarheid en reactiesnelheid’ en ‘Facturen en kosten’." in text
    assert "bij de thema's Facturatie & kosten." in text
    assert "Uw ideeën" in text
    assert "- Terugbelgarantie binnen 4 uur (verantwoordelijk: Daan Willems, gereed: 1-5-2027)" in text
    assert text.rstrip().endswith("Met vriendelijke groet,\n\nKarin Bos\nVan Dijk Installatietechniek")


def test_letter_without_notes_or_actions_still_thanks_sincerely():
    text = letter_text(letter(topics=[], kinds=[], themes=[], next_steps=[]))
    assert "Hartelijk dank" in text and "hebben het gesprek verder geholpen" in text
    assert "U hoort van ons welke stappen we zetten" in text
    assert "Dit gaan we nu doen" not in text


def test_letter_docx_reads_back_and_survives_control_characters():
    document = Document(io.BytesIO(letter_docx(letter(name="Fatima\x0b El\x01 Amrani"))))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == "Beste Fatima El Amrani,"
    assert "Terugbelgarantie binnen 4 uur (verantwoordelijk: Daan Willems, gereed: 1-5-2027)" in paragraphs
    bullet = next(p for p in document.paragraphs if p.text.startswith("Terugbelgarantie"))
    assert bullet.style.name == "List Bullet"


def test_all_letters_in_one_docx_one_per_page():
    data = letters_docx([letter(), letter(participant_code="K1", name="Jeroen Bakker")])
    text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    assert text.count("Beste ") == 2 and "Beste Jeroen Bakker," in text
    assert b"w:br" in _document_xml(data)


def _document_xml(data: bytes) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml")
