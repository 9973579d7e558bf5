"""The Word report, read back with python-docx: structure, counts, pseudonymisation, hostile text."""

from __future__ import annotations

import io
from collections import Counter

import docx
import pytest
from sqlalchemy import select

from arena.domain.model import NoteKind, SpeakerKind
from arena.domain.taxonomy import load_taxonomy
from arena.report import figures
from arena.report.content import QUOTE_LIMIT
from arena.report.images import PNG_MAGIC, ChartRenderError
from arena.services import actions, analysis, notes, reporting, sessions
from arena.services.auth import LOCAL_USER, Actor, PermissionDenied, Role
from arena.store import tables as t
from tests.report.conftest import LABELS, PERSONAL, all_text, visible_text

CHAPTERS = [
    "Managementsamenvatting", "De sessie", "Wat we hoorden per onderwerp", "Irritaties per thema", "Tussen de regels",
    "Grafieken", "Verbeterplan", "Zorgklanten (intern)", "Vervolg en dank", "Bijlage: methode en thema-indeling",
]


def build(demo, **options) -> tuple[bytes, docx.document.Document]:
    data = reporting.build_report(demo.db, LOCAL_USER, demo.session_id, **options)
    return data, docx.Document(io.BytesIO(data))


def table_with(document, header: str):
    for table in document.tables:
        if table.rows[0].cells[0].text == header:
            return table
    raise AssertionError(f"no table starting with {header!r}")


def test_structure_styles_fields_and_properties(demo):
    data, document = build(demo, charts=False)
    chapters = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert chapters == CHAPTERS
    subheadings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert {"Grootste irritaties", "Wat klanten waarderen", "De drie belangrijkste verbetervoorstellen", "Agenda",
            "Samenstelling van het panel", "Afdelingen die meeluisterden"} <= set(subheadings)
    # every agenda topic with notes has its own section in "Wat we hoorden"
    topics = [item.topic for item in sessions.agenda(demo.db, LOCAL_USER, demo.session_id)]
    assert set(topics) <= set(subheadings)

    cover = [p.text for p in document.paragraphs[:20]]
    assert "Verbeterrapport klantenarena" in cover
    assert "VERTROUWELIJK" in cover
    assert any("Van Dijk Installatietechniek" in line for line in cover)

    xml = all_text(data)
    assert 'TOC \\o "1-2"' in xml  # a real table-of-contents field
    assert "w:updateFields" in xml
    footer_xml = document.sections[0].footer._element.xml
    assert " PAGE " in footer_xml and " NUMPAGES " in footer_xml

    props = document.core_properties
    assert props.title == "Verbeterrapport: Klantenarena najaar 2026"
    assert props.author == "Van Dijk Installatietechniek"
    assert props.last_modified_by == "Van Dijk Installatietechniek"
    assert "python-docx" not in xml


def test_counts_match_the_database(demo):
    _, document = build(demo, charts=False)
    with demo.db.read() as conn:
        live_notes = conn.execute(
            select(t.notes.c.id).where(t.notes.c.session_id == demo.session_id, t.notes.c.deleted_at.is_(None))
        ).all()
        labels = conn.execute(select(t.human_labels.c.polarity, t.human_labels.c.themes)).all()
    expected = Counter(code for polarity, themes in labels if polarity == "irritatie" for code in themes)
    irritation_notes = sum(1 for polarity, _ in labels if polarity == "irritatie")

    setup = {row.cells[0].text: row.cells[1].text for row in table_with(document, "Onderdeel").rows}
    assert setup["Aantal notities"] == str(len(live_notes))
    assert setup["Aantal deelnemers"] == "8"

    taxonomy = load_taxonomy()
    themes = table_with(document, "Thema")
    found = {row.cells[0].text: int(row.cells[2].text) for row in themes.rows[1:]}
    assert found == {taxonomy.label(code): n for code, n in expected.items()}
    counts = [int(row.cells[2].text) for row in themes.rows[1:]]
    assert counts == sorted(counts, reverse=True)  # ranked
    share = {row.cells[0].text: row.cells[3].text for row in themes.rows[1:]}
    assert share[taxonomy.label("bereikbaarheid")] == f"{round(100 * 3 / irritation_notes)}%"

    body = "\n".join(p.text for p in document.paragraphs)
    assert f"waarvan {irritation_notes} over een irritatie" in body
    assert f"{taxonomy.label('bereikbaarheid')}: 3 keer genoemd" in body

    panel = {row.cells[0].text: row.cells[1].text for row in table_with(document, "Segment").rows[1:]}
    assert sum(int(n) for n in panel.values()) == 8
    departments = {row.cells[0].text for row in table_with(document, "Afdeling").rows[1:]}
    assert {"Verkoop", "Klantenservice", "Directie"} <= departments


