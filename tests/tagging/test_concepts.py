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


@pytest.mark.parametrize(("text", "label", "polarity"), [
    # the reason for the harm named as a reason, or as what the harm was for
    ("Her politics were the whole reason for it.", "nexus", "established"),
    ("They beat her for the loyalties they attributed to her.", "nexus", "established"),
    ("He was arrested for preaching in the market square.", "nexus", "established"),
    ("The soldiers came back because of her religious activities.", "nexus", "established"),
    ("His ethnicity played no role in why the gang chose him.", "nexus", "not_established"),
    # harm named as persecution without "past", and litotes
    ("What he endured there was persecution.", "past_persecution", "established"),
    ("Two months of forced labour is nothing short of persecution.", "past_persecution",
     "established"),
    ("Weeks of daily beatings are harm of the gravity the statute requires.",
     "past_persecution", "established"),
    # the presumption left standing, and fear read through a hedge
    ("The presumption of a well-founded fear remains, since nothing in the record rebuts it.",
     "well_founded_fear", "established"),
    ("The Department did not point to any change in the country since she left.",
     "well_founded_fear", "established"),
    ("I am not persuaded that there is a reasonable possibility she would be detained again.",
     "well_founded_fear", "not_established"),
    # documents that bear out the account; evidence the court asks for by name
    ("The hospital discharge papers bear out her account of the injury.", "corroboration",
     "sufficient"),
    ("The union's letter and the newspaper report line up with his testimony.",
     "corroboration", "sufficient"),
    ("I will require him to submit an affidavit from his brother.", "corroboration", "required"),
    # testimony weighed, believed, relied on
    ("I believed her.", "credibility", "positive"),
    ("I give her testimony considerable weight.", "credibility", "positive"),
    ("I cannot say his story was truthful.", "credibility", "adverse"),
    ("I cannot rely on her testimony.", "credibility", "adverse"),
    # rulings without the usual verb
    ("For want of a nexus, neither the asylum claim nor withholding can succeed.", "asylum",
     "denied"),
    ("Her claim under the Convention is denied.", "cat_protection", "denied"),
    ("His removal to Peru is ordered and deferred.", "cat_protection", "granted"),
    ("His removal to Peru is ordered and deferred.", "removal_order", None),
    ("She must leave within ninety days, failing which she is removed to Peru.",
     "voluntary_departure", "granted"),
])
def test_concepts_stated_another_way(text: str, label: str, polarity: str | None):
    assert (label, polarity) in _read(text)


@pytest.mark.parametrize(("text", "label"), [
    # a month is no act of protest; the withholding presumption is no asylum fear
    ("He stays detained for March 4 unless he is released.", "nexus"),
    ("The presumption stands, and withholding of removal to Peru is granted.",
     "well_founded_fear"),
    # "can succeed" without "neither" rules on nothing; the frivolousness warning bars nothing
    ("Her asylum claim can succeed only if she shows a nexus.", "asylum"),
    ("If you make up any part of your asylum application, you will be barred forever from "
     "every benefit.", "asylum"),
])
def test_concepts_that_do_not_reach(text: str, label: str):
    assert label not in {found for found, _ in _read(text)}


@pytest.mark.parametrize(("text", "polarity"), [
    ("He reached the country in 2017 and applied some twenty-six months after entering.",
     "untimely"),
    ("Her asylum papers went in three years after she crossed.", "untimely"),
    ("Nothing in the record explains the delay.", "untimely"),
    ("The application went in with weeks to spare... with time to spare.", "timely"),
    ("He applied fifteen months after entry, and changed circumstances excuse the delay.",
     "exception"),
])
def test_the_filing_counted_in_months_or_years(text: str, polarity: str):
    assert _read(text) == {("one_year_bar", polarity)}


def test_a_span_of_years_without_a_filing_is_no_bar():
    assert not _read("Three years later he married and moved to Ohio.")


def test_discretion_exercised_by_pronoun():
    assert ("discretion", "favorable") in _read(
        "Discretion is a matter for the court, and I exercise it in his favour.")
