"""The planning service on a real database: sessions from templates, agenda, import, letters."""

from __future__ import annotations

import io
from datetime import date, time

import pytest
from docx import Document
from sqlalchemy import func, select

from arena.domain.model import (
    ActionStatus,
    AgendaBlock,
    Department,
    NoteKind,
    Segment,
    SessionFormat,
    SessionStatus,
    SpeakerKind,
)
from arena.domain.text import ValidationError
from arena.planning.importer import parse_participant_file
from arena.planning.thanks import letter_docx, letter_text
from arena.services import actions as action_service
from arena.services import notes as note_service
from arena.services import planning
from arena.services import sessions as session_service
from arena.services.auth import Actor, PermissionDenied, Role
from arena.store import tables as t


def new_session(db, actor, **values):
    base = dict(title="Klantenarena voorjaar", date=date(2027, 3, 16), start_time=time(14, 0), moderator="Sanne de Vries",
                location="Zaal 1", organisation="Van Dijk")
    base.update(values)
    return planning.create_planned_session(db, actor, **base)


def test_session_from_templates_gets_the_default_agenda(db, actor):
    session = new_session(db, actor, theme_codes=["bereikbaarheid", "facturatie"])
    items = session_service.agenda(db, actor, session.id)
    assert [i.block for i in items] == [AgendaBlock.OPENING, AgendaBlock.INTRODUCTIE, AgendaBlock.ONDERWERP,
                                        AgendaBlock.ONDERWERP, AgendaBlock.OPEN_RONDE, AgendaBlock.AFSLUITING]
    assert [i.theme_codes for i in items if i.block is AgendaBlock.ONDERWERP] == [["bereikbaarheid"], ["facturatie"]]
    assert planning.timebox_check(session, items).fits
    assert sum(i.timebox_min for i in items) == 120


def test_theme_topic_is_inserted_before_the_open_round_and_moves(db, actor):
    session = new_session(db, actor, theme_codes=["bereikbaarheid"])
    added = planning.add_theme_topic(db, actor, session.id, "product", 20)
    items = session_service.agenda(db, actor, session.id)
    assert [i.topic for i in items][-3:] == ["Product en kwaliteit", "Open ronde", "Afsluiting en dank"]
    assert added.questions and added.theme_codes == ["product"]
    check = planning.timebox_check(session, items)
    assert not check.fits and check.over_min == 20
    items = planning.move_agenda_item(db, actor, session.id, added.id, -1)
    assert [i.topic for i in items][2:4] == ["Product en kwaliteit", "Bereikbaarheid en reactiesnelheid"]
    items = planning.move_agenda_item(db, actor, session.id, items[0].id, -1)  # the first stays first
    assert items[0].block is AgendaBlock.OPENING
    with pytest.raises(ValidationError):
        planning.add_theme_topic(db, actor, session.id, "bestaat_niet")


def test_duplicate_for_the_next_round(db, actor):
    session = new_session(db, actor, theme_codes=["afspraken"], format=SessionFormat.ONLINE, meeting_link="https://m.example")
    session_service.add_observer(db, actor, session.id, "Lotte Smit", Department.VERKOOP)
    person = session_service.add_participant(db, actor, session.id, "Jeroen Bakker", email="j@b.example")
    session_service.record_consent(db, actor, person.id, "2027-1")
    session_service.set_status(db, actor, session.id, SessionStatus.AFGEROND)

    copy = planning.duplicate_session(db, actor, session.id)
    assert copy.id != session.id and copy.title == "Klantenarena voorjaar (vervolg)"
    assert copy.status is SessionStatus.CONCEPT and copy.date is None
    assert copy.format is SessionFormat.ONLINE and copy.meeting_link == "https://m.example"
    assert [i.topic for i in session_service.agenda(db, actor, copy.id)] == [
        i.topic for i in session_service.agenda(db, actor, session.id)]
    assert [o.name for o in session_service.observers(db, actor, copy.id)] == ["Lotte Smit"]
    assert session_service.participants(db, actor, copy.id) == []

    with_people = planning.duplicate_session(db, actor, session.id, title="Ronde 3", include_participants=True)
    [copied] = session_service.participants(db, actor, with_people.id)
    assert (copied.code, copied.name, copied.has_consent) == ("K1", "Jeroen Bakker", False)  # consent is per session


