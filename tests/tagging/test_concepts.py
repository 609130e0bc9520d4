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


@pytest.mark.parametrize(("text", "label", "polarity"), [
    # harm called persecution, a parenthesis between; speech recognition's doubled words
    ("Three arrests, one with a broken arm, are, all things considered, persecution.",
     "past_persecution", "established"),
    ("what they did to her that's that's persecution", "past_persecution", "established"),
    ("her fear of going back is is well founded", "well_founded_fear", "established"),
    ("things there have not improved if anything they are worse so her fear is well founded",
     "well_founded_fear", "established"),
    # negation as scope: an adverb inside the operator, a sentence opening with "Nor", a
    # party's reading rejected, "wrong to say", a finding declined in the progressive
    ("We are also not persuaded that the two phone calls, never followed up, rise to the "
     "level of persecution.", "past_persecution", "not_established"),
    ("Nor do the slurs at school, unpleasant as they were, rise to persecution.",
     "past_persecution", "not_established"),
    ("I do not accept counsel's argument that the beatings fell short of persecution.",
     "past_persecution", "established"),
    ("It would be a mistake to say that he lacks credibility.", "credibility", "positive"),
    ("we're not finding her credible at all", "credibility", "adverse"),
    ("the account never changed i believe her", "credibility", "positive"),
    ("Nor has he shown a reasonable possibility of being targeted on return.",
     "well_founded_fear", "not_established"),
    # corroboration by what it consists of
    ("The police reports, all certified, support his account more than adequately.",
     "corroboration", "sufficient"),
    ("The clinic records fit what she described.", "corroboration", "sufficient"),
    ("The summons he produced has been authenticated.", "corroboration", "sufficient"),
    ("I require nothing further in the way of corroboration.", "corroboration", "sufficient"),
    ("The brother's letter does not mention the kidnapping.", "corroboration", "insufficient"),
    ("The hospital record says nothing about the beating.", "corroboration", "insufficient"),
    ("A lease was easy to get, and its absence is unexplained.", "corroboration",
     "insufficient"),
    # nexus: the ground imputed, the ground as why, a group named cognizable
    ("A religious opinion is imputed to her by the militia.", "nexus", "established"),
    ("His ethnicity is why they burned the farm.", "nexus", "established"),
    ("The family relationship was the whole point of the threats.", "nexus", "established"),
    ("Former police informants in Honduras are a particular social group.", "nexus",
     "established"),
    ("Landowners in that district are not, on this evidence, a cognizable group.", "nexus",
     "not_established"),
    ("No protected ground was one reason for the attacks.", "nexus", "not_established"),
    ("I am not convinced that her refusal expressed a political opinion.", "nexus",
     "not_established"),
    # well-founded fear: the presumption not rebutted, the possibility named
    ("The presumption that she would be harmed again has not been rebutted.",
     "well_founded_fear", "established"),
    ("He faces a reasonable possibility of being jailed again.", "well_founded_fear",
     "established"),
    ("A reasonable person in her circumstances would fear returning.", "well_founded_fear",
     "established"),
    # the one-year bar
    ("He filed well within the year.", "one_year_bar", "timely"),
    ("She came in 2018 and filed in 2021, and nothing in the record kept her from filing "
     "earlier.", "one_year_bar", "untimely"),
    # discretion, voluntary departure, continuance, the alternate order
    ("Relief is warranted as a matter of discretion.", "discretion", "favorable"),
    ("As to discretion, nothing weighs against her, and she deserves a favorable exercise of "
     "it.", "discretion", "favorable"),
    ("She may go, but she is to depart by June 1 and post a bond of two thousand dollars.",
     "voluntary_departure", "granted"),
    ("He has to leave by March 3, and if he doesn't, the order of removal takes effect.",
     "voluntary_departure", "granted"),
    ("The case moves over to the fifth of May.", "continuance", None),
    ("Should she not leave in time, the order becomes one removing her to Peru.",
     "removal_order", None),
    # applications ruled on: "fail" in the plural, the respondent's application
    ("Asylum and withholding both fail.", "asylum", "denied"),
    ("Asylum and withholding both fail.", "withholding_of_removal", "denied"),
    ("So his application, and his wife's with it, must be denied.", "asylum", "denied"),
])
def test_findings_read_through_scope_and_concept(text: str, label: str, polarity: str | None):
    assert (label, polarity) in _read(text)


@pytest.mark.parametrize(("text", "label"), [
    ("Her 2016 deportation order was reinstated last year.", "removal_order"),
    ("Her removal to Haiti is withheld under the Convention.", "withholding_of_removal"),
    ("She filed fifteen months after arriving, but she was gravely ill for most of that time.",
     "one_year_bar"),
    ("Nobody at the post office approved of it.", "asylum"),
])
def test_words_that_look_like_a_finding_but_are_none(text: str, label: str):
    assert label not in {lab for lab, _ in _read(text)}


