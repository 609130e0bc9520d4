"""Legal findings and events in a hearing transcript (the ``tag`` stage's vocabulary).

``LABELS`` maps each tag label to the polarities it can take (empty: the label has none).
The stage itself is :mod:`hearingproc.stages.tag`; the phrase rules are in
:mod:`hearingproc.tagging.lexicon`, the sentence classifier in
:mod:`hearingproc.tagging.classifier`, the legal co-occurrence checks in
:mod:`hearingproc.tagging.checks`.
"""

from __future__ import annotations

RULING = ("granted", "denied", "pretermitted")
LABELS: dict[str, tuple[str, ...]] = {
    "credibility": ("positive", "adverse"),
    "corroboration": ("sufficient", "insufficient", "required"),
    "burden_of_proof": ("met", "not_met"),
    "nexus": ("established", "not_established"),
    "past_persecution": ("established", "not_established"),
    "well_founded_fear": ("established", "not_established"),
    "one_year_bar": ("timely", "untimely", "exception"),
    "discretion": ("favorable", "unfavorable"),
    "asylum": RULING,
    "withholding_of_removal": RULING,
    "cat_protection": RULING,
    "voluntary_departure": RULING,
    "removal_order": (),
    "continuance": (),
    "termination": (),
    "appeal": ("reserved", "waived"),
    "interpreter_sworn": (),
    "frivolousness_warning": (),
}

# What a negation makes of each polarity ("I cannot find him credible": positive -> adverse);
# None: a negated statement of that polarity is no tag at all ("not required").
NEGATED: dict[str | None, str | None] = {
    "positive": "adverse", "adverse": "positive",
    "sufficient": "insufficient", "insufficient": "sufficient", "required": None,
    "met": "not_met", "not_met": "met",
    "established": "not_established", "not_established": "established",
    "timely": "untimely", "untimely": "timely", "exception": "untimely",
    "favorable": "unfavorable", "unfavorable": "favorable",
    "granted": "denied", "denied": "granted", "pretermitted": None,
    "reserved": "waived", "waived": "reserved",
    None: None,
}

# Labels a judge's question or a quoted legal standard can still carry: the oath put to the
# interpreter is a question, and the frivolousness warning is a conditional.
EVENT_LABELS = frozenset({"interpreter_sworn", "frivolousness_warning"})
# What counsel's own speech can carry: a party reserving or waiving appeal. Findings and
# rulings come from the judge; counsel arguing "he is credible" is advocacy, not a finding.
COUNSEL_LABELS = frozenset({"appeal"})
JUDGE_ROLES = frozenset({"judge"})
COUNSEL_ROLES = frozenset({"dhs_counsel", "respondent_counsel"})
UNKNOWN_ROLES = frozenset({None, "unknown"})
