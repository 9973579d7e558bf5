"""Plannen: session, agenda from templates, participants and observers, advice, invitations, thank-you letters.

Thin: every rule, parse and document lives in arena.planning / arena.services.planning.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar

import pandas as pd
import streamlit as st

from arena.domain.model import AgendaBlock, Department, Segment, SessionFormat, SessionStatus
from arena.domain.text import ValidationError
from arena.planning.importer import EXPECTED, parse_participant_file
from arena.planning.invitations import RECORDING_POLICIES, checklist_text, name_cards
from arena.planning.templates import default_agenda, load_templates, theme_options
from arena.planning.thanks import letter_docx, letter_text, letters_docx
from arena.services import planning as planning_service
from arena.services import sessions as session_service
from arena.services.auth import Permission, PermissionDenied
from arena.services.sessions import NotFound
from ui import safe
from ui.shell import page, select_session

ctx = page("Plannen", Permission.PLAN)

THEMES = dict(theme_options())
T = TypeVar("T")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def attempt(action: Callable[[], Any], success: str | None = None) -> Any:
    """Run a service call; Dutch errors are shown, nothing else happens. Returns None on failure."""
    try:
        result = action()
    except (ValidationError, PermissionDenied, NotFound) as exc:
        st.error(str(exc))
        return None
    if success:
        st.toast(success)
    return result if result is not None else True


def pick(label: str, choices: dict[str, tuple[T, str]], key: str, help: str) -> T:
    """Choose by pseudonym code, then use this run's fresh object (a widget keeps last run's objects)."""
    code = st.selectbox(label, list(choices), format_func=lambda c: f"{c} – {choices[c][1]}", key=key, help=help)
    return choices[code][0]


def new_session_form() -> None:
    templates = load_templates()
    with st.form("nieuwe-sessie"):
        st.markdown("**Nieuwe klantenarena**")
        title = st.text_input("Titel", key="new-title", placeholder="Bijvoorbeeld: Klantenarena voorjaar",
                              help="Een korte naam voor deze sessie.")
        left, mid, right = st.columns(3)
        day = left.date_input("Datum", key="new-date", value=date.today() + timedelta(days=28), format="DD-MM-YYYY",
                              help="Plan ruim vooruit: klanten hebben tijd nodig om te kunnen komen.")
        start = mid.time_input("Begintijd", key="new-start", value=time(14, 0), step=timedelta(minutes=15),
                               help="Tijd in Nederland (Europe/Amsterdam).")
        duration = right.number_input("Duur (minuten)", 30, 600, templates.default_duration_min, step=15, key="new-duration",
                                      help="Twee uur is gebruikelijk; de agenda wordt hierop ingedeeld.")
        fmt = st.radio("Vorm", list(SessionFormat), format_func=lambda f: f.label, horizontal=True, key="new-format",
                       help="Op locatie of online; vul hieronder de plaats of de link in.")
        place = st.text_input("Locatie of link", key="new-place",
                              help="Bij ‘Op locatie’: adres en zaal. Bij ‘Online’: de vergaderlink.")
        moderator = st.text_input("Moderator", key="new-moderator",
                                  help="Een neutrale gespreksleider: niet de accountmanager van een deelnemer "
                                  "en niet iemand die zelf luistert.")
        organisation = st.text_input("Organisatie", key="new-organisation",
                                     help="Uw organisatie; komt onder uitnodigingen en bedankbrieven.")
        goal = st.text_area("Doel", key="new-goal", help="Wat wilt u leren van deze klanten? Staat in de uitnodiging.")
        themes = st.multiselect("Thema's voor de agenda", list(THEMES), default=list(templates.default_themes),
                                format_func=THEMES.get, key="new-themes",
                                help="Per thema komt een onderwerp met open vragen op de agenda, tussen opening, "
                                "kennismaking, open ronde en afsluiting. Alles is daarna aan te passen.")
        if st.form_submit_button("Sessie aanmaken met agenda", type="primary"):
            online = fmt is SessionFormat.ONLINE
            created = attempt(lambda: planning_service.create_planned_session(
                ctx.db, ctx.actor, theme_codes=themes, title=title, date=day, start_time=start,
                duration_min=int(duration), format=fmt, location="" if online else place,
                meeting_link=place if online else "", moderator=moderator, organisation=organisation, goal=goal,
            ))
            if created:
                select_session(created.id)
                st.rerun()


st.title("Plannen")
st.caption("Bereid een klantenarena voor: sessie, agenda, deelnemers, luisteraars, uitnodigingen en na afloop de bedankbrieven.")

if ctx.session_id is None:
    st.info("Plan hieronder een nieuwe klantenarena, of kies een bestaande sessie op de pagina Sessies.")
    new_session_form()
    st.stop()

try:
    session = session_service.get_session(ctx.db, ctx.actor, ctx.session_id)
except (NotFound, PermissionDenied) as exc:
    st.error(str(exc))
    new_session_form()
    st.stop()

sid: int = ctx.session_id
safe.text(f"Sessie #{sid}: {session.title}")
st.caption(f"Status: {session.status.label}")

advice = planning_service.advice(ctx.db, ctx.actor, sid)
if advice:
    with st.container(border=True):
        st.markdown("**Advies voor de samenstelling**")
        for item in advice:
            st.warning(item.message, icon=":material/group:")

tabs = st.tabs(["Sessie", "Agenda", "Deelnemers", "Luisteraars", "Uitnodigingen", "Dag-checklist", "Bedankbrieven"])

# --- Sessie ------------------------------------------------------------------------------------
with tabs[0]:
    details = planning_service.planning_details(ctx.db, ctx.actor, sid)
    with st.form("sessie"):
        title = st.text_input("Titel", session.title, help="Een korte naam voor deze sessie.")
        left, mid, right = st.columns(3)
        day = left.date_input("Datum", value=session.date, format="DD-MM-YYYY", help="Leeg laten mag zolang de datum niet vaststaat.")
        start = mid.time_input("Begintijd", value=session.start_time, step=timedelta(minutes=15), help="Tijd in Nederland.")
        duration = right.number_input("Duur (minuten)", 15, 600, session.duration_min, step=15,
                                      help="De tijdvakken van de agenda moeten hierin passen.")
        fmt = st.radio("Vorm", list(SessionFormat), index=list(SessionFormat).index(session.format),
                       format_func=lambda f: f.label, horizontal=True, help="Op locatie of online.")
        location = st.text_input("Locatie", session.location, help="Adres en zaal (bij een sessie op locatie).")
        link = st.text_input("Vergaderlink", session.meeting_link, help="De link voor een online sessie.")
        moderator = st.text_input("Moderator", session.moderator,
                                  help="Neutraal: geen luisteraar en geen accountmanager van een deelnemer.")
        organisation = st.text_input("Organisatie", session.organisation, help="Komt onder uitnodigingen en brieven.")
        goal = st.text_area("Doel", session.goal, help="Wat wilt u leren? Staat in de uitnodiging.")
        status = st.selectbox("Status", list(SessionStatus), index=list(SessionStatus).index(session.status),
                              format_func=lambda s: s.label, help="Concept → Gepland → Live → Afgerond.")
        st.markdown("**Afspraken voor de dag**")
        note_takers = st.text_input("Notulist(en)", details.note_takers, help="Wie schrijft mee? Komt in de briefing en de checklist.")
        recording_keys = ["", *RECORDING_POLICIES]
        recording = st.selectbox("Opnamebeleid", recording_keys, index=recording_keys.index(details.recording)
                                 if details.recording in recording_keys else 0,
                                 format_func=lambda k: RECORDING_POLICIES.get(k, "Nog niet gekozen"),
                                 help="Deelnemers horen dit vooraf; een opname vraagt hun toestemming.")
        sender = st.text_input("Afzender van brieven", details.sender, help="Naam (en functie) onder uitnodigingen en bedankbrieven.")
        if st.form_submit_button("Opslaan", type="primary"):
            saved = attempt(lambda: session_service.update_session(
                ctx.db, ctx.actor, sid, title=title, date=day, start_time=start, duration_min=int(duration),
                format=fmt, location=location, meeting_link=link, moderator=moderator, organisation=organisation,
                goal=goal, status=status))
            if saved and attempt(lambda: planning_service.save_planning_details(
                    ctx.db, ctx.actor, sid, planning_service.PlanningDetails(note_takers, recording, sender))):
                st.rerun()

    with st.expander("Dupliceren voor een volgende ronde"):
        st.caption("Maakt een conceptsessie met dezelfde agenda en luisteraars. Datum en toestemmingen kiest u opnieuw.")
        copy_people = st.checkbox("Ook de klanten overnemen", help="Meestal wilt u in een volgende ronde andere klanten.")
        if st.button("Dupliceren", icon=":material/content_copy:"):
            copy = attempt(lambda: planning_service.duplicate_session(ctx.db, ctx.actor, sid, include_participants=copy_people))
            if copy:
                select_session(copy.id)
                st.rerun()
    with st.expander("Nieuwe sessie plannen"):
        new_session_form()

# --- Agenda ------------------------------------------------------------------------------------
with tabs[1]:
    items = session_service.agenda(ctx.db, ctx.actor, sid)
    check = planning_service.timebox_check(session, items)
    (st.warning if not check.fits else st.info)(check.message)
    if not items:
        st.info("De agenda is leeg. Voeg de standaardagenda toe (vaste blokken en thema's), of bouw hem zelf op.")
        chosen = st.multiselect("Thema's", list(THEMES), default=list(load_templates().default_themes),
                                format_func=THEMES.get, key="agenda-themes", help="Eén onderwerp per thema.")
        if st.button("Standaardagenda toevoegen", type="primary"):
            if attempt(lambda: planning_service.apply_agenda(ctx.db, ctx.actor, sid, default_agenda(chosen, session.duration_min))):
                st.rerun()
    for index, item in enumerate(items):
        with st.container(border=True):
            head, up, down = st.columns([8, 1, 1])
            block = "" if item.block is AgendaBlock.ONDERWERP or item.topic == item.block.label else f" ({item.block.label})"
            head.text(f"{index + 1}. {item.topic}{block} · {item.timebox_min} min")
            if up.button("↑", key=f"up-{item.id}", disabled=index == 0, help="Eerder op de agenda"):
                attempt(lambda i=item: planning_service.move_agenda_item(ctx.db, ctx.actor, sid, i.id, -1))
                st.rerun()
            if down.button("↓", key=f"down-{item.id}", disabled=index == len(items) - 1, help="Later op de agenda"):
                attempt(lambda i=item: planning_service.move_agenda_item(ctx.db, ctx.actor, sid, i.id, 1))
                st.rerun()
            if item.questions:
                safe.text("\n".join(f"• {q}" for q in item.questions))
            with st.expander("Bewerken"):
                with st.form(f"item-{item.id}"):
                    topic = st.text_input("Onderwerp", item.topic, help="Kort en neutraal geformuleerd.")
                    box = st.number_input("Tijdvak (minuten)", 1, 480, item.timebox_min, help="Hoeveel tijd dit punt krijgt.")
                    questions = st.text_area("Vragen (één per regel)", "\n".join(item.questions),
                                             help="Open vragen die niet sturen: vraag naar ervaringen, niet naar bevestiging.")
                    if st.form_submit_button("Opslaan"):
                        if attempt(lambda i=item, t=topic, b=box, q=questions: session_service.update_agenda_item(
                                ctx.db, ctx.actor, i.id, topic=t, timebox_min=int(b),
                                questions=[line.strip() for line in q.splitlines() if line.strip()])):
                            st.rerun()
                sure = st.checkbox("Ja, verwijder dit agendapunt", key=f"sure-{item.id}",
                                   help="Notities die bij dit punt horen blijven bewaard, zonder agendapunt.")
                if st.button("Verwijderen", key=f"del-{item.id}", disabled=not sure):
                    attempt(lambda i=item: session_service.remove_agenda_item(ctx.db, ctx.actor, i.id, confirmed=True))
                    st.rerun()
    st.markdown("**Onderwerp toevoegen**")
    with st.form("thema-toevoegen"):
        left, right = st.columns([3, 1])
        theme = left.selectbox("Thema", list(THEMES), format_func=THEMES.get,
                               help="Voegt het onderwerp van dit thema met kant-en-klare open vragen toe, vóór de open ronde.")
        box = right.number_input("Tijdvak (min)", 5, 120, 15, step=5, help="Hoeveel minuten dit onderwerp krijgt.")
        if st.form_submit_button("Thema toevoegen"):
            if attempt(lambda: planning_service.add_theme_topic(ctx.db, ctx.actor, sid, theme, int(box))):
                st.rerun()
    with st.form("eigen-onderwerp"):
        left, right = st.columns([3, 1])
        own = left.text_input("Eigen onderwerp", help="Een onderwerp dat niet bij een thema past.")
        own_box = right.number_input("Tijdvak (min)", 1, 480, 15, help="Minuten voor dit onderwerp.")
        if st.form_submit_button("Eigen onderwerp toevoegen"):
            if attempt(lambda: session_service.add_agenda_item(ctx.db, ctx.actor, sid, own, timebox_min=int(own_box))):
                st.rerun()

# --- Deelnemers --------------------------------------------------------------------------------
with tabs[2]:
    people = session_service.participants(ctx.db, ctx.actor, sid)
    if people:
        st.dataframe(pd.DataFrame([{
            "Code": p.code, "Naam": p.name, "Organisatie": p.organisation, "E-mail": p.email,
            "Segment": p.segment.label, "Accountmanager": p.account_manager,
            "Toestemming": (f"ingetrokken {p.consent_withdrawn_at:%d-%m-%Y}" if p.consent_withdrawn_at
                            else f"{p.consent_given_at:%d-%m-%Y} (versie {p.consent_text_version})" if p.consent_given_at else "nog niet"),
        } for p in people if p.erased_at is None]), hide_index=True, width="stretch")
    else:
        st.info("Nog geen deelnemers. Voeg ze hieronder één voor één toe, of importeer een lijst.")
    with st.form("deelnemer", clear_on_submit=True):
        st.markdown("**Deelnemer toevoegen**")
        left, right = st.columns(2)
        name = left.text_input("Naam", key="p-name", help="Voor- en achternaam; in verslagen verschijnt alleen de code (K1, K2 …).")
        organisation = right.text_input("Organisatie", key="p-org", help="Het bedrijf of de instelling van de klant.")
        email = left.text_input("E-mail", key="p-email", help="Voor de uitnodiging en het agenda-bestand.")
        segment = right.selectbox("Segment", list(Segment), key="p-segment", format_func=lambda s: s.label,
                                  help="Zorg voor een mix, met minstens één klant die onlangs klaagde of wil vertrekken.")
        manager = st.text_input("Accountmanager", key="p-manager",
                                help="Wie bij u deze klant beheert; die persoon kan geen moderator zijn.")
        if st.form_submit_button("Deelnemer toevoegen", type="primary"):
            if attempt(lambda: planning_service.add_participant_checked(
                    ctx.db, ctx.actor, sid, name, organisation=organisation, email=email, segment=segment,
                    account_manager=manager), "Deelnemer toegevoegd."):
                st.rerun()

    with st.expander("Lijst importeren (CSV of Excel)", expanded=False):
        st.caption(f"Kolommen: {EXPECTED}. De eerste rij bevat de kolomnamen. Segment mag als code of als Nederlandse "
                   "naam (hoofdletters maken niet uit); leeg wordt ‘Vaste klant’.")
        uploads = st.session_state.setdefault("import-round", 0)
        # The browser stops anything over 5 MB before it reaches the server; 2–5 MB gets the Dutch refusal.
        upload = st.file_uploader("Bestand", type=["csv", "txt", "xlsx"], key=f"import-{uploads}", max_upload_size=5,
                                  help="Maximaal 2 MB en 500 rijen. Excel: het eerste werkblad wordt gelezen.")
        if upload is not None:
            try:
                preview = parse_participant_file(upload.getvalue(), upload.name, people)
            except ValidationError as exc:
                st.error(str(exc))
                preview = None
            if preview is not None:
                for notice in preview.notices:
                    st.info(notice)
                if preview.errors:
                    st.error(preview.summary)
                    st.dataframe(pd.DataFrame([{"Rij": e.row, "Melding": e.message} for e in preview.errors]),
                                 hide_index=True, width="stretch")
                else:
                    st.success(preview.summary)
                if preview.rows:
                    st.dataframe(pd.DataFrame([{"Rij": r.row, "Naam": r.name, "Organisatie": r.organisation,
                                                "E-mail": r.email, "Segment": r.segment.label} for r in preview.rows]),
                                 hide_index=True, width="stretch")
                label = (f"Alle {len(preview.rows)} deelnemers importeren" if preview.ok
                         else f"Alleen de goede rijen importeren ({len(preview.rows)})")
                if preview.rows and st.button(label, type="primary" if preview.ok else "secondary", key="import-go"):
                    outcome = attempt(lambda: planning_service.import_participants(
                        ctx.db, ctx.actor, sid, preview, only_good_rows=not preview.ok))
                    if outcome:
                        st.session_state["import-round"] = uploads + 1
                        st.session_state["import-message"] = outcome.message
                        st.rerun()
        if message := st.session_state.pop("import-message", None):
            st.success(message)

    active = [p for p in people if p.erased_at is None]
    if active:
        with st.expander("Deelnemer wijzigen"):
            edit = pick("Deelnemer", {p.code: (p, p.name) for p in active}, "edit-who",
                        "Kies wie u wilt wijzigen; de code (K1, K2 …) blijft gelijk.")
            with st.form(f"edit-{edit.id}"):
                left, right = st.columns(2)
                new_name = left.text_input("Naam", edit.name, help="Voor- en achternaam.")
                new_org = right.text_input("Organisatie", edit.organisation, help="Het bedrijf of de instelling.")
                new_email = left.text_input("E-mail", edit.email, help="Voor de uitnodiging.")
                new_segment = right.selectbox("Segment", list(Segment), index=list(Segment).index(edit.segment),
                                              format_func=lambda s: s.label, help="Het soort klant.")
                new_manager = st.text_input("Accountmanager", edit.account_manager, help="Wie bij u deze klant beheert.")
                if st.form_submit_button("Wijzigingen opslaan"):
                    if attempt(lambda: planning_service.update_participant_checked(
                            ctx.db, ctx.actor, sid, edit.id, name=new_name, organisation=new_org, email=new_email,
                            segment=new_segment, account_manager=new_manager), "Deelnemer gewijzigd."):
                        st.rerun()
        with st.expander("Toestemming registreren"):
            who = pick("Deelnemer", {p.code: (p, p.name) for p in active}, "consent-who",
                       "Van wie legt u de toestemming vast?")
            left, right = st.columns(2)
            given = left.date_input("Datum van toestemming", value=date.today(), format="DD-MM-YYYY",
                                    help="De dag waarop de deelnemer toestemming gaf.")
            version = right.text_input("Versie van de toestemmingstekst", "1", help="Welke tekst de deelnemer zag, bv. ‘2026-1’.")
            if st.button("Toestemming vastleggen", key="consent-give"):
                if attempt(lambda: session_service.record_consent(
                        ctx.db, ctx.actor, who.id, version, given_at=datetime.combine(given, time(12), tzinfo=UTC)),
                        "Toestemming vastgelegd."):
                    st.rerun()
            if who.has_consent:
                sure = st.checkbox("Ja, deze deelnemer trekt de toestemming in", key="consent-sure",
                                   help="De intrekking wordt met datum vastgelegd; de eerdere toestemming blijft in de geschiedenis.")
                if st.button("Toestemming intrekken", key="consent-withdraw", disabled=not sure):
                    if attempt(lambda: session_service.withdraw_consent(ctx.db, ctx.actor, who.id), "Toestemming ingetrokken."):
                        st.rerun()

# --- Luisteraars -------------------------------------------------------------------------------
with tabs[3]:
    st.caption("Medewerkers uit verschillende afdelingen luisteren alleen: zij reageren niet en verdedigen niets. "
               "Hun rol staat in de briefing (tab Uitnodigingen).")
    listeners = session_service.observers(ctx.db, ctx.actor, sid)
    for observer in listeners:
        left, right = st.columns([6, 2])
        left.text(f"{observer.name} · {observer.department.label}")
        with right.popover("Verwijderen"):
            if st.button("Ja, verwijderen", key=f"obs-del-{observer.id}"):
                attempt(lambda o=observer: session_service.remove_observer(ctx.db, ctx.actor, o.id, confirmed=True))
                st.rerun()
    with st.form("luisteraar", clear_on_submit=True):
        left, mid, right = st.columns(3)
        obs_name = left.text_input("Naam", key="o-name", help="De medewerker die meeluistert.")
        department = mid.selectbox("Afdeling", list(Department), key="o-department", format_func=lambda d: d.label,
                                   help="Nodig medewerkers uit minstens drie afdelingen uit.")
        obs_email = right.text_input("E-mail", key="o-email", help="Voor de briefing.")
        if st.form_submit_button("Luisteraar toevoegen", type="primary"):
            if attempt(lambda: session_service.add_observer(ctx.db, ctx.actor, sid, obs_name, department, obs_email)):
                st.rerun()

# --- Uitnodigingen -----------------------------------------------------------------------------
with tabs[4]:
    invitations = planning_service.invitations(ctx.db, ctx.actor, sid)
    if not invitations:
        st.info("Voeg eerst deelnemers toe; dan staat hier per deelnemer een uitnodiging klaar.")
    else:
        chosen = pick("Uitnodiging voor", {i.participant.code: (i, i.participant.name) for i in invitations}, "invite-who",
                      "Elke deelnemer krijgt een persoonlijke tekst en een agenda-bestand.")
        safe.text(chosen.text)
        left, right = st.columns(2)
        left.download_button("Uitnodiging (.txt)", chosen.text.encode("utf-8"), f"{chosen.filename_stem}.txt",
                             "text/plain", icon=":material/mail:")
        if chosen.ics is not None:
            right.download_button("Agenda-bestand (.ics)", chosen.ics, f"{chosen.filename_stem}.ics", "text/calendar",
                                  icon=":material/event:")
        else:
            right.warning(chosen.ics_problem)
    st.markdown("**Briefing voor medewerkers**")
    briefing = planning_service.briefing(ctx.db, ctx.actor, sid)
    with st.expander("Briefing bekijken"):
        safe.text(briefing)
    left, right = st.columns(2)
    left.download_button("Briefing (.txt)", briefing.encode("utf-8"), f"briefing-sessie-{sid}.txt", "text/plain",
                         icon=":material/badge:")
    try:
        right.download_button("Agenda-bestand medewerkers (.ics)", planning_service.staff_ics(ctx.db, ctx.actor, sid),
                              f"klantenarena-medewerkers-{sid}.ics", "text/calendar", icon=":material/event:")
    except ValidationError as exc:
        right.warning(str(exc))

# --- Dag-checklist -----------------------------------------------------------------------------
with tabs[5]:
    checklist = planning_service.checklist(ctx.db, ctx.actor, sid)
    for entry in checklist:
        mark = {True: "✅", False: "⚠️", None: "⬜"}[entry.done]
        safe.text(f"{mark} {entry.label}" + (f" – {entry.detail}" if entry.detail else ""))
    st.caption("✅ geregeld · ⚠️ nog te doen · ⬜ zelf controleren op de dag")
    cards = name_cards(session_service.participants(ctx.db, ctx.actor, sid), session_service.observers(ctx.db, ctx.actor, sid))
    st.download_button("Checklist (.txt)", checklist_text(session, checklist).encode("utf-8"), f"checklist-sessie-{sid}.txt",
                       "text/plain", icon=":material/checklist:")
    st.download_button("Naambordjes (.txt)", ("\n".join(cards) + "\n").encode("utf-8"), f"naambordjes-sessie-{sid}.txt",
                       "text/plain", icon=":material/badge:", disabled=not cards)

# --- Bedankbrieven -----------------------------------------------------------------------------
with tabs[6]:
    if session.status is not SessionStatus.AFGEROND:
        st.caption("Bedankbrieven zijn bedoeld voor na de sessie: ze noemen de onderwerpen die iemand inbracht en "
                   "de verbeteracties die openstaan.")
    letters = planning_service.thank_you_letters(ctx.db, ctx.actor, sid)
    if not letters:
        st.info("Nog geen deelnemers: er zijn geen brieven te maken.")
    else:
        letter = pick("Brief voor", {c.participant_code: (c, c.name) for c in letters}, "letter-who",
                      "Elke brief is persoonlijk: onderwerpen uit de notities van deze deelnemer.")
        safe.text(letter_text(letter))
        left, mid, right = st.columns(3)
        left.download_button("Brief (.docx)", letter_docx(letter), f"bedankbrief-{letter.participant_code}.docx", DOCX,
                             icon=":material/description:")
        mid.download_button("Brief (.txt)", letter_text(letter).encode("utf-8"), f"bedankbrief-{letter.participant_code}.txt",
                            "text/plain")
        right.download_button("Alle brieven (.docx)", letters_docx(letters), f"bedankbrieven-sessie-{sid}.docx", DOCX)
