"""REFI-QDA exports (QDA-XML 1.0): the theme codebook as .qdc, the coded session as .qdpx.

ATLAS.ti, MAXQDA, NVivo and QualCoder import both. A .qdpx is a zip with `project.qde` and the
text sources under `sources/`. The session becomes one text source (one line per note), every
note a PlainTextSelection coded with its themes and polarity, every participant a Case.
GUIDs are derived from stable ids (uuid5), so exporting twice gives the same codes and selections.
"""

from __future__ import annotations

import io
import uuid
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from arena import __version__
from arena.domain.taxonomy import Taxonomy
from arena.domain.text import word_safe
from arena.services.analysis import AnalysedNote

CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
PROJECT_NS = "urn:QDA-XML:project:1.0"
ORIGIN = f"klantenarena {__version__}"
_GUID_ROOT = uuid.UUID("6f1d3c2e-6a51-4c1e-9a0b-6b6c616e7465")  # fixed: same codes in every export
CATEGORY_LABELS = {"organisatorisch": "Organisatorisch", "producttechnisch": "Producttechnisch"}


def guid(*parts: object) -> str:
    return str(uuid.uuid5(_GUID_ROOT, ":".join(str(p) for p in parts))).upper()


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _sub(parent: ET.Element, ns: str, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ns}}}{tag}", {k: word_safe(v) for k, v in attrs.items()})
    if text is not None:
        element.text = word_safe(text)
    return element


def _codes(parent: ET.Element, ns: str, taxonomy: Taxonomy) -> None:
    """Two category folders with the themes, and a folder with the four polarities."""
    codes = _sub(parent, ns, "Codes")
    for category, label in CATEGORY_LABELS.items():
        folder = _sub(codes, ns, "Code", guid=guid("category", category), name=label, isCodable="false")
        _sub(folder, ns, "Description", f"Thema's van de soort {label.lower()} (klantenarena-indeling {taxonomy.version}).")
        for theme in taxonomy.themes:
            if theme.category == category:
                code = _sub(folder, ns, "Code", guid=theme_guid(theme.code), name=theme.label, isCodable="true",
                            color=theme.colour)
                _sub(code, ns, "Description", theme.description)
    folder = _sub(codes, ns, "Code", guid=guid("category", "polarity"), name="Polariteit", isCodable="false")
    _sub(folder, ns, "Description", "Toon van de notitie: irritatie, positief, neutraal of suggestie.")
    for polarity in taxonomy.polarities:
        _sub(folder, ns, "Code", guid=polarity_guid(polarity.code), name=polarity.label, isCodable="true",
             color=polarity.colour)


def theme_guid(code: str) -> str:
    return guid("theme", code)


def polarity_guid(code: str) -> str:
    return guid("polarity", code)


def _serialise(root: ET.Element, ns: str) -> bytes:
    ET.register_namespace("", ns)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def codebook(taxonomy: Taxonomy) -> bytes:
    """The theme codebook as a .qdc file."""
    root = ET.Element(f"{{{CODEBOOK_NS}}}CodeBook", {"origin": ORIGIN})
    _codes(root, CODEBOOK_NS, taxonomy)
    return _serialise(root, CODEBOOK_NS)


@dataclass(frozen=True)
class ProjectInput:
    session_id: int
    title: str
    organisation: str
    session_date: date | None
    people: Sequence[tuple[int, str, str]]  # participant id, shown name (code unless real names), segment label
    notes: Sequence[AnalysedNote]  # texts already pseudonymised
    author: str


def _line_prefix(note: AnalysedNote, names: dict[int, str]) -> str:
    seconds = note.note.recording_offset_s if note.note.recording_offset_s is not None else note.note.seconds_since_start
    clock = f"[{int(seconds // 60):02d}:{int(seconds % 60):02d}] " if seconds is not None else ""
    who = names.get(note.note.participant_id or -1) or note.speaker_label
    topic = f" ({note.agenda_topic})" if note.agenda_topic else ""
    return word_safe(f"{clock}{who}{topic}: ")


