"""Use cases for shared outputs: the Word report and the CSV, XLSX and REFI-QDA exports.

Pseudonymised by default. Real names only for roles that may see personal data, on explicit request.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date

from arena.domain.model import ImprovementAction, Participant, Session
from arena.domain.taxonomy import load_taxonomy
from arena.report import refi_qda, tabular
from arena.report.content import ReportContent, compose
from arena.report.docx_report import build_docx
from arena.report.pseudonymise import Pseudonymiser
from arena.services import actions as action_service
from arena.services.analysis import AnalysedNote, EngineLike, analyse_pending, analysed_notes
from arena.services.auth import Actor, Permission, require, require_session
from arena.services.sessions import NotFound
from arena.store import repo_audit, repo_sessions
from arena.store.database import Database

log = logging.getLogger(__name__)

REAL_NAMES_WARNING = (
    "Let op: dit bestand bevat echte namen van deelnemers. Deel het alleen met wie deze persoonsgegevens mag zien "
    "en bewaar het niet langer dan nodig."
)


@dataclass(frozen=True)
class SessionData:
    session: Session
    agenda: list
    people: list[Participant]
    observers: list
    notes: list[AnalysedNote]  # texts already pseudonymised unless real names were asked for
    actions: list[ImprovementAction]
    pseudonymise: Pseudonymiser


def load_engine() -> EngineLike | None:
    """The NLP engine if it is installed and loads; the report still builds without it."""
    try:
        from arena.nlp import Engine  # type: ignore[attr-defined]

        return Engine.load()
    except Exception as exc:
        log.warning("NLP engine unavailable, report uses stored analyses only: %s", exc)
        return None


def _check(actor: Actor, session_id: int, real_names: bool) -> None:
    require(actor, Permission.REPORT)
    require_session(actor, session_id)
    if real_names:
        require(actor, Permission.PERSONAL_DATA)


def _gather(db: Database, actor: Actor, session_id: int, *, real_names: bool = False,
           engine: EngineLike | None = None) -> SessionData:
    """Everything an output needs, read once. With an engine, unanalysed notes are analysed first."""
    _check(actor, session_id, real_names)
    with db.read() as conn:
        session = repo_sessions.get_session(conn, session_id)
        if session is None:
            raise NotFound(f"Sessie {session_id} bestaat niet.")
        agenda = repo_sessions.agenda(conn, session_id)
        # Real names are read here only to be replaced; they leave this function only with real_names.
        people = repo_sessions.participants(conn, session_id)
        observers = repo_sessions.observers(conn, session_id)
    if engine is not None and (actor.can(Permission.ANALYSE) or actor.can(Permission.CAPTURE)):
        try:
            analyse_pending(db, actor, engine, [session_id])
        except Exception:  # stale analyses are better than no report
            log.exception("analysing pending notes before the report failed")
    pseudo = Pseudonymiser.for_participants(people, enabled=not real_names)
    if not real_names:  # the caller gets codes only; the name map stays inside the pseudonymiser
        people = [dataclasses.replace(p, name=p.code, organisation="", email="") for p in people]
    notes = [_pseudonymised(n, pseudo) for n in analysed_notes(db, actor, [session_id])]
    actions = action_service.list_actions(db, actor, [session_id])
    return SessionData(session, agenda, people, observers, notes, actions, pseudo)


def _pseudonymised(note: AnalysedNote, pseudo: Pseudonymiser) -> AnalysedNote:
    """Every text derived from what was said: the note, its key phrases and the cue snippets."""
    return dataclasses.replace(
        note,
        note=dataclasses.replace(note.note, text=pseudo(note.note.text)),
        raw_keyphrases=[pseudo(k) for k in note.keyphrases],
        raw_cues=[{**c, "text": pseudo(str(c.get("text", "")))} if isinstance(c, dict) else c for c in note.cues],
        agenda_topic=pseudo(note.agenda_topic),
    )


def report_content(data: SessionData, *, real_names: bool = False, today: date | None = None) -> ReportContent:
    return compose(data.session, data.agenda, data.people, data.observers, data.notes, data.actions,
                   load_taxonomy(), data.pseudonymise, real_names=real_names, today=today)


def build_report(
    db: Database,
    actor: Actor,
    session_id: int,
    *,
    real_names: bool = False,
    engine: EngineLike | None = None,
    charts: bool = True,
    today: date | None = None,
) -> bytes:
    """The .docx report as bytes."""
    from arena.report import figures

    if charts:
        figures.warm_up()  # start the chart renderer while the database is read
    data = _gather(db, actor, session_id, real_names=real_names, engine=engine)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="report-charts") as pool:
        # Charts are built and drawn beside the text; the writer waits for them at the charts chapter.
        images = pool.submit(figures.chart_images, data.notes) if charts else None
        content = report_content(data, real_names=real_names, today=today)
        result = build_docx(content, images.result if images else ())
    _audit(db, actor, "report.build", session_id, real_names)
    return result


def _audit(db: Database, actor: Actor, action: str, session_id: int, real_names: bool, **detail: object) -> None:
    with db.write() as conn:
        repo_audit.log(conn, actor.name, action, "session", session_id, {"real_names": real_names, **detail})


# --- exports -------------------------------------------------------------------------------------

EXPORT_FORMATS: dict[str, tuple[str, str]] = {
    "csv": ("text/csv", "csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "qdc": ("application/xml", "qdc"),
    "qdpx": ("application/zip", "qdpx"),
}


def export(db: Database, actor: Actor, session_id: int, fmt: str, *, real_names: bool = False) -> bytes:
    """Notes with analysis and labels as csv/xlsx, the codebook as .qdc, the coded project as .qdpx."""
    require(actor, Permission.REPORT)
    if fmt not in EXPORT_FORMATS:
        from arena.domain.text import ValidationError

        raise ValidationError(f"Onbekend exportformaat: {fmt}. Kies uit {', '.join(EXPORT_FORMATS)}.")
    if fmt == "qdc":
        _check(actor, session_id, real_names)
        return refi_qda.codebook(load_taxonomy())
    data = _gather(db, actor, session_id, real_names=real_names)
    builders: dict[str, Callable[[], bytes]] = {
        "csv": lambda: tabular.to_csv(tabular.note_rows(data.notes, _speaker_names(data, real_names))),
        "xlsx": lambda: tabular.to_xlsx(tabular.note_rows(data.notes, _speaker_names(data, real_names))),
        "qdpx": lambda: refi_qda.project(
            refi_qda.ProjectInput(
                session_id=session_id,
                title=data.pseudonymise(data.session.title),
                organisation=data.pseudonymise(data.session.organisation),
                session_date=data.session.date,
                people=[(p.id, (f"{p.name} ({p.code})" if real_names else p.code), p.segment.label)
                        for p in data.people if p.id is not None],
                notes=data.notes,
                author=actor.name,
            ),
            load_taxonomy(),
        ),
    }
    result = builders[fmt]()
    _audit(db, actor, f"export.{fmt}", session_id, real_names)
    return result


def _speaker_names(data: SessionData, real_names: bool) -> dict[int, str]:
    return {p.id: p.name for p in data.people if p.id is not None} if real_names else {}


def export_filename(session: Session, fmt: str, *, real_names: bool = False) -> str:
    stem = "".join(ch if ch.isalnum() else "-" for ch in session.title.lower()).strip("-")[:50] or "sessie"
    suffix = "-met-namen" if real_names else ""
    return f"klantenarena-{stem}{suffix}.{EXPORT_FORMATS[fmt][1]}"


def report_filename(session: Session, *, real_names: bool = False) -> str:
    stem = "".join(ch if ch.isalnum() else "-" for ch in session.title.lower()).strip("-")[:50] or "sessie"
    return f"verbeterrapport-{stem}{'-met-namen' if real_names else ''}.docx"
