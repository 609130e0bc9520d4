"""Fixes read from the misses of the blind set am (am01-am28, stop 49), developed against in
the same stop, each checked on sentences written for this test, not taken from the excerpts.

Appeal answers: the judge asking the parties indirectly ("I'll ask counsel whether either side
reserves." - "No, Your Honor."); "Nor from me" after the other party said it will not appeal.
Scope: a negated relative clause on the subject when the main verb is negated inside the cue
("threats that were never acted on that is not persecution", speech recognition's run-on); a
counterfactual condition opened by "even had I ..."; the law stated in a later clause of its
own does not reach a finding made before it, and "The law is that ..." states the law.
Findings in other words: "I do not find past persecution"; "not met his burden of proving that
he was persecuted in the past"; a loyalty "they ascribe to him", persecutors who "see you as" a
spy; "its absence leaves her account unsupported" (insufficient, not only required); papers
that "give strong support to his account"; a claim that "no longer rests on his word alone";
"an objectively grounded fear"; "I do not find any reason to question it" (credibility named
first); "reset the individual merits hearing". Discourse: the papers of the sentence before
given "little weight", or called enough ("That is what I asked for, and it is sufficient.");
"The same analysis defeats withholding"; a request for voluntary departure answered "She'll
have it.\""""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_tags, _found, _judge, _labelled, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


# --- appeal answers -----------------------------------------------------------------------


def test_the_parties_asked_indirectly():
    assert _appeal_tags(("judge", "Withholding of removal is granted."),
                        ("judge", "I'll ask counsel whether either side reserves."),
                        ("respondent_counsel", "No, Your Honor."),
                        ("dhs_counsel", "We do reserve, Judge.")) == [
        ("waived", "respondent", (2, 3)), ("reserved", "dhs", (4,))]


def test_nor_from_me_repeats_the_other_partys_answer():
    assert _appeal_tags(("judge", "Asylum is granted. Any appeal?"),
                        ("dhs_counsel", "No appeal from the government."),
                        ("respondent_counsel", "Nor from me, Judge.")) == [
        ("waived", "dhs", (1, 2)), ("waived", "respondent", (2, 3))]


# --- scope --------------------------------------------------------------------------------


def test_a_negated_relative_clause_before_a_negated_cue():
    assert _found(_judge("even taking it all as true being shoved and having his bag taken and "
                         "uh two warnings that were never carried out that is not persecution"
                         )) == {("past_persecution", "not_established")}


def test_even_had_i_is_a_condition():
    assert "credibility" not in {t.label for t in _judge(
        "Even had I credited every word of his account, the men who robbed him were after his "
        "wages.")}


def test_the_law_stated_after_the_finding_does_not_reach_it():
    assert _found(_judge("So the beatings were not because of his religion or his politics, and "
                         "the law only protects people who are harmed for reasons like those."
                         )) == {("nexus", "not_established")}


def test_the_law_is_that_states_the_law():
    assert "corroboration" not in {t.label for t in _judge(
        "The law is that an applicant's credible testimony may carry the claim without "
        "corroboration; where the judge asks for evidence, it must be produced.")}


# --- findings in other words --------------------------------------------------------------


@pytest.mark.parametrize("sentence, polarity", [
    ("He fled the night before the raid, so I do not find past persecution.",
     "not_established"),
    ("On this record I find past persecution.", "established"),
    ("He has not met his burden of proving that he was beaten in the past.",
     "not_established"),
])
def test_past_persecution_found_or_not(sentence, polarity):
    # (read by the lexicon, not left to the classifier)
    assert [(t.polarity, t.source.startswith("lexicon:")) for t in _judge(sentence)
            if t.label == "past_persecution"] == [(polarity, True)]


@pytest.mark.parametrize("sentence", [
    "The beatings came from a political loyalty that they ascribe to him, not from any debt.",
    "They will arrest you because they see you as a spy for the rebels.",
])
def test_the_ground_the_persecutors_attribute(sentence):
    assert ("nexus", "established") in _found(_judge(sentence))


def test_an_absence_that_leaves_the_account_unsupported():
    assert _labelled(_judge(
        "A statement from her sister was reasonably available, and its absence leaves her "
        "account unsupported."), "corroboration") == [("insufficient", (1,))]


@pytest.mark.parametrize("sentence, polarity", [
    ("The records give strong support.", "sufficient"),
    ("The letters do not give strong support to his account.", "insufficient"),
    ("The plea papers back the cooperation, so the claim no longer rests on his word alone.",
     "sufficient"),
])
def test_support_in_other_words(sentence, polarity):
    assert _labelled(_judge(sentence), "corroboration") == [(polarity, (1,))]


def test_an_objectively_grounded_fear():
    assert ("well_founded_fear", "established") in _found(_judge(
        "The open warrant gives him an objectively grounded fear of arrest on his return."))


@pytest.mark.parametrize("sentence", [
    "The government never questioned his credibility, and I do not find any reason to question "
    "it either.",
    "I did not find any reason to disbelieve him.",
])
def test_no_reason_found_to_question_it(sentence):
    assert _found(_judge(sentence)) == {("credibility", "positive")}


def test_the_individual_hearing_reset():
    assert _found(_judge("I'll reset the individual merits hearing so the documents can "
                         "arrive.")) == {("continuance", None)}


# --- discourse ----------------------------------------------------------------------------


def test_the_papers_before_given_little_weight():
    tags = _judge("The church letter is unsigned, and the clinic note is illegible.",
                  "I give them little weight.")
    assert _labelled(tags, "corroboration") == [("insufficient", (1, 2))]
    assert tags[0].source == "discourse:little_weight"


def test_the_papers_before_called_enough():
    tags = _judge("Counsel has now filed the detention record and an affidavit from the cousin.",
                  "That is what I asked for, and it is sufficient.")
    assert _labelled(tags, "corroboration") == [("sufficient", (1, 2))]


def test_the_papers_before_called_not_enough():
    tags = _judge("Counsel has now filed a letter from the pastor.",
                  "That is what I asked for, but it is not enough.")
    assert ("corroboration", "sufficient") not in _found(tags)


def test_the_same_analysis_defeats_withholding():
    tags = _judge("Asylum is therefore denied.", "The same analysis defeats withholding.")
    assert _labelled(tags, "withholding_of_removal") == [("denied", (1, 2))]


def test_a_request_answered_she_will_have_it():
    tags = _judge("She asks in the alternative for voluntary departure.",
                  "She has a passport and a ticket, and no criminal record.",
                  "She'll have it.")
    assert _labelled(tags, "voluntary_departure") == [("granted", (3,))] or \
        _labelled(tags, "voluntary_departure") == [("granted", (1, 3))]


def test_having_it_translated_is_no_grant():
    tags = _tags(("judge", "She asks for voluntary departure."),
                 ("judge", "You will have it translated for her."))
    assert "voluntary_departure" not in {t.label for t in tags}