def test_quotes_name_the_speaker_by_code_and_segment(demo):
    listed = demo.notes()
    target = next(n for n in listed if n.speaker_kind is SpeakerKind.PARTICIPANT)
    analysis.set_label(demo.db, LOCAL_USER, target.id, polarity="irritatie", themes=["verkoopdruk"])
    analysis.set_key_quote(demo.db, LOCAL_USER, target.id, True)
    _, document = build(demo, charts=False)
    person = next(p for p in demo.people() if p.id == target.participant_id)
    quotes = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    expected = f"\u2014 {person.code}, {person.segment.label.lower()}"
    assert any(q.endswith(expected) for q in quotes)


def test_pseudonymised_report_contains_no_participant_names_anywhere(demo):
    people = demo.people()
    first, second = people[0], people[1]
    hostile = (f"{first.name} van {first.organisation} zei dat {second.name.split()[0]} gelijk had; "
               f"mail {first.email} als het weer misgaat.")
    note = notes.save_note(demo.db, LOCAL_USER, demo.session_id, hostile, speaker_kind=SpeakerKind.PARTICIPANT,
                           participant_id=first.id)
    analysis.set_label(demo.db, LOCAL_USER, note.id, polarity="irritatie", themes=["klachtafhandeling"])
    analysis.set_key_quote(demo.db, LOCAL_USER, note.id, True)
    sessions.set_zorgklant(demo.db, LOCAL_USER, first.id, True, reason=f"{first.name} belde drie keer")
    actions.create_action(demo.db, LOCAL_USER, demo.session_id, f"Bel {first.name} terug", evidence_note_ids=[note.id])

    data, document = build(demo, charts=True)
    text = visible_text(document)
    xml = all_text(data)
    for secret in PERSONAL:
        assert secret not in text, secret
        assert secret.lower() not in xml.lower(), secret
    assert f"{first.code} van {first.code} zei dat {second.code} gelijk had" in text
    assert f"Bel {first.code} terug" in text


def test_real_names_only_on_request_and_with_permission(demo):
    lezer = Actor("Lezer", Role.LEZER, 5)
    with pytest.raises(PermissionDenied):
        reporting.build_report(demo.db, lezer, demo.session_id, real_names=True, charts=False)
    data = reporting.build_report(demo.db, lezer, demo.session_id, charts=False)
    assert not any(name in all_text(data) for name in PERSONAL)

    _, document = build(demo, real_names=True, charts=False)
    text = visible_text(document)
    assert "Bevat echte namen" in document.core_properties.comments
    assert "echte namen van deelnemers" in text
    zorgklant = next(p for p in demo.people() if p.zorgklant)
    assert f"{zorgklant.name} ({zorgklant.code})" in text