def test_manual_add_refuses_a_duplicate(db, actor):
    session = new_session(db, actor)
    planning.add_participant_checked(db, actor, session.id, "Anna Smit", organisation="Smit BV", email="anna@smit.example")
    with pytest.raises(ValidationError, match="staat al in de sessie als K1"):
        planning.add_participant_checked(db, actor, session.id, "A. Smit", email="ANNA@smit.example")
    with pytest.raises(ValidationError, match="zelfde naam en organisatie"):
        planning.add_participant_checked(db, actor, session.id, "anna smit", organisation="smit bv")
    with pytest.raises(ValidationError, match="geen geldig e-mailadres"):
        planning.add_participant_checked(db, actor, session.id, "Bert", email="bert@")
    assert len(session_service.participants(db, actor, session.id)) == 1


BAD_FILE = (b"naam;organisatie;e-mail;segment\n"
            b"Jeroen Bakker;Bakker;jeroen@bakker.example;vaste klant\n"
            b"Anna Smit;Smit;anna@;nieuwe klant\n"
            b"Peter Visser;Visser;peter@visser.example;VERTREKKER\n")


def count_participants(db) -> int:
    with db.read() as conn:
        return conn.execute(select(func.count()).select_from(t.participants)).scalar_one()


def test_import_is_all_or_nothing_unless_only_good_rows_is_chosen(any_db, actor):
    session = new_session(any_db, actor)
    preview = parse_participant_file(BAD_FILE, "lijst.csv")
    with pytest.raises(ValidationError, match=r"Er is niets geïmporteerd: 1 rij\(en\) bevatten fouten \(rij 3\)"):
        planning.import_participants(any_db, actor, session.id, preview)
    assert count_participants(any_db) == 0

    outcome = planning.import_participants(any_db, actor, session.id, preview, only_good_rows=True)
    assert [(p.code, p.name, p.segment) for p in outcome.added] == [
        ("K1", "Jeroen Bakker", Segment.VASTE_KLANT), ("K2", "Peter Visser", Segment.VERTREKKER)]
    assert outcome.skipped_rows == [3]
    assert outcome.message == "2 deelnemer(s) geïmporteerd. Niet geïmporteerd: rij 3."
    assert count_participants(any_db) == 2


def test_import_of_a_good_file_and_duplicates_found_at_import_time(db, actor):
    session = new_session(db, actor)
    good = b"naam,e-mail\nJeroen Bakker,jeroen@bakker.example\nPeter Visser,peter@visser.example\n"
    preview = parse_participant_file(good, "x.csv", session_service.participants(db, actor, session.id))
    assert preview.ok
    # someone adds Peter by hand between preview and import: nothing is imported, and it says why
    planning.add_participant_checked(db, actor, session.id, "Peter Visser", email="peter@visser.example")
    with pytest.raises(ValidationError, match="rij 3 staat inmiddels al in de sessie"):
        planning.import_participants(db, actor, session.id, preview)
    assert count_participants(db) == 1
    outcome = planning.import_participants(db, actor, session.id, preview, only_good_rows=True)
    assert [p.code for p in outcome.added] == ["K2"] and outcome.skipped_rows == [3]
    # importing the same file again finds every row already in the session
    again = parse_participant_file(good, "x.csv", session_service.participants(db, actor, session.id))
    assert [str(e) for e in again.errors] == ["Rij 2: staat al in deze sessie als K2 (zelfde e-mailadres).",
                                              "Rij 3: staat al in deze sessie als K1 (zelfde e-mailadres)."]


