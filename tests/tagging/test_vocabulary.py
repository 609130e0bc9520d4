"""The lexicon reads findings stated in the words of a decision, not only in the legal terms:
a late filing described by its dates, a nexus denied as a private dispute or extortion, an
imputed opinion stated as what the persecutor believed, a new date given as a continuance.
Each case is one sentence of a decision (none of them in tests/data/tagging) and the label and
polarity an attorney would mark, or none; negation and modality keep their scope."""

from __future__ import annotations

import pytest

from hearingproc.stages.tag import TagOptions, tag_utterances
from hearingproc.tagging.lexicon import find_hits
from hearingproc.tagging.sentences import Utterance


def labels(sentence: str) -> set[tuple[str, str | None]]:
    return {(h.label, h.polarity) for h in find_hits(sentence)}


@pytest.mark.parametrize(("sentence", "expected"), [
    # timeliness without the word "untimely"
    ("He arrived in 2016 and did not file for asylum until the summer of 2021.",
     ("one_year_bar", "untimely")),
    ("her i 589 was lodged four years after she entered", ("one_year_bar", "untimely")),
    ("The application reached the court well past the filing deadline.",
     ("one_year_bar", "untimely")),
    ("She gave no explanation for the delay.", ("one_year_bar", "untimely")),
    # nexus: private quarrels, extortion, ordinary crime
    ("The threats came from his cousins over an inheritance.",
     ("nexus", "not_established")),
    ("this was a land dispute between two families", ("nexus", "not_established")),
    ("What he suffered is not tied to any protected ground.", ("nexus", "not_established")),
    ("The gang demanded the fares he collected, which is extortion.",
     ("nexus", "not_established")),
    # imputed political opinion by what the persecutor believed, as the reason for the harm
    ("She was arrested because the soldiers believed she supported the rebels.",
     ("nexus", "established")),
    ("He was beaten for supposedly helping the guerrillas.", ("nexus", "established")),
    ("The harm was on account of an imputed political opinion.", ("nexus", "established")),
    # a cognizable group named far from "cognizable"
    ("The group of former witnesses against the cartel, given its social distinction in the "
     "country reports, is cognizable.", ("nexus", "established")),
    # credibility stated at a distance or without the word
    ("I found his account of the raid on the newspaper office to be detailed and plausible.",
     ("credibility", "positive")),
    ("Her story stayed the same from the border interview to today.",
     ("credibility", "positive")),
    ("Her account is not one I can rely on.", ("credibility", "adverse")),
    # relocation would not keep her safe: the fear is well founded
    ("Moving to another city would not keep her safe from him.",
     ("well_founded_fear", "established")),
    # continuance given as a date
    ("New date, May 14 at one o'clock.", ("continuance", None)),
    ("we will come back on june the ninth for the individual hearing", ("continuance", None)),
    ("I'll put you over to October 2nd at 8:30.", ("continuance", None)),
    ("The matter is reset to March 3.", ("continuance", None)),
    ("He offered no changed or extraordinary circumstance to explain the delay.",
     ("one_year_bar", "untimely")),
    ("In my discretion I grant asylum.", ("discretion", "favorable")),
    ("This was not merely a personal dispute.", ("nexus", "established")),
    ("The militia suspected her of spying and tortured her for that reason.",
     ("nexus", "established")),
    ("I give full weight to her testimony.", ("credibility", "positive")),
    ("I give little weight to his testimony.", ("credibility", "adverse")),
    ("He did not present a single document from his family.", ("corroboration", "insufficient")),
    ("The hospital record confirms the fractures.", ("corroboration", "sufficient")),
    ("He could safely live with his aunt in the capital.",
     ("well_founded_fear", "not_established")),
    ("DHS has not shown that she could safely relocate.", ("well_founded_fear", "established")),
    ("He could not safely relocate within the country.", ("well_founded_fear", "established")),
    ("We'll pick this back up on Tuesday the 9th.", ("continuance", None)),
    ("You may leave on your own by June 30.", ("voluntary_departure", "granted")),
    ("The asylum application is therefore barred.", ("asylum", "pretermitted")),
    ("Okay, I will give you till March 19 at 1 p.m.", ("continuance", None)),
    ("The next hearing, which I am setting for the ninth of July, is for your application.",
     ("continuance", None)),
    ("The unsworn letter from his cousin does little to fill the gaps.",
     ("corroboration", "insufficient")),
    ("I am not convinced that anyone is still looking for him.",
     ("well_founded_fear", "not_established")),
    # "has not shown that" reaches every clause after it ...
    ("She has not shown that she was harmed before or that she has a well-founded fear now.",
     ("well_founded_fear", "not_established")),
    # ... but not a rule that states the negative itself
    ("He has not shown that the robbers wanted anything other than money.",
     ("nexus", "not_established")),
    # "without" negates its own object only
    ("Without credible testimony she has not carried her burden.",
     ("burden_of_proof", "not_met")),
])
def test_concept_is_read(sentence: str, expected: tuple[str, str | None]):
    assert expected in labels(sentence)


