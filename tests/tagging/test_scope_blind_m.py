"""Fixes read from the misses and false tags of the eighth blind set (m01-m28), each checked
on sentences written for this test, not taken from the excerpts: who speaks (a line rendered
into the respondent's language is no English answer; the judge's own acceptance asks no party
about appeal; the judge's one-word record of an answer the tagger could not read; the
respondent giving, not the court), reference (the application a turn "leaves" for last),
negation and modality as scope (a window that split "more likely than | not"; the court bound
to enter an order), and concepts stated in the court's own words (relocation judged
reasonable, the presumption rebutted by pronoun or left unrebutted in a phrase, a ruling at the
threshold, a claim that falls with another, a terse reset with its date, more evidence denied
to be a fair demand, evidence asked for and never produced, the account alone said to carry
the claim, harm that adds up to persecution, the ground that drove the harm, an alternative
set aside between commas; relocation weighed after asylum is barred serves withholding), and
what is no finding (the country of removal designated, an oath recalled)."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _found, _judge, _tags

from hearingproc.tagging.sentences import reads_as_english

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


def _appeals(tags) -> set[tuple[str | None, str | None]]:
    return {(t.attributes.get("party"), t.polarity) for t in tags if t.label == "appeal"}


# --- who speaks ---------------------------------------------------------------------------

def test_a_line_rendered_into_the_respondents_language_is_not_read():
    assert not reads_as_english("Señor, el gobierno se reservó su derecho de apelar.")
    assert not reads_as_english("Monsieur, le Département a réservé son droit d'appel.")
    assert not reads_as_english("法官说政府保留上诉的权利。")
    assert reads_as_english("Timely filed. Favorable discretion. Asylum granted.")
    assert reads_as_english("Ms. De la Cruz, do you accept the decision as final?")
    assert reads_as_english("Waive.")
    tags = _tags(("judge", "Government, accept or reserve?"),
                 ("dhs_counsel", "We reserve, Judge."),
                 ("judge", "Reserved by the government, thirty days."),
                 ("interpreter", "Señor, el gobierno se reservó su derecho de apelar y usted "
                                 "tiene que esperar."))
    assert _appeals(tags) == {("dhs", "reserved")}
    tags = _tags(("judge", "Does the Department wish to appeal?"),
                 ("dhs_counsel", "Yes, we will reserve."),
                 ("judge", "Appeal reserved by DHS."),
                 ("interpreter", "Monsieur, le Département a réservé son droit d'appel, vous "
                                 "n'avez rien à faire pour le moment."))
    assert _appeals(tags) == {("dhs", "reserved")}


def test_the_judges_own_acceptance_asks_no_party_about_appeal():
    tags = _tags(("judge", "Counsel, if I accept the letter as authentic, does the Department "
                           "still dispute nexus?"),
                 ("dhs_counsel", "Yes, Judge, we do."))
    assert "appeal" not in {t.label for t in tags}
    tags = _tags(("judge", "Suppose the Court accepts his explanation for the delay. Would you "
                           "agree the bar is excused?"),
                 ("dhs_counsel", "No, Judge."))
    assert "appeal" not in {t.label for t in tags}
    # a party's acceptance is still asked about
    tags = _tags(("judge", "Counsel, I take it your client accepts the decision?"),
                 ("respondent_counsel", "He does, Judge."))
    assert ("respondent", "waived") in _appeals(tags)


def test_the_judges_bare_record_of_an_answer_it_could_not_read():
    tags = _tags(("judge", "Ms. Ruiz, will your client accept the decision or reserve?"),
                 ("respondent_counsel", "We intend to go further with this, Judge."),
                 ("judge", "Reserved. The appeal is due in thirty days."))
    assert ("respondent", "reserved") in _appeals(tags)
    tags = _tags(("judge", "Mr. Dunn, for the government, accept or reserve?"),
                 ("dhs_counsel", "We have no quarrel with it, Your Honor."),
                 ("judge", "Waived. Thank you."))
    assert ("dhs", "waived") in _appeals(tags)


def test_what_the_respondent_gives_is_no_relief_granted():
    for sentence in ("To keep voluntary departure you must give the Department proof of the bond "
                     "within five business days.",
                     "To receive voluntary departure before the hearing ends he has to give up "
                     "any appeal.",
                     "If she appeals, she must give the Board proof that the voluntary departure "
                     "bond was posted."):
        assert ("voluntary_departure", "granted") not in _found(_judge(sentence)), sentence
    assert ("voluntary_departure", "granted") in _found(
        _judge("I will give her voluntary departure for sixty days."))


# --- reference ----------------------------------------------------------------------------

def test_the_application_a_turn_leaves_for_last():
    tags = _judge("He asks for asylum, withholding of removal, protection under the Convention "
                  "Against Torture and voluntary departure.",
                  "The first three fail for want of a nexus and any official involvement, and "
                  "each is denied.",
                  "That leaves the last. He has a passport and no record. That request is "
                  "granted.")
    assert ("voluntary_departure", "granted") in _found(tags)
    assert ("cat_protection", "granted") not in _found(tags)
    tags = _judge("She seeks asylum, withholding of removal and protection under the "
                  "Convention Against Torture.",
                  "Asylum and withholding are denied for the reasons given.",
                  "What remains is the third. Nothing suggests an official would torture her "
                  "or look away. That claim is denied as well.")
    assert ("cat_protection", "denied") in _found(tags)


# --- negation and modality as scope -------------------------------------------------------

def test_more_likely_than_not_is_no_negation_inside_a_negated_showing():
    for sentence in ("Nor has she shown that it is more likely than not her life or freedom "
                     "would be threatened on account of her faith.",
                     "The respondent has not shown that it is more likely than not his life or "
                     "liberty would be threatened on account of his ethnicity."):
        found = _found(_judge(sentence))
        assert ("nexus", "not_established") in found, sentence
        assert ("nexus", "established") not in found, sentence


def test_the_court_bound_to_enter_an_order_enters_it():
    assert ("removal_order", None) in _found(
        _judge("I am required to order him removed to Honduras, and removal to Honduras is "
               "withheld."))
    assert ("removal_order", None) in _found(
        _judge("By regulation the Court must enter an order of removal to Peru, and I do so."))
    # the law stated of any judge orders nothing
    assert ("removal_order", None) not in _found(
        _judge("An immigration judge must enter an order of removal before withholding it."))


# --- concepts in the court's own words ----------------------------------------------------

def test_relocation_judged_reasonable_and_the_presumption_rebutted():
    assert ("well_founded_fear", "not_established") in _found(
        _judge("It would be reasonable for her to move to the north of the country."))
    assert ("well_founded_fear", "not_established") in _found(
        _judge("Relocation to another state would be reasonable in his case."))
    assert ("well_founded_fear", "established") in _found(
        _judge("Relocation within Guatemala is not reasonable for a woman alone."))
    tags = _judge("Past persecution raises a presumption of future harm. The government has "
                  "overcome it.")
    assert ("well_founded_fear", "not_established") in _found(tags)
    assert ("well_founded_fear", "established") in _found(
        _judge("The Department has not rebutted that presumption."))


def test_the_presumption_left_unrebutted_in_a_phrase():
    assert ("well_founded_fear", "established") in _found(
        _judge("Presumption of future persecution, never rebutted."))
    assert ("well_founded_fear", "established") in _found(
        _judge("So the presumption of a well-founded fear, on this record, was not overcome."))


def test_a_ruling_at_the_threshold_pretermits():
    assert ("asylum", "pretermitted") in _found(
        _judge("Her asylum claim fails at the threshold, since she filed six years late."))
    assert ("asylum", "pretermitted") in _found(
        _judge("The asylum application fails at the very threshold."))
    tags = _judge("He seeks asylum and withholding of removal.",
                  "He filed four years after he arrived. The former fails at the threshold.")
    assert ("asylum", "pretermitted") in _found(tags)
    assert ("asylum", "denied") not in _found(tags)
    assert ("asylum", "denied") in _found(_judge("Asylum fails on the merits."))


def test_a_claim_that_falls_with_another_is_denied():
    assert ("cat_protection", "denied") in _found(
        _judge("The torture claim rests on the same account and falls with the asylum claim."))
    assert ("withholding_of_removal", "denied") in _found(
        _judge("Withholding of removal, which asks more, falls as well."))
    assert not {t.label for t in _judge("Her withholding claim falls within the exception "
                                         "the Board described.")} & {"withholding_of_removal"}


def test_a_terse_reset_with_its_date():
    assert ("continuance", None) in _found(_judge("Adjourned for the biometrics, to April 17."))
    assert ("continuance", None) in _found(
        _judge("Continued for attorney preparation, next date November 5 at nine."))
    assert "continuance" not in {t.label for t in _judge(
        "He testified that he continued to work at the bakery until March.")}


def test_more_evidence_denied_to_be_a_fair_demand():
    assert ("corroboration", "sufficient") in _found(
        _judge("The police report and the clinic note are in evidence, and I could not fairly "
               "expect more of her."))
    assert ("corroboration", "sufficient") in _found(
        _judge("His letters are in the record, and nothing further could be asked of him."))


def test_evidence_asked_for_and_never_produced():
    assert ("corroboration", "insufficient") in _found(
        _judge("At the last hearing I asked for the hospital records, and none were produced."))
    assert ("corroboration", "insufficient") in _found(
        _judge("The Court invited a letter from her pastor, and she filed nothing."))
    # the Department offering nothing in rebuttal says nothing of the respondent's evidence
    assert ("corroboration", "insufficient") not in _found(
        _judge("The country report describes the raids, and the government has presented "
               "nothing to contradict it."))


def test_the_account_alone_said_not_to_carry_the_claim():
    found = _found(_judge("I cannot conclude that her word, standing alone, sustains her "
                          "claim."))
    assert ("corroboration", "insufficient") in found
    assert ("corroboration", "sufficient") not in found


def test_harm_that_adds_up_to_persecution_and_the_ground_that_drove_it():
    tags = _judge("The government says two short detentions do not add up to persecution. "
                  "I disagree.")
    assert ("past_persecution", "established") in _found(tags)
    assert ("past_persecution", "not_established") in _found(
        _judge("A single slap and a shouted insult do not add up to persecution."))
    assert ("nexus", "established") in _found(
        _judge("It was her faith that prompted the raids on her home."))
    assert ("nexus", "established") in _found(
        _judge("His criticism of the mayor, not any debt, was what drove the attacks."))


# --- no finding ---------------------------------------------------------------------------

def test_the_country_designated_is_no_order_of_removal():
    assert "removal_order" not in {t.label for t in _judge(
        "Mexico is designated as the country of removal.")}
    assert "removal_order" not in {t.label for t in _judge(
        "Counsel designated El Salvador as the country of removal at the master calendar.")}
    assert ("removal_order", None) in _found(
        _judge("He is ordered removed to Mexico, the country he designated."))


def test_an_oath_recalled_is_no_oath_taken():
    for sentence in ("Madam interpreter, you remain bound by your oath.",
                     "Mr. Interpreter, you are still under oath from this morning."):
        assert "interpreter_sworn" not in {t.label for t in _judge(sentence)}, sentence
    assert ("interpreter_sworn", None) in _found(
        _judge("Madam interpreter, do you swear to interpret accurately and completely?"))


def test_relocation_weighed_after_asylum_is_barred_serves_withholding():
    bar = "She filed six years after she arrived and no exception applies, so her asylum " \
          "application is pretermitted."
    relocation = "The government has not shown that she could safely relocate within Peru."
    assert ("well_founded_fear", "established") in _found(_judge(relocation))
    tags = _judge(bar, relocation, "Withholding of removal is granted.")
    assert "well_founded_fear" not in {t.label for t in tags}
    tags = _judge(bar, "The presumption that arises from past harm has not been overcome.",
                  "Withholding of removal is granted.")
    assert "well_founded_fear" not in {t.label for t in tags}
    # the asylum standard named is still found
    tags = _judge(bar, "Were it timely, she would have shown a well-founded fear of "
                       "persecution, and I so find.")
    assert "well_founded_fear" in {t.label for t in tags}