def test_planning_details_persist_and_feed_briefing_and_checklist(db, actor):
    session = new_session(db, actor)
    assert planning.planning_details(db, actor, session.id) == planning.PlanningDetails()
    planning.save_planning_details(db, actor, session.id, planning.PlanningDetails("Ahmed", "audio", "Karin Bos"))
    planning.save_planning_details(db, actor, session.id, planning.PlanningDetails("Ahmed en Iris", "audio", "Karin Bos"))
    assert planning.planning_details(db, actor, session.id).note_takers == "Ahmed en Iris"
    assert "Notulist(en): Ahmed en Iris" in planning.briefing(db, actor, session.id)
    done = {i.label: i.done for i in planning.checklist(db, actor, session.id)}
    assert done["Notulist aangewezen"] is True and done["Opnamebeleid bekend en gemeld aan deelnemers"] is True
    with pytest.raises(ValidationError):
        planning.save_planning_details(db, actor, session.id, planning.PlanningDetails(recording="stiekem"))


def test_invitations_per_participant_with_ics(db, actor):
    session = new_session(db, actor)
    planning.save_planning_details(db, actor, session.id, planning.PlanningDetails(sender="Karin Bos"))
    planning.add_participant_checked(db, actor, session.id, "Jeroen Bakker", email="jeroen@bakker.example")
    [invitation] = planning.invitations(db, actor, session.id)
    assert invitation.text.startswith("Onderwerp: Uitnodiging klantenarena") and "Beste Jeroen Bakker," in invitation.text
    assert "Karin Bos" in invitation.text and invitation.filename_stem == "uitnodiging-K1"
    assert b"DTSTART;TZID=Europe/Amsterdam:20270316T140000" in invitation.ics
    from icalendar import Calendar

    [staff] = Calendar.from_ical(planning.staff_ics(db, actor, session.id)).events
    assert str(staff["SUMMARY"]) == "Klantenarena (meeluisteren): Klantenarena voorjaar"
    assert "U luistert alleen" in str(staff["DESCRIPTION"]) and str(staff["UID"]).endswith("-team@klantenarena")
    session_service.update_session(db, actor, session.id, date=None)
    with pytest.raises(ValidationError):
        planning.staff_ics(db, actor, session.id)
    [no_date] = planning.invitations(db, actor, session.id)
    assert no_date.ics is None and "datum en de begintijd" in no_date.ics_problem


def test_advice_from_the_database(db, actor):
    session = new_session(db, actor, moderator="Mark Jansen")
    planning.add_participant_checked(db, actor, session.id, "Jeroen", account_manager="mark jansen")
    codes = {a.code for a in planning.advice(db, actor, session.id)}
    assert codes == {"te_weinig_klanten", "geen_kritische_klanten", "te_weinig_afdelingen", "moderator_is_accountmanager"}