@pytest.mark.parametrize(("sentence", "absent"), [
    # a recital of what the persecutors said is no nexus finding by itself
    ("The soldiers accused her of being a traitor and beat her in 2023.", "nexus"),
    # a motion filed late is no one-year bar
    ("Your lawyer filed the brief late again.", "one_year_bar"),
    # refused postponement is no continuance
    ("I will not postpone the hearing a third time.", "continuance"),
    # the defensive "changed or extraordinary circumstances" question is no finding of them
    ("Is there any reason you could not file within a year?", "nexus"),
    ("She did not file until eleven months after she arrived.", "one_year_bar"),
    ("She gave no explanation for the delay in reporting the attack.", "one_year_bar"),
    ("If you miss your next court date you will be ordered removed.", "continuance"),
    ("If you file a frivolous asylum application you will be barred from any benefit.",
     "asylum"),
])
def test_no_tag_where_no_finding(sentence: str, absent: str):
    assert absent not in {label for label, _ in labels(sentence)}


def test_negation_scopes_over_the_new_rules():
    """A sentential operator flips them; a conditional states no finding."""
    assert labels("I am not persuaded that the police arrested him because they believed he "
                  "supported the opposition.") == {("nexus", "not_established")}
    assert labels("Even if the threats came from a land dispute, the police did nothing.") == set()


def test_cat_deferral_named_alone_is_ruled_on():
    assert ("cat_protection", "denied") in labels("Deferral is therefore denied.")
    assert ("cat_protection", "granted") in labels(
        "I grant protection under the Convention in the form of deferral.")


@pytest.mark.models
def test_classifier_adds_no_neighbouring_label_and_judge_prompt_is_no_answer():
    """Through the whole stage (lexicon, classifier, discourse): "a well-founded fear of
    persecution" is no past-persecution finding, and the judge's "appeal for the government"
    asks; the DHS answer is the event."""
    lines = [("judge", "She has a well-founded fear of being persecuted on her return."),
             ("judge", "appeal for the government"),
             ("dhs_counsel", "we waive")]
    utterances = [Utterance(i, text, role, speaker=role) for i, (role, text) in enumerate(lines, 1)]
    tags, _ = tag_utterances(utterances, TagOptions())
    found = {(t.label, t.polarity, t.segments) for t in tags}
    assert ("well_founded_fear", "established", (1,)) in found
    assert not any(t.label == "past_persecution" for t in tags)
    assert [(t.label, t.polarity, t.segments) for t in tags if t.label == "appeal"] == [
        ("appeal", "waived", (3,))]


def _rulings(*lines: str) -> set[tuple[str, str | None]]:
    utterances = [Utterance(i, text, "judge", speaker="judge") for i, text in enumerate(lines, 1)]
    return {(t.label, t.polarity) for t in tag_utterances(utterances)[0]}


def test_a_legal_word_split_by_speech_recognition_is_read_whole():
    """ "with holding", "pre termitted": the word speech recognition split in two still
    names the application and rules on it."""
    assert ("withholding_of_removal", "denied") in _rulings(
        "turning to with holding of removal that request is denied")
    assert ("asylum", "pretermitted") in _rulings(
        "because it came four years late her asylum claim is pre termitted")
    assert ("asylum", "pretermitted") in _rulings(
        "the asylum request is pretty mitted as late")


def test_an_application_left_undecided_after_do_not_takes_no_ruling():
    """ "I don't reach X" (the negator fused to its auxiliary) leaves X undecided, however
    near the ruling on another application."""
    got = _rulings("Since she wins on asylum, which I grant, I don't reach her withholding "
                   "claim or the CAT claim.")
    assert ("asylum", "granted") in got
    assert not {label for label, _ in got} & {"withholding_of_removal", "cat_protection"}


