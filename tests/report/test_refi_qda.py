"""REFI-QDA: the .qdc codebook and .qdpx project validate against the schemas and hold the coding."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
import xmlschema

from arena.domain.taxonomy import load_taxonomy
from arena.report import refi_qda
from arena.services import reporting
from arena.services.auth import LOCAL_USER
from tests.report.conftest import LABELS, PERSONAL

SCHEMAS = Path(__file__).resolve().parents[2] / "models" / "refi-qda"
P = "{urn:QDA-XML:project:1.0}"
C = "{urn:QDA-XML:codebook:1.0}"


@pytest.fixture(scope="module")
def project_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(SCHEMAS / "Project.xsd")


def test_codebook_validates_and_holds_every_theme():
    data = refi_qda.codebook(load_taxonomy())
    xmlschema.XMLSchema(SCHEMAS / "Codebook.xsd").validate(data.decode("utf-8"))
    root = ET.fromstring(data)
    assert root.tag == f"{C}CodeBook"
    names = {c.get("name") for c in root.iter(f"{C}Code") if c.get("isCodable") == "true"}
    taxonomy = load_taxonomy()
    assert {t.label for t in taxonomy.themes} <= names
    assert {p.label for p in taxonomy.polarities} <= names
    colours = {c.get("name"): c.get("color") for c in root.iter(f"{C}Code")}
    assert colours[taxonomy.theme("product").label] == taxonomy.theme("product").colour


def test_qdpx_validates_and_selections_point_at_the_notes(demo, project_schema):
    data = reporting.export(demo.db, LOCAL_USER, demo.session_id, "qdpx")
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = archive.namelist()
    assert "project.qde" in names
    qde = archive.read("project.qde").decode("utf-8")
    project_schema.validate(qde)
    root = ET.fromstring(qde)
    source = root.find(f"{P}Sources/{P}TextSource")
    path = source.get("plainTextPath")
    assert path.startswith("internal://")
    text = archive.read(f"sources/{path.removeprefix('internal://')}").decode("utf-8")

    listed = {n.id: n for n in demo.notes()}
    selections = source.findall(f"{P}PlainTextSelection")
    assert len(selections) == len(listed)
    code_guids = {c.get("guid"): c.get("name") for c in root.iter(f"{P}Code")}
    taxonomy = load_taxonomy()
    first_labelled = list(demo.notes())[next(iter(LABELS))]
    for selection in selections:
        start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
        note_id = int(selection.get("name").split()[1])
        assert text[start:end] == " ".join(listed[note_id].text.split())
        coded = [code_guids[c.find(f"{P}CodeRef").get("targetGUID")] for c in selection.findall(f"{P}Coding")]
        if note_id == first_labelled.id:
            polarity, themes = LABELS[next(iter(LABELS))]
            assert set(coded) == {taxonomy.label(code) for code in themes} | {taxonomy.polarity(polarity).label}
    cases = root.findall(f"{P}Cases/{P}Case")
    assert sorted(c.get("name") for c in cases) == sorted(p.code for p in demo.people())
    assert all(secret not in qde and secret not in text for secret in PERSONAL)


def test_exports_are_stable_between_runs(demo):
    first = zipfile.ZipFile(io.BytesIO(reporting.export(demo.db, LOCAL_USER, demo.session_id, "qdpx")))
    second = zipfile.ZipFile(io.BytesIO(reporting.export(demo.db, LOCAL_USER, demo.session_id, "qdpx")))
    guids = [{e.get("guid") for e in ET.fromstring(z.read("project.qde")).iter() if e.get("guid")} for z in (first, second)]
    assert guids[0] == guids[1]