@pytest.mark.parametrize(("text", "label", "polarity"), [
    # nexus by the requirement's own words, a quarrel named as the reason, the tie called plain
    ("On this record the nexus element is not satisfied.", "nexus", "not_established"),
    ("The beatings were over a boundary dispute between two farms.", "nexus",
     "not_established"),
    ("They threatened her because of the inheritance dispute with her uncles.", "nexus",
     "not_established"),
    ("The quarrel was really about money he owed.", "nexus", "not_established"),
    ("There is no serious dispute about nexus.", "nexus", "established"),
    ("The link between the raid and her religion is obvious.", "nexus", "established"),
    # the presumption left standing, in a contraction; the persecutor as the subject
    ("the presumption wasn't overcome", "well_founded_fear", "established"),
    ("There is a reasonable possibility that the militia would punish her.",
     "well_founded_fear", "established"),
    ("The police would be unwilling or unable to protect her from the gang.",
     "well_founded_fear", "established"),
    # the ruling on the Convention claim by another name, both withholdings at once
    ("The torture application is also denied.", "cat_protection", "denied"),
    ("Her conviction bars withholding under the statute and the Convention, and both are "
     "denied.", "cat_protection", "denied"),
    # discretion: a comma before "as a matter of discretion"; the relief deserved
    ("Withholding is not discretionary, but asylum is granted, in the end, as a matter of "
     "discretion.", "discretion", "favorable"),
    ("He qualifies, and he deserves it.", "discretion", "favorable"),
    # "no evidence ... kept her from filing" states the bar, it does not negate it
    ("No evidence at all showed that anything kept her from filing earlier.", "one_year_bar",
     "untimely"),
])
def test_concepts_read_in_other_words(text: str, label: str, polarity: str | None):
    assert (label, polarity) in _read(text)


@pytest.mark.parametrize(("text", "label"), [
    ("A tribe can be a cognizable group under the case law.", "nexus"),
    ("Past harm would raise a presumption of well-founded fear.", "well_founded_fear"),
])
def test_the_law_named_is_no_finding(text: str, label: str):
    assert label not in {lab for lab, _ in _read(text)}


@pytest.mark.parametrize(("text", "polarity"), [
    ("A statement from her employer was easy to get, and its absence counts against her.",
     "insufficient"),
    ("Without those records his account alone cannot carry the claim.", "insufficient"),
    ("He brought nothing from the clinic or his family to back it up.", "insufficient"),
    ("Her story is supported by two hospital records and a letter from the mayor.",
     "sufficient"),
])
def test_corroboration_weighed_in_other_words(text: str, polarity: str):
    assert ("corroboration", polarity) in _read(text)


@pytest.mark.parametrize(("text", "label", "polarity"), [
    ("Leave on or before June 9, at your own cost.", "voluntary_departure", "granted"),
    ("Should he overstay, the alternative order goes into effect.", "removal_order", None),
])
def test_the_departure_date_and_the_alternate_order(text: str, label: str,
                                                    polarity: str | None):
    assert (label, polarity) in _read(text)


def test_a_motion_to_close_named_is_no_ruling_until_granted():
    assert "termination" not in {lab for lab, _ in _read(
        "Counsel filed a motion to administratively close in May.")}
    assert ("termination", None) in _read("Her motion for administrative closure is granted.")


@pytest.mark.parametrize("text", [
    "She came in on a student visa and timely applied for asylum and withholding.",
    "He lodged his I-589 roughly five months after his arrival in Texas.",
    "The respondent applied for asylum within nine months.",
])
def test_a_filing_inside_the_year_is_timely(text: str):
    assert ("one_year_bar", "timely") in _read(text)


def test_a_police_report_filed_within_months_is_no_asylum_filing():
    assert "one_year_bar" not in {lab for lab, _ in _read(
        "Her brother filed a police complaint within two months.")}


@pytest.mark.parametrize("text", [
    "I can't say the witness was not credible.",
    "The court cannot say she testified untruthfully on any material point, and I cannot "
    "say he was not credible either.",
])
def test_a_double_negation_without_that_is_positive(text: str):
    assert _read(text) & {("credibility", "positive"), ("credibility", "adverse")} == {
        ("credibility", "positive")}


@pytest.mark.parametrize("text", [
    "To be clear, this is not a finding that the marriage certificate was forged or invented.",
    "I make no finding that her story was concocted.",
])
def test_a_disclaimed_finding_is_none(text: str):
    assert "credibility" not in {lab for lab, _ in _read(text)}


def test_a_record_that_lacks_corroboration_is_insufficient():
    assert _read("The file is lacking any corroboration of the hospital stay.") & {
        ("corroboration", "sufficient"), ("corroboration", "insufficient")} == {
        ("corroboration", "insufficient")}


