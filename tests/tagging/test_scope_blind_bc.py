"""Fixes read from the misses of the set bc (bc01-bc28, written blind in stop 54 and scored
before any round read it), developed against in stop 54, each checked on sentences written for
this test, not taken from the excerpts.

Scope: "I'm not satisfied that ..." is the sentential negation "I am not satisfied that" is; a
list of harms ("stopped twice, slapped once, and held ...") stays inside the negation before
it; "nothing that leads me to think he doesn't deserve ..." cancels out; the reason run on after
a condition ("... if he went back and its because of his clan"); "I'll assume without
deciding" finds nothing; the reason inside the withholding standard ("his life or freedom
would be threatened ... because of his faith") restates the nexus found before; a
discretionary weighing that names past persecution as a factor finds none; "I'm not able to
give you voluntary departure today" denies it.
Events: "you've been granted asylum" tells the grant again; "adjourned until September" tells
the continuance set for September 12th again; "do you waive a formal reading?" is no question
about appeal; "Your lawyer is appealing" records the respondent's reservation; a filing counted
from the change, or the Department's "untimely" rejected for the exception, is the exception's
premise, not a timely finding.
Findings in other words: "I think he was telling the truth"; "the documents corroborate him";
"well inside the twelve months"; "didnt file ... until"; "nothing in this record comes close
to overcoming it"; a fear "unfounded" under negation; "there's no past persecution here";
harm the persecutors' words "tie directly to his opposition"."""

from __future__ import annotations

import pytest
from tests.tagging._tag_helpers import _appeal_tags, _found, _judge, _labelled, _tags

pytestmark = pytest.mark.models  # the tagger loads the sentence classifier


# --- scope ----------------------------------------------------------------------------------


def test_im_not_satisfied_that_negates():
    tags = _judge("Family can be a social group. But I'm not satisfied that she was or would be "
                  "targeted on account of a protected ground.")
    assert _labelled(tags, "nexus") == [("not_established", (1,))]


def test_a_list_of_harms_stays_inside_the_negation():
    tags = _judge("I am not convinced that being searched at a checkpoint, pushed once, and "
                  "detained overnight rises to the level of persecution.")
    assert _labelled(tags, "past_persecution") == [("not_established", (1,))]


def test_nothing_leads_me_to_think_he_does_not_deserve_it():
    tags = _judge("Nothing in the record leads me to think she doesn't merit asylum as a matter "
                  "of discretion.")
    assert _labelled(tags, "discretion") == [("favorable", (1,))]


def test_the_reason_run_on_after_a_condition():
    tags = _judge("i find a reasonable possibility she would be harmed if she returned and its "
                  "because of her ethnicity")
    assert _labelled(tags, "nexus") == [("established", (1,))]


def test_assumed_without_deciding_finds_nothing():
    tags = _judge("I'll assume without deciding that people who report gangs to the police "
                  "could form a particular social group.")
    assert _labelled(tags, "nexus") == []


def test_the_reason_inside_the_withholding_standard_restates_the_nexus():
    tags = _judge("The gendarmes detained her because of her political opinion.",
                  "Her asylum application is pretermitted as untimely.",
                  "She has shown that it is more likely than not that her freedom would be "
                  "threatened in Cameroon on account of her political opinion.")
    assert _labelled(tags, "nexus") == [("established", (1, 3))]


def test_past_persecution_weighed_as_a_discretionary_factor():
    tags = _judge("Weighing the totality, and counting the harm she suffered in her favor, the "
                  "adverse factors outweigh the positive ones, and I deny asylum as a matter of "
                  "discretion.")
    assert _labelled(tags, "past_persecution") == []


def test_unable_to_give_it_today_denies_it():
    tags = _judge("Ma'am, with no passport and the government opposed, I'm not able to give you "
                  "voluntary departure today.")
    assert _labelled(tags, "voluntary_departure") == [("denied", (1,))]


# --- events ---------------------------------------------------------------------------------


