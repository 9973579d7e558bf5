"""The Word improvement report: lays out ReportContent with real Word styles, fields and tables."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from arena.domain.text import word_safe
from arena.report.content import Quote, ReportContent

TABLE_STYLE = "Light Grid Accent 1"
FONT = "Arial"
CATEGORY = {"organisatorisch": "Organisatie", "producttechnisch": "Product"}
ACCENT = RGBColor(0x1F, 0x4E, 0x79)


@dataclass(frozen=True)
class ChartImage:
    title: str
    png: bytes | None  # None: the chart could not be drawn; `note` says why
    caption: str = ""
    note: str = ""


def build_docx(content: ReportContent, charts: Sequence[ChartImage] | Callable[[], Sequence[ChartImage]] = ()) -> bytes:
    """`charts` may be a callable: it is called only when the charts chapter is written (charts draw meanwhile)."""
    doc = Document()
    _setup(doc, content)
    _cover(doc, content)
    _toc(doc)
    _summary(doc, content)
    _session(doc, content)
    _heard(doc, content)
    _irritations(doc, content)
    _between_the_lines(doc, content)
    _charts(doc, charts)
    _plan(doc, content)
    _zorgklanten(doc, content)
    _follow_up(doc, content)
    _appendix(doc, content)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# --- set-up --------------------------------------------------------------------------------------

def _setup(doc: DocxDocument, c: ReportContent) -> None:
    props = doc.core_properties
    now = datetime.now(UTC).replace(tzinfo=None)
    props.title = _safe(f"Verbeterrapport: {c.title}")
    props.subject = "Klantenarena: wat klanten ergert en wat we gaan verbeteren"
    props.author = _safe(c.organisation) or "Klantenarena"
    props.last_modified_by = props.author
    props.keywords = "klantenarena; verbeterrapport; vertrouwelijk"
    props.comments = "Vertrouwelijk. " + ("Bevat echte namen." if c.real_names else "Gepseudonimiseerd: deelnemers als K1, K2, \u2026")
    props.category = "Vertrouwelijk"
    props.language = "nl-NL"
    props.created = now
    props.modified = now
    props.revision = 1

    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    # Arial everywhere: every Word has it and LibreOffice maps it to the metric-compatible Liberation Sans,
    # so tables wrap the same in both (the template's theme fonts fall back to wider fonts in LibreOffice).
    for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "TOC Heading", "Quote", "Caption"):
        _font(doc.styles[name], FONT)
    rpr = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "nl-NL")
    rpr.append(lang)

    table_text = doc.styles.add_style("Tabeltekst", WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    table_text.font.size = Pt(9.5)
    table_text.paragraph_format.space_after = Pt(0)
    table_text.paragraph_format.space_before = Pt(0)

    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)  # A4
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.3))
    section.different_first_page_header_footer = True  # a clean cover
    header = section.header.paragraphs[0]
    header.text = _safe(f"{c.title} \u2014 vertrouwelijk")
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Pagina ")
    _field(footer, "PAGE", "1")
    footer.add_run(" van ")
    _field(footer, "NUMPAGES", "1")

    # Word refreshes the table of contents and page numbers when the file is opened.
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    doc.settings.element.append(update)


def _font(style, name: str) -> None:
    """Set the font and drop theme-font references, which would otherwise win over it."""
    style.font.name = name
    fonts = style.element.get_or_add_rPr().find(qn("w:rFonts"))
    if fonts is not None:
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        fonts.set(qn("w:cs"), name)


def _field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """A complex field (PAGE, NUMPAGES, TOC): begin, instruction, separate, cached result, end."""
    def fld(kind: str):
        run = paragraph.add_run()
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        run._r.append(char)
        return run

    fld("begin")
    instr_run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    instr_run._r.append(instr)
    fld("separate")
    paragraph.add_run(placeholder)
    fld("end")


def _safe(text: str) -> str:
    return word_safe(text or "")


# Style ids of the default template. python-docx looks a style name up by scanning every style on
# each call (measured: 0.9 s of 1.3 s for a 1,000-note report), so paragraphs get the id directly.
STYLE_IDS = {
    "Title": "Title", "Subtitle": "Subtitle", "Heading 1": "Heading1", "Heading 2": "Heading2", "Quote": "Quote",
    "List Bullet": "ListBullet", "List Number": "ListNumber", "Caption": "Caption", "TOC Heading": "TOCHeading",
    "Tabeltekst": "Tabeltekst",
}


def _p(doc: DocxDocument, text: str = "", style: str | None = None) -> Paragraph:
    para = doc.add_paragraph(_safe(text))
    if style:
        para._p.style = STYLE_IDS[style]
    return para


def _h(doc: DocxDocument, text: str, level: int = 1, *, new_page: bool = False) -> Paragraph:
    para = _p(doc, text, f"Heading {level}")
    if new_page:
        para.paragraph_format.page_break_before = True
    return para


def _bullet(doc: DocxDocument, text: str, bold_prefix: str = "") -> Paragraph:
    para = _p(doc, "", "List Bullet")
    if bold_prefix:
        para.add_run(_safe(bold_prefix)).bold = True
    para.add_run(_safe(text))
    return para


def _quote(doc: DocxDocument, quote: Quote) -> Paragraph:
    para = _p(doc, "", "Quote")
    para.add_run(_safe(f"\u201c{quote.text}\u201d"))
    speaker = para.add_run(_safe(f" \u2014 {quote.speaker}"))
    speaker.italic = False
    speaker.bold = True
    return para


def _table(doc: DocxDocument, headers: Sequence[str], rows: Sequence[Sequence[object]], widths_cm: Sequence[float] = (),
           *, spacer: bool = True) -> Table:
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = doc.styles[TABLE_STYLE]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    head = table.rows[0]
    for cell, text in zip(head.cells, headers):
        cell.text = _safe(text)
        cell.paragraphs[0]._p.style = STYLE_IDS["Tabeltekst"]
    tr_pr = head._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")  # the header row repeats on every page
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values):
            cell.text = _safe(_fmt(value))
            cell.paragraphs[0]._p.style = STYLE_IDS["Tabeltekst"]
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is not None:  # style only the header row, not the first column
        look.set(qn("w:firstColumn"), "0")
        look.set(qn("w:val"), "0420")
    if widths_cm:
        # Word reads the cell widths, LibreOffice the grid columns: set both.
        table.autofit = False
        for column, width in zip(table.columns, widths_cm):
            column.width = Cm(width)
        for row in table.rows:
            for cell, width in zip(row.cells, widths_cm):
                cell.width = Cm(width)
    if spacer:
        doc.add_paragraph()
    return table


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.2f}".replace(".", ",")
    return "" if value is None else str(value)


def _pct(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"


# --- sections ------------------------------------------------------------------------------------

def _cover(doc: DocxDocument, c: ReportContent) -> None:
    for _ in range(6):
        doc.add_paragraph()
    title = _p(doc, "Verbeterrapport klantenarena", "Title")
    title.alignment = WD_ALIGN_PARAGRAPH.LEFT
    _p(doc, c.title, "Subtitle")
    doc.add_paragraph()
    for label, value in (("Datum van de sessie", c.session_date), ("Organisatie", c.organisation),
                         ("Rapport opgesteld", c.generated_on)):
        para = doc.add_paragraph()
        para.add_run(f"{label}: ").bold = True
        para.add_run(_safe(value))
    doc.add_paragraph()
    mark = doc.add_paragraph()
    run = mark.add_run("VERTROUWELIJK")
    run.bold = True
    run.font.size = Pt(14)
    run.font.color.rgb = RGBColor(0xB2, 0x18, 0x2B)
    note = ("Dit rapport bevat echte namen van deelnemers. Deel het alleen met wie deze gegevens mag zien."
            if c.real_names else
            "Deelnemers staan in dit rapport onder een code (K1, K2, \u2026); namen en organisaties zijn weggelaten.")
    _p(doc, note)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


TOC_ENTRIES = (
    "Managementsamenvatting", "De sessie", "Wat we hoorden per onderwerp", "Irritaties per thema",
    "Tussen de regels", "Grafieken", "Verbeterplan", "Zorgklanten (intern)", "Vervolg en dank",
    "Bijlage: methode en thema-indeling",
)


def _toc(doc: DocxDocument) -> None:
    _p(doc, "Inhoud", "TOC Heading")
    para = doc.add_paragraph()
    # The cached result lists the chapters, so a viewer that does not update fields still shows them.
    _field(para, 'TOC \\o "1-2" \\h \\z \\u', "")
    placeholder_run = para.runs[-2]
    placeholder_run.text = ""
    for index, entry in enumerate(TOC_ENTRIES):
        if index:
            placeholder_run.add_break()
        placeholder_run.add_text(entry)
    _p(doc, "(Word werkt deze inhoudsopgave bij het openen bij; kies anders F9 of \u2018Veld bijwerken\u2019.)").runs[0].italic = True


def _summary(doc: DocxDocument, c: ReportContent) -> None:
    _h(doc, "Managementsamenvatting", new_page=True)
    _p(doc, f"Op {c.session_date} spraken {c.total_participants} klanten met elkaar over onze dienstverlening. "
            f"Er zijn {c.total_notes} notities gemaakt, waarvan {c.total_irritations} over een irritatie.")
    _h(doc, "Grootste irritaties", 2)
    if c.themes:
        for row in c.themes[:5]:
            _bullet(doc, f": {row.count} keer genoemd ({_pct(row.count, c.total_irritations)} van de irritaties)", row.label)
    else:
        _p(doc, "Er zijn (nog) geen irritaties vastgelegd.")
    classified = c.organisational + c.product
    _h(doc, "Organisatie of product?", 2)
    reference = c.field_reference.get("organisatorisch")
    ref_text = f" In eerder onderzoek onder klantpanels was dat ongeveer {round(100 * reference)}%." if reference else ""
    _p(doc, f"Van de irritaties met een thema gaat {_pct(c.organisational, classified)} over de organisatie "
            f"({c.organisational}) en {_pct(c.product, classified)} over het product zelf ({c.product}).{ref_text}"
            + (f" {c.untagged} irritatie(s) hebben nog geen thema." if c.untagged else ""))
    _h(doc, "Wat klanten waarderen", 2)
    if c.valued:
        for label, count in c.valued:
            _bullet(doc, f": {count} positieve opmerking(en)", label)
    for quote in c.valued_quotes:
        _quote(doc, quote)
    if not c.valued and not c.valued_quotes:
        _p(doc, "Er zijn geen positieve opmerkingen vastgelegd.")
    _h(doc, "De drie belangrijkste verbetervoorstellen", 2)
    if c.proposals:
        for proposal in c.proposals:
            _p(doc, proposal, "List Number")
    else:
        _p(doc, "Er zijn nog geen verbeteracties afgesproken.")


def _session(doc: DocxDocument, c: ReportContent) -> None:
    _h(doc, "De sessie", new_page=True)
    _h(doc, "Doel", 2)
    _p(doc, c.goal or "Geen doel vastgelegd.")
    _h(doc, "Opzet", 2)
    _table(doc, ["Onderdeel", "Gegevens"], [
        ("Datum", c.session_date), ("Vorm", c.format_label), ("Plaats", c.place or "\u2014"),
        ("Moderator", c.moderator or "\u2014"), ("Aantal deelnemers", c.total_participants),
        ("Aantal notities", c.total_notes),
    ], (5, 11))
    _h(doc, "Agenda", 2)
    _table(doc, ["#", "Blok", "Onderwerp", "Minuten"], c.agenda, (1.2, 4.5, 8.5, 2))
    _h(doc, "Samenstelling van het panel", 2)
    if c.panel:
        _table(doc, ["Segment", "Aantal", "Deelnemers"], c.panel, (6, 2, 8))
    else:
        _p(doc, "Geen deelnemers vastgelegd.")
    _h(doc, "Afdelingen die meeluisterden", 2)
    if c.departments:
        _table(doc, ["Afdeling", "Aantal medewerkers"], c.departments, (10, 6))
    else:
        _p(doc, "Er zijn geen luisterende medewerkers vastgelegd.")


def _heard(doc: DocxDocument, c: ReportContent) -> None:
    _h(doc, "Wat we hoorden per onderwerp", new_page=True)
    if not c.topics:
        _p(doc, "Er is geen agenda met onderwerpen vastgelegd.")
    for topic in c.topics:
        _h(doc, topic.topic, 2)
        summary = (f"{topic.notes} notities: {topic.irritations} irritatie(s), {topic.positives} positief, "
                   f"{topic.suggestions} suggestie(s).")
        if topic.top_themes:
            summary += " Vooral over: " + ", ".join(topic.top_themes) + "."
        _p(doc, summary)
        for quote in topic.quotes:
            _quote(doc, quote)


def _irritations(doc: DocxDocument, c: ReportContent) -> None:
    _h(doc, "Irritaties per thema", new_page=True)
    _p(doc, "Gerangschikt naar hoe vaak het thema werd genoemd. Intensiteit loopt van 0 (mild) tot 1 (sterk); "
            "een notitie kan bij meer dan één thema horen.")
    _table(doc, ["Thema", "Soort", "Aantal", "Aandeel", "Gem. intensiteit", "Deelnemers"], [
        (r.label, CATEGORY.get(r.category, r.category), r.count, _pct(r.count, c.total_irritations), r.mean_intensity,
         r.speakers) for r in c.themes
    ], (4.6, 2.3, 1.9, 2.0, 2.6, 2.6))
    for row in c.themes:
        _h(doc, f"{row.label} ({row.count})", 2)
        for quote in row.quotes:
            _quote(doc, quote)


def _between_the_lines(doc: DocxDocument, c: ReportContent) -> None:
    _h(doc, "Tussen de regels")
    _p(doc, "Wat niet letterlijk werd gezegd maar wel werd waargenomen: sfeer, lichaamstaal, aarzeling.")
    if c.observations:
        for quote in c.observations:
            para = _bullet(doc, quote.text)
            if quote.topic:
                para.add_run(_safe(f" ({quote.topic})")).italic = True
    else:
        _p(doc, "Er zijn geen observaties vastgelegd.")
    if c.effort_notes or c.cue_counts:
        _h(doc, "Signalen in de woorden", 2)
        if c.effort_notes:
            _bullet(doc, f" {c.effort_notes} uitspraak/uitspraken laten zien dat de klant moeite moest doen "
                         "(opnieuw bellen, achter iets aan zitten, het verhaal opnieuw doen).", "Moeite:")
        for label, count in c.cue_counts:
            _bullet(doc, f": in {count} notitie(s)", label)


def _charts(doc: DocxDocument, charts: Sequence[ChartImage] | Callable[[], Sequence[ChartImage]]) -> None:
    _h(doc, "Grafieken", new_page=True)
    if callable(charts):
        charts = charts()
    if not charts:
        _p(doc, "Geen grafieken beschikbaar.")
    for chart in charts:
        _h(doc, chart.title, 2)
        if chart.png:
            doc.add_picture(io.BytesIO(chart.png), width=Cm(16))
            picture = doc.paragraphs[-1]
            picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
            picture.paragraph_format.keep_with_next = True  # the caption stays with its chart
            if chart.caption:
                _p(doc, chart.caption, "Caption")
        else:
            _p(doc, chart.note or "Deze grafiek kon niet worden getekend.").runs[0].italic = True


def _plan(doc: DocxDocument, c: ReportContent) -> None:
    _h(doc, "Verbeterplan", new_page=True)
    if c.actions:
        _table(doc, ["Actie", "Thema", "Eigenaar", "Gereed", "Status", "Onderbouwing"], [
            (a.title, a.theme, a.owner, a.due, a.status, a.evidence) for a in c.actions
        ], (4.2, 2.5, 2.3, 2.3, 1.8, 3.3))
    else:
        _p(doc, "Er zijn nog geen verbeteracties vastgelegd. Spreek ze af op de pagina Analyse.")


def _zorgklanten(doc: DocxDocument, c: ReportContent) -> None:
    _h(doc, "Zorgklanten (intern)")
    _p(doc, "Alleen voor intern gebruik. Klanten met ernstige of herhaalde problemen die persoonlijk worden opgevolgd; "
            "alleen door het team bevestigde zorgklanten staan hier.")
    if c.zorgklanten:
        _table(doc, ["Deelnemer", "Segment", "Reden", "Eigenaar", "Sinds"],
               [(z.code, z.segment, z.reason, z.owner, z.since) for z in c.zorgklanten], (2.6, 3.2, 5.6, 2.6, 2.4))
    else:
        _p(doc, "Er zijn geen zorgklanten bevestigd.")


def _follow_up(doc: DocxDocument, c: ReportContent) -> None:
    _h(doc, "Vervolg en dank")
    open_actions = sum(1 for a in c.actions if a.status != "Klaar")
    _p(doc, f"Er staan {open_actions} verbeteractie(s) open. We bespreken de voortgang in het volgende teamoverleg "
            "en laten de deelnemers weten wat er met hun inbreng is gedaan.")
    _p(doc, "Wij danken alle deelnemers hartelijk voor hun tijd, openheid en eerlijkheid. Juist door wat niet goed gaat "
            "zo duidelijk te benoemen, helpen zij ons beter te worden. Ook dank aan de collega\u2019s die hebben "
            "meegeluisterd zonder te verdedigen.")


def _appendix(doc: DocxDocument, c: ReportContent) -> None:
    _h(doc, "Bijlage: methode en thema-indeling", new_page=True)
    _h(doc, "Methode", 2)
    _p(doc, "Tijdens de sessie zijn uitspraken, observaties, ideeën en vragen direct genoteerd. Na afloop is elke notitie "
            "automatisch ingedeeld naar polariteit (irritatie, positief, neutraal, suggestie) en thema; het team heeft "
            "de indeling gecontroleerd en waar nodig gecorrigeerd. Een correctie door het team gaat altijd voor.")
    _p(doc, f"Geanalyseerde notities: {c.analysed} van {c.total_notes}. Door het team gelabeld: {c.human_labelled}. "
            f"Thema-indeling versie {c.taxonomy_version}.")
    _h(doc, "Thema-indeling", 2)
    _table(doc, ["Thema", "Soort", "Omschrijving"], [(label, CATEGORY.get(kind, kind), text) for label, kind, text in c.taxonomy],
           (4.5, 2.4, 9.5), spacer=False)