@pytest.mark.parametrize("text", [
    "I find no reason to deny her relief as a matter of discretion.",
    "There is no basis to withhold asylum in the exercise of discretion.",
])
def test_no_reason_to_deny_in_discretion_is_favorable(text: str):
    assert ("discretion", "favorable") in _read(text)


def test_the_fabrication_defining_a_frivolous_application_is_no_credibility_finding():
    read = _read("Ma'am, should you knowingly submit a frivolous application, that is, one in "
                 "which an essential part was deliberately fabricated, you will be barred for "
                 "life from every benefit under the Act.")
    assert ("frivolousness_warning", None) in read
    assert "credibility" not in {lab for lab, _ in read}


def test_an_application_named_as_the_measure_of_another_is_not_ruled_on():
    read = _read("Since the standard for withholding is harder to meet than that for asylum, "
                 "withholding also fails and is denied.")
    assert ("withholding_of_removal", "denied") in read
    assert "asylum" not in {lab for lab, _ in read}


def test_the_court_finds_no_nexus():
    assert ("nexus", "not_established") in _read(
        "the threats were about money and this court finds no nexus to any protected ground")


def test_relocation_weighed_against_a_threat_to_life_or_freedom_is_no_fear_finding():
    """The withholding standard, not a well-founded fear: asylum is not in the sentence."""
    assert "well_founded_fear" not in {lab for lab, _ in _read(
        "He has shown a clear probability that his life or freedom would be threatened, and "
        "the Department has not shown he could safely relocate.")}
    assert ("well_founded_fear", "established") in _read(
        "The government has not shown that she could relocate safely, so she has a "
        "well-founded fear of persecution.")


def test_what_a_burden_not_met_was_to_establish_is_not_established():
    read = _read("She has not met her burden of showing that the fire happened or that it was "
                 "set because of her political opinion.")
    assert ("burden_of_proof", "not_met") in read
    assert ("nexus", "established") not in read


@pytest.mark.parametrize(("text", "label", "polarity"), [
    # what nothing in the record would justify is not done: discretion read in her favor
    ("I find nothing in her history that would justify denying relief as a matter of "
     "discretion.", "discretion", "favorable"),
    # entitlement negated is the cue's own predicate, not another action
    ("On balance, she does not merit a favorable exercise of discretion.",
     "discretion", "unfavorable"),
])
def test_discretion_read_through_its_negation(text: str, label: str, polarity: str | None):
    assert (label, polarity) in _read(text)


@pytest.mark.parametrize(("text", "label"), [
    # a question left open states no finding
    ("Because the bar is dispositive, I need not decide whether his fear is well founded.",
     "well_founded_fear"),
    # the law stated as a requirement is no finding on this case
    ("The persecution must be on account of one of the five protected grounds.", "nexus"),
    ("An asylum application has to be filed within one year of the last arrival.",
     "one_year_bar"),
])
def test_an_open_question_or_a_requirement_is_no_finding(text: str, label: str):
    assert label not in {lab for lab, _ in _read(text)}


def test_a_ruling_required_is_still_a_ruling():
    assert ("asylum", "denied") in _read("Asylum must be denied for the same reasons.")


@pytest.mark.parametrize(("text", "label", "polarity"), [
    ("He was never harmed before leaving Peru, so there is no past persecution.",
     "past_persecution", "not_established"),
    ("On this record there was past persecution.", "past_persecution", "established"),
])
def test_past_persecution_said_to_exist_or_not(text: str, label: str, polarity: str | None):
    assert (label, polarity) in _read(text)


@pytest.mark.parametrize(("text", "label"), [
    # a requirement matched by a rule leaves the label to no one: the classifier may not
    # put back what the lexicon read as the law stated
    ("For the harm to count, a protected ground must be one central reason for it.", "nexus"),
    ("A request for asylum has to be filed within one year of the last arrival.",
     "one_year_bar"),
])
def test_a_requirement_blocks_the_classifier(text: str, label: str):
    from hearingproc.tagging.lexicon import dropped_labels
    assert label in dropped_labels(text)
    assert label not in {lab for lab, _ in _read(text)}


@pytest.mark.parametrize(("text", "label", "polarity"), [
    ("No letter or record in the file fills that gap.", "corroboration", "insufficient"),
    ("The documents she filed do not close the gaps in her account.",
     "corroboration", "insufficient"),
    ("The hospital record fills the gaps in his testimony.", "corroboration", "sufficient"),
    ("Should he not leave on time, the order is that he and his son are removed to Peru.",
     "removal_order", None),
])
def test_gaps_filled_by_evidence_and_an_order_stated_as_its_content(
        text: str, label: str, polarity: str | None):
    assert (label, polarity) in _read(text)


def test_gaps_an_explanation_leaves_are_no_corroboration():
    assert "corroboration" not in {lab for lab, _ in _read(
        "He could not fill the gaps in his own story.")}
