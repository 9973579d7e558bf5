"""Agenda templates: the fixed blocks of a klantenarena and one topic per irritation theme.

The texts live in models/agenda_templates.json so they can be edited without touching code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from arena.domain.model import AgendaBlock
from arena.domain.taxonomy import load_taxonomy

_TEMPLATES_FILE = Path(__file__).resolve().parents[2] / "models" / "agenda_templates.json"
_STEP = 5  # time boxes are handed out in steps of five minutes


@dataclass(frozen=True)
class TopicTemplate:
    theme_code: str
    topic: str
    questions: tuple[str, ...]


@dataclass(frozen=True)
class BlockTemplate:
    block: AgendaBlock
    topic: str
    timebox_min: int
    questions: tuple[str, ...]
    at_start: bool


@dataclass(frozen=True)
class AgendaTemplates:
    version: str
    default_duration_min: int
    default_themes: tuple[str, ...]
    min_topic_min: int
    blocks: tuple[BlockTemplate, ...]
    topics: dict[str, TopicTemplate]

    def topic(self, theme_code: str) -> TopicTemplate:
        return self.topics[theme_code]


@dataclass
class AgendaDraft:
    """One agenda item before it is stored."""

    topic: str
    block: AgendaBlock
    timebox_min: int
    questions: list[str] = field(default_factory=list)
    theme_codes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class TimeboxCheck:
    total_min: int
    duration_min: int

    @property
    def over_min(self) -> int:
        return max(0, self.total_min - self.duration_min)

    @property
    def spare_min(self) -> int:
        return max(0, self.duration_min - self.total_min)

    @property
    def fits(self) -> bool:
        return self.total_min <= self.duration_min

    @property
    def message(self) -> str:
        if self.over_min:
            return (
                f"De tijdvakken samen ({self.total_min} min) passen niet in de geplande duur "
                f"({self.duration_min} min): {self.over_min} minuten te veel. Kort een onderwerp in, "
                "schrap er een of verleng de sessie."
            )
        if self.spare_min:
            return (
                f"De tijdvakken samen duren {self.total_min} min; van de geplande {self.duration_min} min "
                f"blijven {self.spare_min} minuten over (ruimte voor uitloop)."
            )
        return f"De tijdvakken vullen precies de geplande {self.duration_min} minuten."


@lru_cache(maxsize=1)
def load_templates(path: Path = _TEMPLATES_FILE) -> AgendaTemplates:
    raw = json.loads(path.read_text(encoding="utf-8"))
    blocks = tuple(
        BlockTemplate(
            block=AgendaBlock(b["block"]),
            topic=b["topic"],
            timebox_min=int(b["timebox_min"]),
            questions=tuple(b["questions"]),
            at_start=b["position"] == "start",
        )
        for b in raw["fixed_blocks"]
    )
    topics = {
        code: TopicTemplate(code, t["topic"], tuple(t["questions"])) for code, t in raw["topics"].items()
    }
    return AgendaTemplates(
        version=raw["version"],
        default_duration_min=int(raw["default_duration_min"]),
        default_themes=tuple(raw["default_themes"]),
        min_topic_min=int(raw["min_topic_min"]),
        blocks=blocks,
        topics=topics,
    )


def theme_options() -> list[tuple[str, str]]:
    """(code, Dutch label) for every theme in the taxonomy, in taxonomy order."""
    taxonomy = load_taxonomy()
    return [(theme.code, theme.label) for theme in taxonomy.themes]


def topic_draft(theme_code: str, timebox_min: int = 15) -> AgendaDraft:
    template = load_templates().topic(theme_code)
    return AgendaDraft(template.topic, AgendaBlock.ONDERWERP, timebox_min, list(template.questions), [theme_code])


def default_agenda(theme_codes: list[str] | None = None, duration_min: int | None = None) -> list[AgendaDraft]:
    """Fixed blocks around one topic per chosen theme, with time boxes that fill the duration.

    Topics share what the fixed blocks leave, in steps of five minutes (at least `min_topic_min`
    each); when that is impossible the boxes overrun and `check_timeboxes` says so.
    """
    templates = load_templates()
    codes = list(dict.fromkeys(theme_codes if theme_codes is not None else templates.default_themes))
    unknown = [c for c in codes if c not in templates.topics]
    if unknown:
        raise KeyError(f"no agenda template for themes {unknown}")
    duration = duration_min or templates.default_duration_min
    start = [b for b in templates.blocks if b.at_start]
    end = [b for b in templates.blocks if not b.at_start]
    fixed = sum(b.timebox_min for b in templates.blocks)
    boxes = _share(duration - fixed, len(codes), templates.min_topic_min)
    drafts = [AgendaDraft(b.topic, b.block, b.timebox_min, list(b.questions)) for b in start]
    drafts += [topic_draft(code, box) for code, box in zip(codes, boxes)]
    drafts += [AgendaDraft(b.topic, b.block, b.timebox_min, list(b.questions)) for b in end]
    total = sum(d.timebox_min for d in drafts)
    if codes and total < duration:  # minutes that do not make a step of five go to the last topic
        drafts[len(start) + len(codes) - 1].timebox_min += duration - total
    return drafts


def _share(minutes: int, count: int, minimum: int) -> list[int]:
    if count == 0:
        return []
    steps = max(0, minutes) // _STEP
    per, extra = divmod(steps, count)
    boxes = [(per + (1 if i < extra else 0)) * _STEP for i in range(count)]
    return [max(minimum, box) for box in boxes]


def check_timeboxes(timeboxes: list[int], duration_min: int) -> TimeboxCheck:
    return TimeboxCheck(total_min=sum(int(b) for b in timeboxes), duration_min=int(duration_min))
