"""Zorgklant suggestions: participants whose irritations repeat or run high deserve follow-up."""

from __future__ import annotations

from collections import Counter, defaultdict

from arena.nlp.results import NoteResult, ZorgklantSuggestion

MIN_IRRITATIONS = 2  # repeated irritation
HIGH_INTENSITY = 0.7  # or one intense irritation


def suggest_zorgklanten(items: list[tuple[str, NoteResult]], labels: dict[str, str] | None = None
                        ) -> list[ZorgklantSuggestion]:
    """Pure: (participant_code, result) pairs in, ranked suggestions out (most urgent first).

    `labels` maps theme codes to Dutch labels for the reason text; codes are used if absent.
    """
    labels = labels if labels is not None else _theme_labels()
    by_participant: dict[str, list[NoteResult]] = defaultdict(list)
    for code, result in items:
        if code:
            by_participant[code].append(result)
    out = []
    for participant, results in by_participant.items():
        irritations = [r for r in results if r.polarity == "irritatie"]
        if not irritations:
            continue
        peak = max(r.intensity for r in irritations)
        efforts = sum(1 for r in irritations if r.effort)
        if len(irritations) < MIN_IRRITATIONS and peak < HIGH_INTENSITY:
            continue
        themes = Counter(r.theme_codes[0] for r in irritations if r.themes)
        score = min(1.0, 0.2 * len(irritations) + 0.5 * peak + 0.1 * efforts)
        out.append(ZorgklantSuggestion(participant, _reason(len(irritations), peak, efforts, themes, labels),
                                       round(score, 3), len(irritations)))
    out.sort(key=lambda s: (-s.score, s.participant))
    return out


def _reason(count: int, peak: float, efforts: int, themes: Counter, labels: dict[str, str]) -> str:
    parts = [f"{count} irritatie{'s' if count != 1 else ''}" if count > 1 else "1 irritatie"]
    if peak >= HIGH_INTENSITY:
        parts.append(f"hoge intensiteit ({peak:.2f})".replace(".", ","))
    if efforts:
        parts.append(f"{efforts}× veel moeite moeten doen")
    text = ", ".join(parts)
    if themes:
        names = [labels.get(code, code) for code, _ in themes.most_common(2)]
        text += "; vooral over " + " en ".join(names)
    return text[0].upper() + text[1:] + "."


def _theme_labels() -> dict[str, str]:
    try:
        from arena.nlp.engine import default_models_dir
        from arena.nlp.taxonomy import load_theme_texts

        return {t.code: t.label for t in load_theme_texts(default_models_dir())}
    except (OSError, ValueError, KeyError):
        return {}
