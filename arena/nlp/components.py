"""spaCy components of the arena pipeline: sentence splitting and cue matching with negation scope."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from arena.nlp.lexicon import Lexicon, Match

# Domain abbreviations in moderator notes; the tokenizer keeps them whole so "ca." or
# "klantnr." never ends a sentence. spaCy's Dutch defaults already cover bijv., o.a., i.v.m. ...
ABBREVIATIONS = (
    "z.s.m. zsm. ivm. t/m t.z.t. tzt. klantnr. ordernr. factuurnr. tel. tel.nr. telnr. evt. incl. "
    "excl. max. min. resp. wk. mnd. ong. vnl. bv. d.w.z. a.s. jl. j.l. mw. zgn. p.p. e.d. enz. "
    "etc. vs. s.v.p. svp. t.a.v. n.a.v. m.b.t. i.p.v. ipv. o.b.v. obv. mbt. nav. tav. ovv. o.v.v. "
    "afd. adm. dhr. mevr. mr. dr. ing. nr. blz. pag. ca. aug. sept. okt. nov. dec. jan. feb. apr."
).split()
# spaCy's Dutch exceptions also keep "me.", "zo.", "ma." ... whole; at a sentence end those are
# ordinary words followed by a full stop, so such exceptions are dropped.
_WORDS_NOT_ABBREVIATIONS = frozenset(
    "me. zo. ma. di. wo. do. vr. za. en. in. op. om. al. na. of. ze. we. je. te. is. nu. er. ik. "
    "hem. dan. uit. aan. toe. mee. wel. ook. nog. pa. ca.-".split()
)

_SENT_END = frozenset({".", "!", "?", "…", "...", "!!", "??", "?!", "!?"})
_CLOSERS = frozenset({")", "]", '"', "'", "»"})
# Words and marks that end the clause a negation can reach.
_CLAUSE_END = frozenset(
    ", ; : . ! ? ( ) - – — … en maar terwijl omdat want hoewel toen nadat voordat zodat waardoor "
    "daarom dus behalve".split()
)
# "niet alleen ... maar ook" and "niet te ..." are not negations of what follows.
_NOT_NEGATING_NEXT = frozenset({"alleen", "enkel", "slechts", "meer", "minder"})
NEGATION_BACK = 4  # tokens a negator reaches back ("belden niet terug", "kwam ze niet na")
NEGATION_FORWARD = 5  # tokens it reaches forward ("nooit iets ontvangen", "geen enkele reactie")


def add_abbreviations(nlp: Language) -> None:
    rules = nlp.tokenizer.rules or {}
    nlp.tokenizer.rules = {k: v for k, v in rules.items() if k.lower() not in _WORDS_NOT_ABBREVIATIONS}
    for abbr in ABBREVIATIONS:
        for variant in {abbr, abbr.capitalize(), abbr.upper()}:
            if len(nlp.tokenizer(variant)) > 1:
                nlp.tokenizer.add_special_case(variant, [{"ORTH": variant}])


@Language.component("arena_sentences")
def split_sentences(doc: Doc) -> Doc:
    """Sentence ends at . ! ? … (closing quotes stay with it) and at line breaks; abbreviations
    are single tokens (see ABBREVIATIONS), so they never trigger a split."""
    n = len(doc)
    if n == 0:
        return doc
    starts = np.full((n, 1), -1, dtype=np.int64)
    starts[0, 0] = 1
    texts = [t.text for t in doc]
    for i in range(1, n):
        prev = texts[i - 1]
        boundary = "\n" in prev or "\n" in doc[i - 1].whitespace_
        if prev in _SENT_END or (prev in _CLOSERS and i >= 2 and texts[i - 2] in _SENT_END):
            boundary = texts[i] not in _SENT_END and texts[i] not in _CLOSERS
        if boundary and not (i == n - 1 and doc[i].is_space):
            starts[i, 0] = 1
    # one bulk write: setting token.is_sent_start one by one re-checks the whole doc each time
    doc.from_array([SENT_START], starts.astype(np.uint64))
    return doc


@dataclass(frozen=True)
class Hit:
    """A lexicon match in context: negated when it lies in a negation's scope."""

    match: Match
    negated: bool
    negator: int = -1  # token index of the negation word, -1 if none


if not Doc.has_extension("arena_hits"):
    Doc.set_extension("arena_hits", default=None)


class CueComponent:
    """Matches the lexicon on lemmas and marks negation scope in both directions."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self._lexicon = lexicon

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            from arena.paths import MODELS_DIR

            self._lexicon = Lexicon.load(MODELS_DIR / "lexicon.toml")
        return self._lexicon

    @lexicon.setter
    def lexicon(self, value: Lexicon) -> None:
        self._lexicon = value

    def __call__(self, doc: Doc) -> Doc:
        lemmas = [t.lemma_ or t.lower_ for t in doc]
        lowers = [t.lower_ for t in doc]
        matches = self.lexicon.match(lemmas, lowers)
        clause = _clause_ids(doc)
        negators: dict[int, list[Match]] = {}  # by clause: scope never crosses one, keeps this linear
        for m in matches:
            if m.kind == "negation" and not _false_negation(lowers, m.start):
                negators.setdefault(clause[m.start], []).append(m)
        hits = []
        for m in matches:
            if m.kind == "negation":
                hits.append(Hit(m, False))
                continue
            negator = _scope(m, negators.get(clause[m.start], []), clause)
            hits.append(Hit(m, negator >= 0, negator))
        doc._.arena_hits = hits
        return doc

    def to_disk(self, path, exclude=()):
        return None

    def from_disk(self, path, exclude=()):
        return self


@Language.factory("arena_cues")
def make_cues(nlp: Language, name: str) -> CueComponent:
    return CueComponent()


def _false_negation(lowers: list[str], index: int) -> bool:
    nxt = lowers[index + 1] if index + 1 < len(lowers) else ""
    return lowers[index] == "niet" and nxt in _NOT_NEGATING_NEXT


def _clause_ids(doc: Doc) -> list[int]:
    ids, current = [], 0
    for token in doc:
        if token.is_sent_start or token.lower_ in _CLAUSE_END:
            current += 1
        ids.append(current)
    return ids


def _scope(m: Match, negators: list[Match], clause: list[int]) -> int:
    """Index of the negator whose scope covers the match, or -1.

    A phrase that contains its own negation ("geen klachten", "werkt niet") is already
    polar and is not flipped again.
    """
    for neg in negators:
        i = neg.start
        if m.start <= i < m.end:
            return -1
        if clause[i] != clause[m.start] or clause[i] != clause[m.end - 1]:
            continue
        if i < m.start <= i + NEGATION_FORWARD or m.end - 1 < i <= m.end - 1 + NEGATION_BACK:
            return i
    return -1
