"""Personal thank-you letters: what this customer brought up, and what we are going to do with it."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from docx import Document
from docx.shared import Pt

from arena.domain.model import NoteKind
from arena.domain.text import word_safe
from arena.planning.dutch import enumerate_nl, long_date

_KIND_SENTENCES: dict[NoteKind, str] = {
    NoteKind.IDEE: "Uw ideeën om het beter te doen nemen we mee in de verbeterplannen.",
    NoteKind.VRAAG: "De vragen die u stelde, zoeken we uit.",
    NoteKind.COMPLIMENT: "Uw compliment hebben we doorgegeven aan de collega's om wie het ging; dat doet hun goed.",
    NoteKind.ACTIEPUNT: "Wat u aandroeg als concreet actiepunt, staat op onze lijst.",
}


@dataclass(frozen=True)
class NextStep:
    title: str
    owner: str = ""
    due: date | None = None

    @property
    def text(self) -> str:
        extra = []
        if self.owner:
            extra.append(f"verantwoordelijk: {self.owner}")
        if self.due:
            extra.append(f"gereed: {self.due.day}-{self.due.month}-{self.due.year}")
        return self.title + (f" ({', '.join(extra)})" if extra else "")


@dataclass
class LetterContent:
    participant_code: str
    name: str
    session_title: str
    session_date: date | None
    topics: list[str] = field(default_factory=list)  # agenda topics of this person's notes, in agenda order
    kinds: list[NoteKind] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)  # Dutch theme labels, when an analysis exists
    next_steps: list[NextStep] = field(default_factory=list)
    sender: str = ""
    organisation: str = ""


def letter_paragraphs(content: LetterContent) -> list[str]:
    """The letter as paragraphs; bullet lines start with '- '."""
    when = f" op {long_date(content.session_date)}" if content.session_date else ""
    paragraphs = [
        f"Beste {content.name},",
        f"Hartelijk dank dat u{when} meedeed aan onze klantenarena ‘{content.session_title}’. Dat u uw tijd en uw "
        "eerlijke ervaringen met ons wilde delen, waarderen wij zeer. Juist door wat klanten als u ons vertellen, "
        "kunnen wij beter worden.",
    ]
    heard = []
    if content.topics:
        heard.append(f"U sprak met ons onder meer over {enumerate_nl([f'‘{t}’' for t in content.topics])}.")
    if content.themes:
        heard.append(f"Wat u vertelde, hebben wij meegenomen bij de thema's {enumerate_nl(content.themes)}.")
    heard += [_KIND_SENTENCES[k] for k in NoteKind if k in content.kinds and k in _KIND_SENTENCES]
    if not heard:
        heard.append("Uw aanwezigheid en uw reacties op wat anderen vertelden, hebben het gesprek verder geholpen.")
    paragraphs.append(" ".join(heard))
    if content.next_steps:
        paragraphs.append("Dit gaan we nu doen:")
        paragraphs += [f"- {step.text}" for step in content.next_steps]
        paragraphs.append("We laten u weten hoe het met deze verbeteringen gaat.")
    else:
        paragraphs.append(
            "We werken de verbeterpunten nu met alle afdelingen uit. U hoort van ons welke stappen we zetten en "
            "wanneer."
        )
    paragraphs.append("Nogmaals veel dank. Hebt u na de bijeenkomst nog iets bedacht, laat het ons gerust weten.")
    paragraphs.append("Met vriendelijke groet,")
    signature = "\n".join(s for s in (content.sender, content.organisation) if s)
    if signature:
        paragraphs.append(signature)
    return paragraphs


def letter_text(content: LetterContent) -> str:
    return "\n\n".join(letter_paragraphs(content)) + "\n"


def letter_docx(content: LetterContent) -> bytes:
    return letters_docx([content])


def letters_docx(contents: Sequence[LetterContent]) -> bytes:
    """One letter per page; all text through word_safe (python-docx refuses control characters)."""
    document = Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(11)
    for index, content in enumerate(contents):
        if index:
            document.add_page_break()
        for paragraph in letter_paragraphs(content):
            if paragraph.startswith("- "):
                document.add_paragraph(word_safe(paragraph[2:]), style="List Bullet")
            else:
                document.add_paragraph(word_safe(paragraph))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
