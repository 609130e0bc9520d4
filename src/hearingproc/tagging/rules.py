"""The rule type of the phrase lexicon: a rule, a hit, and how a rule's pattern is written.

A rule is a regular expression over a sentence's normalised text; in it a space stands for
any whitespace and ``~N`` for up to N intervening words (see :mod:`hearingproc.tagging.lexicon`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def compile_rule(pattern: str) -> re.Pattern[str]:
    """A rule's pattern compiled: spaces match any whitespace (an optional space, " ?", none
    too: "well ?founded" reads "wellfounded"), ``~N`` up to N words."""
    pattern = pattern.replace(" ?", r"\s*").replace(" ", r"\s+")
    pattern = re.sub(r"~(\d)", lambda m: r"(?:[\w']+,?\s+){0," + m[1] + "}", pattern)
    return re.compile(pattern)


@dataclass(frozen=True)
class Rule:
    name: str
    label: str
    polarity: str | None
    pattern: re.Pattern[str]
    negatable: bool = True  # a negation flips the polarity (or drops the tag, see NEGATED)
    priority: int = 1  # the higher wins when rules of one label disagree in a sentence
    # what the rule states holds in a conditional clause too (the alternate order of removal
    # is the "if he does not leave" clause itself)
    conditional: bool = False


@dataclass(frozen=True)
class Hit:
    """One rule firing in one sentence (offsets into the sentence)."""

    rule: str
    label: str
    polarity: str | None
    start: int
    end: int
    negated: bool
    priority: int


def rules(label: str, polarity: str | None, *patterns: str, negatable: bool = True,
          priority: int = 1, name: str = "", conditional: bool = False) -> list[Rule]:
    """One rule per pattern, named ``label.polarity[.name]#n``."""
    tag = f"{label}.{polarity or 'event'}{'.' + name if name else ''}"
    return [Rule(f"{tag}#{i}", label, polarity, compile_rule(p), negatable, priority,
                 conditional) for i, p in enumerate(patterns, 1)]


# what a witness says, as the object of a finding about it
TESTIMONY = (r"(?:testimony|account|story|statements?|answers?|narrative|"
              r"evidence he gave|evidence she gave)")
