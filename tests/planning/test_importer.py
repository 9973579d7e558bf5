"""Participant import from CSV and XLSX: good files, bad rows, encodings, formulas, refusals."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import Workbook

from arena.domain.model import Participant, Segment
from arena.domain.text import ValidationError
from arena.planning.importer import MAX_BYTES, parse_participant_file

GOOD_CSV = (
    "naam;organisatie;e-mail;segment\n"
    "Jeroen Bakker;Bakker Vastgoed;jeroen@bakker.example;Vaste klant\n"
    "Fatima El Amrani;Zorgcentrum De Weide;f.elamrani@deweide.example;recente_klacht\n"
    "Peter Visser;Visser Bouw;peter@visser.example;KLANT DIE WIL VERTREKKEN / VERTROKKEN\n"
    "Ilse de Groot;De Groot Advies;ilse@degroot.example;Ambassadeur\n"
)


def xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_good_csv_with_semicolons_codes_and_labels_any_case():
    preview = parse_participant_file(GOOD_CSV.encode("utf-8"), "lijst.csv")
    assert preview.ok and not preview.notices
    assert [r.name for r in preview.rows] == ["Jeroen Bakker", "Fatima El Amrani", "Peter Visser", "Ilse de Groot"]
    assert [r.segment for r in preview.rows] == [Segment.VASTE_KLANT, Segment.RECENTE_KLACHT, Segment.VERTREKKER,
                                                 Segment.AMBASSADEUR]
    assert [r.row for r in preview.rows] == [2, 3, 4, 5]
    assert preview.summary == "Alle 4 rijen zijn in orde."


def test_good_csv_with_commas_english_headers_bom_and_account_manager():
    text = ("\ufeffName,Company,Email,Segment,Accountmanager\n"
            "Anna Smit,Smit BV,anna@smit.example,nieuwe klant,Mark Jansen\n"
            "Bert Kok,Kok & Zn,bert@kok.example,,\n")
    preview = parse_participant_file(text.encode("utf-8"), "people.csv")
    assert preview.ok
    assert preview.rows[0].account_manager == "Mark Jansen"
    assert preview.rows[0].segment is Segment.NIEUWE_KLANT
    assert preview.rows[1].segment is Segment.VASTE_KLANT
    assert any("zonder segment" in n and "rij 3" in n for n in preview.notices)


def test_good_xlsx():
    data = xlsx([["Naam", "Organisatie", "E-mailadres", "Segment"],
                 ["Jeroen Bakker", "Bakker Vastgoed", "jeroen@bakker.example", "VASTE_KLANT"],
                 ["Fatima El Amrani", "De Weide", "fatima@deweide.example", "Recente klacht"],
                 [None, None, None, None],  # empty rows are skipped, row numbers stay the spreadsheet's
                 ["Peter Visser", 12345, "peter@visser.example", "vertrekker"]])
    preview = parse_participant_file(data, "deelnemers.xlsx")
    assert preview.ok
    assert [(r.row, r.name, r.organisation) for r in preview.rows] == [
        (2, "Jeroen Bakker", "Bakker Vastgoed"), (3, "Fatima El Amrani", "De Weide"), (5, "Peter Visser", "12345")]


def test_bad_rows_are_named_with_row_number_and_good_rows_kept_apart():
    text = ("naam;organisatie;e-mail;segment\n"
            "Jeroen Bakker;Bakker;jeroen@bakker.example;vaste klant\n"
            ";Leeg BV;leeg@leeg.example;vaste klant\n"
            "Anna Smit;Smit;anna@;vaste klant\n"
            "Bert Kok;Kok;bert@kok.example;superklant\n"
            "Ilse de Groot;De Groot;ilse@degroot.example;ambassadeur\n")
    preview = parse_participant_file(text.encode("utf-8"), "lijst.csv")
    assert not preview.ok
    assert [r.row for r in preview.rows] == [2, 6]
    messages = [str(e) for e in preview.errors]
    assert "Rij 3: de naam ontbreekt." in messages
    assert "Rij 4: ‘anna@’ is geen geldig e-mailadres." in messages
    assert any(m.startswith("Rij 5: segment ‘superklant’ is onbekend. Kies uit: Vaste klant") for m in messages)
    assert preview.summary.startswith("3 van de 5 rijen bevatten fouten; 2 rijen zijn in orde.")
    assert "nog niets geïmporteerd" in preview.summary


def test_duplicates_within_the_file_and_against_the_session():
    existing = [Participant(7, 1, "K3", "Peter Visser", "Visser Bouw", "peter@visser.example")]
    text = ("naam,organisatie,e-mail,segment\n"
            "Anna Smit,Smit BV,anna@smit.example,vaste klant\n"
            "Anna Smit-de Wit,Smit BV,ANNA@smit.example,vaste klant\n"  # same e-mail, other case
            "anna  smit,smit bv,,nieuwe klant\n"  # same name + organisation
            "P. Visser,Visser Bouw,peter@visser.example,vaste klant\n"  # already in the session by e-mail
            "Peter Visser,Visser Bouw,,vaste klant\n")  # already in the session by name + organisation
    preview = parse_participant_file(text.encode("utf-8"), "x.csv", existing)
    assert [r.row for r in preview.rows] == [2]
    messages = [str(e) for e in preview.errors]
    assert messages == [
        "Rij 3: dubbel: zelfde e-mailadres als rij 2.",
        "Rij 4: dubbel: zelfde naam en organisatie als rij 2.",
        "Rij 5: staat al in deze sessie als K3 (zelfde e-mailadres).",
        "Rij 6: staat al in deze sessie als K3 (zelfde naam en organisatie).",
    ]


@pytest.mark.parametrize("data", [b"", b"   \n\n", b";;;\n;;\n"])
def test_empty_file_is_refused_in_dutch(data):
    with pytest.raises(ValidationError, match="Het bestand is leeg"):
        parse_participant_file(data, "leeg.csv")


def test_header_only_is_refused():
    with pytest.raises(ValidationError, match="alleen een kopregel"):
        parse_participant_file(b"naam;organisatie;e-mail;segment\n", "kop.csv")


def test_missing_name_column_is_refused_with_expected_columns():
    with pytest.raises(ValidationError, match=r"minstens ‘naam’.*Gevonden: wie, waar"):
        parse_participant_file(b"wie;waar\nJan;Zwolle\n", "x.csv")


def test_cp1252_csv_is_decoded_and_said_so():
    text = "naam;organisatie;e-mail;segment\nJosé Müller;Café ’t Hoekje;jose@hoekje.example;Vaste klant\n"
    preview = parse_participant_file(text.encode("cp1252"), "excel.csv")
    assert preview.rows[0].name == "José Müller"
    assert preview.rows[0].organisation == "Café ’t Hoekje"
    assert any("Windows-1252" in n for n in preview.notices)


def test_latin1_csv_is_read_too():
    text = "naam;organisatie;e-mail;segment\nRenée Brühl;Brühl;renee@bruhl.example;\n"
    assert parse_participant_file(text.encode("latin-1"), "x.csv").rows[0].name == "Renée Brühl"


def test_utf16_csv_with_bom():
    text = "naam\tsegment\nJosé\tnieuwe klant\n"
    preview = parse_participant_file(text.encode("utf-16"), "unicode.txt")
    assert preview.rows[0].name == "José" and preview.rows[0].segment is Segment.NIEUWE_KLANT


def test_unknown_encoding_is_refused_in_dutch():
    data = b"naam\nJan\n" + b"\x81\x8d\x8f\x90\x9d\n"  # bytes that are neither UTF-8 nor Windows-1252
    with pytest.raises(ValidationError, match="tekenset van dit bestand is onbekend"):
        parse_participant_file(data, "x.csv")


def test_formula_strings_stay_text_in_csv():
    text = 'naam;organisatie;e-mail;segment\n"=HYPERLINK(""http://evil.example"",""klik"")";=1+1;a@b.example;@SUM(A1)\n'
    preview = parse_participant_file(text.encode("utf-8"), "x.csv")
    # the segment cell "@SUM(A1)" is unknown: reported, and the formula texts are kept verbatim
    assert [str(e) for e in preview.errors] == [
        "Rij 2: segment ‘@SUM(A1)’ is onbekend. Kies uit: Vaste klant, Nieuwe klant, Klant die wil vertrekken / "
        "vertrokken, Recente klacht, Ambassadeur."]
    text = 'naam;organisatie;e-mail\n"=HYPERLINK(""http://evil.example"",""klik"")";=1+1;a@b.example\n'
    row = parse_participant_file(text.encode("utf-8"), "x.csv").rows[0]
    assert row.name == '=HYPERLINK("http://evil.example","klik")'
    assert row.organisation == "=1+1"


def test_formula_cells_stay_text_in_xlsx():
    data = xlsx([["naam", "organisatie"], ['=HYPERLINK("http://evil.example","klik")', "=1+1"]])
    row = parse_participant_file(data, "x.xlsx").rows[0]
    assert row.name == '=HYPERLINK("http://evil.example","klik")'
    assert row.organisation == "=1+1"


def test_huge_upload_is_refused():
    with pytest.raises(ValidationError, match="te groot"):
        parse_participant_file(b"naam\n" + b"x" * MAX_BYTES, "groot.csv")


def test_too_many_rows_are_refused():
    text = "naam\n" + "".join(f"Klant {i}\n" for i in range(600))
    with pytest.raises(ValidationError, match="meer dan 500 deelnemers"):
        parse_participant_file(text.encode(), "veel.csv")


@pytest.mark.parametrize("data", [b"PK\x03\x04 not really a zip", b"this is not a workbook"])
def test_malformed_xlsx_is_refused(data):
    with pytest.raises(ValidationError, match="Excel-bestand kan niet worden gelezen"):
        parse_participant_file(data, "kapot.xlsx")


def test_zip_bomb_disguised_as_xlsx_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/big.xml", b"0" * 50_000_000)
    assert len(buffer.getvalue()) < MAX_BYTES
    with pytest.raises(ValidationError, match="uitgepakt te groot"):
        parse_participant_file(buffer.getvalue(), "bom.xlsx")


def test_binary_and_old_excel_are_refused():
    with pytest.raises(ValidationError, match="geen tekstbestand"):
        parse_participant_file(b"\x00\x01\x02naam", "x.csv")
    with pytest.raises(ValidationError, match=r"\.xls\) wordt niet gelezen"):
        parse_participant_file(b"\xd0\xcf\x11\xe0", "oud.xls")


def test_too_long_field_and_unknown_columns():
    text = f"naam;telefoon\n{'x' * 301};0612345678\n"
    preview = parse_participant_file(text.encode(), "x.csv")
    assert [str(e) for e in preview.errors] == ["Rij 2: de naam is langer dan 300 tekens."]
    assert any("‘telefoon’" in n for n in preview.notices)