def test_youve_been_granted_tells_the_grant_again():
    tags = _tags(
        ("judge", "Asylum is granted."),
        ("judge", "Mr. Aziz, does the respondent accept?"),
        ("respondent_counsel", "We do."),
        ("judge", "Ms. Cole?"),
        ("dhs_counsel", "Reserve."),
        ("judge", "Sir, you've been granted asylum, but the government may still appeal."))
    assert _labelled(tags, "asylum") == [("granted", (1, 6))]


def test_the_month_alone_tells_the_continuance_again():
    tags = _tags(
        ("judge", "For good cause the case is continued to March 3rd at nine for the remaining "
                  "testimony."),
        ("judge", "Counsel, file the translations two weeks before."),
        ("respondent_counsel", "Yes, Judge."),
        ("judge", "Please tell her the date."),
        ("interpreter", "I understand."),
        ("judge", "All right, we're adjourned until March."))
    assert [s for _, s in _labelled(tags, "continuance")] == [(1, 6)]


def test_waiving_a_formal_reading_is_no_appeal_question():
    tags = _appeal_tags(
        ("judge", "Counsel, has your client received the notice, and do you waive a formal "
                  "reading?"),
        ("respondent_counsel", "Yes to both, Judge, and we concede the charge."))
    assert tags == []


def test_your_lawyer_is_appealing_records_the_respondents_reservation():
    tags = _appeal_tags(
        ("judge", "Asylum is denied and he is ordered removed to Peru. Counsel?"),
        ("respondent_counsel", "We will file a notice of appeal."),
        ("judge", "Reserved. Department?"),
        ("dhs_counsel", "Waived."),
        ("interpreter", "What happens to me now?"),
        ("judge", "Your lawyer is appealing, sir, so nothing changes yet."))
    assert [(p, party) for p, party, _ in tags] == [("reserved", "respondent"), ("waived", "dhs")]


def test_the_filing_counted_from_the_change_is_the_exceptions_premise():
    tags = _judge("She came on a tourist visa in 2019; her husband was arrested at home in "
                  "2022, and she filed five months after the arrest.",
                  "The Department says the application is untimely. I disagree. The arrest is a "
                  "changed circumstance, and she filed within a reasonable period after it.")
    assert [p for p, _ in _labelled(tags, "one_year_bar")] == ["exception"]


# --- findings in other words ----------------------------------------------------------------


def test_i_think_she_was_telling_the_truth():
    assert _labelled(_judge("i think she was telling the truth about the beating"),
                     "credibility") == [("positive", (1,))]


def test_the_records_corroborate_her():
    tags = _judge("Her testimony was detailed, and the clinic records corroborate her.")
    assert _labelled(tags, "corroboration") == [("sufficient", (1,))]


def test_well_inside_the_twelve_months():
    tags = _judge("She arrived in June of 2022 and filed in April of 2023, well inside the "
                  "twelve months.")
    assert _labelled(tags, "one_year_bar") == [("timely", (1,))]


def test_didnt_file_until():
    tags = _judge("she came in twenty twelve and she didnt file until twenty nineteen")
    assert _labelled(tags, "one_year_bar") == [("untimely", (1,))]


def test_nothing_comes_close_to_overcoming_the_presumption():
    tags = _judge("The presumption of a future threat applies, and nothing the Department "
                  "offered comes close to rebutting it.")
    assert _labelled(tags, "well_founded_fear") == [("established", (1,))]


@pytest.mark.parametrize("sentence, polarity", [
    ("Her fear of the militia is unfounded.", "not_established"),
    ("His cousins received long sentences, and one was tortured. I cannot find that his fear "
     "of returning is unfounded.", "established"),
])
def test_a_fear_called_unfounded(sentence, polarity):
    assert _labelled(_judge(sentence), "well_founded_fear") == [(polarity, (1,))]


def test_no_past_persecution_here():
    tags = _judge("Nobody touched him before he left, so there's no past persecution here.")
    assert _labelled(tags, "past_persecution") == [("not_established", (1,))]


def test_the_harm_tied_to_her_opposition_by_their_words():
    tags = _judge("The men's own threats tie the beating squarely to her opposition to the "
                  "mayor, which is a political opinion.")
    assert ("nexus", "established") in _found(tags)
