"""Participant lists from CSV or XLSX: every bad row named with its row number, in Dutch.

Parsing never stores anything. It returns a preview (good rows, row errors, notices);
the planning service stores it all-or-nothing, or only the good rows when the user chose so.
Cell text is kept exactly as typed: a value like `=HYPERLINK(...)` stays text, never a formula.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from arena.domain.model import Participant, Segment
from arena.domain.text import ValidationError, clean_note_text
from arena.planning.segments import parse_segment, segment_choices

MAX_BYTES = 2_000_000  # a list of a few hundred customers is a few tens of kB
MAX_ROWS = 500
MAX_XLSX_UNPACKED = 40_000_000  # guards against zip bombs disguised as .xlsx
MAX_FIELD = 300

EXPECTED = "naam, organisatie, e-mail, segment (en eventueel accountmanager)"

_HEADERS: dict[str, str] = {
    "naam": "name", "name": "name", "volledigenaam": "name", "contactpersoon": "name", "deelnemer": "name",
    "organisatie": "organisation", "organisation": "organisation", "organization": "organisation",
    "bedrijf": "organisation", "bedrijfsnaam": "organisation", "company": "organisation",
    "email": "email", "emailadres": "email", "mail": "email", "mailadres": "email",
    "segment": "segment", "klanttype": "segment", "soortklant": "segment", "type": "segment",
    "accountmanager": "account_manager", "accountmanagerin": "account_manager",
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


@dataclass(frozen=True)
class ParticipantRow:
    row: int  # row number as the spreadsheet shows it (the header is row 1)
    name: str
    organisation: str
    email: str
    segment: Segment
    account_manager: str = ""


@dataclass(frozen=True)
class RowError:
    row: int
    message: str

    def __str__(self) -> str:
        return f"Rij {self.row}: {self.message}"


@dataclass
class ImportPreview:
    rows: list[ParticipantRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.rows) + len({e.row for e in self.errors})

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def summary(self) -> str:
        bad = len({e.row for e in self.errors})
        if not bad:
            return f"Alle {len(self.rows)} rijen zijn in orde."
        return (
            f"{bad} van de {self.total} rijen bevatten fouten; {len(self.rows)} rijen zijn in orde. "
            "Er is nog niets geïmporteerd."
        )


def identity_keys(name: str, organisation: str, email: str) -> list[tuple[str, str]]:
    """Keys under which two entries are the same person: same e-mail, or same name and organisation."""
    keys = [("naam", f"{_fold(name)}|{_fold(organisation)}")]
    if email.strip():
        keys.insert(0, ("e-mail", email.strip().casefold()))
    return keys


def _fold(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def parse_participant_file(data: bytes, filename: str, existing: Sequence[Participant] = ()) -> ImportPreview:
    """Read an uploaded CSV or XLSX; raises ValidationError (Dutch) when the file as a whole is unusable."""
    if len(data) > MAX_BYTES:
        raise ValidationError(
            f"Het bestand is te groot ({len(data) / 1_000_000:.1f} MB); het maximum is "
            f"{MAX_BYTES // 1_000_000} MB. Een deelnemerslijst past ruim daarin: controleer of u het goede bestand koos."
        )
    if not data.strip():
        raise ValidationError(f"Het bestand is leeg. Verwacht wordt een lijst met de kolommen {EXPECTED}.")
    name = filename.lower()
    if name.endswith(".xls"):
        raise ValidationError("Het oude Excel-formaat (.xls) wordt niet gelezen. Sla het bestand op als .xlsx of als CSV.")
    notices: list[str] = []
    if name.endswith((".xlsx", ".xlsm")) or data[:4] == b"PK\x03\x04":
        table = _xlsx_rows(data)
    else:
        table = _csv_rows(data, notices)
    return _read_table(table, existing, notices)


# --- file formats -------------------------------------------------------------------------

def _decode(data: bytes, notices: list[str]) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise ValidationError("Dit is geen tekstbestand (CSV). Kies een CSV- of Excel-bestand (.xlsx) met de deelnemers.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ValidationError(
            "De tekenset van dit bestand is onbekend (geen UTF-8 en geen Windows-1252). Sla het in Excel op als "
            "‘CSV UTF-8 (door komma's gescheiden)’ en probeer het opnieuw."
        ) from None
    notices.append(
        "Het bestand was niet als UTF-8 opgeslagen; het is gelezen als Windows-1252 (West-Europees, gebruikelijk bij "
        "oudere Excel-versies). Controleer of namen met accenten, zoals ‘é’ of ‘ë’, goed overkomen."
    )
    return text


def _csv_rows(data: bytes, notices: list[str]) -> list[list[str]]:
    text = _decode(data, notices)
    delimiter = _delimiter(text)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        return [row for _, row in zip(range(MAX_ROWS + 2), reader)]
    except csv.Error as exc:
        raise ValidationError(f"Dit CSV-bestand is beschadigd en kan niet worden gelezen ({exc}).") from None


def _delimiter(text: str) -> str:
    """From the header line: Dutch Excel writes ';', others ',' or a tab. (csv.Sniffer trips over quoted cells.)"""
    header = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: header.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ";"


def _xlsx_rows(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    unreadable = "Dit Excel-bestand kan niet worden gelezen: het is beschadigd of geen .xlsx-bestand."
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_XLSX_UNPACKED:
                raise ValidationError("Dit Excel-bestand is uitgepakt te groot om als deelnemerslijst te lezen.")
        # data_only=False: a formula cell gives its formula text, which is then stored as plain text.
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except ValidationError:
        raise
    except Exception:  # openpyxl raises many kinds (BadZipFile, KeyError, InvalidFileException, XML errors)
        raise ValidationError(unreadable) from None
    try:
        sheet = book.worksheets[0]
        rows = []
        for values in sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 2):
            rows.append([_cell_text(v) for v in values])
        return rows
    except Exception:
        raise ValidationError(unreadable) from None
    finally:
        book.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


# --- rows ---------------------------------------------------------------------------------

def _read_table(table: list[list[str]], existing: Sequence[Participant], notices: list[str]) -> ImportPreview:
    rows = [(number, cells) for number, cells in enumerate(table, start=1) if any(c.strip() for c in cells)]
    if not rows:
        raise ValidationError(f"Het bestand is leeg. Verwacht wordt een lijst met de kolommen {EXPECTED}.")
    _, header = rows[0]
    columns = _columns(header)
    body = rows[1:]
    if not body:
        raise ValidationError("Het bestand bevat alleen een kopregel en nog geen deelnemers.")
    if len(body) > MAX_ROWS:
        raise ValidationError(f"Het bestand bevat meer dan {MAX_ROWS} deelnemers; dat is geen klantenarena. Splits de lijst.")
    ignored = [h for h in header if h.strip() and _header_key(h) not in _HEADERS]
    if ignored:
        notices.append("Deze kolommen zijn genegeerd: " + ", ".join(f"‘{h.strip()}’" for h in ignored) + ".")
    preview = ImportPreview(notices=notices)
    seen: dict[tuple[str, str], int] = {}
    known = _known(existing)
    defaulted: list[int] = []
    for number, cells in body:
        values = {key: clean_note_text(cells[i]).strip() if i < len(cells) else "" for key, i in columns.items()}
        errors, row = _row(number, values)
        if row is not None:
            for key in identity_keys(row.name, row.organisation, row.email):
                if key in seen:
                    errors.append(f"dubbel: zelfde {_what(key)} als rij {seen[key]}.")
                    break
                if key in known:
                    errors.append(f"staat al in deze sessie als {known[key]} (zelfde {_what(key)}).")
                    break
            for key in identity_keys(row.name, row.organisation, row.email):
                seen.setdefault(key, number)
        if errors:
            preview.errors += [RowError(number, message) for message in errors]
        elif row is not None:
            preview.rows.append(row)
            if not values.get("segment"):
                defaulted.append(number)
    if defaulted:
        preview.notices.append(
            f"{len(defaulted)} rij(en) zonder segment zijn ingelezen als ‘{Segment.VASTE_KLANT.label}’ "
            f"(rij {', '.join(map(str, defaulted[:10]))}{' …' if len(defaulted) > 10 else ''})."
        )
    return preview


def _header_key(header: str) -> str:
    return re.sub(r"[\s_\-.:]", "", _fold(header))


def _columns(header: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = _HEADERS.get(_header_key(cell))
        if key and key not in columns:
            columns[key] = index
    if "name" not in columns:
        raise ValidationError(
            f"De eerste rij moet kolomnamen bevatten, met minstens ‘naam’. Verwachte kolommen: {EXPECTED}. "
            f"Gevonden: {', '.join(c.strip() for c in header if c.strip()) or 'niets'}."
        )
    return columns


def _row(number: int, values: dict[str, str]) -> tuple[list[str], ParticipantRow | None]:
    errors: list[str] = []
    name = values.get("name", "")
    if not name:
        errors.append("de naam ontbreekt.")
    for key, label in (("name", "de naam"), ("organisation", "de organisatie"), ("email", "het e-mailadres"),
                       ("account_manager", "de accountmanager")):
        if len(values.get(key, "")) > MAX_FIELD:
            errors.append(f"{label} is langer dan {MAX_FIELD} tekens.")
    email = values.get("email", "")
    if email and not _EMAIL.match(email):
        errors.append(f"‘{email[:80]}’ is geen geldig e-mailadres.")
    raw_segment = values.get("segment", "")
    segment = parse_segment(raw_segment) if raw_segment else Segment.VASTE_KLANT
    if segment is None:
        errors.append(f"segment ‘{raw_segment[:60]}’ is onbekend. Kies uit: {segment_choices()}.")
    if errors:
        return errors, (ParticipantRow(number, name, values.get("organisation", ""), email, Segment.VASTE_KLANT)
                        if name else None)
    return errors, ParticipantRow(
        number, name, values.get("organisation", ""), email, segment,  # type: ignore[arg-type]
        values.get("account_manager", ""),
    )


def _what(key: tuple[str, str]) -> str:
    return "e-mailadres" if key[0] == "e-mail" else "naam en organisatie"


def _known(existing: Iterable[Participant]) -> dict[tuple[str, str], str]:
    known: dict[tuple[str, str], str] = {}
    for person in existing:
        if person.erased_at is None:
            for key in identity_keys(person.name, person.organisation, person.email):
                known.setdefault(key, person.code)
    return known


def valid_email(value: str) -> bool:
    return bool(_EMAIL.match(value.strip()))


def find_duplicate(name: str, organisation: str, email: str, existing: Iterable[Participant]) -> str | None:
    """A Dutch message when this person is already in the session, else None."""
    known = _known(existing)
    for key in identity_keys(name, organisation, email):
        if key in known:
            return f"Deze deelnemer staat al in de sessie als {known[key]} (zelfde {_what(key)})."
    return None


def iter_row_messages(preview: ImportPreview) -> Iterator[str]:
    for error in sorted(preview.errors, key=lambda e: e.row):
        yield str(error)
