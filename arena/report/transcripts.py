"""Transcripts of online sessions to cues: WebVTT (Teams, Zoom), plain text and .docx.

Pure parsing and speaker matching; the service turns reviewed cues into notes. Every failure is a
ValidationError with a Dutch message that says what is wrong with the file.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from arena.domain.text import ValidationError, clean_note_text

MAX_BYTES = 20 * 1024 * 1024
SUPPORTED = (".vtt", ".txt", ".docx")

# "Naam: tekst", optionally after a time stamp: "[00:01:23] Naam: tekst" or "00:01:23 Naam: tekst".
_TIME = r"(?:(?P<h>\d{1,2}):)?(?P<m>\d{1,2}):(?P<s>\d{2})(?:[.,](?P<ms>\d{1,3}))?"
_SPEAKER_LINE = re.compile(rf"^\s*(?:\[?{_TIME}\]?\s*[-\u2013]?\s*)?(?P<name>[^:\n]{{1,60}}?)\s*:\s+(?P<text>\S.*)$")
# Teams .docx/.txt export: a line "Naam   0:03" (or "Naam 00:01:23") followed by the words.
_TEAMS_HEADER = re.compile(rf"^\s*(?P<name>\S[^\d\n]{{0,60}}?)\s+{_TIME}\s*$")
_VOICE = re.compile(r"<v(?:\.[^\s>]+)*\s+(?P<name>[^>]+)>", re.IGNORECASE)
_TAGS = re.compile(r"</?[^>]+>")
_NOT_A_NAME = re.compile(r"^(https?|www|opmerking|noot|tijd|datum)$", re.IGNORECASE)


@dataclass(frozen=True)
class Cue:
    index: int
    start_s: float | None
    speaker: str  # as written in the transcript; "" when the line has no speaker
    text: str


def _seconds(match: re.Match[str]) -> float:
    hours = int(match.group("h") or 0)
    ms = match.group("ms") or "0"
    return hours * 3600 + int(match.group("m")) * 60 + int(match.group("s")) + int(ms.ljust(3, "0")) / 1000


def _decode(data: bytes, filename: str) -> str:
    if len(data) > MAX_BYTES:
        raise ValidationError(f"‘{filename}’ is groter dan 20 MB; splits het transcript op.")
    for encoding in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig", "cp1252"):
        try:
            return clean_note_text(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise ValidationError(f"‘{filename}’ is geen leesbare tekst (onbekende tekenset).")


def parse_transcript(filename: str, data: bytes) -> list[Cue]:
    """Dispatch on the file extension; raise ValidationError (Dutch) when nothing usable is found."""
    name = filename.lower()
    if name.endswith(".vtt"):
        cues = parse_vtt(_decode(data, filename))
    elif name.endswith(".txt"):
        cues = parse_plain(_decode(data, filename))
    elif name.endswith(".docx"):
        cues = parse_docx(data, filename)
    else:
        raise ValidationError(f"‘{filename}’: dit bestandstype wordt niet ondersteund. Gebruik .vtt, .txt of .docx.")
    if not cues:
        raise ValidationError(
            f"‘{filename}’ bevat geen uitspraken. Verwacht: WebVTT-ondertitels, of regels als ‘Naam: tekst’."
        )
    return cues


def parse_vtt(text: str) -> list[Cue]:
    """Teams writes `<v Naam>tekst</v>`, Zoom writes `Naam: tekst`; both are read."""
    import webvtt
    from webvtt.errors import MalformedFileError

    if not text.lstrip("\ufeff").lstrip().startswith("WEBVTT"):
        raise ValidationError("Dit is geen WebVTT-bestand: de eerste regel moet ‘WEBVTT’ zijn.")
    try:
        captions = list(webvtt.from_buffer(io.StringIO(text)))
    except MalformedFileError as exc:
        raise ValidationError(f"Het WebVTT-bestand is beschadigd of onvolledig ({exc}).") from exc
    except Exception as exc:  # webvtt-py raises assorted errors on bad time stamps
        raise ValidationError(f"Het WebVTT-bestand kon niet worden gelezen ({type(exc).__name__}).") from exc
    cues: list[Cue] = []
    for caption in captions:
        raw = caption.raw_text if hasattr(caption, "raw_text") else caption.text
        voice = _VOICE.search(raw)
        body = " ".join(_TAGS.sub("", raw).split())
        speaker = voice.group("name").strip() if voice else ""
        if not speaker:
            match = _SPEAKER_LINE.match(body)
            if match and _plausible_name(match.group("name")):
                speaker, body = match.group("name").strip(), match.group("text").strip()
        if body:
            cues.append(Cue(len(cues), _vtt_seconds(caption.start), speaker, body))
    return _merge_runs(cues)


def _vtt_seconds(stamp: str) -> float:
    match = re.fullmatch(_TIME, stamp.strip())
    if not match:
        raise ValidationError(f"Ongeldige tijdcode in het WebVTT-bestand: {stamp}")
    return _seconds(match)


def _plausible_name(name: str) -> bool:
    name = name.strip()
    return bool(name) and len(name.split()) <= 5 and not _NOT_A_NAME.match(name) and not name.isdigit()


def parse_plain(text: str) -> list[Cue]:
    return _parse_lines(text.splitlines())


def parse_docx(data: bytes, filename: str = "transcript.docx") -> list[Cue]:
    from docx import Document

    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # not a zip, not a Word file, damaged
        raise ValidationError(f"‘{filename}’ is geen geldig Word-bestand (.docx).") from exc
    lines = [line for p in document.paragraphs for line in p.text.splitlines()]
    for table in document.tables:  # some exports put "Naam | tekst" in a table
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells]
            if len(cells) >= 2 and cells[0] and cells[-1]:
                lines.append(f"{cells[0]}: {cells[-1]}")
    return _parse_lines([clean_note_text(line) for line in lines])


def _parse_lines(lines: Sequence[str]) -> list[Cue]:
    """'Naam: tekst' lines, Teams' 'Naam 0:03' headers, and continuation lines appended to the previous cue."""
    cues: list[Cue] = []
    pending: tuple[str, float | None] | None = None  # a Teams header waiting for its text
    for raw in lines:
        line = raw.strip()
        if not line or line.upper() == "WEBVTT":
            continue
        header = _TEAMS_HEADER.match(line)
        if header and _plausible_name(header.group("name")):
            pending = (header.group("name").strip(), _seconds(header))
            continue
        match = _SPEAKER_LINE.match(line)
        if match and _plausible_name(match.group("name")):
            start = _seconds(match) if match.group("m") else None
            cues.append(Cue(len(cues), start, match.group("name").strip(), match.group("text").strip()))
            pending = None
        elif pending is not None:
            cues.append(Cue(len(cues), pending[1], pending[0], line))
            pending = None
        elif cues:
            last = cues[-1]
            cues[-1] = Cue(last.index, last.start_s, last.speaker, f"{last.text} {line}")
    return cues


