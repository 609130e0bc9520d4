"""Findings stated without their usual keyword, and words that look like findings but are
not, read by the phrase lexicon (issue 17; no model)."""

from __future__ import annotations

import pytest

from hearingproc.tagging.lexicon import find_hits


def _read(text: str) -> set[tuple[str, str | None]]:
    return {(h.label, h.polarity) for h in find_hits(text)}


@pytest.mark.parametrize(("text", "label", "polarity"), [
    ("His application reached the court nine months after entry, so the filing deadline "
     "presents no bar.", "one_year_bar", "timely"),
    ("She applied within a year of her arrival.", "one_year_bar", "timely"),
    ("The I-589 was filed late.", "one_year_bar", "untimely"),
    ("He gave no explanation at all for waiting.", "one_year_bar", "untimely"),
    ("Nor does the Court need any more letters: the hospital record covers it.",
     "corroboration", "sufficient"),
    ("Her account is borne out by the police report.", "corroboration", "sufficient"),
    ("He submitted a stack of papers, but none of them mentions the arrest.",
     "corroboration", "insufficient"),
    ("A letter from the clinic is the sort of document I would expect her to provide.",
     "corroboration", "required"),
    ("Having heard her explain it, I credit her testimony.", "credibility", "positive"),
    ("the court is not finding credibility on this record", "credibility", "adverse"),
    ("The militia imputed her father's politics to her.", "nexus", "established"),
    ("Two detentions with beatings were persecution.", "past_persecution", "established"),
    ("He was jailed for a month, which was persecution on account of his faith.",
     "past_persecution", "established"),
    ("If you put anything made up in the application, you can never receive any benefit "
     "under our immigration laws.", "frivolousness_warning", None),
    ("This is the last extension: August 2 at nine.", "continuance", None),
])
def test_a_finding_without_its_keyword(text: str, label: str, polarity: str | None):
    assert (label, polarity) in _read(text)


@pytest.mark.parametrize(("text", "label"), [
    # future harm is no past persecution
    ("He would be jailed on return, which is persecution on account of religion.",
     "past_persecution"),
    # an assumption for the sake of argument, and what the court could do, are no findings
    ("I will treat him as credible for purposes of this ruling.", "credibility"),
    ("If you miss that date, I can order you removed in your absence.", "removal_order"),
])
def test_words_that_are_not_a_finding(text: str, label: str):
    assert label not in {found for found, _ in _read(text)}


@pytest.mark.parametrize(("text", "label", "polarity"), [
    ("i don't need anything more on corroboration the letter is enough", "corroboration",
     "sufficient"),
    ("He may leave voluntarily by May 5.", "voluntary_departure", "granted"),
    # "without X" negates X alone, not the finding after it
    ("One night in a cell without any mistreatment is not persecution.", "past_persecution",
     "not_established"),
])
def test_contractions_permission_and_without(text: str, label: str, polarity: str):
    assert (label, polarity) in _read(text)