def test_control_characters_and_long_quotes_do_not_break_the_report(demo):
    person = demo.people()[2]
    nasty = "Begin\x00\x01\x02\x07\x08\x0b\x0c\x0e\x1f\x7f\ufffe\uffff einde \u202e<w:t>]]></w:t>&amp; \U0001f621 ok"
    long_text = "Ze beloven het elke keer opnieuw en " * 200
    ids: list[int] = []
    for text in (nasty, long_text):
        note = notes.save_note(demo.db, LOCAL_USER, demo.session_id, text, speaker_kind=SpeakerKind.PARTICIPANT,
                               participant_id=person.id, kind=NoteKind.UITSPRAAK)
        analysis.set_label(demo.db, LOCAL_USER, note.id, polarity="irritatie", themes=["verkoopdruk"])
        analysis.set_key_quote(demo.db, LOCAL_USER, note.id, True)
        ids.append(note.id)
    _, document = build(demo, charts=True)
    quotes = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    cleaned = next(q for q in quotes if q.startswith("\u201cBegin"))
    assert "einde" in cleaned and "\U0001f621 ok" in cleaned and "<w:t>]]></w:t>&amp;" in cleaned
    assert not any(ch in cleaned for ch in "\x00\x01\x07\x0b\x1f\x7f\ufffe")
    shortened = next(q for q in quotes if q.startswith("\u201cZe beloven"))
    body = shortened.split("\u201d")[0].lstrip("\u201c")
    assert body.endswith("\u2026") and len(body) <= QUOTE_LIMIT


def test_dashboard_charts_are_embedded_as_png_images(demo):
    _, document = build(demo, charts=True)
    images = [rel.target_part.blob for rel in document.part.rels.values() if "image" in rel.reltype]
    assert len(images) >= 5
    assert all(blob.startswith(PNG_MAGIC) and len(blob) > 5_000 for blob in images)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert "Irritaties per thema" in headings and "Thema's per onderwerp" in headings
    assert len(document.inline_shapes) == len(images)


def test_report_builds_when_charts_cannot_be_drawn(demo, monkeypatch):
    def broken(*_args, **_kwargs):
        raise ChartRenderError("Grafiek kon niet worden getekend: test")

    monkeypatch.setattr(figures, "figure_to_png", broken)
    _, document = build(demo, charts=True)
    assert len(document.inline_shapes) == 0
    assert any("kon niet worden getekend" in p.text for p in document.paragraphs)


def test_improvement_plan_table_and_only_confirmed_zorgklanten(demo):
    listed = demo.notes()
    evidence = [listed[i].id for i in LABELS][:3]
    actions.create_action(demo.db, LOCAL_USER, demo.session_id, "Terugbelgarantie binnen 24 uur",
                          theme_code="bereikbaarheid", owner="Klantenservice", evidence_note_ids=evidence)
    _, document = build(demo, charts=False)
    plan = table_with(document, "Actie")
    assert [c.text for c in plan.rows[0].cells] == ["Actie", "Thema", "Eigenaar", "Gereed", "Status", "Onderbouwing"]
    row = [c.text for c in plan.rows[1].cells]
    assert row[0] == "Terugbelgarantie binnen 24 uur"
    assert row[1] == load_taxonomy().label("bereikbaarheid")
    assert row[2] == "Klantenservice"
    assert row[5].startswith("3 notitie(s)")
    proposals = [p.text for p in document.paragraphs if p.style.name == "List Number"]
    assert proposals[0].startswith("Terugbelgarantie binnen 24 uur") and len(proposals) == 3

    flagged = [p.code for p in demo.people() if p.zorgklant]
    zorg = table_with(document, "Deelnemer")
    assert [row.cells[0].text for row in zorg.rows[1:]] == flagged


def test_report_builds_when_the_analysis_engine_is_missing(demo, monkeypatch):
    import arena.nlp

    def missing():
        raise ImportError("model niet geïnstalleerd")

    monkeypatch.setattr(arena.nlp.Engine, "load", staticmethod(missing))
    assert reporting.load_engine() is None
    data = reporting.build_report(demo.db, LOCAL_USER, demo.session_id, engine=reporting.load_engine(), charts=False)
    assert docx.Document(io.BytesIO(data)).paragraphs


def test_report_analyses_pending_notes_first_when_given_an_engine(demo):
    class Engine:  # the engine protocol; the real engine is exercised by the CLI test
        def analyse_many(self, texts):
            from arena.nlp.results import NoteResult

            return [NoteResult("irritatie", [("verkoopdruk", 0.9)], 0.5, -0.5, False) for _ in texts]

    build(demo, engine=Engine(), charts=False)
    with demo.db.read() as conn:
        analysed = conn.execute(select(t.note_analyses.c.note_version_id)).all()
    assert len(analysed) == len(demo.notes())
