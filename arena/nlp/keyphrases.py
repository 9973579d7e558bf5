"""Key phrases: short runs of content words, preferring those around the cues that fired."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from arena.nlp.results import Cue

MAX_PHRASES = 3
MAX_WORDS = 3
_EXTRA_STOP = frozenset(
    "klant deelnemer meneer mevrouw heel echt gewoon eigenlijk natuurlijk wel even nog keer".split()
)


def _content(token: Token) -> bool:
    return (token.is_alpha and not token.is_stop and not token.like_num and len(token.text) > 2
            and token.lower_ not in _EXTRA_STOP)


def keyphrases(docs: list[tuple[int, Doc]], cues: list[Cue], limit: int = MAX_PHRASES) -> list[str]:
    """Runs of up to three content words; longer runs and runs touching a cue rank first."""
    cue_chars = {i for cue in cues if cue.kind.startswith("theme:") or cue.kind == "negative"
                 for i in range(cue.start, cue.end)}
    scored: dict[str, float] = {}

    def flush(run: list[Token], offset: int) -> None:
        if not run:
            return
        phrase = " ".join(t.lower_ for t in run)
        touches_cue = any(t.idx + offset in cue_chars for t in run)
        score = len(run) + (2.0 if touches_cue else 0.0) + 0.02 * sum(len(t.text) for t in run)
        scored[phrase] = max(scored.get(phrase, 0.0), score)

    for offset, doc in docs:
        run: list[Token] = []
        for token in doc:
            if _content(token):
                run.append(token)
                if len(run) == MAX_WORDS:
                    flush(run, offset)
                    run = []
            else:
                flush(run, offset)
                run = []
        flush(run, offset)
    ranked = sorted(scored.items(), key=lambda kv: -kv[1])
    return [phrase for phrase, _ in ranked[:limit]]
