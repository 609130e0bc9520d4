"""Scope, speaker and discourse fixes read from the misses of the sixth blind set (o01-o28),
each checked on sentences written for this test: the judge's record of the appeal answers
joins the answers given before it, another adjudicator's ruling recounted is no ruling here,
a claim put as the respondent's is no finding, negation and counterfactuals read as scope,
who must show a change in circumstances decides what it is about, and evidence required but
not produced is insufficient corroboration."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _found, _judge, _tags

pytestmark = pytest.mark.models  # every test runs the tagger, which loads the sentence classifier


def test_the_judges_record_joins_the_answer_given_before_a_named_party_question():
    tags = _tags(("judge", "The application for asylum is denied."),
                 ("judge", "Counsel, does the respondent accept the decision?"),
                 ("respondent_counsel", "No, Judge. We reserve."),
                 ("judge", "Ms. Tran, for the government?"),
                 ("dhs_counsel", "The government waives."),
                 ("judge", "Reserved by the respondent and waived by the government."))
    appeals = [(t.polarity, t.attributes.get("party"), t.segments) for t in tags
               if t.label == "appeal"]
    assert sorted(a[:2] for a in appeals) == [("reserved", "respondent"), ("waived", "dhs")]
    respondent = next(a for a in appeals if a[1] == "respondent")
    assert {3, 6} <= set(respondent[2])


def test_the_judges_record_joins_counsels_own_unprompted_answer():
    tags = _tags(("judge", "Withholding of removal is granted."),
                 ("judge", "Anything else, Mr. Diaz?"),
                 ("respondent_counsel", "Nothing else. We will not be appealing."),
                 ("judge", "And the Department?"),
                 ("dhs_counsel", "We reserve."),
                 ("judge", "The respondent waives and the Department reserves."))
    respondent = [t for t in tags if t.label == "appeal" and t.attributes.get("party") ==
                  "respondent"]
    assert [t.polarity for t in respondent] == ["waived"]
    assert {3, 6} <= set(respondent[0].segments)


def test_another_adjudicators_ruling_recounted_is_no_ruling_here():
    tags = _judge("In 2021 Judge Marsh denied the respondent's application for asylum as "
                  "untimely, and the Board agreed.")
    assert "asylum" not in {t.label for t in tags}
    tags = _judge("The prior immigration judge pretermitted withholding of removal because of "
                  "the conviction.")
    assert "withholding_of_removal" not in {t.label for t in tags}


def test_the_claim_put_as_the_respondents_is_no_finding():
    tags = _judge("Her claim is that militia members burned her shop because of her brother's "
                  "political activity.")
    assert "nexus" not in {t.label for t in tags}


def test_a_flaw_negated_is_no_adverse_credibility_for_the_classifier():
    tags = _judge("He did not embellish and did not contradict himself.")
    assert ("credibility", "adverse") not in _found(tags)
    # a quality negated is the adverse finding the classifier reads
    tags = _judge("He kept changing his dates, and I simply cannot accept his story as true.")
    assert ("credibility", "adverse") in _found(tags)


def test_a_prepositional_without_does_not_cancel_the_negation_after_it():
    tags = _judge("Without that showing there is no past persecution in this case.")
    assert ("past_persecution", "not_established") in _found(tags)
    assert ("past_persecution", "established") not in _found(tags)


def test_a_concession_opening_the_sentence_states_no_finding():
    tags = _judge("Even if the family were a cognizable group, the claim founders on the "
                  "government's willingness to protect him.")
    assert "nexus" not in {t.label for t in tags}


def test_who_must_show_a_change_decides_what_it_is_about():
    tags = _judge("The Department has not shown changed circumstances in Honduras since he left.")
    assert "one_year_bar" not in {t.label for t in tags}
    tags = _judge("He has not shown any changed circumstance that would excuse the late filing.")
    assert ("well_founded_fear", "established") not in _found(tags)
    assert ("one_year_bar", "untimely") in _found(tags)


def test_a_counterfactual_and_what_the_court_would_then_do_is_no_finding():
    # what the court would have to find, and cannot, is a finding all the same
    tags = _judge("Were the beating severe enough, the Court would still have to find a nexus to "
                  "a protected ground, and it cannot.")
    assert ("nexus", "not_established") in _found(tags)
    tags = _judge("Had he filed on time, I would find that he merits asylum in the exercise of "
                  "discretion.")
    assert "discretion" not in {t.label for t in tags}


def test_a_consequence_put_to_the_respondent_is_a_warning_not_a_ruling():
    tags = _judge("Ma'am, if you do not leave by July 9th, you will owe a civil fine and you will "
                  "be barred for ten years from voluntary departure, cancellation of removal and "
                  "adjustment of status.")
    assert "voluntary_departure" not in {t.label for t in tags}
    tags = _judge("If you do not leave by then, you will be removed to Chile under the alternate "
                  "order.")
    assert "removal_order" in {t.label for t in tags}


def test_a_burden_not_met_negates_what_it_was_to_establish_through_an_adverb():
    tags = _judge("She has therefore not met her burden of proving that she has a well-founded "
                  "fear of persecution in Peru.")
    assert ("well_founded_fear", "not_established") in _found(tags)


def test_evidence_reasonably_available_and_not_produced_is_insufficient():
    tags = _judge("He didn't submit a letter from his employer, although that evidence was "
                  "reasonably available.")
    assert ("corroboration", "insufficient") in _found(tags)
    assert ("corroboration", "required") not in _found(tags)
    tags = _judge("Corroborating records that were reasonably obtainable were not submitted.")
    assert ("corroboration", "insufficient") in _found(tags)


def test_the_laws_hedge_is_a_standard_not_a_requirement_applied():
    tags = _judge("Credible testimony is not necessarily enough where corroboration is "
                  "reasonably available.")
    assert "corroboration" not in {t.label for t in tags}


FILLER = ("She has two children in school here.", "Her sister lives in Dallas.",
          "She works at a bakery.", "The record closed last month.")


def test_a_finding_restated_as_a_premise_joins_the_finding_made_before():
    tags = _judge("The beatings she described rise to the level of persecution.", *FILLER,
                  "Because she suffered past persecution, a threat to her life or freedom is "
                  "presumed.")
    persecution = [t for t in tags if t.label == "past_persecution"]
    assert [t.polarity for t in persecution] == ["established"]
    assert {1, 6} <= set(persecution[0].segments)


def test_the_written_order_restating_a_ruling_joins_the_ruling():
    tags = _judge("Asylum is granted.", *FILLER,
                  "The written order will reflect that asylum is granted.")
    assert [(t.label, t.segments) for t in tags if t.label == "asylum"] == [("asylum", (1, 6))]


def test_a_question_about_seeking_review_is_the_appeal_question():
    tags = _tags(("judge", "Asylum is granted."),
                 ("judge", "Ms. Ruiz, does the government intend to seek review?"),
                 ("dhs_counsel", "No, Judge."))
    assert [(t.polarity, t.attributes.get("party")) for t in tags if t.label == "appeal"] == [
        ("waived", "dhs")]


def test_a_partys_claim_denied_in_a_word_is_the_opposite_finding():
    tags = _judge("Counsel contends that the two affidavits are sufficient corroboration.",
                  "They are not.")
    assert ("corroboration", "insufficient") in _found(tags)
    assert ("corroboration", "sufficient") not in _found(tags)


def test_the_burden_named_then_not_carried_after_an_opening_phrase():
    tags = _judge("The applicant bears the burden of proof on each application.",
                  "On this record, she has not carried it.")
    assert ("burden_of_proof", "not_met") in _found(tags)


def test_a_negator_before_the_cues_own_subject_belongs_to_another_clause():
    tags = _judge("the respondent having failed to appear the court orders him removed to "
                  "honduras")
    assert "removal_order" in {t.label for t in tags}


def test_legal_words_speech_recognition_hears_as_other_words():
    assert ("asylum", "denied") in _found(_judge("so the a silent claim is denied"))
    assert ("cat_protection", "denied") in _found(_judge("and the torsion claim is denied too"))
    assert ("asylum", "pretermitted") in _found(_judge("the asylum application is pre terminated"))


def test_insufficiency_denied_is_sufficiency():
    tags = _judge("The two affidavits are not insufficient to corroborate her account.")
    assert ("corroboration", "sufficient") in _found(tags)
    assert ("corroboration", "insufficient") not in _found(tags)


def test_filed_within_the_year_after_a_dated_clause():
    tags = _judge("She applied in June 2021, well within one year of her arrival.")
    assert ("one_year_bar", "timely") in _found(tags)


def test_the_courts_ruling_joined_to_a_report_is_the_courts_own():
    tags = _judge("He never claimed that a police officer would harm him, and the torture claim "
                  "is denied.")
    assert ("cat_protection", "denied") in _found(tags)


def test_a_finding_the_judge_then_disclaims_is_withdrawn():
    tags = _judge("He came in 2019, so the application looks untimely.",
                  "I make no finding on the one-year deadline until the merits hearing.")
    assert "one_year_bar" not in {t.label for t in tags}


def test_the_date_given_again_is_the_continuance_already_tagged():
    tags = _judge("Your case is reset to October 3rd at nine in the morning.", *FILLER,
                  "Bring your witnesses with you on October 3rd.")
    assert [t.segments for t in tags if t.label == "continuance"] == [(1, 6)]


def test_no_exception_argued_is_an_untimely_filing():
    tags = _judge("He came in 2011 and applied in 2020. No exception was argued.")
    assert ("one_year_bar", "untimely") in _found(tags)


def test_a_witness_backing_the_respondent_himself_is_corroboration():
    tags = _judge("I find her credible, and her cousin's testimony corroborates her on every "
                  "important point.")
    assert ("corroboration", "sufficient") in _found(tags)
    tags = _judge("Nothing in the record corroborates him on the second arrest.")
    assert ("corroboration", "sufficient") not in _found(tags)


def test_papers_an_account_matched_are_the_credibility_findings_basis():
    tags = _judge("His account was specific and internally consistent, and it matched his "
                  "declaration and the hospital discharge summary at Exhibit 4 describing burns "
                  "consistent with his description.")
    assert ("credibility", "positive") in _found(tags)
    assert "corroboration" not in {t.label for t in tags}


def test_waive_heard_as_wave_is_read_as_waive():
    tags = _tags(("judge", "Asylum is denied."),
                 ("judge", "counsel reserve or wave"),
                 ("respondent_counsel", "reserve judge"),
                 ("judge", "government"),
                 ("dhs_counsel", "the government will wave"),
                 ("judge", "reserved for the respondent wave by the government"))
    appeals = {(t.polarity, t.attributes.get("party")) for t in tags if t.label == "appeal"}
    assert appeals == {("reserved", "respondent"), ("waived", "dhs")}
    # the noun is no answer
    assert "appeal" not in {t.label for t in _judge("There was a wave of arrests in 2019.")}


def test_an_account_run_on_without_punctuation_is_reported():
    tags = _judge("her i five eighty nine was filed in twenty twenty she says she did not know "
                  "about the one year deadline")
    assert ("one_year_bar", "timely") not in _found(tags)
    # the court's own finding after it stands
    tags = _judge("she testified she was beaten at the rally the court finds she was persecuted "
                  "on account of her opinion")
    assert ("past_persecution", "established") in _found(tags)