def test_thank_you_letters_from_notes_kinds_themes_and_open_actions(db, actor):
    session = new_session(db, actor, theme_codes=["bereikbaarheid", "facturatie"])
    items = {i.topic: i for i in session_service.agenda(db, actor, session.id)}
    fatima = planning.add_participant_checked(db, actor, session.id, "Fatima El Amrani", segment=Segment.RECENTE_KLACHT)
    jeroen = planning.add_participant_checked(db, actor, session.id, "Jeroen Bakker")
    said = note_service.save_note(db, actor, session.id, "Ik word nooit teruggebeld.", speaker_kind=SpeakerKind.PARTICIPANT,
                                  participant_id=fatima.id, agenda_item_id=items["Bereikbaarheid en reactiesnelheid"].id)
    note_service.save_note(db, actor, session.id, "Zet het bedrag bovenaan de factuur.", kind=NoteKind.IDEE,
                           speaker_kind=SpeakerKind.PARTICIPANT, participant_id=fatima.id,
                           agenda_item_id=items["Facturen en kosten"].id)
    note_service.save_note(db, actor, session.id, "Dit was in de open ronde.", speaker_kind=SpeakerKind.PARTICIPANT,
                           participant_id=fatima.id, agenda_item_id=items["Open ronde"].id)
    gone = note_service.save_note(db, actor, session.id, "Verwijderd.", speaker_kind=SpeakerKind.PARTICIPANT,
                                  participant_id=jeroen.id, agenda_item_id=items["Facturen en kosten"].id)
    note_service.delete_note(db, actor, gone.id)
    action_service.create_action(db, actor, session.id, "Nieuwe factuurlay-out", theme_code="facturatie", owner="Hans")
    action_service.create_action(db, actor, session.id, "Terugbelgarantie", theme_code="bereikbaarheid",
                                 evidence_note_ids=[said.id])
    action_service.create_action(db, actor, session.id, "Al gedaan", status=ActionStatus.KLAAR)

    letters = {letter.participant_code: letter for letter in planning.thank_you_letters(db, actor, session.id)}
    first = letters[fatima.code]
    assert first.topics == ["Bereikbaarheid en reactiesnelheid", "Facturen en kosten"]  # agenda order, no open round
    assert first.kinds == [NoteKind.UITSPRAAK, NoteKind.IDEE]
    assert first.themes == []  # nothing analysed yet: topics and kinds carry the letter
    assert [s.title for s in first.next_steps] == ["Terugbelgarantie", "Nieuwe factuurlay-out"]  # own evidence first
    second = letters[jeroen.code]
    assert second.topics == [] and second.kinds == []  # a deleted note does not count
    assert "Al gedaan" not in letter_text(second)
    assert "hebben het gesprek verder geholpen" in letter_text(second)

    # a human label (or an analysis) adds the detected themes
    from arena.services import analysis

    analysis.set_label(db, actor, said.id, polarity="irritatie", themes=["bereikbaarheid", "overdracht"])
    labelled = {c.participant_code: c for c in planning.thank_you_letters(db, actor, session.id)}[fatima.code]
    assert labelled.themes == ["Bereikbaarheid & reactiesnelheid", "Doorverbinden & overdracht"]
    paragraphs = [p.text for p in Document(io.BytesIO(letter_docx(labelled))).paragraphs]
    assert paragraphs[0] == "Beste Fatima El Amrani,"
    assert any("‘Bereikbaarheid en reactiesnelheid’ en ‘Facturen en kosten’" in p for p in paragraphs)
    assert "Terugbelgarantie" in paragraphs


def test_roles_without_planning_rights_are_refused(db, actor):
    session = new_session(db, actor)
    reader = Actor("Lezer", Role.LEZER)
    with pytest.raises(PermissionDenied):
        planning.duplicate_session(db, reader, session.id)
    with pytest.raises(PermissionDenied):
        planning.import_participants(db, reader, session.id, parse_participant_file(b"naam\nJan\n", "x.csv"))
    with pytest.raises(PermissionDenied):
        planning.thank_you_letters(db, Actor("Team", Role.TEAM), session.id)


def test_edit_participant_keeps_code_and_refuses_duplicates(db, actor):
    session = new_session(db, actor)
    anna = planning.add_participant_checked(db, actor, session.id, "Anna Smit", email="anna@smit.example")
    bert = planning.add_participant_checked(db, actor, session.id, "Bert Kok", email="bert@kok.example")
    changed = planning.update_participant_checked(db, actor, session.id, bert.id, name="Bert de Kok",
                                                  segment=Segment.VERTREKKER, email="bert@kok.example")
    assert (changed.code, changed.name, changed.segment) == ("K2", "Bert de Kok", Segment.VERTREKKER)
    with pytest.raises(ValidationError, match="Er staat al iemand in de sessie als K1"):
        planning.update_participant_checked(db, actor, session.id, bert.id, email="ANNA@smit.example")
    assert session_service.participants(db, actor, session.id)[1].email == "bert@kok.example"
    assert planning.update_participant_checked(db, actor, session.id, anna.id, name="Anna Smit").code == "K1"
