"""Plain result types of the NLP engine (frozen: results are shared across threads)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Cue:
    """A span of the note that fired a rule; shown to the user as the reason for a label."""

    start: int  # character offsets in the original note text
    end: int
    text: str
    kind: str  # "theme:<code>", "negation", "intensifier", "repetition", "positive", "negative", "suggestion"

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind}


@dataclass(frozen=True)
class NoteResult:
    polarity: str  # irritatie | positief | neutraal | suggestie
    themes: list[tuple[str, float]]  # ranked (code, score 0..1), may be empty
    intensity: float  # 0..1 irritation intensity
    sentiment: float  # -1..1
    effort: bool  # customer had to put in effort (repeat calls, chasing, re-explaining)
    cues: list[Cue] = field(default_factory=list)
    keyphrases: list[str] = field(default_factory=list)

    @property
    def theme_codes(self) -> list[str]:
        return [code for code, _ in self.themes]

    def to_dict(self) -> dict:
        return {
            "polarity": self.polarity,
            "themes": self.theme_codes,
            "theme_scores": {code: round(score, 4) for code, score in self.themes},
            "intensity": round(self.intensity, 4),
            "sentiment": round(self.sentiment, 4),
            "effort": self.effort,
            "cues": [cue.to_dict() for cue in self.cues],
            "keyphrases": list(self.keyphrases),
        }


@dataclass(frozen=True)
class Cluster:
    """A group of similar notes found without the taxonomy."""

    label: str  # readable Dutch label, e.g. "wachttijd · terugbellen · telefoon"
    keyphrases: list[str]
    members: list[int]  # indexes into the texts given to discover_clusters
    theme: str | None = None  # dominant taxonomy theme, None when the cluster is new ground

    def to_dict(self) -> dict:
        return {"label": self.label, "keyphrases": self.keyphrases, "members": self.members, "theme": self.theme}


@dataclass(frozen=True)
class ZorgklantSuggestion:
    """A participant whose notes suggest follow-up ("zorgklant")."""

    participant: str
    reason: str  # Dutch, shown to the team
    score: float  # 0..1, higher = more urgent
    note_count: int  # irritation notes that support the suggestion

    def to_dict(self) -> dict:
        return {"participant": self.participant, "reason": self.reason, "score": self.score,
                "note_count": self.note_count}
