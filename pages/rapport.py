"""Rapport: the Word improvement report, exports for researchers, and transcript import for online sessions.

Thin: content, files and parsing live in arena.report and arena.services.reporting/transcripts.
Files are built only when the user asks (a button), then offered for download.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from arena.domain.text import ValidationError
from arena.report import figures
from arena.report.transcripts import GROUP, MODERATOR
from arena.services import reporting, transcripts
from arena.services import sessions as session_service
from arena.services.auth import Permission, PermissionDenied
from arena.services.sessions import NotFound
from ui import safe
from ui.shell import page

ctx = page("Rapport", Permission.REPORT)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EXPORT_LABELS = {
    "xlsx": "Excel (.xlsx): notities met analyse en labels",
    "csv": "CSV (.csv, puntkomma): notities met analyse en labels",
    "qdpx": "REFI-QDA-project (.qdpx): gecodeerde notities voor ATLAS.ti, MAXQDA, NVivo, QualCoder",
    "qdc": "REFI-QDA-codeboek (.qdc): alleen de thema-indeling",
}


def attempt(action: Callable[[], Any]) -> Any:
    """Run a service call; Dutch errors are shown instead of a traceback. Returns None on failure."""
    try:
        return action()
    except (ValidationError, PermissionDenied, NotFound) as exc:
        st.error(str(exc))
        return None


@st.cache_resource(show_spinner="Analyse-engine laden…")
def analysis_engine() -> Any:
    return reporting.load_engine()


def real_names_choice(key: str) -> bool:
    if not ctx.actor.can(Permission.PERSONAL_DATA):
        return False
    chosen = st.checkbox("Echte namen van deelnemers tonen", key=key,
                         help="Standaard staan deelnemers er als K1, K2, … in. Kies dit alleen als het echt nodig is.")
    if chosen:
        st.warning(reporting.REAL_NAMES_WARNING)
    return chosen


def report_tab(session_id: int) -> None:
    st.write("Het rapport voor management en collega’s die er niet bij waren: samenvatting, wat we hoorden, "
             "irritaties per thema, grafieken, verbeterplan en bijlagen. In Word aan te vullen.")
    real_names = real_names_choice("rapport-echte-namen")
    charts = st.checkbox("Grafieken opnemen", value=True, key="rapport-grafieken")
    stored_key = f"rapport-{session_id}-{real_names}-{charts}"
    if st.button("Rapport maken", type="primary", key="rapport-maken"):
        can_analyse = ctx.actor.can(Permission.ANALYSE) or ctx.actor.can(Permission.CAPTURE)
        engine = analysis_engine() if can_analyse else None
        with st.spinner("Rapport wordt gemaakt…"):
            data = attempt(lambda: reporting.build_report(ctx.db, ctx.actor, session_id, real_names=real_names,
                                                          engine=engine, charts=charts))
        if data is not None:
            st.session_state[stored_key] = data
    data = st.session_state.get(stored_key)
    if data:
        st.download_button("Rapport downloaden (.docx)", data, file_name=reporting.report_filename(session, real_names=real_names),
                           mime=DOCX, key="rapport-download", icon=":material/download:")
        st.caption("Open het bestand in Word: de inhoudsopgave en paginanummers worden dan bijgewerkt.")


def export_tab(session_id: int) -> None:
    st.write("Ga verder in uw eigen analyseprogramma. Deelnemers staan als code in de bestanden, tenzij u anders kiest.")
    fmt = st.radio("Formaat", list(EXPORT_LABELS), format_func=EXPORT_LABELS.__getitem__, key="export-formaat")
    real_names = real_names_choice("export-echte-namen") if fmt != "qdc" else False
    stored_key = f"export-{session_id}-{fmt}-{real_names}"
    if st.button("Export maken", key="export-maken"):
        with st.spinner("Export wordt gemaakt…"):
            data = attempt(lambda: reporting.export(ctx.db, ctx.actor, session_id, fmt, real_names=real_names))
        if data is not None:
            st.session_state[stored_key] = data
    data = st.session_state.get(stored_key)
    if data:
        st.download_button("Export downloaden", data, file_name=reporting.export_filename(session, fmt, real_names=real_names),
                           mime=reporting.EXPORT_FORMATS[fmt][0], key="export-download", icon=":material/download:")


def import_tab(session_id: int) -> None:
    st.write("Een transcript van een online sessie (Teams of Zoom: .vtt; of .txt/.docx met regels ‘Naam: tekst’) "
             "wordt per uitspraak een notitie, met de tijd uit de opname. U controleert eerst wie wie is.")
    upload = st.file_uploader("Transcript", type=["vtt", "txt", "docx"], key="transcript-bestand")
    if upload is None:
        return
    raw = upload.getvalue()
    found = attempt(lambda: transcripts.preview(ctx.db, ctx.actor, session_id, upload.name, raw))
    if found is None:
        return
    fingerprint = hashlib.sha256(raw).hexdigest()[:12]
    st.success(f"{len(found.cues)} uitspraken van {len(found.speakers)} sprekers gevonden.")
    st.markdown("**Wie is wie?** Het voorstel is op naam gebaseerd; pas het aan waar nodig. "
                "Niet gekoppelde sprekers worden ‘Groep’.")
    options: list[Any] = [c.participant_id for c in found.candidates] + [MODERATOR, GROUP]
    labels = {c.participant_id: f"{c.code} \u2014 {c.name}" for c in found.candidates} | {
        MODERATOR: "Moderator", GROUP: "Groep / onbekend"}
    mapping: dict[str, Any] = {}
    for index, speaker in enumerate(found.speakers):
        proposed = found.proposal.get(speaker, GROUP)
        mapping[speaker] = st.selectbox(
            f"{speaker or '(zonder naam)'} \u2014 {found.cue_count(speaker)} uitspraken",
            options, index=options.index(proposed), format_func=lambda o: labels[o],
            key=f"koppel-{fingerprint}-{index}",
        )
    st.dataframe(
        pd.DataFrame([
            {"Tijd": _clock(c.start_s), "Spreker": c.speaker, "Tekst": c.text} for c in found.cues[:200]
        ]),
        hide_index=True,
    )
    if st.button("Importeren als notities", type="primary", key=f"importeer-{fingerprint}"):
        result = attempt(lambda: transcripts.import_cues(ctx.db, ctx.actor, session_id, found.cues, mapping))
        if result is not None:
            st.success(f"{result.created} nieuwe notities opgeslagen"
                       + (f"; {result.already_there} stonden er al (eerder geïmporteerd)." if result.already_there else "."))


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return ""
    whole = int(seconds)
    return f"{whole // 3600:d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


figures.warm_up()  # Chromium for the chart images starts in the background, once per server
st.title("Rapport")
if ctx.session_id is None:
    st.info("Kies eerst een sessie op de pagina Sessies.")
    st.stop()
session = attempt(lambda: session_service.get_session(ctx.db, ctx.actor, ctx.session_id))
if session is None:
    st.stop()
safe.text(session.title)

names = ["Verbeterrapport", "Exporteren"] + (["Transcript importeren"] if ctx.actor.can(Permission.CAPTURE) else [])
tabs = st.tabs(names)
with tabs[0]:
    report_tab(ctx.session_id)
with tabs[1]:
    export_tab(ctx.session_id)
if len(tabs) > 2:
    with tabs[2]:
        import_tab(ctx.session_id)
