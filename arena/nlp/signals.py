"""Rule signals of one note: lexicon evidence per theme, polarity cues after negation,
intensity, repetition and effort. They are the unaided engine and input features for the head.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from spacy.tokens import Doc

from arena.nlp.components import Hit
from arena.nlp.lemmatizer import shared_lemmatizer
from arena.nlp.results import Cue

# Words that never start an imperative even if simplemma maps them to a verb.
_NOT_IMPERATIVE = frozenset(
    "ik je jij u hij zij ze we wij het de een dit dat die er daar hier toen dan ook nog al "
    "wat wie waar waarom hoe geen niet nooit mijn zijn haar ons hun".split()
)
_PRONOUN_AFTER_VERB = frozenset("ik je jij u hij zij ze we wij jullie men".split())
NEGATED_POSITIVE = 0.9  # "niet tevreden" is nearly as negative as "ontevreden"
NEGATED_NEGATIVE = 0.5  # "niet ontevreden" is mildly positive, not enthusiastic
FAST_RESPONSE = 0.7  # weight of "binnen een uur"-style speed as praise
_TIME_UNITS = frozenset("seconde minuut kwartier uur uurtje dag werkdag week etmaal".split())


@dataclass
class Signals:
    themes: dict[str, float]  # lexicon evidence per theme code (raw weight sums)
    negative: float = 0.0
    positive: float = 0.0
    unmet: float = 0.0  # negated expectations: "geen reactie", "niet nagekomen"
    suggestion: float = 0.0
    imperative: float = 0.0
    intensifier: float = 0.0
    repetition: float = 0.0
    effort: float = 0.0
    exclamation: float = 0.0
    question: float = 0.0
    negations: float = 0.0
    tokens: int = 0
    cues: list[Cue] = field(default_factory=list)

    def theme_strength(self, code: str) -> float:
        """0..1: how strongly the lexicon points at a theme (saturates with more cues)."""
        return 1.0 - math.exp(-self.themes.get(code, 0.0))

    def vector(self, theme_codes: list[str]) -> np.ndarray:
        """Fixed-order numeric features for the classifier head."""
        lex = [self.theme_strength(code) for code in theme_codes]
        rest = [
            self.negative, self.positive, self.unmet, self.suggestion, self.imperative,
            self.intensifier, self.repetition, self.effort, self.exclamation, self.question,
            self.negations, math.log1p(self.tokens),
        ]
        rule = self.rule_polarity()
        hints = [self.sentiment] + [1.0 if rule == p else 0.0 for p in ("irritatie", "positief", "neutraal", "suggestie")]
        return np.asarray(lex + [math.log1p(max(v, 0.0)) for v in rest] + hints, dtype=np.float32)

    def rule_polarity(self) -> str:
        """Polarity from cues alone: imperative/suggestion first, then the sign of the sentiment."""
        if self.imperative + self.suggestion >= 0.9 and self.negative < 1.5:
            return "suggestie"
        if self.sentiment <= -0.25:
            return "irritatie"
        if self.sentiment >= 0.25:
            return "positief"
        return "neutraal"

    @property
    def sentiment(self) -> float:
        raw = self.positive - self.negative - self.unmet
        boost = 1.0 + 0.3 * min(self.intensifier, 2.0)
        return math.tanh(0.9 * raw * (boost if raw < 0 else 1.0))

    @property
    def negativity(self) -> float:
        """0..1: how much negative wording and how many unmet expectations."""
        return 1.0 - math.exp(-(self.negative + self.unmet) / 1.6)

    @property
    def emphasis(self) -> float:
        """Intensity added by intensifiers, repetition and exclamation marks."""
        return 0.12 * min(self.intensifier, 2.0) + 0.18 * min(self.repetition, 1.5) + 0.08 * min(self.exclamation, 2)

    @property
    def intensity(self) -> float:
        """Irritation intensity 0..1 from the cues alone: how negative, how emphatic, how often."""
        return max(0.0, min(1.0, 0.75 * self.negativity + self.emphasis))

    @property
    def effort_flag(self) -> bool:
        return self.repetition + self.effort >= 0.7


def extract(doc: Doc, offset: int = 0) -> Signals:
    """Signals of a processed doc; `offset` shifts cue spans when the doc is a chunk of a note."""
    hits: list[Hit] = doc._.arena_hits or []
    sig = Signals(themes={}, tokens=sum(1 for t in doc if not t.is_space))
    for hit in hits:
        m = hit.match
        span = doc[m.start:m.end]
        kind = m.kind
        cue_kind: str | None = None
        if kind.startswith("theme:"):
            sig.themes[kind[6:]] = sig.themes.get(kind[6:], 0.0) + m.weight
            cue_kind = kind
        elif kind == "negative":
            if hit.negated:
                sig.positive += NEGATED_NEGATIVE * m.weight
                cue_kind = "positive"
            else:
                sig.negative += m.weight
                cue_kind = "negative"
        elif kind == "positive":
            if hit.negated:
                sig.negative += NEGATED_POSITIVE * m.weight
                cue_kind = "negative"
            else:
                sig.positive += m.weight
                cue_kind = "positive"
        elif kind == "expectation":
            if hit.negated:
                sig.unmet += m.weight
                span = doc[min(m.start, hit.negator):max(m.end, hit.negator + 1)]
                cue_kind = "negative"
        elif kind == "negation":
            sig.negations += 1
            cue_kind = "negation"
        elif kind == "intensifier":
            sig.intensifier += m.weight
            cue_kind = "intensifier"
        elif kind == "repetition":
            sig.repetition += m.weight
            cue_kind = "repetition"
        elif kind == "effort":
            if not hit.negated:
                sig.effort += m.weight
                cue_kind = "repetition"
        elif kind == "suggestion":
            sig.suggestion += m.weight
            cue_kind = "suggestion"
        if cue_kind:
            sig.cues.append(Cue(span.start_char + offset, span.end_char + offset, span.text, cue_kind))
    for sent in doc.sents:
        first = _first_word(sent)
        if first is not None and _is_imperative(sent, first):
            sig.imperative += 1.0
            tok = sent[first]
            sig.cues.append(Cue(tok.idx + offset, tok.idx + len(tok.text) + offset, tok.text, "suggestion"))
    for start, end in _fast_response(doc):
        sig.positive += FAST_RESPONSE
        span = doc[start:end]
        sig.cues.append(Cue(span.start_char + offset, span.end_char + offset, span.text, "positive"))
    sig.exclamation = float(sum(t.text.count("!") for t in doc if t.is_punct))
    sig.question = float(sum(1 for t in doc if t.text == "?"))
    return sig


def _fast_response(doc: Doc) -> list[tuple[int, int]]:
    """"binnen een uur", "binnen twee werkdagen": speed is praise in this domain (unless it is
    a demand: suggestions are recognised separately by their imperative or cue words)."""
    spans = []
    for i, tok in enumerate(doc):
        if tok.lower_ != "binnen":
            continue
        for j in range(i + 1, min(len(doc), i + 5)):
            if doc[j].lemma_ in _TIME_UNITS:
                spans.append((i, j + 1))
                break
            if doc[j].is_punct:
                break
    return spans


def _first_word(sent) -> int | None:
    for i, tok in enumerate(sent):
        if tok.is_alpha:
            return i
        if not (tok.is_punct or tok.is_space):
            return None
    return None


def _is_imperative(sent, i: int) -> bool:
    """"Reageer op e-mails", "Zorg dat ...": a sentence that opens with a bare verb stem."""
    tok = sent[i]
    low, lemma = tok.lower_, tok.lemma_
    if low in _NOT_IMPERATIVE or lemma == low or not lemma.endswith("en"):
        return False
    if low.endswith(("de", "te", "den", "ten", "en")) or (low.startswith("ge") and low.endswith(("d", "t"))):
        return False
    if low.endswith("t") and not lemma.startswith(low[:-1]) and not lemma.endswith("tten"):
        return False
    nxt = sent[i + 1].lower_ if i + 1 < len(sent) else ""
    if nxt in _PRONOUN_AFTER_VERB:  # "Heb je ...", "Belde hij ..." are questions or narrative
        return False
    return shared_lemmatizer().is_infinitive(lemma)


def merge(parts: list[Signals]) -> Signals:
    """Signals of a note processed in chunks."""
    if len(parts) == 1:
        return parts[0]
    out = Signals(themes={})
    for part in parts:
        for code, value in part.themes.items():
            out.themes[code] = out.themes.get(code, 0.0) + value
        for name in ("negative", "positive", "unmet", "suggestion", "imperative", "intensifier",
                     "repetition", "effort", "exclamation", "question", "negations"):
            setattr(out, name, getattr(out, name) + getattr(part, name))
        out.tokens += part.tokens
        out.cues.extend(part.cues)
    return out
