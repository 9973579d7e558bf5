"""The Plannen page under AppTest: a new user plans a whole session without documentation."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from arena.domain.model import AgendaBlock, Department, Segment
from arena.paths import database_url
from arena.services import sessions as session_service
from arena.services.auth import LOCAL_USER
from arena.services.bootstrap import open_database
from tests.conftest import REPO


def open_plannen(session_id: int | None = None) -> AppTest:
    app = AppTest.from_file(str(REPO / "streamlit_app.py"), default_timeout=60)
    if session_id is not None:
        app.query_params["sessie"] = str(session_id)
    app.switch_page("pages/plannen.py")
    return app.run()


def chosen_session(app: AppTest) -> int:
    value = app.query_params["sessie"]
    return int(value[0] if isinstance(value, list) else value)


def click(app: AppTest, label: str) -> AppTest:
    [button] = [b for b in app.button if b.label == label]
    return button.click().run()


def warnings(app: AppTest) -> str:
    return "\n".join(w.value for w in app.warning)


def create_session(app: AppTest) -> int:
    app.text_input(key="new-title").input("Klantenarena voorjaar")
    app.text_input(key="new-moderator").input("Sanne de Vries")
    app.text_input(key="new-place").input("Zaal De Linde, Zwolle")
    app = click(app, "Sessie aanmaken met agenda")
    assert not app.exception, app.exception
    return chosen_session(app)


def add_participant(app: AppTest, name: str, segment: Segment, email: str = "") -> AppTest:
    app.text_input(key="p-name").input(name)
    app.text_input(key="p-email").input(email)
    app.selectbox(key="p-segment").set_value(segment)
    app = click(app, "Deelnemer toevoegen")
    assert not app.exception, app.exception
    return app


def test_every_input_of_the_new_session_form_has_dutch_help(data_dir):
    app = open_plannen()
    assert not app.exception
    assert "Plan hieronder een nieuwe klantenarena" in app.info[0].value
    widgets = [*app.text_input, *app.date_input, *app.time_input, *app.number_input, *app.multiselect, *app.radio,
               *app.text_area]
    assert len(widgets) == 10
    assert all(w.help and w.help.strip() for w in widgets), [w.label for w in widgets if not w.help]
    # sensible defaults: two hours, four themes, 14:00
    assert app.number_input(key="new-duration").value == 120
    assert app.multiselect(key="new-themes").value == ["bereikbaarheid", "afspraken", "klachtafhandeling", "bejegening"]


def test_create_session_from_templates_then_add_people_and_see_the_advice(data_dir):
    app = open_plannen()
    session_id = create_session(app)
    db = open_database(database_url())
    items = session_service.agenda(db, LOCAL_USER, session_id)
    assert [i.block for i in items][:2] == [AgendaBlock.OPENING, AgendaBlock.INTRODUCTIE]
    assert sum(i.timebox_min for i in items) == 120
    texts = [t.value for t in app.text]
    assert "Sessie #1: Klantenarena voorjaar" in texts
    assert any("Denk aan de laatste keer dat u ons nodig had" in t for t in texts)
    assert any("vullen precies de geplande 120 minuten" in i.value for i in app.info)
    assert "Er staan 0 klanten op de lijst" in warnings(app)
    assert "uit 0 afdeling(en)" in warnings(app)

    for name, segment in [("Jeroen Bakker", Segment.VASTE_KLANT), ("Anna Smit", Segment.VASTE_KLANT)]:
        app = add_participant(app, name, segment, f"{name.split()[0].lower()}@klant.example")
    assert "Er staan 2 klanten" in warnings(app)
    assert "Alle klanten komen uit één segment (Vaste klant)" in warnings(app)
    assert "geen klant die onlangs klaagde of wil vertrekken" in warnings(app)
    frame = app.dataframe[0].value
    assert list(frame["Code"]) == ["K1", "K2"] and list(frame["Naam"]) == ["Jeroen Bakker", "Anna Smit"]

    for name, segment in [("Peter Visser", Segment.VERTREKKER), ("Fatima El Amrani", Segment.RECENTE_KLACHT)]:
        app = add_participant(app, name, segment)
    assert "klanten op de lijst" not in warnings(app)
    assert "één segment" not in warnings(app)

    # a duplicate by hand is refused with a clear message, nothing added
    app = add_participant(app, "jeroen bakker", Segment.NIEUWE_KLANT, "JEROEN@klant.example")
    assert any("staat al in de sessie als K1" in e.value for e in app.error)
    assert len(session_service.participants(db, LOCAL_USER, session_id)) == 4

    # observers from three departments and the department advice is gone
    for name, department in [("Lotte Smit", Department.VERKOOP), ("Daan Willems", Department.KLANTENSERVICE),
                             ("Eva Peters", Department.DIRECTIE)]:
        app.text_input(key="o-name").input(name)
        app.selectbox(key="o-department").set_value(department)
        app = click(app, "Luisteraar toevoegen")
    assert "afdeling" not in warnings(app)
    assert not app.exception

    # invitations: text on screen, download buttons for text and calendar file; the briefing names the role
    labels = [d.label for d in app.get("download_button")]
    assert {"Uitnodiging (.txt)", "Agenda-bestand (.ics)", "Briefing (.txt)", "Agenda-bestand medewerkers (.ics)",
            "Checklist (.txt)", "Brief (.docx)",
            "Brief (.txt)", "Alle brieven (.docx)"} <= set(labels)
    assert any(t.value.startswith("Onderwerp: Uitnodiging klantenarena") and "Beste Jeroen Bakker," in t.value
               for t in app.text)
    assert any("Uw rol: u luistert alleen" in t.value for t in app.text)
    assert any(t.value.startswith("Beste Jeroen Bakker,") and "Hartelijk dank" in t.value for t in app.text)


def test_agenda_time_boxes_warn_when_they_do_not_fit(data_dir):
    app = open_plannen()
    create_session(app)
    theme = next(s for s in app.selectbox if s.label == "Thema")
    theme.set_value("product")
    app = click(app, "Thema toevoegen")
    assert not app.exception
    assert any("passen niet in de geplande duur (120 min): 15 minuten te veel" in w.value for w in app.warning)
    texts = [t.value for t in app.text]
    position = {t.split(" · ")[0] for t in texts if " · " in t and t[0].isdigit()}
    assert "7. Product en kwaliteit" in position  # before the open round and the closing
    # moving an item up changes the order on screen
    [up] = [b for b in app.button if b.key and b.key.startswith("up-")][6:7]
    app = up.click().run()
    texts = [t.value for t in app.text]
    assert any(t.startswith("6. Product en kwaliteit") for t in texts)


def test_import_shows_row_errors_and_imports_only_on_explicit_choice(data_dir):
    app = open_plannen()
    session_id = create_session(app)
    bad = ("naam;organisatie;e-mail;segment\n"
           "Jeroen Bakker;Bakker;jeroen@bakker.example;vaste klant\n"
           "Anna Smit;Smit;anna@;nieuwe klant\n"
           "Peter Visser;Visser;peter@visser.example;VERTREKKER\n").encode("cp1252")
    app.file_uploader[0].set_value(("lijst.csv", bad, "text/csv"))
    app = app.run()
    assert not app.exception, app.exception
    assert any("1 van de 3 rijen bevatten fouten" in e.value for e in app.error)
    errors = next(d.value for d in app.dataframe if "Melding" in d.value.columns)
    assert list(errors["Rij"]) == [3] and "geen geldig e-mailadres" in errors["Melding"][0]
    db = open_database(database_url())
    assert session_service.participants(db, LOCAL_USER, session_id) == []  # nothing imported yet
    app = click(app, "Alleen de goede rijen importeren (2)")
    assert not app.exception
    assert [p.name for p in session_service.participants(db, LOCAL_USER, session_id)] == ["Jeroen Bakker", "Peter Visser"]
    assert any("2 deelnemer(s) geïmporteerd. Niet geïmporteerd: rij 3." in s.value for s in app.success)


def test_refused_uploads_say_why_in_dutch(data_dir):
    app = open_plannen()
    create_session(app)
    for name, data, expected in [("leeg.csv", b"", "Het bestand is leeg"),
                                 ("groot.csv", b"naam\n" + b"x" * 3_000_000, "Het bestand is te groot (3.0 MB)"),
                                 ("kapot.xlsx", b"PK\x03\x04 kapot", "Excel-bestand kan niet worden gelezen")]:
        app.file_uploader[0].set_value((name, data, "application/octet-stream"))
        app = app.run()
        assert not app.exception, app.exception
        assert any(expected in e.value for e in app.error), (name, [e.value for e in app.error])
        assert not [b for b in app.button if "importeren" in b.label]


def test_duplicate_session_for_the_next_round(data_dir):
    app = open_plannen()
    first = create_session(app)
    app = click(app, "Dupliceren")
    second = chosen_session(app)
    assert second != first
    assert any(t.value == f"Sessie #{second}: Klantenarena voorjaar (vervolg)" for t in app.text)


def test_every_input_on_a_planned_session_has_dutch_help(data_dir):
    app = open_plannen()
    create_session(app)
    app = add_participant(app, "Jeroen Bakker", Segment.VASTE_KLANT, "jeroen@klant.example")
    widgets = [*app.text_input, *app.date_input, *app.time_input, *app.number_input, *app.multiselect, *app.radio,
               *app.text_area, *app.selectbox, *app.checkbox, *app.file_uploader]
    assert len(widgets) > 30
    missing = [w.label for w in widgets if not (w.help or "").strip()]
    assert missing == []


def test_consent_is_registered_and_withdrawn_per_participant(data_dir):
    app = open_plannen()
    session_id = create_session(app)
    app = add_participant(app, "Jeroen Bakker", Segment.VASTE_KLANT)
    version = next(w for w in app.text_input if w.label == "Versie van de toestemmingstekst")
    version.input("2027-1")
    app = click(app, "Toestemming vastleggen")
    assert not app.exception
    db = open_database(database_url())
    [person] = session_service.participants(db, LOCAL_USER, session_id)
    assert person.has_consent and person.consent_text_version == "2027-1"
    frame = app.dataframe[0].value
    assert "(versie 2027-1)" in frame["Toestemming"][0]
    assert any("1 van de 1 deelnemers hebben toestemming gegeven" in t.value for t in app.text)
    assert next(b for b in app.button if b.label == "Toestemming intrekken").disabled  # needs the confirmation first
    app.checkbox(key="consent-sure").check()
    app = click(app.run(), "Toestemming intrekken")
    [person] = session_service.participants(db, LOCAL_USER, session_id)
    assert not person.has_consent and person.consent_withdrawn_at is not None
    assert app.dataframe[0].value["Toestemming"][0].startswith("ingetrokken")