def _merge_runs(cues: list[Cue]) -> list[Cue]:
    """Subtitles split one turn over many cues; consecutive cues of one speaker become one note."""
    merged: list[Cue] = []
    for cue in cues:
        if merged and cue.speaker and cue.speaker == merged[-1].speaker and len(merged[-1].text) < 1500:
            last = merged[-1]
            merged[-1] = Cue(last.index, last.start_s, last.speaker, f"{last.text} {cue.text}")
        else:
            merged.append(Cue(len(merged), cue.start_s, cue.speaker, cue.text))
    return merged


def speakers(cues: Sequence[Cue]) -> list[str]:
    """Distinct speakers in order of first appearance."""
    seen: dict[str, None] = {}
    for cue in cues:
        seen.setdefault(cue.speaker, None)
    return list(seen)


# --- speaker mapping -------------------------------------------------------------------------

MODERATOR = "moderator"
GROUP = "group"
THRESHOLD = 0.75


@dataclass(frozen=True)
class Candidate:
    participant_id: int
    name: str
    code: str


def _norm(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    folded = re.sub(r"\(.*?\)|\[.*?\]", " ", folded)  # "Jan (Gast)", "[extern]"
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", folded).split())


def similarity(a: str, b: str) -> float:
    """0..1: the whole name, or a first or last name on its own ("Jeroen" for "Jeroen Bakker")."""
    left, right = _norm(a), _norm(b)
    if not left or not right:
        return 0.0
    best = SequenceMatcher(None, left, right).ratio()
    left_words, right_words = left.split(), right.split()
    if len(left_words) == 1 or len(right_words) == 1:
        short, long_ = (left_words, right_words) if len(left_words) <= len(right_words) else (right_words, left_words)
        if short[0] in long_ and len(short[0]) >= 3:
            best = max(best, 0.9)
    elif set(left_words) <= set(right_words) or set(right_words) <= set(left_words):
        best = max(best, 0.95)
    return best


def propose_mapping(
    speaker_names: Sequence[str], candidates: Sequence[Candidate], moderator_name: str = ""
) -> dict[str, str | int]:
    """Speaker -> participant id, or MODERATOR / GROUP. Each participant is proposed for at most one speaker."""
    proposals: dict[str, str | int] = {}
    scored = sorted(
        ((similarity(s, c.name), s, c) for s in speaker_names for c in candidates if s),
        key=lambda item: -item[0],
    )
    taken: set[int] = set()
    for score, speaker, candidate in scored:
        if score < THRESHOLD or speaker in proposals or candidate.participant_id in taken:
            continue
        proposals[speaker] = candidate.participant_id
        taken.add(candidate.participant_id)
    for speaker in speaker_names:
        if speaker in proposals:
            continue
        is_moderator = bool(moderator_name) and similarity(speaker, moderator_name) >= THRESHOLD
        proposals[speaker] = MODERATOR if is_moderator or _norm(speaker) in {"moderator", "gespreksleider"} else GROUP
    return proposals
