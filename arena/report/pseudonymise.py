"""Pseudonymisation of shared outputs: real names and organisations become participant codes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from arena.domain.model import Participant
from arena.domain.pseudonyms import replace_names

_MIN_FIRST_NAME = 3  # shorter first names ("Bo") match too many ordinary words


@dataclass(frozen=True)
class Pseudonymiser:
    """Replaces each known name, organisation and e-mail address; `enabled=False` leaves text as it is."""

    # repr=False: a log line or traceback that prints this object must not print the names.
    replacements: dict[str, str] = field(repr=False)
    first_names: dict[str, str] = field(repr=False)
    enabled: bool = True
    # case-sensitive: "Bakker" the person, not "de bakker" on the corner
    surnames: dict[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def for_participants(cls, people: Iterable[Participant], *, enabled: bool = True) -> Pseudonymiser:
        replacements: dict[str, str] = {}
        first_counts: dict[str, list[str]] = {}
        last_counts: dict[str, list[str]] = {}
        for person in people:
            for value in (person.name, person.organisation, person.email):
                if value and value.strip():
                    replacements[value.strip()] = person.code
            parts = person.name.split()
            if len(parts) > 1 and len(parts[0]) >= _MIN_FIRST_NAME:
                first_counts.setdefault(parts[0].lower(), []).append(person.code)
            if len(parts) > 1:
                # "de Boer" and "Boer", "El Amrani" and "Amrani": how people are referred to by surname
                for surname in {" ".join(parts[1:]), parts[-1]}:
                    if len(surname) >= _MIN_FIRST_NAME and surname.split()[-1][0].isupper():
                        last_counts.setdefault(surname, []).append(person.code)
        # A name shared by two participants cannot be attributed: it becomes "een deelnemer".
        first_names = {name: codes[0] if len(set(codes)) == 1 else "een deelnemer" for name, codes in first_counts.items()}
        surnames = {name: codes[0] if len(set(codes)) == 1 else "een deelnemer" for name, codes in last_counts.items()}
        return cls(replacements, first_names, enabled, surnames)

    def __call__(self, text: str) -> str:
        if not self.enabled or not text:
            return text
        text = replace_names(text, self.replacements)
        for first, code in self.first_names.items():
            text = re.sub(rf"(?<!\w){re.escape(first)}(?!\w)", code, text, flags=re.IGNORECASE)
        for surname in sorted(self.surnames, key=len, reverse=True):
            text = re.sub(rf"(?<!\w){re.escape(surname)}(?!\w)", self.surnames[surname], text)
        return text
