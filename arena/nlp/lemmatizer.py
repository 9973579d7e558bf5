"""Dutch lemmas: simplemma's dictionary plus rules for the UD/Alpino conventions.

simplemma alone is context-free, so it confuses nouns and verbs ("wachten" -> "wacht"),
misses separable verbs split over a clause ("vindt ... plaats") and keeps compound
interfixes that Alpino drops ("gezondheidszorg" -> "gezondheid_zorg"). The rules here
fix those classes in general, not word by word, so cue matching on lemmas is stable.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import simplemma
from spacy.language import Language
from spacy.tokens import Doc

# Closed-class words whose UD lemma differs from simplemma's choice or that must never be
# touched by the compound/suffix rules (function words are short and ambiguous).
_CLOSED_CLASS: dict[str, str] = {
    "de": "de", "het": "het", "'t": "het", "een": "een", "'n": "een", "der": "de", "den": "den", "des": "de",
    "ik": "ik", "mij": "mij", "me": "me", "mijn": "mijn", "jij": "jij", "je": "je", "jou": "jou",
    "jouw": "jouw", "u": "u", "uw": "uw", "hij": "hij", "hem": "hem", "zijn": "zijn", "zij": "zij",
    "ze": "ze", "haar": "haar", "wij": "wij", "we": "we", "ons": "ons", "onze": "ons", "jullie": "jullie",
    "hun": "hun", "hen": "hen", "men": "men", "zich": "zich", "elkaar": "elkaar", "niet": "niet",
    "geen": "geen", "nooit": "nooit", "niets": "niets", "niks": "niks", "wel": "wel", "wél": "wel",
    "ook": "ook", "al": "al", "nog": "nog", "weer": "weer", "alweer": "alweer", "er": "er",
    "daar": "daar", "hier": "hier", "waar": "waar", "dat": "dat", "die": "die", "dit": "dit",
    "deze": "deze", "wat": "wat", "wie": "wie", "en": "en", "of": "of", "maar": "maar",
    "want": "want", "dus": "dus", "om": "om", "te": "te", "tot": "tot", "met": "met", "mee": "mee",
    "van": "van", "voor": "voor", "naar": "naar", "op": "op", "aan": "aan", "in": "in",
    "uit": "uit", "bij": "bij", "door": "door", "over": "over", "na": "na", "toe": "toe",
    "af": "af", "keer": "keer", "keren": "keer", "acht": "acht", "alle": "al", "elke": "elk", "ieder": "ieder",
    "iedere": "ieder", "geleden": "geleden", "anders": "anders", "slechts": "slechts",
    "vooralsnog": "vooralsnog", "gegevens": "gegeven", "zo'n": "zo'n", "zo’n": "zo'n", "t/m": "tot en met",
}

# Finite verb forms that simplemma reads as nouns; outside a noun phrase they are verbs.
_AMBIGUOUS_VERBS: dict[str, str] = {
    "kan": "kunnen", "wil": "willen", "staat": "staan", "stonden": "staan", "zit": "zitten",
    "denk": "denken", "vind": "vinden", "weet": "weten",
}

# Words that start a noun phrase: a following -en/-t word is then a noun, not a verb.
_NOUN_INTRODUCERS = frozenset(
    "de het een die deze dit dat mijn jouw uw zijn haar ons onze hun elke iedere ieder geen "
    "welke zo'n zo’n veel weinig enkele sommige alle".split()
)
_ARTICLES = frozenset("de een mijn jouw uw ons onze hun elke iedere geen".split())
_PREPOSITIONS = frozenset(
    "van voor met in op aan bij door naar over uit tot tegen zonder onder tussen na per via om".split()
)
_MODALS = frozenset("kan kon kunnen konden moet moest moeten moesten wil wilde willen zal zou zullen zouden mag "
                    "mocht mogen te".split())
_QUANTIFIERS = frozenset("alle sommige enkele veel vele beide meerdere diverse andere".split())
# Words after which an -en form is an infinitive: "te wachten", "moet monitoren".
_VERB_INTRODUCERS = frozenset(
    "te kan kunnen kon konden moet moeten moest moesten wil willen wilde wilden zal zullen zou "
    "zouden mag mogen mocht mochten gaan gaat ging gingen laten liet blijven blijft we wij ze "
    "zij jullie om".split()
)
# Separable-verb particles that can stand clause-finally ("vindt ... plaats").
_PARTICLES = frozenset(
    "aan af bij door in mee na om op over toe uit voor weg terug samen vast los plaats "
    "voort tegen open dicht mis langs rond thuis kwijt bekend".split()
)
_CLAUSE_BREAKS = frozenset(", ; : . ! ? ( ) maar of dat omdat want als toen".split())
_PARTICLE_FOLLOWERS = frozenset(
    ". , ; : ! ? ) '' \" dat om en maar of want niet te alsof zodat terwijl toen omdat voordat nadat waardoor zonder".split()
)
_WORD = re.compile(r"^[^\W\d_]+$")
_LINKS = ("s", "en", "e", "n")


class DutchLemmatizer:
    """Context-free lemma lookup (cached) plus sentence-level corrections."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._table: dict[bytes, bytes] | None = None
        self._lemmas: frozenset[str] = frozenset()
        self._infinitives: frozenset[str] = frozenset()

    # -- data -------------------------------------------------------------------------
    def _load(self) -> dict[bytes, bytes]:
        # simplemma ships the dictionary; loading it takes ~0.3-0.6 s. simplemma.lemmatize() reads
        # its own shared copy, so take that copy's table rather than load a second one.
        if self._table is None:
            with self._lock:
                if self._table is None:
                    from simplemma.strategies import DEFAULT_DICTIONARY_FACTORY
                    from simplemma.strategies.dictionaries.dictionary_factory import (
                        _load_dictionary_from_disk,
                    )

                    table = getattr(DEFAULT_DICTIONARY_FACTORY.get_dictionary("nl"), "_dict", None)
                    if not isinstance(table, dict):  # another simplemma release: load our own copy
                        table = _load_dictionary_from_disk("nl")
                    lemmas = {v.decode("utf-8").replace("_", "") for v in table.values()}
                    self._lemmas = frozenset(lemmas)
                    self._infinitives = frozenset(w for w in lemmas if w.endswith("en") and len(w) > 4)
                    self._table = table
        return self._table

    def _lookup(self, lower: str) -> str | None:
        hit = self._load().get(lower.encode("utf-8"))
        return hit.decode("utf-8").replace("_", "") if hit is not None else None

    def known(self, lower: str) -> bool:
        return self._lookup(lower) is not None

    def is_infinitive(self, lower: str) -> bool:
        self._load()
        return lower in self._infinitives

    # -- context-free -----------------------------------------------------------------
    @lru_cache(maxsize=200_000)  # noqa: B019 - one long-lived instance per process
    def lemma(self, word: str) -> str:
        lower = word.lower().replace("’", "'")
        if lower in _CLOSED_CLASS:
            return _CLOSED_CLASS[lower]
        if not any(ch.isalpha() for ch in lower):
            return lower
        if "-" in lower.strip("-") and not lower.startswith("-"):
            return self._hyphenated(word)
        if lower.endswith("'s") and len(lower) > 3:  # "programma's", "pea's"
            return self.lemma(word[:-2])
        base = simplemma.lemmatize(word, lang="nl").lower().replace("_", "")
        if lower.startswith("onge") and len(lower) > 7:  # Alpino: "ongewenst" -> "on_wensen"
            inner = self.lemma(lower[2:])
            if inner != lower[2:] and self.is_infinitive(inner):
                return "on" + inner
        if simplemma.is_known(word, lang="nl"):
            if len(lower) >= 9:
                return self._split_linked(lower) or base
            return base
        if word[:1].isupper():  # unknown capitalised word: a name ("Huisinga"), or a compound
            compound = self._unknown(lower)
            if compound != lower and len(lower) >= 9:
                return compound
            return self._adjective(lower) or lower
        return self._unknown(lower)

    @staticmethod
    def _adjective(lower: str) -> str | None:
        # inflected adjectives of names: "Spaanse" -> "spaans", "Europese" -> "europees"
        if lower.endswith("ese") and len(lower) > 5:
            return lower[:-3] + "ees"
        if lower.endswith(("aanse", "ische", "landse", "damse", "maanse", "se")) and len(lower) > 5:
            return lower[:-1]
        return None

    def _hyphenated(self, word: str) -> str:
        parts = [p for p in word.split("-") if p]
        if parts[-1][:1].isupper():  # "Zuid-Afrika", "Willem-Alexander": a name
            return word.lower()
        lowered = [p.lower() for p in parts]
        if len(parts) >= 2 and lowered[-1] in ("en", "s", "tjes", "jes"):  # "GGD-en"
            return "".join(lowered[:-1])
        head = self.lemma(lowered[-1]) if _WORD.match(lowered[-1]) else lowered[-1]
        return "".join(lowered[:-1]) + head

    def _split_linked(self, lower: str) -> str | None:
        """A known compound with an interfix: Alpino lemmatises the parts ("gezondheid_zorg")."""
        for i in range(4, len(lower) - 3):
            left, right = lower[:i], lower[i:]
            if right.startswith("ch") or len(right) < 4 or not self.known(right):
                continue
            for link in ("s", "en"):
                if not left.endswith(link):
                    continue
                stem = left[: -len(link)]
                if len(stem) < 3:
                    continue
                if stem in _PARTICLES or stem in _CLOSED_CLASS or stem in _PREPOSITIONS:
                    continue
                if link == "s" and len(stem) >= 4 and self._lookup(stem) == stem and not stem.endswith(("s", "e")):
                    return stem + self._lookup(right)  # type: ignore[operator]
                if link == "en":
                    singular = self._lookup(left)
                    if singular and singular != left and len(singular) >= 3:
                        return singular + self._lookup(right)  # type: ignore[operator]
        return None

    def _unknown(self, lower: str, depth: int = 0) -> str:
        # Compound: the longest known head with a known (or linked) modifier in front.
        for i in range(3, len(lower) - 3):
            left, right = lower[:i], lower[i:]
            if len(right) < 4 or right.startswith("ch"):
                continue
            if not self.known(right):
                continue
            head = self.lemma(right)
            modifier = self._modifier(left, depth)
            if modifier is not None:
                return modifier + head
        # Plural or inflected forms the dictionary lacks.
        for suffix, repl in (("ingen", "ing"), ("ties", "tie"), ("ies", "ie"), ("s", "")):
            if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
                cand = lower[: -len(suffix)] + repl
                if suffix != "s" or self.known(cand):
                    return cand
        if lower.endswith("en") and len(lower) > 5:
            stem = lower[:-2]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                stem = stem[:-1]
            if self.known(stem):
                return stem
        return lower

    def _modifier(self, left: str, depth: int) -> str | None:
        if len(left) < 3:
            return None
        found = self._lookup(left)
        if found is not None:
            return found if left.endswith("en") else left
        for link in _LINKS:
            stem = left[: -len(link)]
            if left.endswith(link) and len(stem) >= 3 and self.known(stem):
                return self._lookup(stem) if link == "en" else stem
        if depth == 0 and len(left) >= 7:  # "basistaken" -> "basis" + "taak"
            inner = self._unknown(left, depth + 1)
            if inner != left:
                return inner
        return None

    # -- in context -------------------------------------------------------------------
    def lemmatise(self, words: list[str]) -> list[str]:
        lemmas = [self.lemma(w) for w in words]
        lowers = [w.lower() for w in words]
        if words and words[0][:1].isupper() and lemmas[0] == lowers[0]:
            lemmas[0] = self.lemma(lowers[0])  # sentence-initial capital is not a name
        for i, (low, lem) in enumerate(zip(lowers, lemmas)):
            prev = lowers[i - 1] if i else ""
            nominal = prev in _ARTICLES or prev in _QUANTIFIERS
            # noun after a determiner or adjective although simplemma prefers a verb
            # ("de kaart" is not "kaarten", "alle gevallen" is not "vallen")
            if (nominal or prev in _PREPOSITIONS) and self.is_infinitive(lem) and lem != low and low not in _AMBIGUOUS_VERBS:
                participle = low.startswith("ge") and low.endswith(("d", "t"))
                if not low.endswith(("en", "s", "de", "te")) and not participle and (nominal or not low.endswith("t")) and self.known(low):
                    lemmas[i] = low
                elif nominal and low.endswith("en") and low.startswith("ge"):
                    stem = low[:-3] if low[-3] == low[-4] else low[:-2]
                    if self.known(stem):
                        lemmas[i] = stem
            # nominalised infinitive: "het monitoren"
            elif prev == "het" and low.endswith("en") and self.is_infinitive(low):
                lemmas[i] = low
            # infinitive after te/modal/plural subject even when simplemma prefers a noun
            elif low.endswith("en") and lem != low and self.is_infinitive(low) and (
                prev in _VERB_INTRODUCERS or self._clause_final_after_modal(lowers, i)
            ):
                lemmas[i] = low
            elif low in _AMBIGUOUS_VERBS and prev not in _ARTICLES:
                lemmas[i] = _AMBIGUOUS_VERBS[low]
            # present participles used as verbs: "beledigend" -> "beledigen"
            if low.endswith(("end", "ende")) and len(low) > 6:
                stem = low[: -1 if low.endswith("d") else -2]
                if stem.endswith("en") and self.is_infinitive(stem) and not self.known(low):
                    lemmas[i] = stem
        self._separable(lowers, lemmas)
        return lemmas

    @staticmethod
    def _clause_final_after_modal(lowers: list[str], i: int) -> bool:
        """"moest lang wachten.": an -en form closing the clause a few words after a modal."""
        nxt = lowers[i + 1] if i + 1 < len(lowers) else "."
        if nxt not in _PARTICLE_FOLLOWERS:
            return False
        window = lowers[max(0, i - 4):i - 1]
        return any(w in _MODALS for w in window) and not any(w in _NOUN_INTRODUCERS for w in lowers[i - 2:i])

    def _separable(self, lowers: list[str], lemmas: list[str]) -> None:
        """Join a finite verb with its clause-final particle: "kondigde ... aan" -> aankondigen."""
        n = len(lowers)
        for i in range(n):
            lem = lemmas[i]
            if i >= 2 and lowers[i - 1] == "te" and lowers[i - 2] in _PARTICLES:  # "uit te leggen"
                if self.is_infinitive(lowers[i - 2] + lem):
                    lemmas[i] = lowers[i - 2] + lem
                continue
            if not self.is_infinitive(lem) or lowers[i] == lem:
                continue
            for j in range(i + 1, min(n, i + 20)):
                word = lowers[j]
                if word in _PARTICLES and (
                    j + 1 == n or lowers[j + 1] in _PARTICLE_FOLLOWERS or lowers[j + 1] in _PREPOSITIONS
                ):
                    joined = word + lem
                    if self.is_infinitive(joined):
                        lemmas[i] = joined
                    break
                if word in _CLAUSE_BREAKS:
                    break


_SHARED = DutchLemmatizer()


def shared_lemmatizer() -> DutchLemmatizer:
    """One instance per process: its caches are the expensive part."""
    return _SHARED


@Language.factory("arena_lemmatizer")
def make_lemmatizer(nlp: Language, name: str) -> LemmatizerComponent:
    return LemmatizerComponent()


class LemmatizerComponent:
    """spaCy component: sets token.lemma_ per sentence (context rules need the clause)."""

    def __init__(self) -> None:
        self.lemmatizer = shared_lemmatizer()

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        for span in spans:
            words = [t.text for t in span]
            for token, lemma in zip(span, self.lemmatizer.lemmatise(words)):
                token.lemma_ = lemma
        return doc

    # Stateless: nothing to serialise, but spaCy's to_disk/from_disk expect these.
    def to_disk(self, path, exclude=()):
        return None

    def from_disk(self, path, exclude=()):
        return self