def source_text(data: ProjectInput) -> tuple[str, list[tuple[AnalysedNote, int, int]]]:
    """The session as plain text, with each note's character span (start inclusive, end exclusive)."""
    names = {pid: name for pid, name, _ in data.people}
    parts: list[str] = []
    spans = []
    position = 0
    for note in data.notes:
        prefix = _line_prefix(note, names)
        body = word_safe(" ".join(note.note.text.split()))
        start = position + len(prefix)
        spans.append((note, start, start + len(body)))
        line = prefix + body + "\n"
        parts.append(line)
        position += len(line)
    return "".join(parts), spans


def project(data: ProjectInput, taxonomy: Taxonomy) -> bytes:
    """The coded session as a .qdpx (zip: project.qde + sources/<guid>.txt)."""
    ns = PROJECT_NS
    now = _now()
    user = guid("user", data.author)
    name = f"{data.title} ({data.session_date.isoformat()})" if data.session_date else data.title
    root = ET.Element(f"{{{ns}}}Project", {
        "name": word_safe(name), "origin": ORIGIN, "creatingUserGUID": user, "creationDateTime": now,
    })
    users = _sub(root, ns, "Users")
    _sub(users, ns, "User", guid=user, name=data.author, id=data.author[:20])
    _codes(_sub(root, ns, "CodeBook"), ns, taxonomy)

    segment_var = guid("variable", "segment")
    variables = _sub(root, ns, "Variables")
    variable = _sub(variables, ns, "Variable", guid=segment_var, name="Segment", typeOfVariable="Text")
    _sub(variable, ns, "Description", "Klantsegment van de deelnemer.")

    text, spans = source_text(data)
    source_guid = guid("session", data.session_id, "source")
    selections: dict[int, list[str]] = {}
    cases = _sub(root, ns, "Cases") if data.people else None  # the schema wants Cases before Sources
    sources = _sub(root, ns, "Sources")
    source = _sub(sources, ns, "TextSource", guid=source_guid, name=f"Sessie: {name}",
                  plainTextPath=f"internal://{source_guid}.txt", creatingUser=user, creationDateTime=now)
    _sub(source, ns, "Description", f"Notities van de klantenarena van {data.organisation}; één regel per notitie.")
    for note, start, end in spans:
        selection_guid = guid("note", note.note.id, "selection")
        selection = _sub(source, ns, "PlainTextSelection", guid=selection_guid,
                         name=f"Notitie {note.note.id} ({note.speaker_label})", startPosition=str(start),
                         endPosition=str(end), creatingUser=user, creationDateTime=now)
        _sub(selection, ns, "Description", f"{note.note.kind.label}; polariteit {note.polarity}"
             + ("; door het team gelabeld" if note.human_labelled else ""))
        for code in [*(c for c in note.themes if c in taxonomy.codes), None]:
            target = theme_guid(code) if code else polarity_guid(note.polarity)
            coding = _sub(selection, ns, "Coding", guid=guid("note", note.note.id, "coding", code or "polarity"),
                          creatingUser=user, creationDateTime=now)
            _sub(coding, ns, "CodeRef", targetGUID=target)
        if note.note.participant_id is not None:
            selections.setdefault(note.note.participant_id, []).append(selection_guid)
    if cases is not None:
        for pid, shown, segment in data.people:
            case = _sub(cases, ns, "Case", guid=guid("participant", pid), name=shown)
            value = _sub(case, ns, "VariableValue")
            _sub(value, ns, "VariableRef", targetGUID=segment_var)
            _sub(value, ns, "TextValue", segment)
            _sub(case, ns, "SourceRef", targetGUID=source_guid)
            for selection_guid in selections.get(pid, []):
                _sub(case, ns, "SelectionRef", targetGUID=selection_guid)
    _sub(root, ns, "Description", f"Klantenarena-sessie ‘{data.title}’, geëxporteerd uit klantenarena op {now[:10]}.")

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", _serialise(root, ns))
        archive.writestr(f"sources/{source_guid}.txt", text.encode("utf-8"))
    return out.getvalue()
