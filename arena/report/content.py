"""What the report says, computed once from the shared read model; the docx writer only lays it out.

Pure: takes domain objects and analysed notes, returns plain data with every user text already
pseudonymised (or not, by explicit choice), cleaned for Word and shortened where it is a quote.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from arena.domain.model import (
    AgendaBlock,
    AgendaItem,
    ImprovementAction,
    NoteKind,
    Observer,
    Participant,
    Segment,
    Session,
    SpeakerKind,
)
from arena.domain.taxonomy import Taxonomy
from arena.domain.text import shorten, word_safe
from arena.services.analysis import AnalysedNote

QUOTE_LIMIT = 400  # characters; a quote longer than this is cut at a word boundary
QUOTES_PER_THEME = 3
QUOTES_PER_TOPIC = 4
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")
CUE_LABELS = {
    "negation": "ontkenning",
    "intensifier": "versterking (\u2018altijd\u2019, \u2018nooit\u2019, \u2018weer\u2019)",
    "repetition": "herhaling",
    "positive": "positieve woorden",
    "negative": "negatieve woorden",
    "suggestion": "suggestie",
}


def dutch_date(value: date | None) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}" if value else "datum onbekend"


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str
    topic: str
    note_id: int


@dataclass(frozen=True)
class ThemeRow:
    code: str
    label: str
    category: str
    count: int
    share: float  # of all irritation notes
    mean_intensity: float  # 0..1, over analysed irritation notes with this theme
    speakers: int  # distinct participants who raised it
    quotes: list[Quote]


@dataclass(frozen=True)
class TopicSection:
    topic: str
    block: str
    notes: int
    irritations: int
    positives: int
    suggestions: int
    top_themes: list[str]
    quotes: list[Quote]


@dataclass(frozen=True)
class ActionRow:
    title: str
    theme: str
    owner: str
    due: str
    status: str
    evidence: str


@dataclass(frozen=True)
class ZorgklantRow:
    code: str
    segment: str
    reason: str
    owner: str
    since: str


@dataclass
class ReportContent:
    title: str
    organisation: str
    session_date: str
    place: str
    format_label: str
    moderator: str
    goal: str
    agenda: list[tuple[int, str, str, int]]  # position, block label, topic, minutes
    panel: list[tuple[str, int, str]]  # segment label, count, codes
    departments: list[tuple[str, int]]
    total_notes: int
    total_irritations: int
    total_participants: int
    themes: list[ThemeRow]  # ranked, only themes with irritations
    organisational: int  # irritation notes whose main theme is organisational
    product: int
    untagged: int
    field_reference: dict[str, float]
    valued: list[tuple[str, int]]  # theme label, positive notes
    valued_quotes: list[Quote]
    proposals: list[str]
    topics: list[TopicSection]
    observations: list[Quote]
    cue_counts: list[tuple[str, int]]
    effort_notes: int
    actions: list[ActionRow]
    zorgklanten: list[ZorgklantRow]
    taxonomy: list[tuple[str, str, str]]  # label, category, description
    taxonomy_version: str
    analysed: int
    human_labelled: int
    real_names: bool
    generated_on: str
    notes_without_topic: int = 0
    extra: dict[str, str] = field(default_factory=dict)


Clean = Callable[[str], str]


def compose(
    session: Session,
    agenda: Sequence[AgendaItem],
    people: Sequence[Participant],
    observers: Sequence[Observer],
    notes: Sequence[AnalysedNote],
    actions: Sequence[ImprovementAction],
    taxonomy: Taxonomy,
    pseudonymise: Clean,
    *,
    real_names: bool = False,
    today: date | None = None,
) -> ReportContent:
    """Compose the report's content. `pseudonymise` is applied to every user-written text."""

    def clean(text: str) -> str:
        return word_safe(pseudonymise(text or ""))

    names = {p.id: p for p in people}

    def speaker(note: AnalysedNote) -> str:
        if real_names and note.note.participant_id in names:
            person = names[note.note.participant_id]
            segment = f", {person.segment.label.lower()}"
            return clean(f"{person.name} ({person.code}{segment})")
        return note.speaker_label

    def quote(note: AnalysedNote) -> Quote:
        return Quote(shorten(clean(note.note.text), QUOTE_LIMIT), speaker(note), clean(note.agenda_topic), note.note.id)

    irritations = [n for n in notes if n.is_irritation]
    themes = _theme_rows(irritations, taxonomy, quote)
    main_category = Counter(
        taxonomy.theme(n.themes[0]).category if n.themes and n.themes[0] in taxonomy.codes else "" for n in irritations
    )
    positives = [n for n in notes if n.polarity == "positief"]
    valued = Counter(code for n in positives for code in n.themes)
    return ReportContent(
        title=clean(session.title),
        organisation=clean(session.organisation),
        session_date=dutch_date(session.date),
        place=clean(session.location or session.meeting_link or ""),
        format_label=session.format.label,
        moderator=clean(session.moderator),
        goal=clean(session.goal),
        agenda=[(i.position, i.block.label, clean(i.topic), i.timebox_min) for i in agenda],
        panel=_panel(people),
        departments=sorted(Counter(o.department.label for o in observers).items()),
        total_notes=len(notes),
        total_irritations=len(irritations),
        total_participants=len(people),
        themes=themes,
        organisational=main_category.get("organisatorisch", 0),
        product=main_category.get("producttechnisch", 0),
        untagged=main_category.get("", 0),
        field_reference=dict(taxonomy.field_reference),
        valued=[(taxonomy.label(code), count) for code, count in valued.most_common(5)],
        valued_quotes=[quote(n) for n in _best(positives, 3)],
        proposals=_proposals(actions, notes, taxonomy, clean, quote),
        topics=_topics(agenda, notes, taxonomy, quote, clean),
        observations=[quote(n) for n in notes if n.note.kind is NoteKind.OBSERVATIE],
        cue_counts=_cue_counts(notes),
        effort_notes=sum(1 for n in notes if n.effort),
        actions=[_action_row(a, notes, taxonomy, clean) for a in actions],
        zorgklanten=[
            ZorgklantRow(
                clean(f"{p.name} ({p.code})") if real_names else p.code,
                p.segment.label,
                clean(p.zorgklant_reason),
                clean(p.zorgklant_owner),
                dutch_date(p.zorgklant_since.date()) if p.zorgklant_since else "",
            )
            for p in people
            if p.zorgklant and p.erased_at is None
        ],
        taxonomy=[(t.label, t.category, t.description) for t in taxonomy.themes],
        taxonomy_version=taxonomy.version,
        analysed=sum(1 for n in notes if n.analysed),
        human_labelled=sum(1 for n in notes if n.human_labelled),
        real_names=real_names,
        generated_on=dutch_date(today or date.today()),
        notes_without_topic=sum(1 for n in notes if not n.agenda_topic),
    )


