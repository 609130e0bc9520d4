"""Fixes read from the misses of the set az (az01-az28, written blind in stop 53 and scored
before the rounds on aw, ax and ay), developed against at the end of stop 53, each checked on
sentences written for this test, not taken from the excerpts.

Scope: a one-word aside ("I cannot, however, find him credible") keeps the negation;
"I assume your side accepts." - "Of course, Judge." waives; "The respondent likewise."
echoes the answer before it; the same question put to the other party in other words ("And
the Department's position?") keeps the answers given; "I'm granting the motion instead"
grants the motion made before the one just refused; "this is not random crime" denies the
private motive; credibility said not to decide the case, or a question the court need not
decide, finds nothing; the finding named as what raises a presumption restates it; the law's
condition ("is persecution only if ...") is the law; the court's own answer to "whether I
believe that" ("and I'm sorry, but I don't"); papers asked for and not brought are the
finding, not a second request.
Findings in other words: "timeliness is not in issue"; harm "tied to her opposition" (in the
passive); "because of that status"; "Nothing more needed."; "that is all the supporting
evidence the law asks of her"; "the law presumes she has reason to fear him, and nothing in
this record suggests otherwise"; "complain" for appeal in an interpreted answer."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_tags, _found, _judge, _labelled, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


# --- scope ----------------------------------------------------------------------------------


def test_a_one_word_aside_keeps_the_negation():
    tags = _judge("I cannot, however, find her credible.")
    assert _labelled(tags, "credibility") == [("adverse", (1,))]


def test_a_supposition_about_your_side_confirmed():
    tags = _appeal_tags(
        ("judge", "Asylum is granted. Ms. Reyes, does the Department wish to preserve appeal?"),
        ("dhs_counsel", "Yes, we'll preserve it."),
        ("judge", "All right. Mr. Diaz, I assume your side accepts."),
        ("respondent_counsel", "Certainly, Your Honor."))
    assert [(p, party) for p, party, _ in tags] == [("reserved", "dhs"),
                                                    ("waived", "respondent")]


def test_likewise_echoes_the_answer_before_it():
    tags = _appeal_tags(
        ("judge", "The application is granted. Will the government be taking this up?"),
        ("dhs_counsel", "No, Judge. We accept the decision."),
        ("respondent_counsel", "The respondent likewise."))
    assert [(p, party) for p, party, _ in tags] == [("waived", "dhs"), ("waived", "respondent")]


def test_the_question_put_again_in_other_words_keeps_the_answers():
    tags = _appeal_tags(
        ("judge", "Voluntary departure is granted. Does she accept my decision?"),
        ("respondent_counsel", "She accepts it, Judge."),
        ("judge", "And the government's position?"),
        ("dhs_counsel", "Same."))
    assert [(p, party) for p, party, _ in tags] == [("waived", "respondent"), ("waived", "dhs")]


def test_the_motion_granted_instead_of_the_one_refused():
    tags = _tags(("judge", "Counsel, I have a motion to terminate."),
                 ("respondent_counsel", "Yes, Judge. In the alternative we would ask for a "
                                        "continuance."),
                 ("judge", "I'm not going to continue the case. I'm granting the motion "
                           "instead, and the proceedings are terminated."))
    assert not _labelled(tags, "continuance")
    assert _labelled(tags, "termination") == [(None, (3,))]


def test_not_random_crime_denies_the_private_motive():
    tags = _judge("The threats she fears are plainly tied to her union work; this is not random "
                  "crime.")
    assert _labelled(tags, "nexus") == [("established", (1,))]
    assert _labelled(_judge("This was random crime."), "nexus") == [("not_established", (1,))]


def test_credibility_said_not_to_decide_the_case_finds_nothing():
    tags = _judge("There are some gaps in his account that I will not dwell on, because I "
                  "don't think credibility decides this case.")
    assert not _labelled(tags, "credibility")


def test_the_finding_named_as_what_raises_the_presumption_restates_it():
    tags = _tags(("judge", "He was beaten twice for his party work, and that is past "
                           "persecution."),
                 ("judge", "His credibility is not in doubt."),
                 ("judge", "The country reports describe continued attacks."),
                 ("judge", "The Department offered nothing on relocation."),
                 ("judge", "The past persecution raises a presumption of a future threat to "
                           "his life or freedom."))
    assert _labelled(tags, "past_persecution") == [("established", (1, 5))]


def test_the_laws_condition_is_the_law():
    assert not _judge("But harm by private actors is persecution only if the government is "
                      "unable or unwilling to control them.")


def test_whether_i_believe_that_answered():
    tags = _judge("You told me soldiers took you from the market. I have to decide whether I "
                  "believe that, and I'm sorry, but I don't.")
    assert _labelled(tags, "credibility") == [("adverse", (1,))]


def test_papers_asked_for_and_not_brought():
    tags = _tags(("judge", "I asked you to bring a letter from your uncle about the arrest. "
                           "You didn't bring anything."))
    assert _labelled(tags, "corroboration") == [("insufficient", (1,))]


# --- findings in other words ----------------------------------------------------------------


def test_timeliness_not_in_issue():
    tags = _judge("She filed her application the following March, so timeliness is not in "
                  "issue.")
    assert _labelled(tags, "one_year_bar") == [("timely", (1,))]


def test_harm_done_because_of_that_status():
    tags = _judge("What they did to him, they did because of that status, and I so find.")
    assert _labelled(tags, "nexus") == [("established", (1,))]


def test_nothing_more_needed_after_the_papers():
    tags = _judge("Membership in the clan: shown by the elder's letter and her own testimony. "
                  "Nothing more needed.")
    assert _labelled(tags, "corroboration") == [("sufficient", (1,))]


def test_all_the_law_asks():
    tags = _judge("The clinic record matches the scar she showed me; that is all the "
                  "supporting evidence the law asks of her.")
    assert _labelled(tags, "corroboration") == [("sufficient", (1,))]


def test_the_presumed_fear_left_standing_in_plain_words():
    tags = _judge("The law presumes she has reason to fear him, and nothing in this record "
                  "suggests otherwise.")
    assert _labelled(tags, "well_founded_fear") == [("established", (1,))]


def test_wont_complain_in_an_interpreted_answer_waives():
    tags = _appeal_tags(
        ("judge", "Your applications are denied. You can ask the Board to look at my decision. "
                  "Do you want to do that, or do you accept my decision?"),
        ("interpreter", "No, I won't complain. I want to go home."))
    assert [(p, party) for p, party, _ in tags] == [("waived", "respondent")]
    assert ("appeal", "reserved") not in _found(_tags(
        ("judge", "Asylum is denied. Do you accept my decision?"),
        ("interpreter", "Yes. I have no complaint.")))


def test_a_fear_finding_concluded_again_a_few_lines_on_is_one_finding():
    tags = _tags(("judge", "That gives rise to a presumption of a well-founded fear. The "
                           "Department, however, has rebutted it."),
                 ("judge", "She has lived safely in Quito for four years."),
                 ("judge", "Her brother lives there and she has steady work."),
                 ("judge", "So while I accept her account, she does not have a well-founded "
                           "fear of persecution today."))
    assert _labelled(tags, "well_founded_fear") == [("not_established", (1, 4))]