def test_withholding_under_the_convention_is_cat_protection():
    got = _rulings("His request for withholding under the Convention is denied as well.")
    assert ("cat_protection", "denied") in got


def test_an_order_rescinded_is_no_removal_order():
    assert "removal_order" not in {label for label, _ in labels(
        "I reopen the case, and the 2019 removal order entered in absentia is vacated.")}
    assert "removal_order" not in {label for label, _ in labels(
        "The motion is granted; I rescind the order of removal.")}
    assert ("removal_order", None) in labels("I order him removed to Chile.")


def test_the_alternate_order_inside_its_condition_is_a_removal_order():
    """Voluntary departure turning into an order of removal if the respondent stays: the
    condition is the order's own."""
    assert ("removal_order", None) in labels(
        "sixty days to leave and if he is still here after that it becomes an order of "
        "removal to Chile")
    assert "removal_order" not in {label for label, _ in _rulings(
        "If you miss the hearing, you could be ordered removed.")}


def test_no_adverse_discretionary_factor_is_a_favorable_exercise():
    assert ("discretion", "favorable") in labels(
        "His taxes are paid, and the record holds no negative discretionary factors.")
    assert ("discretion", "favorable") in labels(
        "I see no adverse considerations that would bear on my discretion.")
    assert "discretion" not in {label for label, _ in labels(
        "There were no adverse witnesses at the hearing.")}


def test_the_manner_of_testifying_is_the_courts_own_finding():
    """ "He testified that ..." reports; "he testified credibly about ..." judges."""
    assert ("credibility", "positive") in _rulings(
        "The applicant testified credibly about the raid on her village.")


@pytest.mark.parametrize("sentence", [
    "The government's view, as its counsel framed it this morning, is that the threats were "
    "a family feud.",
    "Her lawyer argued the contrary, that the beating was because of her faith.",
    "The respondent's counsel contended that the beating was because of her faith.",
])
def test_a_partys_position_recounted_is_no_nexus_finding(sentence: str):
    assert "nexus" not in {label for label, _ in _rulings(sentence)}


def test_another_tribunals_finding_recounted_is_not_the_courts():
    assert "credibility" not in {label for label, _ in _rulings(
        "The Board concluded that my earlier adverse credibility finding overlooked her "
        "explanation.")}


def test_past_persecution_named_with_or_without_its_ground():
    assert ("past_persecution", "established") in labels(
        "The two beatings he suffered in custody constitute past persecution on account of "
        "his religion.")
    assert ("past_persecution", "not_established") in labels(
        "Threats that were never acted upon are not past persecution.")


def test_a_threat_to_life_or_freedom_is_no_well_founded_fear():
    assert "well_founded_fear" not in {label for label, _ in _rulings(
        "The presumption of a threat to her life or freedom stands unrebutted.")}


def test_papers_too_weak_to_carry_the_account():
    got = labels("The two letters from his cousin are insufficient to carry his burden.")
    assert ("corroboration", "insufficient") in got
    assert ("burden_of_proof", "not_met") in got
    assert ("corroboration", "insufficient") in labels(
        "The evidence he submitted is not enough to back up his account.")
    assert ("corroboration", "sufficient") in labels(
        "I find her account believable and corroborated by two affidavits.")


def test_a_power_to_rule_is_not_its_exercise():
    """ "I can give voluntary departure if ..." explains; it grants nothing."""
    assert "voluntary_departure" not in {label for label, _ in _rulings(
        "At this stage of the case I can give you voluntary departure, provided you give up "
        "any appeal.")}
    assert ("asylum", "denied") in _rulings("On this record I could not grant asylum.")


def test_even_credible_testimony_states_the_law():
    assert "credibility" not in {label for label, _ in labels(
        "Even credible applicants can be asked for the documents they could obtain.")}


def test_a_bar_given_as_the_reason_for_a_denial_is_a_denial():
    assert ("withholding_of_removal", "denied") in _rulings(
        "His withholding claim is barred by the serious crime, so it must be denied.")


def test_the_alternate_order_beside_the_law_of_departure_is_still_the_order():
    """The condition's other consequences ("..., and she may also be fined") make the
    sentence read like the law; the alternate order in it is entered all the same."""
    assert ("removal_order", None) in _rulings(
        "If she has not left by then, this turns into an order of removal to Chile, and she "
        "may also be fined.")