def _best(notes: Sequence[AnalysedNote], limit: int) -> list[AnalysedNote]:
    """Marked key quotes first, then what participants said, then the strongest."""
    ranked = sorted(
        notes,
        key=lambda n: (
            not n.key_quote,
            n.note.speaker_kind is not SpeakerKind.PARTICIPANT,
            n.note.kind is NoteKind.OBSERVATIE,
            -n.intensity,
            n.note.id,
        ),
    )
    return ranked[:limit]


def _theme_rows(irritations: Sequence[AnalysedNote], taxonomy: Taxonomy, quote: Callable[[AnalysedNote], Quote]) -> list[ThemeRow]:
    by_theme: dict[str, list[AnalysedNote]] = defaultdict(list)
    for note in irritations:
        for code in note.themes:
            by_theme[code].append(note)
    total = len(irritations) or 1
    rows = []
    for code, members in by_theme.items():
        analysed = [n.intensity for n in members if n.analysed]
        category = taxonomy.theme(code).category if code in taxonomy.codes else ""
        rows.append(
            ThemeRow(
                code=code,
                label=taxonomy.label(code),
                category=category,
                count=len(members),
                share=len(members) / total,
                mean_intensity=sum(analysed) / len(analysed) if analysed else 0.0,
                speakers=len({n.note.participant_id for n in members if n.note.participant_id}),
                quotes=[quote(n) for n in _best(members, QUOTES_PER_THEME)],
            )
        )
    return sorted(rows, key=lambda r: (-r.count, -r.mean_intensity, r.label))


def _panel(people: Sequence[Participant]) -> list[tuple[str, int, str]]:
    by_segment: dict[Segment, list[str]] = defaultdict(list)
    for person in people:
        if person.erased_at is None:
            by_segment[person.segment].append(person.code)
    return [
        (segment.label, len(by_segment[segment]), ", ".join(by_segment[segment]))
        for segment in Segment
        if by_segment.get(segment)
    ]


def _topics(
    agenda: Sequence[AgendaItem],
    notes: Sequence[AnalysedNote],
    taxonomy: Taxonomy,
    quote: Callable[[AnalysedNote], Quote],
    clean: Clean,
) -> list[TopicSection]:
    by_item: dict[int | None, list[AnalysedNote]] = defaultdict(list)
    for note in notes:
        by_item[note.note.agenda_item_id].append(note)
    sections = []
    for item in agenda:
        members = by_item.get(item.id, [])
        if not members and item.block is not AgendaBlock.ONDERWERP:
            continue
        themes = Counter(code for n in members if n.is_irritation for code in n.themes)
        sections.append(
            TopicSection(
                topic=clean(item.topic),
                block=item.block.label,
                notes=len(members),
                irritations=sum(1 for n in members if n.is_irritation),
                positives=sum(1 for n in members if n.polarity == "positief"),
                suggestions=sum(1 for n in members if n.polarity == "suggestie"),
                top_themes=[taxonomy.label(code) for code, _ in themes.most_common(3)],
                quotes=[quote(n) for n in _best([m for m in members if _quotable(m)], QUOTES_PER_TOPIC)],
            )
        )
    return sections


def _quotable(note: AnalysedNote) -> bool:
    """What customers said: no observations, no moderator lines."""
    return note.note.kind is not NoteKind.OBSERVATIE and note.note.speaker_kind is not SpeakerKind.MODERATOR


def _proposals(
    actions: Sequence[ImprovementAction],
    notes: Sequence[AnalysedNote],
    taxonomy: Taxonomy,
    clean: Clean,
    quote: Callable[[AnalysedNote], Quote],
) -> list[str]:
    """The team's actions with the most evidence first; the customers' own suggestions fill up to three."""
    ranked = sorted(actions, key=lambda a: (-len(a.evidence_note_ids), a.due_date or date.max, a.id or 0))
    out = []
    for action in ranked[:3]:
        theme = f" ({taxonomy.label(action.theme_code)})" if action.theme_code else ""
        owner = f", eigenaar {clean(action.owner)}" if action.owner else ""
        out.append(f"{clean(action.title)}{theme}{owner}")
    if len(out) < 3:
        suggestions = [n for n in notes if n.polarity == "suggestie" or n.note.kind is NoteKind.IDEE]
        for note in _best(suggestions, 3 - len(out)):
            q = quote(note)
            out.append(f"Voorstel uit de sessie: \u201c{shorten(q.text, 200)}\u201d ({q.speaker})")
    return out


def _cue_counts(notes: Sequence[AnalysedNote]) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter()
    for note in notes:
        for kind in {str(c.get("kind", "")) for c in note.cues if isinstance(c, dict)}:
            if kind in CUE_LABELS:
                counts[CUE_LABELS[kind]] += 1
    return counts.most_common()


def _action_row(action: ImprovementAction, notes: Sequence[AnalysedNote], taxonomy: Taxonomy, clean: Clean) -> ActionRow:
    by_id = {n.note.id: n for n in notes}
    evidence = [by_id[i] for i in action.evidence_note_ids if i in by_id]
    speakers = sorted({n.speaker_label for n in evidence})
    described = f"{len(evidence)} notitie(s)" + (f": {'; '.join(speakers)}" if speakers else "")
    return ActionRow(
        title=clean(action.title) + (f" \u2014 {clean(action.description)}" if action.description else ""),
        theme=taxonomy.label(action.theme_code) if action.theme_code else "",
        owner=clean(action.owner),
        due=dutch_date(action.due_date) if action.due_date else "",
        status=action.status.label,
        evidence=described if evidence else "",
    )
