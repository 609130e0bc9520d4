"""The tag stage: credibility findings, rulings and appeal events in a transcript.

Each segment (or line of a plain-text transcript) is split into sentences. In each
sentence the phrase lexicon (:mod:`hearingproc.tagging.lexicon`, with negation) and the
MiniLM sentence classifier (:mod:`hearingproc.tagging.classifier`) propose tags; scope rules
drop what is no finding (a question, a quoted legal standard), and the speaker's role
decides what may be tagged at all:

- the judge: every label;
- DHS or respondent's counsel: only their own appeal reserved or waived (a question from
  counsel or an argument in closing is no ruling);
- applicant, interpreter, witness: nothing (an interpreter rendering the applicant's words
  is testimony, not a finding), except the respondent's answer to the appeal question;
- unknown role (no roles assigned yet): every label, at lower confidence.

A lexicon tag takes its confidence from how strongly the classifier agrees; a sentence the
lexicon misses (ASR noise, unusual phrasing) is tagged by the classifier alone when its
probability is high and the sentence names the subject at all (a loose keyword gate).
A discourse layer (:mod:`hearingproc.tagging.discourse`) then reads each sentence against the
ones before it: a ruling by reference ("each of them is denied", "I will grant it") takes the
applications of the same speaker's recent sentences, "I decline to do so" answers a party's
reported request, and a party's answer to the judge's question about appeal ("We accept.",
"No.", "It does not.", "Same.") is an appeal event of the party who speaks (the respondent
also through the interpreter). Such a tag quotes the antecedent sentence before the referring
one, its ``segments`` hold both, and ``attributes`` name the ``antecedent_segments``, the
``discourse`` kind and the ``referring`` words.

Restatements of one finding in neighbouring segments are merged into one tag (not the same
finding about another person: a family's consolidated case gets one tag each), and the legal
co-occurrence checks (:mod:`hearingproc.tagging.checks`) note what a ruling lacks.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from typing import Any

from hearingproc.errors import ConfigError
from hearingproc.tagging import (
    COUNSEL_LABELS,
    COUNSEL_ROLES,
    EVENT_LABELS,
    JUDGE_ROLES,
    NEGATED,
    UNKNOWN_ROLES,
)
from hearingproc.tagging import appeal as appeal_reading
from hearingproc.tagging import attributes as attrs
from hearingproc.tagging import discourse as disc
from hearingproc.tagging.checks import run_checks
from hearingproc.tagging.lexicon import (
    BARE_APPEAL,
    CAT_WITHHOLDING_RE,
    CLAUSE_BREAK,
    CONDITIONAL_RULES,
    DISCLAIMED,
    IN_WITHHOLDING_STANDARD,
    NEGATOR,
    NOT_A_NEGATION,
    NOT_REACHED,
    PRE_WINDOW_WORDS,
    PUT_OFF_WORDS,
    UNDECIDED,
    Hit,
    bare_appeal_hit,
    continuance_set_aside,
    dropped_labels,
    find_hits,
    is_filing_fact,
    names_application,
    normalise,
)
from hearingproc.tagging.scope import (
    CONTRAST,
    REPORTED,
    is_hypothetical,
    is_offer,
    is_question,
    is_reported,
    is_standard,
)
from hearingproc.tagging.sentences import (
    Sentence,
    Utterance,
    join_run_ons,
    reads_as_english,
    sentences_of,
    utterances_of,
)
from hearingproc.transcript import ModelInfo, Tag, Transcript

log = logging.getLogger(__name__)

CLASSIFIER_SOURCE = "classifier:minilm-softmax"
APPLICATION_LABELS = frozenset({"asylum", "withholding_of_removal", "cat_protection",
                                "voluntary_departure"})
APPEAL_WORD = re.compile(r"\bappeal")
# Who answers for the respondent: the respondent, or the interpreter rendering the answer.
RESPONDENT_VOICES = frozenset({"applicant", "interpreter"})
TESTIFYING = RESPONDENT_VOICES | {"witness"}
# The judge recording a party's answer, the party as subject ("DHS reserves", "both waive").
JUDGE_RECORDS = re.compile(
    r"\b(?:dhs|department|government|respondent|both (?:sides|parties)|the parties|each side)"
    r"\s+(?:\w+\s+)?(?:reserves?|waiv|waives?|reserved|waived)\b")
DISCOURSE_CONFIDENCE = 0.75
# The interpreter's answer to the oath ("I do.", "Yes, I swear."): the oath is taken there.
OATH_ANSWER = re.compile(r"^\s*(?:yes,? )?(?:i do|i will|i (?:so )?swear|i (?:do )?affirm|yes)\b"
                         r"(?!\s*(?:not\b|n't))")
# An oath put without a question mark (speech recognition: "... do you swear that you will
# interpret accurately ..."), and how many words in the other language may come before the
# English answer ("Opo. I swear.", "Oui. I do.").
OATH_PUT = re.compile(r"\bdo you (?:solemnly )?(?:swear|affirm)\b"
                      # "will you uh faithfully translate ..."; "Please affirm that you will ..."
                      r"|\bwill you\b|\b(?:please )?(?:swear|affirm) that you will\b")
OATH_PREFIX_WORDS = 2
CONFUSED = {"well_founded_fear": ("past_persecution",), "past_persecution": ("well_founded_fear",)}
# A judge's sentence about appeal is a party's answer only when it names one ("DHS reserves",
# "appeal waived", "the decision is final"); "appeal from dhs" asks the question.
JUDGE_APPEAL_CUE = re.compile(r"waiv|reserv|accept|\bfinal\b|no appeal|will appeal|appealing")
MODALITY = re.compile(r"\b(?:would|might|may well|could|cannot say|can't say|it may be|"
                      r"assume|assumes|assuming|presume|may (?:need|require|call for)|"
                      r"inclined to)\b")
# What a sentence must hold before the classifier alone may read a ruling on an application.
# ("with its approval" names the state's consent to torture, no ruling)
RULING_CUE = re.compile(r"\b(?:grant\w*|den(?:y|ies|ied|ial|ying)|pretermit\w*|withh(?:olds?|eld)|"
                        r"defer(?:s|red|ring)?|approv(?:e|es|ed|ing)|reject\w*|fail\w*|succeed\w*|"
                        r"qualif\w*)\b")
# A denial the classifier alone reads needs a word that denies or negates.
DENIAL_WORD = re.compile(r"\b(?:den(?:y|ies|ied|ial|ying)|reject\w*|fail\w*|not|no|never|"
                         r"cannot|nor|neither|without|ineligible|barred|pretermit\w*|defeat\w*|"
                         r"falls?|fell|insufficient|unable)\b|n't\b")
APPEAL_CONTEXT = 3  # sentences back in which the appeal question counts as just asked
# Counsel speaking within this many utterances of the judge's ruling, or of another party's
# answer about appeal, answers about appeal though nobody asked ("Asylum is granted." -
# "We'll accept the decision, Judge.").
DECISION_REACH = 3
DECISION_LABELS = APPLICATION_LABELS | {"removal_order", "termination"}
# A ruling on relief the tagger has no label for ("The application for adjustment of status is
# granted"): counsel may answer about appeal after it too.
OTHER_DECISION = re.compile(
    r"\b(?:application|petition) for (?:\w+ ){0,4}(?:is|are) (?:hereby )?"
    r"(?:granted|denied)\b")
# A question that only hands the floor to a party ("Mr. Ocampo?", "Ms. Lee, for the
# Department?") asks about nothing else.
ADDRESS = re.compile(r"\b(?:and |for |from )?(?:the )?(?:(?:mr|ms|mrs|dr)\.? [\w'-]+|counsel|"
                     r"(?:his|her|their) (?:lawyer|attorney)|"
                     r"department|government|dhs|respondent|your honor|judge)\b")
# Words a sentence must contain before the classifier alone may give it a label.
GATES = {label: re.compile(p) for label, p in {
    # an evaluative word, not the mere mention of testimony ("I watched him while he testified")
    "credibility": (r"credib|believ|consisten|plausib|truth|demeano|candid|detail|honest|"
                    r"reliab|rely|weight|accept|doubt|contradict|vague|evasiv|rehears|sincer|credit|"
                    r"forthright|embellish|fabricat|invent|coheren|specific|steady|unchanged"),
    "corroboration": (r"corroborat|evidence|document|letter|affidavit|record|report|exhibit|"
                      r"statement|certificate|photograph|borne out|bears? out"),
    "burden_of_proof": r"burden",
    # the reason for the harm, named in any of its usual forms
    "nexus": (r"account of|central reason|nexus|because|protected ground|motiv|connected|linked|"
              r"tied to|dispute|feud|quarrel|grudge|extort|criminal|robber|imputed|perceived|"
              r"suspected|took (?:him|her|them) for|political|religio|ethnic|\brace\b|social group|"
              r"cognizable|membership|reason|attribut|\bwhy\b|faith|worship|protest|opinion"),
    "past_persecution": r"persecut|presumption|severity|mistreat",
    "well_founded_fear": (r"fear|affair|persecut|relocat|(?<!flight )\brisk\b(?! of flight)|"
                          r"\bsafe(?:ly)?\b|return|sent back|presum|reasonable possibility"),
    # a filing named with its time: "filed four years after", "not until 2021", "late"
    "one_year_bar": (r"one year|1 year|deadline|timely|circumstances|\blate\b|delay|\buntil\b|"
                     r"\b(?:years?|months?|weeks?)\b (?:\w+ ){0,3}(?:after|later|before|go by|"
                     r"passed|had run)|(?:after|of) (?:his|her|their) arrival"),
    "discretion": r"discretion",
    "asylum": r"asyl|sylum",
    "withholding_of_removal": r"withh?old",
    "cat_protection": r"torture|convention|\bcat\b|deferral|acquiesc|blind eye",
    "voluntary_departure": (r"voluntar|depart|leave (?:\w+ ){0,2}on (?:your|his|her|their) own|"
                            r"leave by|be gone by"),
    "removal_order": r"remov|deport",
    "continuance": (r"continu|reset|next hearing|postpone|reschedul|see you|come back|again on|"
                    r"\bdate\b|january|february|march|april|\bmay \d|june|july|august|september|"
                    r"october|november|december"),
    "termination": r"terminat|dismiss|administrativ|closure",
    "appeal": r"appeal",
    # the oath, not any mention of the interpreter ("the interpreter will translate
    # everything")
    "interpreter_sworn": (r"swear|sworn|affirm|oath|promise|solemn|interpret\w* (?:\w+ ){0,8}"
                          r"(?:accurate|true|truthful|faithful|complete|correct|best of)"),
    "frivolousness_warning": r"frivolous",
}.items()}


# The flaws an adverse credibility finding names. With every one of them negated ("she did
# not embellish", "no inconsistency of any weight") the classifier, blind to negation, reads
# the flaw as if it were asserted.
FLAWS = re.compile(r"inconsisten|contradict|vague|evasiv|rehears|embellish|fabricat|invent|"
                   r"implausib|exaggerat")


# An account weighed against the papers ("it matched her declaration and the medical
# evaluation"): a reason for the credibility finding in the same sentence.
CONSISTENCY = re.compile(r"\b(?:matched|matches|tracked|tracks|consistent with|in line with|"
                         r"agreed with|agrees with)\b")


# A corroboration finding weighs the evidence against the account: a sentence that only lists
# what the record holds ("The record consists of Exhibits 1 through 7, including her
# declaration, ...") or uses a record for something else ("the record shows no arrests";
# "confronted with the fingerprint records") finds nothing the classifier may read.
WEIGHED_EVIDENCE = re.compile(
    r"corroborat|support|confirm|\blines? up|\blined up|\bmatch|consisten|"
    r"\b(?:bears?|bore|borne) (?:\w+ )?out\b|\bbacks? up|\bbacked up|\benough\b|sufficien|"
    r"adequa|\bweight|\black|absen|missing|\bnothing\b|\bnone\b|"
    r"\bno (?:\w+ ){0,2}(?:evidence|documents?|documentation|letters?|records?|reports?|"
    r"affidavits?|proof|statements?|certificates?|photographs?)\b|"
    r"\bfail|\bunable\b|make up for|\bfill|\bcalls? for|\bcalled for|\bneed|\brequir|"
    r"\bexpect|reasonabl|availab|\bmention")


# Pleading, not ruling: the country of removal designated ("Honduras was designated as the
# country of removal") orders nothing until an order is named.
DESIGNATION = re.compile(r"\bdesignat\w*|\bcountry of removal\b")
# a ruling whose subject refers back to an application named earlier in the sentence
REFERRING_RULING = re.compile(r"\s*(?:that|this|the same) (?:application|claim|request) (?:is|was) "
                              r"(?:also |likewise |therefore )?(?:granted|denied|pretermitted)\b")
ORDER_WORD = re.compile(r"\border\w*")
# An oath already taken, recalled ("you remain under oath", "you are still sworn"): none is
# taken now.
OATH_STANDS = re.compile(r"\b(?:remains?|remained|still|continues? to be|are still|is still) "
                         r"(?:under (?:\w+ )?oath|sworn|bound by (?:\w+ )?oath)\b"
                         # a staff interpreter sworn at another time: "who has been previously
                         # sworn", "already sworn"
                         r"|\b(?:previously|already|earlier) (?:been )?sworn\b"
                         # "The Punjabi interpreter was sworn at the start of the docket";
                         # "... was sworn earlier today"
                         r"|\b(?:was|were|has been|had been) sworn (?:in )?(?:earlier|before|"
                         r"previously|this morning|at the (?:start|beginning|outset|opening)|for "
                         r"the (?:whole |entire |full )?(?:docket|calendar|morning|day))\b"
                         # an oath for another day: "we will swear both interpreters that day"
                         r"|\b(?:will|'ll|shall|(?:are|is|am) going to) (?:\w+ ){0,1}"
                         r"(?:swear|affirm)\b(?=[^.;]{0,80}\b(?:that day|(?:the )?next (?:hearing|"
                         r"time|date|setting)|at the (?:individual|merits|final) hearing|tomorrow|"
                         r"on (?:the )?"
                         r"(?:january|february|march|april|may|june|july|august|september|october|"
                         r"november|december|monday|tuesday|wednesday|thursday|friday))\b)")


# The presumption that past persecution raises, named as arising ("That entitles him to a
# presumption of a well-founded fear"): the fear is found only once the presumption is weighed
# against the Department's showing, which the sentence does not do.
PRESUMPTION_ARISES = re.compile(
    r"\b(?:entitle[ds]? (?:\w+ )?to|gives? (?:rise to|him|her|them)|giving (?:rise to|him|her|"
    r"them)|triggers?|creates?|carries|raises?|(?:starts?|starting|begins?|beginning) "
    r"(?:out |off )?with|enjoys?) (?:a |the )?(?:benefit of (?:a |the )?)?"
    r"(?:rebuttable )?presumption\b"
    r"|\bpresumption (?:\w+ ){0,8}(?:arises|applies|attaches)\b|\bpresumed to (?:have|face)\b")
REBUTTAL = re.compile(r"\b(?:rebut\w*|overc[oa]me\w*|unrebutted|stands|not (?:shown|established|"
                      r"demonstrated)|fundamental|changed)\b")


# An order standing from before ("The deportation order of 2018 remains in force."):
# none is made now.
# (not what stays in place beside it: "that order may not be carried out while deferral
# remains in place")
ORDER_STANDS = re.compile(r"\border\b(?:(?!\b(?:while|whilst|as long as|so long as|until|but|"
                          r"whereas)\b)[^.;])*\b(?:remains?|remained|stays?|stands|continues?|"
                          r"is still) (?:in (?:full )?(?:force|effect|place)|outstanding)\b")
# A ruling told as the case's history ("She was ordered removed in 2015 after her asylum claim
# was denied."): in the past tense, dated in a past year, and no ruling made now beside it.
PAST_YEAR = re.compile(r"\b(?:in|on|of|since|from) (?:[\w,]+ ){0,2}(?:19|20)\d\d\b")
PAST_RULING = re.compile(r"\b(?:was|were|had been)(?: \w+)? (?:ordered|denied|granted|"
                         r"pretermitted|terminated|dismissed)\b")
# The court's own earlier decision told ("In my decision of October 2024 I denied asylum,
# finding that ..."): what it found then is history, whatever the label.
PRIOR_DECISION = re.compile(
    r"\b(?:in|by) (?:my|the court's|this court's|the) (?:earlier |prior |previous |original |"
    r"first )?(?:oral |written )?(?:decision|ruling|order)s? (?:of|dated|from|issued (?:on|in)|"
    r"in) (?:[\w,]+ ){0,2}(?:19|20)\d\d\b"
    r"|\b(?:in|by) my (?:earlier|prior|previous|original|first) (?:oral |written )?"
    r"(?:decision|ruling)\b")
RULING_NOW = re.compile(r"\b(?:is|are|be|am) (?:hereby |therefore |also )?(?:ordered|denied|"
                        r"granted|pretermitted|terminated|dismissed)\b|\b(?:i|the court)(?: \w+)? "
                        r"(?:order|orders|grant|grants|deny|denies|pretermit|pretermits)\b")


# The last setting's reset recalled: "At the last hearing I ... reset the case so he could
# get it" (not "At the last hearing you asked for time; I will reset the case").
PREVIOUS_SETTING = re.compile(r"\b(?:at|during|after) (?:the|our|your|his|her) (?:last|previous|"
                              r"prior|earlier|first) (?:\w+ )?(?:hearing|setting|court date)\b"
                              r"|^\s*(?:the )?last time\b")
RESET_TOLD = re.compile(r"\b(?:reset|continued|adjourned|postponed|rescheduled)\b")
RESET_NOW = re.compile(r"\b(?:will|'ll|am going to|i'm going to|must|shall|resetting|continuing|"
                       r"adjourning|postponing|today|now)\b")


CLEAR_PROBABILITY = re.compile(r"\bclear probability\b")
FUTURE_HARM = re.compile(r"\b(?:would|'d|will) (?:\w+ ){0,4}be (?:persecuted|harmed|tortured|"
                         r"killed|targeted)\b")
# the findings a discretionary weighing names as its factors, not findings of its own
WEIGHED_IN_DISCRETION = frozenset({"past_persecution", "well_founded_fear", "nexus",
                                   "credibility"})
DISCRETION_WEIGHED = re.compile(r"\b(?:outweigh\w*|adverse factors|positive factors|favou?rable "
                                r"factors|totality of (?:the )?(?:circumstances|factors)|weighing "
                                r"the totality)\b")
# a grant put off ("I am not granting it today"), which denies nothing
PUT_OFF = re.compile(rf"\b(?:not|n't) (?:\w+ )?grant\w* (?:[\w']+ ){{0,3}}{PUT_OFF_WORDS}\b")
# the reason for the harm feared, which is the nexus finding, not one on the fear
FEARED_REASON = re.compile(r"\b(?:harm|persecution|what) (?:he|she|they|you) fears? (?:\w+ ){0,2}"
                           r"(?:is|was|would be) (?:\w+ ){0,2}(?:on account of|because of|tied "
                           r"to|linked to|based on)\b")


def _history(label: str, norm: str) -> bool:
    """A decision the sentence recalls rather than makes: an order standing from before, or
    a ruling told in the past tense with its year."""
    if label == "removal_order" and ORDER_STANDS.search(norm):
        return True
    if (label == "continuance" and PREVIOUS_SETTING.search(norm) and RESET_TOLD.search(norm)
            and not RESET_NOW.search(norm)):
        return True
    if PRIOR_DECISION.search(norm) and not RULING_NOW.search(norm):
        return True
    return (label in DECISION_LABELS and bool(PAST_YEAR.search(norm))
            and bool(PAST_RULING.search(norm)) and not RULING_NOW.search(norm))


# A party's motion named ("The parties have filed a joint motion to terminate."): what it
# asks for is no event until the court rules on it.
MOTION_FOR = re.compile(r"\b(?:motion|moves?|moved|asks?|asked|requests?|requested|seeks?|sought) "
                        # ("a written motion from the Department to dismiss these proceedings")
                        r"(?:\w+ ){0,4}?(?:to|for) (?:an? |the )?(?:\w+ (?:and|or) )?\w+")
MOTION_RULED = re.compile(r"\b(?:granted|grant|grants|dismissed|terminated|closed|continued|"
                          r"reset)\b")
MOTION_LABELS = frozenset({"termination", "continuance"})


# The hearing named, not continued: "This is a continued individual hearing."
HEARING_NAMED = re.compile(r"\bcontinued (?:\w+ ){0,2}(?:hearing|calendar|session)\b")


def _gates_within(label: str, norm: str, scope: re.Pattern[str]) -> bool:
    """``norm`` names ``label``'s subject, and every word that does lies in a span of
    ``scope``."""
    gates = list(GATES[label].finditer(norm))
    spans = [(m.start(), m.end()) for m in scope.finditer(norm)]
    return bool(gates) and all(any(a <= g.start() < b for a, b in spans) for g in gates)


def _hearing_named(label: str, norm: str) -> bool:
    """Every word that names a continuance lies in the name of this hearing."""
    return label == "continuance" and _gates_within(label, norm, HEARING_NAMED)


def _motion_only(label: str, norm: str) -> bool:
    """Every word that names ``label``'s event lies in a motion for it, and nothing rules."""
    if label not in MOTION_LABELS or MOTION_RULED.search(norm):
        return False
    return _gates_within(label, norm, MOTION_FOR)


def _gate_unasserted(label: str, norm: str) -> bool:
    """Every word that names ``label``'s subject lies where nothing is decided: in an
    assumption or a question left open (an event's, in a disclaimer: "I make no finding that
    the application is frivolous" warns of nothing)."""
    return _gates_within(label, norm, DISCLAIMED if label in EVENT_LABELS else UNDECIDED)


def flaws_negated(norm: str) -> bool:
    """``norm`` names a flaw of testimony, and each has a negator among the clause-bounded
    words before it."""
    found = list(FLAWS.finditer(norm))
    for m in found:
        before = norm[:m.start()]
        breaks = list(CLAUSE_BREAK.finditer(before))
        window = " ".join(before[breaks[-1].end() if breaks else 0:].split()[-PRE_WINDOW_WORDS:])
        if not NEGATOR.search(NOT_A_NEGATION.sub(" ", window)):
            return False
    return bool(found)


# the conclusion a supposition draws, recorded: "..., so both parties waive."
SO_RECORDED = re.compile(r",\s*so (.+)$")


@dataclass(frozen=True)
class TagOptions:
    enabled: bool = True  # run the tag stage in `hearingproc process`
    classifier: bool = True  # use the sentence classifier beside the lexicon
    min_probability: float = 0.7  # least label probability for a classifier-only tag
    unknown_role_factor: float = 0.8  # confidence multiplier where the speaker's role is unknown
    merge_gap: int = 2  # restatements at most this many segments apart become one tag
    encoder: str | None = None  # sentence-encoder folder; None: the embedded MiniLM

    def __post_init__(self) -> None:
        if not 0.0 < self.min_probability <= 1.0:
            raise ConfigError(f"tag min_probability must be in (0, 1], got {self.min_probability}")
        if not 0.0 < self.unknown_role_factor <= 1.0:
            raise ConfigError(f"tag unknown_role_factor must be in (0, 1], got "
                              f"{self.unknown_role_factor}")
        if self.merge_gap < 0:
            raise ConfigError(f"tag merge_gap must be >= 0, got {self.merge_gap}")


@dataclass
class Draft:
    """A tag being built: one or more supporting sentences."""

    label: str
    polarity: str | None
    sentences: list[Sentence]
    confidence: float
    sources: list[str]
    attributes: dict[str, Any] = field(default_factory=dict)
    # the discourse layer's antecedents: quoted and pointed to, but not where it is said
    context: list[Sentence] = field(default_factory=list)
    withdrawn: bool = False  # the speaker took it back in the same turn ("Actually, no, ...")
    source_kind: str = ""  # "yes-no": an appeal answer read from a bare "yes" or "no"

    @property
    def first(self) -> int:
        """The first segment id."""
        return self.sentences[0].segments[0]

    @property
    def last(self) -> int:
        return self.sentences[-1].segments[-1]


def allowed(label: str, role: str | None, answering: bool = False) -> bool:
    """May speech of ``role`` carry a ``label`` tag? (``answering``: the speaker answers the
    judge's question about appeal, and the respondent's own answer, through the interpreter
    or not, carries an appeal event.)"""
    if role in JUDGE_ROLES or role in UNKNOWN_ROLES:
        return True
    if answering and role in RESPONDENT_VOICES and label == "appeal":
        return True
    return role in COUNSEL_ROLES and label in COUNSEL_LABELS


def _in_scope(label: str, norm: str, at: int | None = None) -> bool:
    """Whether a finding of ``label`` read in ``norm`` (at offset ``at``, when known) is
    the speaker's own: not a question, a quoted standard or a reported argument."""
    if label == "appeal" and (is_offer(norm) or disc.CHOICE.search(norm)):
        return False
    return label in EVENT_LABELS or not (is_question(norm) or is_standard(norm, at)
                                         or is_reported(norm, at))


def _attributes(label: str, sentence: Sentence) -> dict[str, Any]:
    return attrs.extract(label, sentence.text)


def _hits(sentence: Sentence, appeal_asked: bool) -> list[Hit]:
    """The lexicon's hits, counsel's (or the respondent's) one-word answer to the appeal
    question, and the judge recording a party's answer ("All right, DHS reserves."). Words a
    speaker withdrew in the same sentence ("I'll deny asylum for want of, no, strike that,
    I'm not going to deny it") are not read."""
    hits = find_hits(_kept_text(sentence.text))
    role = sentence.utterance.role
    answers = role in COUNSEL_ROLES or (
        (role in UNKNOWN_ROLES or role in RESPONDENT_VOICES) and appeal_asked)
    records = role in JUDGE_ROLES and JUDGE_RECORDS.search(normalise(sentence.text))
    if (answers or records) and not any(h.label == "appeal" for h in hits):
        answer = bare_appeal_hit(sentence.text)
        hits += [answer] if answer else []
    return hits


def _kept_text(text: str) -> str:
    """What stands of a sentence after the speaker's last correction inside it, and after
    the court's contrast with a party's reported argument ("Counsel argues that he was
    persecuted, but I cannot agree: ... is not persecution")."""
    norm = normalise(text)
    marks = list(appeal_reading.RETRACTION.finditer(norm))
    if marks and marks[-1].start() > 0:
        return text[marks[-1].end():]
    report = REPORTED.search(norm)
    turn = CONTRAST.search(norm, report.end()) if report else None
    if turn is not None:
        if report is not None and REFERRING_RULING.match(norm, turn.end()) \
                and names_application(norm[:report.start()]):
            # the ruling refers back past the report to the application named before it ("As
            # for the Convention, he does not claim that ..., and that application is
            # denied"): the report alone is set aside, in place
            return text[:report.start()] + " " * (turn.end() - report.start()) + text[turn.end():]
        return text[turn.end():]
    return text


def _lexicon_drafts(sentence: Sentence, probs: dict[str, float], appeal_asked: bool,
                    answering: bool = False) -> list[Draft]:
    from hearingproc.tagging.classifier import class_name

    drafts = []
    norm = normalise(sentence.text)
    offset = len(sentence.text) - len(_kept_text(sentence.text))  # hits read after a correction
    for hit in _hits(sentence, appeal_asked or answering):
        if not allowed(hit.label, sentence.utterance.role, answering):
            continue
        if hit.label == "interpreter_sworn" and OATH_STANDS.search(norm):
            continue  # the oath taken before, recalled ("... and remains under oath")
        if _history(hit.label, norm):
            continue  # "She was ordered removed in 2015."
        if hit.label == "continuance" and continuance_set_aside(norm):
            continue  # "The hearing set for March 3 is vacated, and no new date is given."
        if not _in_scope(hit.label, norm, offset + hit.start) and not (
                hit.rule in CONDITIONAL_RULES and not is_question(norm)):
            continue  # (the alternate order is stated as the law of its condition)
        same = probs.get(class_name(hit.label, hit.polarity), 0.0)
        label_p = _label_probability(probs, hit.label)
        confidence = min(0.99, 0.6 + 0.25 * label_p + 0.1 * same)
        source = f"lexicon:{hit.rule}" + ("+classifier" if label_p >= 0.5 else "")
        drafts.append(Draft(hit.label, hit.polarity, [sentence], confidence, [source],
                            _attributes(hit.label, sentence)))
    return drafts


def _label_probability(probs: dict[str, float], label: str) -> float:
    """The classifier's probability of ``label`` whatever its polarity."""
    return sum(p for c, p in probs.items() if c == label or c.startswith(label + "/"))


def _classifier_draft(sentence: Sentence, probs: dict[str, float], taken: set[str],
                      options: TagOptions) -> Draft | None:
    from hearingproc.tagging.classifier import NONE, split_class

    labels = {label for c in probs if (label := split_class(c)[0]) is not None}
    label = max(labels, key=lambda name: _label_probability(probs, name))
    label_p = _label_probability(probs, label)
    if label in taken or label_p < options.min_probability or label_p < probs.get(NONE, 0.0):
        return None
    if any(label in CONFUSED.get(t, ()) for t in taken):
        # the classifier confuses these neighbours ("a well-founded fear of persecution" read
        # as past persecution): where the lexicon found one, it does not add the other
        return None
    if label in dropped_labels(sentence.text):
        return None  # the lexicon read a negation that leaves no tag
    best = max((c for c in probs if split_class(c)[0] == label), key=probs.__getitem__)
    polarity = split_class(best)[1]
    norm = normalise(sentence.text)
    if not GATES[label].search(norm) or not allowed(label, sentence.utterance.role):
        return None
    if label == "well_founded_fear" and "nexus" in taken and FEARED_REASON.search(norm):
        return None  # "the harm she fears is on account of her political opinion": the reason
    if _gate_unasserted(label, norm):
        return None  # "I'll take her account as true without deciding credibility"
    if label == "credibility" and polarity == "adverse" and flaws_negated(norm):
        return None  # "she did not embellish": the lexicon reads the negation
    if label in WEIGHED_IN_DISCRETION and DISCRETION_WEIGHED.search(norm):
        return None  # "Weighing the totality, including the persecution he suffered, ...": a
        # factor weighed in discretion, which the lexicon reads
    if label == "corroboration" and "credibility" in taken and CONSISTENCY.search(norm):
        return None  # the papers an account matched are the credibility finding's basis
    if label == "withholding_of_removal" and not GATES[label].search(
            CAT_WITHHOLDING_RE.sub(lambda m: " " * len(m.group()), norm)):
        return None  # "Withholding under the Convention is denied": that is the CAT claim
    if label == "removal_order" and DESIGNATION.search(norm) and not ORDER_WORD.search(norm):
        return None  # the country designated at pleading
    if label == "interpreter_sworn" and OATH_STANDS.search(norm):
        return None  # the oath taken before, recalled
    if label == "well_founded_fear" and PRESUMPTION_ARISES.search(norm) and not REBUTTAL.search(
            norm):
        return None  # "That gives him a presumption of a well-founded fear.": not yet weighed
    if _history(label, norm):
        return None  # a decision recalled
    if label == "past_persecution" and (CLEAR_PROBABILITY.search(norm) or FUTURE_HARM.search(
            norm)) and "past" not in norm:
        return None  # "a clear probability of persecution" is the withholding standard's future
        # ("I don't find that you'd more likely than not be persecuted")
    if (label, polarity) == ("corroboration", "required") and PREVIOUS_SETTING.search(norm):
        return None  # "At the last hearing the Court told him it expected a letter ...": recalled
    if _motion_only(label, norm):
        return None  # "a joint motion to terminate" asks, rules on nothing
    if _hearing_named(label, norm):
        return None  # "This is a continued individual hearing."
    if label == "corroboration" and not WEIGHED_EVIDENCE.search(norm):
        return None  # the record listed or used for something else weighs no evidence
    if (label == "appeal" and sentence.utterance.role not in COUNSEL_ROLES
            and not JUDGE_APPEAL_CUE.search(norm)):
        return None
    if label in APPLICATION_LABELS and (NOT_REACHED.search(norm)
                                        or not RULING_CUE.search(norm)):
        return None  # "I do not reach the CAT claim"; "What remains is deferral of removal"
    if label in APPLICATION_LABELS and polarity == "denied" and not DENIAL_WORD.search(norm):
        return None  # "He does qualify for voluntary departure ...": nothing in it denies
    if label in APPLICATION_LABELS and polarity == "denied" and PUT_OFF.search(norm):
        return None  # "I am not granting asylum today.": the grant put off, not refused
    if not _in_scope(label, norm) or is_hypothetical(norm):
        return None
    if label not in EVENT_LABELS and MODALITY.search(norm):
        # the classifier cannot read the scope of a hedge or a conditional ("it may well be
        # that he would face harassment, but I cannot say that ..."): the lexicon decides
        return None
    return Draft(label, polarity, [sentence], 0.85 * label_p, [CLASSIFIER_SOURCE],
                 _attributes(label, sentence))


def _classifier_matters(sentence: Sentence) -> bool:
    """Whether the classifier's reading of ``sentence`` can change its tags: it has a lexicon
    hit (whose confidence the classifier raises), or its speaker may carry a label whose gate
    the sentence passes (the classifier adds nothing else: see ``_classifier_draft``). Most
    of a hearing is testimony, which neither concerns; embedding it was most of tagging's
    time. ``_hits`` is asked as if appeal had just been raised, which finds every hit it
    could find later."""
    role = sentence.utterance.role
    norm = normalise(sentence.text)
    return any(allowed(label, role) and gate.search(norm) for label, gate in GATES.items()) \
        or bool(_hits(sentence, appeal_asked=True))


def _sentence_drafts(sentences: list[Sentence], options: TagOptions) -> list[Draft]:
    probabilities: list[dict[str, float]] = [{} for _ in sentences]
    if options.classifier and sentences:
        from hearingproc.tagging.classifier import load_classifier

        classifier = load_classifier(options.encoder)
        read = [i for i, s in enumerate(sentences) if _classifier_matters(s)]
        matrix = classifier.probabilities([sentences[i].text for i in read])
        for i, row in zip(read, matrix, strict=True):
            probabilities[i] = dict(zip(classifier.classes, map(float, row), strict=True))
    drafts: list[Draft] = []
    oath: Draft | None = None  # the oath just put to the interpreter, for its "I do."
    recent: list[str] = []  # the last few sentences, for "was appeal just asked about?"
    state = _Discourse()
    before: Sentence | None = None  # the sentence just before
    shifts: list[int] = []  # utterances in which the judge turns to another person
    for index, (sentence, probs) in enumerate(zip(sentences, probabilities, strict=True)):
        norm = normalise(sentence.text)
        state.turn(sentence, sentences)
        role = sentence.utterance.role
        # (the respondent may say what he will do about the decision unasked: "I want to appeal
        # the asylum part", right after the judge explains it)
        answering = role not in JUDGE_ROLES and (
            state.question is not None or (role in RESPONDENT_VOICES and state.after_decision()))
        mine = _lexicon_drafts(sentence, probs, any(APPEAL_WORD.search(t) for t in recent),
                               answering)
        recent = (recent + [norm])[-APPEAL_CONTEXT:]
        if SUBJECT_SHIFT.match(norm):
            shifts.append(sentence.utterance.id)
        extra = (_classifier_draft(sentence, probs, {d.label for d in mine}, options)
                 if probs else None)
        found = mine + ([extra] if extra else [])
        found += state.resolve(sentence, norm, found)
        found += _papers_judged(sentence, norm, before, found, drafts)
        found += _self_answer(sentence, norm, before, found)
        if oath is not None and role in RESPONDENT_VOICES | UNKNOWN_ROLES:
            answer = _oath_answer(sentences, index)
            if answer is not None:
                oath.sentences.append(answer)  # the interpreter takes the oath put to them
        oath = next((d for d in found if d.label == "interpreter_sworn"
                     and _puts_oath(normalise(d.sentences[-1].text))), None)
        for draft in found:
            if role in UNKNOWN_ROLES:
                draft.confidence *= options.unknown_role_factor
            drafts.extend(_split_appeal(draft))
        _disclaim(sentence, norm, drafts, before)
        before = sentence
    _excused_lateness(drafts, _runs(sentences))
    _pretermission_explained(drafts)
    _filing_facts_ruled_on(drafts, shifts)
    _fear_after_bar(drafts)
    _turn_decides(drafts)
    return [d for d in drafts if not d.withdrawn]


def _turn_decides(drafts: list[Draft]) -> None:
    """The classifier's guess at a finding's polarity gives way to the lexicon's reading of
    the same finding in the same turn ("..., relocation is not realistic, and nothing suggests
    the government's view of him has changed. His fear of future persecution is well
    founded."): the turn concludes one way."""
    read = {(d.label, d.polarity, s.utterance.id) for d in drafts
            if any(src.startswith("lexicon:") for src in d.sources) for s in d.sentences}
    for draft in drafts:
        if draft.sources != [CLASSIFIER_SOURCE] or draft.label in EVENT_LABELS:
            continue
        turn = draft.sentences[0].utterance.id
        if any(label == draft.label and polarity != draft.polarity and utterance == turn
               for label, polarity, utterance in read):
            draft.withdrawn = True


# No more asked for, in a sentence of its own after the papers ("The letters and the
# certificate are in the record; I would not ask for anything further."; "...; nothing more is
# needed"): the papers suffice.
NOTHING_MORE = re.compile(
    r"^\s*(?:and |so )?(?:(?:i|the court|we) (?:need|needs|require|requires|ask for|asks for|want|"
    r"expect) nothing (?:more|further|else)"
    r"|(?:i|the court|we) (?:would|could|will|do|does|did|need|can)(?: not|n't) (?:\w+ )?(?:ask|"
    r"expect|require|demand|need) (?:for )?(?:anything|any) (?:more|further|else)"
    r"|nothing (?:more|further|else) (?:(?:is|was|would be|could be) (?:\w+ )?)?(?:needed|"
    r"necessary|required|called for|asked))(?:\s+[\w']+){0,4}\s*[.!]?\s*$")
# The papers just named called enough ("She has now produced a statement from the cousin and a
# letter from the hospital. That is what I asked for, and it is enough.").
CALLED_ENOUGH = re.compile(
    r"^\s*(?:and |so )?(?:(?:that|this)(?:'s| is) what (?:i|the court) (?:had )?(?:asked|was "
    r"asking|requested) for,? (?:and )?)?(?:it|that|this|they|those|these)(?:'s| is| are| was| "
    r"were) (?:(?!not\b|hardly\b|never\b)\w+ )?(?:enough|sufficient|adequate)(?:,? (?:judge|"
    r"for me|for the court|here|on this record))?\s*[.!]?\s*$")
# ... or given little weight ("The party letter ... and the certificate is unsigned. I give
# them little weight, ...").
LITTLE_WEIGHT = re.compile(
    r"^\s*(?:and |so |but )?(?:i|the court) (?:\w+ )?(?:give|gives|gave|accord|accords|afford|"
    r"affords|attach|attaches|assign|assigns) (?:them|it|these|those|this|that) (?:very |only )?"
    r"(?:little|no|minimal|limited|slight|scant|reduced|diminished) weight\b")
# ... or said not to have come ("I also asked you to get a letter from your mother ... You
# didn't bring anything.")
NOT_BROUGHT = re.compile(
    r"^\s*(?:and |but |so )?(?:you|he|she|they) (?:didn't|did not|never|have not|haven't|has not|"
    r"hasn't) (?:bring|brought|file|filed|submit|submitted|produce|produced|provide|provided|get|"
    r"got) (?:me |us |the court )?(?:anything|any of (?:it|them|that)|it|them|one|either)"
    r"\s*[.!]?\s*$")
# what the court says of the papers named in the sentence before: the corroboration polarity
PAPERS_JUDGED = ((NOTHING_MORE, "sufficient", "nothing_more"),
                 (CALLED_ENOUGH, "sufficient", "enough"),
                 (LITTLE_WEIGHT, "insufficient", "little_weight"),
                 (NOT_BROUGHT, "insufficient", "not_brought"))
PAPERS = re.compile(r"\b(?:documents?|documentation|letters?|records?|affidavits?|certificates?|"
                    r"reports?|photographs?|translations?|exhibits?|declarations?|statements?|"
                    r"corroborat\w*|evidence)\b")


# The court's own question, answered at once ("Was she truthful? I think she was."; "Did he
# meet his burden? He did not."): the question read as the statement its answer makes.
OWN_QUESTION = re.compile(
    r"^\s*(?:(?:and|so|now|then),? )?(?P<aux>was|were|is|are|did|does|has|have)\s+"
    r"(?P<subject>he|she|they|the (?:respondent|applicant|witness)|(?:his|her|their|the) "
    r"(?:testimony|account|fear))\b(?P<rest>[^?]*)\?\s*$")
SHORT_ANSWER = re.compile(
    r"^\s*(?:(?P<word>yes|no)\b[,.]?\s*)?(?:(?:i (?:think|find|believe|conclude|hold)|in my "
    r"(?:view|judgment)),? (?:that )?)?(?P<clause>(?:he|she|they|it|the (?:respondent|applicant|"
    r"witness))\s+(?:was|were|is|are|did|does|has|have)(?P<not>\s+not|n't)?)?\s*[.!]?\s*$")


def _self_answer(sentence: Sentence, norm: str, before: Sentence | None,
                 found: list[Draft]) -> list[Draft]:
    """The judge's own question answered in the next sentence of the same turn: the findings
    the question names, with the answer's polarity, on both sentences."""
    if (before is None or before.utterance is not sentence.utterance
            or sentence.utterance.role not in JUDGE_ROLES or found):
        return []
    asked = OWN_QUESTION.match(normalise(before.text))
    answer = SHORT_ANSWER.match(norm)
    if asked is None or answer is None or not (answer.group("word") or answer.group("clause")):
        return []  # (an answer says yes or no, or "she was", "he did not")
    negative = bool(answer.group("not")) or answer.group("word") == "no"
    statement = f"{asked.group('subject')} {asked.group('aux')}{asked.group('rest')}."
    out = []
    for hit in find_hits(statement):
        if hit.label in EVENT_LABELS or hit.label == "appeal":
            continue
        polarity = NEGATED[hit.polarity] if negative else hit.polarity
        if polarity is None and hit.polarity is not None:
            continue
        out.append(Draft(hit.label, polarity, [before, sentence], 0.8,
                         ["discourse:own-question"], _attributes(hit.label, sentence)))
    return out


def _papers_judged(sentence: Sentence, norm: str, before: Sentence | None,
                   found: list[Draft], earlier: list[Draft]) -> list[Draft]:
    """The judge weighing the papers named in the sentence before, by pronoun or by asking
    for no more: corroboration suffices (nothing more asked for, "it is enough") or does not
    ("I give them little weight")."""
    if (sentence.utterance.role not in JUDGE_ROLES or before is None
            or (before.utterance.role, before.utterance.speaker)
            != (sentence.utterance.role, sentence.utterance.speaker)
            or any(d.label == "corroboration" for d in found)):
        return []
    judged = next(((polarity, kind) for pattern, polarity, kind in PAPERS_JUDGED
                   if pattern.search(norm)), None)
    if judged is None or not PAPERS.search(normalise(before.text)):
        return []
    if judged[0] == "insufficient":
        # the papers asked for, then not produced: that is the finding, not the request
        for draft in earlier:
            if (draft.label, draft.polarity) == ("corroboration", "required") \
                    and before in draft.sentences:
                draft.withdrawn = True
    return [Draft("corroboration", judged[0], [before, sentence], 0.8,
                  [f"discourse:{judged[1]}"], _attributes("corroboration", sentence))]


def _puts_oath(norm: str) -> bool:
    """An oath sentence that waits for the interpreter's answer: a question, or put without a
    question mark (speech recognition)."""
    return is_question(norm) or bool(OATH_PUT.search(norm))


def _oath_answer(sentences: list[Sentence], first: int) -> Sentence | None:
    """The sentence of the utterance beginning at ``sentences[first]`` that takes the oath
    ("I do."), where the answer in the other language may come first in sentences of at most
    ``OATH_PREFIX_WORDS`` words ("Opo. I swear.")."""
    for answer in sentences[first:]:
        if answer.utterance is not sentences[first].utterance:
            return None
        norm = normalise(answer.text)
        if OATH_ANSWER.match(norm):
            return answer
        if len(norm.split()) > OATH_PREFIX_WORDS:
            return None
    return None


# A fear read only from the presumption or from relocation ("the Department has not shown
# that he could safely relocate"), not from the asylum standard named.
# ("the government hasn't shown that things have changed for people like you")
PRESUMED_FEAR = re.compile(r"\bpresum|\brelocat|\brebut|\bovercom|\bsafely\b|\bchang|\bimprov"
                           r"|\bmov(?:e|ing) (?:elsewhere|to another)\b")
ASYLUM_STANDARD = re.compile(r"\bwell ?founded|\breasonable possibility|\basyl|\bfear")


def _whole_sentence(sentence: Sentence) -> str:
    """The sentence with the clauses the splitter cut off at a semicolon or colon before it,
    back to the previous full stop of its utterance, normalised."""
    text = sentence.utterance.text
    begin = max(text.rfind(stop, 0, sentence.start) for stop in ".?!") + 1
    return normalise(text[begin:sentence.end])


def _fear_after_bar(drafts: list[Draft]) -> None:
    """The presumption and relocation weighed after the speaker has pretermitted asylum, or
    in a sentence about withholding of removal itself, serve withholding (a threat to life or
    freedom): no well-founded fear is found there unless the sentence names the asylum
    standard."""
    barred = [(d.sentences[0].utterance.speaker, d.first) for d in drafts
              if d.label == "asylum" and d.polarity == "pretermitted" and not d.withdrawn]
    for d in drafts:
        norm = normalise(d.sentences[0].text)
        # (or in a sentence about withholding itself, its clauses joined: "Withholding is
        # different; ... it is met here, because the presumption arising from her past
        # persecution is unrebutted.")
        if (d.label == "well_founded_fear" and PRESUMED_FEAR.search(norm)
                and not ASYLUM_STANDARD.search(norm)
                and (GATES["withholding_of_removal"].search(_whole_sentence(d.sentences[0]))
                     or any(speaker == d.sentences[0].utterance.speaker and first < d.first
                            for speaker, first in barred))):
            d.withdrawn = True


def _pretermission_explained(drafts: list[Draft]) -> None:
    """An application the judge cannot give, said in the turn that pretermits it ("That
    means I can't give you asylum. The law takes it off the table, so I am pretermitting
    your asylum application."), is the pretermission put plainly: one ruling, not also a
    denial. A denial in its own words ("asylum is denied") stays."""
    barred = {(id(d.sentences[0].utterance), d.label) for d in drafts
              if d.polarity == "pretermitted" and not d.withdrawn}
    for d in drafts:
        if (d.polarity == "denied" and (id(d.sentences[0].utterance), d.label) in barred
                and d.sources and all(src.startswith(f"lexicon:{d.label}.ruling.granted")
                                      for src in d.sources)):
            d.withdrawn = True


def _runs(sentences: list[Sentence]) -> dict[int, int]:
    """Each utterance (by id) numbered by its run: the consecutive utterances of one speaker,
    a decision given over several lines of the transcript."""
    runs: dict[int, int] = {}
    run, speaker = 0, None
    for sentence in sentences:
        u = sentence.utterance
        if id(u) in runs:
            continue
        if u.speaker != speaker:
            run += 1
        speaker = u.speaker
        runs[id(u)] = run
    return runs


UNTIMELY_RULED = re.compile(r"\buntimely\b|\btime ?barred\b")
TIMELY_WORD = re.compile(r"(?<!un)\btimely\b|\bin time\b")


def _excused_lateness(drafts: list[Draft], runs: dict[int, int]) -> None:
    """A late filing stated in the turn that excuses it, or on an earlier line of the same
    speaker's run ("She filed twenty months after entry." - "That is an extraordinary
    circumstance, ... The late filing is excused."), is the exception's premise: one finding,
    the exception, not also an untimely one. On an earlier line, a ruling in so many words
    ("so the application is untimely") stands."""
    exceptions = [d for d in drafts
                  if d.label == "one_year_bar" and d.polarity == "exception" and not d.withdrawn]
    turns = {id(d.sentences[0].utterance) for d in exceptions}
    excused = {runs.get(id(d.sentences[0].utterance)) for d in exceptions}
    for d in drafts:
        if (d.label == "one_year_bar" and d.polarity == "timely"
                and runs.get(id(d.sentences[0].utterance)) in excused
                and not any(TIMELY_WORD.search(normalise(s.text)) for s in d.sentences)):
            # the filing counted from the change ("filed four months after his baptism"), or
            # the Department's "untimely" rejected for the exception: the exception's premise
            d.withdrawn = True
            continue
        if d.label != "one_year_bar" or d.polarity != "untimely":
            continue
        if id(d.sentences[0].utterance) in turns:
            d.withdrawn = True
        elif (runs.get(id(d.sentences[0].utterance)) in excused
              and not UNTIMELY_RULED.search(normalise(d.sentences[0].text))):
            # on an earlier line the lateness is the premise; a ruling in so many words
            # ("so the application is untimely") stands beside the exception
            d.withdrawn = True


# The judge turning to another member of a consolidated case ("Now the younger brother, Abdul
# Karim."; "I'll start with the lead respondent."): what follows is about that person.
SUBJECT_SHIFT = re.compile(
    r"^\s*(?:(?:now|next|then|and|so),? )?(?:(?:i'll|i will|let me|i'm going to|i now) (?:start|"
    r"begin|turn|move on|go on|come) (?:with|to)|turning (?:now )?to|as (?:to|for)|(?:now|next) "
    r"(?:to |for )?)(?:the )?(?:(?:older|younger|elder|eldest|youngest|first|second|other|lead|"
    r"rider) )?(?:brother|sister|son|daughter|wife|husband|mother|father|respondent|applicant|"
    r"child|derivative|(?:mr|mrs|ms|miss)\b)")


def _filing_facts_ruled_on(drafts: list[Draft], shifts: list[int]) -> None:
    """The filing's facts recited (the dates of entry and filing) and the speaker's own
    ruling on the deadline later ("I'm not persuaded there was an extraordinary
    circumstance. It is untimely."; "The changed-circumstances exception applies."): one
    finding, the ruling, not also the recital's reading of the dates; unless the judge has
    turned to another person between them (``shifts``: the utterances that do)."""
    def facts(d: Draft) -> bool:
        # (the one-year bar read from the dates or the time counted from entry alone: "He
        # filed in February 2024, more than four years after his arrival")
        return all(is_filing_fact(source) for source in d.sources)

    def after(ruling: Sentence, fact: Sentence) -> bool:
        # (a later sentence of the same utterance too: "He was baptized in November 2022 and
        # filed four months later. His conversion is a change in circumstances ..., and the
        # late filing is excused.")
        return ruling.segments[0] > fact.segments[-1] or (
            ruling.utterance is fact.utterance and ruling.start > fact.start)

    rulings = [d for d in drafts
               if d.label == "one_year_bar" and not d.withdrawn and not facts(d)]
    for d in drafts:
        if d.label == "one_year_bar" and facts(d) and any(
                r.sentences[0].utterance.speaker == d.sentences[0].utterance.speaker
                and after(r.sentences[0], d.sentences[-1])
                and not any(d.last < shift <= r.first for shift in shifts)
                for r in rulings):
            d.withdrawn = True


# The judge disclaiming a finding just voiced ("..., so the application is outside the
# one-year period on its face." - "I'm not making any finding on the deadline today."): a
# disclaimer (lexicon.DISCLAIMED) that names its topic.
DISCLAIM_REACH = 3  # segments back a disclaimer reaches


# What the sentence just before raised, left open by pronoun ("Her dates did not match her
# declaration." - "I need not resolve that."): no finding there.
# (the sentence opens with it: "It may be that ...; I need not decide that question" leaves
# open its own clause)
LEFT_OPEN = re.compile(r"^\s*(?:(?:but|and|so|still|however),? )?(?:i|we|the court) "
                       r"(?:need not|needn't|do not need to|don't need to|will not|won't|"
                       r"decline to|do not|don't) (?:\w+ )?(?:resolve|decide|reach|address) "
                       r"(?:them|those|these|it|that|this)(?: (?:\w+ )?(?:discrepanc\w*|"
                       r"inconsistenc\w*|"
                       r"issues?|questions?|points?|conflicts?))?\s*(?:[.;,]|$)")


def _disclaim(sentence: Sentence, norm: str, drafts: list[Draft],
              before: Sentence | None = None) -> None:
    """Withdraw the speaker's recent findings on what ``sentence`` says it makes no finding
    on (the subject named by the labels' gate words), or leaves open by pronoun (the
    findings of the sentence just ``before``, the speaker's own)."""
    if sentence.utterance.role not in JUDGE_ROLES | UNKNOWN_ROLES:
        return
    if (LEFT_OPEN.search(norm) and before is not None
            and before.utterance.speaker == sentence.utterance.speaker):
        for d in drafts:
            if d.label not in DECISION_LABELS | {"appeal"} and before in d.sentences:
                d.withdrawn = True
    topic = next((named for m in DISCLAIMED.finditer(norm)
                  if (named := m.group("topic") or m.group("unsettled"))), None)
    if topic is None:
        return
    labels = {label for label, gate in GATES.items() if gate.search(topic)}
    here = sentence.segments[0]
    for d in drafts:
        if (d.label in labels and d.sentences[0].utterance.speaker == sentence.utterance.speaker
                and here - d.last <= DISCLAIM_REACH):
            d.withdrawn = True


class _Discourse:
    """The discourse layer's state over one transcript (see
    :mod:`hearingproc.tagging.discourse`): each speaker's recent applications, rulings and
    reported requests, and the judge's open question about appeal."""

    def __init__(self) -> None:
        self.memory: dict[str | None, disc.SpeakerMemory[Sentence]] = {}
        self.everyone: disc.SpeakerMemory[Sentence] = disc.SpeakerMemory()  # all speakers
        self.rulings: dict[str | None, list[tuple[str, str | None, Sentence]]] = {}
        self.question: disc.AppealQuestion[Sentence] | None = None
        self._utterance: Utterance | None = None
        self._age = 0  # utterances of unknown role since the open question
        self._first = True  # the sentence opens its utterance
        self._answering = False  # counsel's turn reserves or waives without a question asked
        self._turn_appeals: list[Draft] = []  # appeal drafts of the current utterance
        self.last_party: str | None = None  # the party that answered the appeal question last
        # the party that spoke to the open question in the utterance just before, its words
        # read or not ("We're going to take it upstairs, Judge." - "Reserved."), and that
        # utterance
        self._last_voice: tuple[str | None, Utterance | None] = (None, None)
        self._previous: Utterance | None = None  # the utterance before the current one
        self._answered: dict[str | None, Draft] = {}  # each party's answer to the open question
        # each party's last answer to any question: the judge's closing record ("Both waived;
        # this order is final.") repeats one given to an earlier question too
        self._answered_before: dict[str | None, Draft] = {}
        # each party's answer as the judge last recorded it, with the utterance that did
        self._recorded: dict[str | None, tuple[Draft, Utterance]] = {}
        # answers given before the judge's latest ruling (ids): a party answering again after
        # a new ruling ("Next matter. ... is denied.") answers anew, not again
        self._before_ruling: set[int] = set()
        self._since_decision: int | None = None  # utterances since a ruling or an appeal answer
        self._judge_asked_other = False  # the judge's last turn asked about something else
        # the interpreter putting the judge's question to the respondent: a turn right after
        # the judge's that ends in a question renders that question, and answers nothing
        self._rendering = False
        # the party of the last speaker not the judge, and the judge's utterances since
        self._spoke: str | None = None
        self._judge_since = 0
        self._represented = False  # the respondent's counsel has spoken

    def turn(self, sentence: Sentence, sentences: list[Sentence]) -> None:
        """At a judge's new utterance, the appeal question it leaves open (or closes)."""
        u = sentence.utterance
        if u is self._utterance:
            self._first = False
            return
        self._previous, self._utterance = self._utterance, u
        self._first = True
        self._turn_appeals = []
        if self._since_decision is not None and u.role not in TESTIFYING:
            # (the respondent saying through the interpreter that he understood an advisal
            # does not move the decision away from counsel's answer to it)
            self._since_decision += 1
        # counsel's turn answering about appeal though the judge's question did not say so
        # ("DHS, as to the mother?" - "Reserve as to the mother; we'll accept as to the son.")
        self._answering = u.role in COUNSEL_ROLES and bool(BARE_APPEAL.search(normalise(u.text)))
        self._represented |= u.role == "respondent_counsel"
        if u.role in JUDGE_ROLES:
            self._judge_since += 1
        else:
            self._spoke, self._judge_since = next(iter(attrs.appeal_parties("", u.role)), None), 0
        turn = [s for s in sentences if s.utterance is u]
        norms = [normalise(s.text) for s in turn]
        self._rendering = (u.role == "interpreter" and self._previous is not None
                           and self._previous.role in JUDGE_ROLES and is_question(norms[-1]))
        if u.role in JUDGE_ROLES:
            before = self.question
            self.question = disc.appeal_question(norms, turn, [is_question(n) for n in norms],
                                                 self.question)
            if self.question is None:
                # "Mr. Ochoa, what does the Department want to do?" just after the decision
                # (or in the same turn: "Withholding is granted. Counsel, your position?")
                asked = disc.next_step_question(norms, turn, [is_question(n) for n in norms])
                if asked is not None and (self.after_decision() or any(
                        h.label in DECISION_LABELS for s in turn[:-1]
                        for h in find_hits(s.text))):
                    self.question = asked
            if (self.question is not None and self.question is not before
                    and self.question.addressee == "respondent" and self._spoke == "dhs"
                    and self._judge_since <= 2 and self._represented
                    and disc.addressed_as_you(" ".join(norms))):
                # "you", said to the Department's counsel who just spoke ("..., the
                # Department's position is that the presumption was rebutted." - "Noted, and
                # rejected. ... Do you want to preserve that?")
                self.question.addressee = "dhs"
            if self.question is not None and self.question is not before and not (
                    before is not None and before.answers):
                # a new question; one put to the other party after an answer ("Department?")
                # is the same exchange, whose answers the judge's record then repeats
                self._answered_before.update(self._answered)
                self._answered = {}
            # "Counsel, any objection?": what counsel answers next is not the appeal
            self._judge_asked_other = self.question is None and any(
                is_question(n) and ADDRESS.sub("", n).strip(" ,.?") for n in norms)
        elif u.role in UNKNOWN_ROLES:
            # who asks is unknown: a question about appeal opens it, and it stays open for
            # the next few utterances only
            asked = disc.appeal_question(norms, turn, [is_question(n) for n in norms], None)
            self._age = 0 if asked else self._age + 1
            if asked or self._age > APPEAL_CONTEXT:
                self.question = asked
        elif (u.role in COUNSEL_ROLES and self.question is None and not self._judge_asked_other
              and self._since_decision is not None and self._since_decision <= DECISION_REACH):
            # the decision just given is what counsel answers: the question is implied (the
            # other side's answer given before it still stands for the judge's record)
            self.question = disc.AppealQuestion((), None)

    def resolve(self, sentence: Sentence, norm: str, found: list[Draft]) -> list[Draft]:
        """Drafts the sentence yields read against what came before; then remember it."""
        role, speaker = sentence.utterance.role, sentence.utterance.speaker
        memory = self.memory.setdefault(speaker, disc.SpeakerMemory())
        out: list[Draft] = []
        taken = {d.label for d in found}
        # a ruling read by reference outweighs the classifier's guess at the same application
        # ("..., so I will not grant it" read by the classifier as a grant)
        guessed = {d.label for d in found if d.sources == [CLASSIFIER_SOURCE]
                   and d.label in APPLICATION_LABELS}
        finds = role in JUDGE_ROLES or role in UNKNOWN_ROLES
        # (a report the court turns from before the sentence ends is no report of its ruling:
        # "you said the police did nothing ... but that's not the same as ... so i'm denying
        # that too")
        if finds and not (is_question(norm) or is_standard(norm)
                          or is_reported(norm, len(norm.rstrip()) - 1)):
            by_ref = disc.rulings_by_reference(norm, sentence, memory, taken - guessed)
            # an application the speaker already found barred is not denied again by a
            # reference that takes in all of them ("Asylum is barred. ... So none of the three
            # can succeed, and the remaining two are denied.")
            barred = {label for label, polarity, _ in self.rulings.get(speaker, [])
                      if polarity == "pretermitted"}
            by_ref = [r for r in by_ref if not (r.label in barred and r.polarity == "denied")]
            for d in found:
                if d.label in guessed and any(r.label == d.label for r in by_ref):
                    d.withdrawn = True
                    taken.discard(d.label)
            resolved = (by_ref
                        + disc.same_ruling(norm, self.rulings.get(speaker, []) + [
                            (d.label, d.polarity, sentence) for d in found
                            if d.label in APPLICATION_LABELS and d.polarity is not None
                            and not d.withdrawn], memory)
                        + disc.reply_to_request(norm, memory)
                        + disc.checklist_verdict(norm, memory)
                        + disc.motion_ruling(norm, self.everyone))
            if not resolved:
                resolved = disc.bare_ruling(norm, self.everyone)
            out += [self._draft(sentence, r) for r in resolved
                    if r.label not in taken and allowed(r.label, role)]
        if finds and disc.BURDEN_STATED.search(norm):
            # the burden put on the respondent, for "He has not done so." after it
            disc.remember_request(memory, sentence, [("burden_of_proof", "met")])
        if finds and is_reported(norm):
            disc.remember_request(memory, sentence, [
                (h.label, h.polarity) for h in find_hits(sentence.text)
                if h.label not in EVENT_LABELS and h.label != "appeal"], supersede=True)
        out += self._record(sentence, norm, found) + self._answer(sentence, norm, found)
        by_reference = tuple(d.label for d in out if d.label in APPLICATION_LABELS)
        if finds and not by_reference:
            by_reference = disc.ordinal_focus(norm, memory)
        memory.remember(sentence, norm, by_reference)
        self.everyone.remember(sentence, norm, by_reference)
        for d in found + out:
            if d.label in APPLICATION_LABELS and d.polarity is not None and not d.withdrawn:
                self.rulings.setdefault(speaker, []).append((d.label, d.polarity, sentence))
        ruling = role in JUDGE_ROLES and (any(d.label in DECISION_LABELS for d in found + out)
                                          or bool(OTHER_DECISION.search(norm)))
        if ruling:
            self._before_ruling |= {id(d) for d in (*self._answered.values(),
                                                    *self._answered_before.values())}
        if ruling or any(d.label == "appeal" for d in found + out):
            self._since_decision = 0  # a party's answer about appeal keeps the question open
        return out

    def after_decision(self) -> bool:
        """A ruling (or an answer about appeal) came within the last few utterances."""
        return self._since_decision is not None and self._since_decision <= DECISION_REACH

    def _record(self, sentence: Sentence, norm: str, found: list[Draft]) -> list[Draft]:
        """The judge recording the parties' answers ("Respondent reserves, DHS waives.";
        "Reserved. Government?"): one appeal tag per party named, in place of the lexicon's
        reading of the sentence."""
        if sentence.utterance.role not in JUDGE_ROLES or disc.CHOICE.search(norm):
            return []
        if is_question(norm):
            # a supposition that draws its own record: "I take it neither side wants the
            # Board to look at that, so both parties waive."
            then = SO_RECORDED.search(norm)
            if then is None or norm.rstrip().endswith("?"):
                return []
            norm = then.group(1)
        if self.question is None and not (APPEAL_WORD.search(norm) or BARE_APPEAL.search(norm)):
            return []  # "reserved by DHS" records an answer; "reserves the right to object" not
        stances = appeal_reading.record_stances(
            norm, self._record_party() if self.question is not None else None)
        if not stances:
            return []
        found[:] = [d for d in found if d.label != "appeal"]
        out = []
        for stance in stances:
            said = self._answered.get(stance.party) or self._answered_before.get(stance.party)
            if said is not None and said.polarity == stance.polarity:
                said.context.append(sentence)  # the judge repeats the party's answer
            else:
                out.append(self._party_draft(sentence, stance, "record", ()))
                self._recorded[stance.party] = (out[-1], sentence.utterance)
        return out

    def _record_party(self) -> str | None:
        """Whose answer a one-word record ("Reserved.") records: the party that spoke just
        before, its words read or not, else the party that answered last."""
        party, utterance = self._last_voice
        if party is not None and utterance is not None and utterance is self._previous:
            return party
        return self.last_party

    def _answer(self, sentence: Sentence, norm: str, found: list[Draft]) -> list[Draft]:
        question, role = self.question, sentence.utterance.role
        if question is None and self._answering:
            question = disc.AppealQuestion((), None)
        elif (question is None and role in RESPONDENT_VOICES and self.after_decision()
              and not self._rendering and not disc.NOT_ABOUT_APPEAL.search(norm)
              and appeal_reading.answer_stances(norm, "respondent")):
            # the respondent saying unasked, right after the decision, what he will do about
            # it ("Yes, I understood. But I want to take it to other judges."): the question
            # is open, for his counsel's answer too ("Then we'll take it up, Your Honor.")
            question = self.question = disc.AppealQuestion((), None)
        stated = [d for d in found if d.label == "appeal"]
        if role in COUNSEL_ROLES and len(stated) == 1:
            # counsel's own words ("We won't be appealing"), asked or not: the judge's
            # record of them repeats them
            self._answered.update((p, stated[0]) for p in attrs.appeal_parties("", role))
        if question is None or role in JUDGE_ROLES or self._rendering:
            return []
        if not allowed("appeal", role, answering=True) or (
                is_question(norm) and not disc.SAME_ANSWER.match(norm)):  # "So do we."
            return []
        parties = attrs.appeal_parties("", role)
        party = parties[0] if parties else None
        stances = appeal_reading.answer_stances(norm, party)
        # (the other side echoing the answer just given answers too: "The Department will
        # not be appealing." - "Nor will we.")
        other = bool(question.addressee and party and party != question.addressee
                     and not disc.echoes(norm, question))
        if other and not (stances and appeal_reading.named_party(norm) == party):
            # (the other side may still give its own answer, naming itself: "Ms. Pruitt, will
            # the Department be challenging that?" - ... - "And the respondent accepts.")
            return []
        if party is not None:
            self._last_voice = (party, sentence.utterance)
        if stances and not disc.NOT_ABOUT_APPEAL.search(norm):
            # an answer in the lexicon's own words ("Waived.", "We'll take it up to the
            # Board") stands alone; one without them quotes the question it answers
            explicit = any(d.label == "appeal" for d in found)
            found[:] = [d for d in found if d.label != "appeal"]
            for d in self._turn_appeals:
                # a correction ("Actually, no, we'll waive") or the answer's own words after
                # a bare "No, Judge." take back what the turn said before
                if appeal_reading.retracts(norm) or (
                        d.source_kind == "yes-no" and d.polarity not in
                        {s.polarity for s in stances}):
                    d.withdrawn = True
            # the party's answer given again to the same question ("Let me think about it."
            # ... "Then I reserve."): the one answer, quoted again
            # (or to a question put again: "He waives appeal." ... "You understand you give up
            # your right to have a higher court review your case?" - "I am not going to appeal.")
            again = []
            for stance in stances:
                said = self._answered.get(stance.party) or self._answered_before.get(
                    stance.party)
                if (said is not None and said.polarity == stance.polarity and not said.withdrawn
                        and id(said) not in self._before_ruling
                        and all(said is not d for d in stated)):
                    # (with the question it now answers: "I want another court to look at
                    # it." - "Ms. Abashidze, is that your client's position?" - "Yes, ...")
                    said.context.extend(s for s in (*question.sentences, sentence)
                                        if s not in said.context and s not in said.sentences)
                    again.append(stance)
            out = [self._party_draft(sentence, s, "answer",
                                     () if explicit or other else question.sentences)
                   for s in stances if s not in again]
            self._answered.update((d.attributes["party"], d) for d in out)
            question.answers += [(s.polarity, sentence) for s in stances]
            self.last_party = stances[-1].party or self.last_party
            self._turn_appeals += out
            return out
        if stated:
            question.answers += [(d.polarity or "", sentence) for d in stated]
            return []
        recorded = self._recorded.get(party) if party is not None else None
        if recorded is not None and recorded[1] is self._previous and disc.YES.match(norm):
            # the party confirming the judge's record of its answer ("... I understand that
            # the Department waives." - "That's right."), not answering the older question
            recorded[0].context.append(sentence)
            return []
        read = disc.answer(norm, question, party, self._first)
        if read is None or not read[0]:
            return []
        polarity, antecedents, words = read
        question.answers.append((polarity, sentence))
        self.last_party = party or self.last_party
        draft = self._draft(sentence, disc.Resolution("appeal", polarity, antecedents,
                                                      "answer", words))
        draft.source_kind = "yes-no"
        if party is not None:
            self._answered[party] = draft
        self._turn_appeals.append(draft)
        return [draft]

    def _party_draft(self, sentence: Sentence, stance: appeal_reading.Stance, kind: str,
                     antecedents: tuple[Sentence, ...]) -> Draft:
        draft = self._draft(sentence, disc.Resolution("appeal", stance.polarity, antecedents,
                                                      kind, stance.words))
        draft.attributes["party"] = stance.party
        return draft

    @staticmethod
    def _draft(sentence: Sentence, r: disc.Resolution[Sentence]) -> Draft:
        context = [s for s in r.antecedents if s is not sentence]
        attributes: dict[str, Any] = {
            **_attributes(r.label, sentence),
            "antecedent_segments": sorted({i for s in context for i in s.segments}),
            "discourse": r.kind, "referring": r.words}
        return Draft(r.label, r.polarity, [sentence], DISCOURSE_CONFIDENCE,
                     [f"discourse:{r.kind}"], attributes, context)


def _split_appeal(draft: Draft) -> list[Draft]:
    """An appeal event per party ("Both sides waive appeal": two tags)."""
    if draft.label != "appeal" or "party" in draft.attributes:
        return [draft]
    sentence = draft.sentences[0]
    parties = attrs.appeal_parties(sentence.text, sentence.utterance.role)
    if len(parties) <= 1:
        draft.attributes["party"] = parties[0] if parties else None
        return [draft]
    return [replace(draft, attributes={**draft.attributes, "party": p},
                    sentences=list(draft.sentences), sources=list(draft.sources))
            for p in parties]


def _compatible(a: Draft, b: Draft) -> bool:
    if a.label != b.label or a.polarity != b.polarity:
        return False
    pa, pb = a.attributes.get("party"), b.attributes.get("party")
    if pa is not None and pb is not None and pa != pb:
        return False
    return a.label in PERSONLESS or not _other_person(a, b)


# Whom a finding or ruling is about, where its own sentences say so: the named person ("Mrs.
# Adam's application", "I found Mr. Ishag ..."), a derivative ("The children, as her
# derivatives, receive asylum through her"), or one sex only among the pronouns. Two findings
# about different people (a family's consolidated case) are two tags, however close. Events of
# the hearing (the oath, an order, a continuance, the answers on appeal) name whoever they
# address, not whom they are about.
PERSONLESS = frozenset({"appeal", "interpreter_sworn", "removal_order", "continuance",
                        "termination", "frivolousness_warning"})
TITLED_NAME = re.compile(r"\b(mr|mrs|ms|miss|dr)\.? ([a-z][\w'-]+)")
TITLE_SEX = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "dr": ""}  # spouses share a name
DERIVATIVE = re.compile(r"\bderivative(?:s|ly)?\b")
HE = re.compile(r"\b(?:he|him|his|himself)\b")
SHE = re.compile(r"\b(?:she|her|hers|herself)\b")


def _person(draft: Draft) -> tuple[frozenset[str], bool, str | None]:
    """The names, whether it is a derivative's, and the one sex of the pronouns (or None)."""
    text = " ".join(normalise(s.text) for s in draft.sentences)
    names = frozenset(TITLE_SEX[title] + " " + name.removesuffix("'s")
                      for title, name in TITLED_NAME.findall(text))
    he, she = bool(HE.search(text)), bool(SHE.search(text))
    return names, bool(DERIVATIVE.search(text)), ("m" if he and not she else
                                                  "f" if she and not he else None)


def _other_person(a: Draft, b: Draft) -> bool:
    """Do ``a`` and the later ``b`` say, each in its own words, that they are about different
    people?"""
    names_a, derivative_a, sex_a = _person(a)
    names_b, derivative_b, sex_b = _person(b)
    if names_a and names_b and not names_a & names_b:
        return True
    if a.label in APPLICATION_LABELS and derivative_b and not derivative_a:
        return True  # the principal's grant, then the derivative's (not the grant restated)
    return sex_a is not None and sex_b is not None and sex_a != sex_b


RESTATED = re.compile(r"(?:\b(?:has|have|had)|'ve|'s) been (?:granted|denied)\b"
                      # the grant told to the respondent after the record: "Sir, you have won
                      # your case."; "I have granted your asylum case."
                      r"|\b(?:i have|i've) (?:granted|denied) (?:your|his|her|you|him|them)\b"
                      r"|\byou (?:have|'ve) won\b"
                      r"|\b(?:order|record|minutes) (?:will|shall|should|does) "
                      r"(?:reflect|show|state) that\b")
# the date a continuance set, named as such
NEW_DATE = re.compile(r"\b(?:your|the|his|her|their) (?:new|next) (?:court |hearing )?date\b")
# Events a transcript has once, which the classifier alone reads again in a later mention.
RESTATED_EVENTS = frozenset({"continuance", "termination"})
# A finding restated as the premise of another ("Because she established past persecution on
# account of her ethnicity, a threat to her life is presumed"): the finding made before.
PREMISE = re.compile(r"^\s*(?:because|since|given that|having (?:shown|established|suffered|"
                     r"proved|demonstrated))\b"
                     # the finding named as the ground of the next step: "Without credible
                     # testimony, ..."; "Given my finding that she lied about the arrest, ..."
                     r"|^\s*(?:(?:uh|um|and|so),? )*(?:without (?:any )?credible (?:testimony|"
                     r"account)|(?:given|in light of|based on) (?:my|the court's|this court's|the) "
                     r"(?:\w+ ){0,2}(?:finding|determination)s?)\b"
                     # the facts already found, applied again: "The same facts show a clear
                     # probability of persecution on account of religion, and ..."
                     # the finding named as what raises the presumption: "The past persecution
                     # raises a presumption of a future threat to his life or freedom"
                     r"|^\s*(?:the|that|this|his|her|their) past persecution (?:\w+ )?(?:raises|"
                     r"triggers|gives rise to|creates)\b"
                     r"|^\s*(?:(?:and|so) )?(?:the same (?:facts|findings|evidence|reasons?)|for "
                     r"the (?:same )?reasons? (?:i (?:have )?(?:already )?(?:given|stated|"
                     r"explained)|already given))\b")


def _restated(later: Draft) -> bool:
    """A ruling on an application told again later ("tell him he has been granted asylum",
    "the written order will reflect that asylum is granted"), or a finding restated as a
    premise: the same one, however far back."""
    texts = [normalise(s.text) for s in later.sentences]
    if later.label in RESTATED_EVENTS and later.sources == [CLASSIFIER_SOURCE]:
        return True  # the date given again ("Bring the form with you on April 14th.")
    if later.label == "nexus" and any(src.endswith(IN_WITHHOLDING_STANDARD)
                                      for src in later.sources):
        # the reason inside the withholding standard ("his life or freedom would be threatened
        # on account of his clan") restates the nexus found before; with none found before,
        # it is the nexus finding
        return True
    if later.label == "continuance" and any(NEW_DATE.search(t) for t in texts):
        return True  # "Ma'am, here is the paper with your new date."
    if (later.label, later.polarity) == ("corroboration", "required") \
            and later.sources == [CLASSIFIER_SOURCE]:
        return True  # the papers required, told again ("Your lawyer needs to get a paper ...")
    if later.label in APPLICATION_LABELS:
        return later.polarity is not None and any(RESTATED.search(t) for t in texts)
    return later.polarity is not None and all(PREMISE.search(t) for t in texts)


# A credibility finding is stated, its reasons follow over several lines, and it is stated
# again ("I am unable to credit that account." ... four lines of reasons ... "the Court makes
# an adverse credibility determination"): one finding, joined across more segments than
# other restatements. So is a party's answer on appeal that the judge records after the other
# party has answered ("Reserve." - "Department?" - "Waived." - "Appeal is reserved on the
# respondent's side").
FINDING_REACH = {"credibility": 5, "appeal": 4, "well_founded_fear": 3}


def _court_position(utterances: list[Utterance]) -> dict[int, int]:
    """Each utterance's index counting only the court's and counsel's lines: the
    interpretation of a turn (the interpreter's rendering, the respondent's words and their
    rendering back) adds no distance between two lines of the judge ("I am going to order you
    sent back to Vietnam." - rendered, answered, rendered - "The respondent is ordered
    removed to Vietnam.")."""
    out: dict[int, int] = {}
    index = -1
    for u in utterances:
        if u.role not in RESPONDENT_VOICES or index < 0:
            index += 1
        out[u.id] = index
    return out


# The court's orders, told again after the interpreter has rendered them and the respondent
# answered: one order (a finding or an answer is about a person or a party, and stays counted
# by the transcript's own lines).
ORDER_LABELS = frozenset({"removal_order", "continuance", "termination", "interpreter_sworn",
                          "frivolousness_warning"})


def _reach(target: Draft, draft: Draft, gap: int) -> int:
    """How many segments back ``draft`` may join ``target`` (see FINDING_REACH): an answer on
    appeal joins from further back only when both name their party (which ``_compatible``
    has made the same one); one whose party is unknown, only at the usual distance."""
    if draft.label == "appeal" and None in (target.attributes.get("party"),
                                            draft.attributes.get("party")):
        return gap
    return max(gap, FINDING_REACH.get(draft.label, 0))


def _same_setting(earlier: Draft, later: Draft) -> bool:
    """A continuance told again with the date it was set to ("we will resume testimony on June
    18th" ... "this matter is adjourned to June 18th"): one continuance, however far apart."""
    if earlier.label != "continuance":
        return False
    dates = [re.sub(r"(?<=\d)(?:st|nd|rd|th)\b|[^\w ]", "", str(d.attributes.get("date") or ""))
             .lower().split() for d in (earlier, later)]
    if dates[0] and not dates[1]:
        # told again without a date once the date was set ("Your next court date is June 11."
        # ... "The case is continued for the respondent to look for counsel.")
        return True
    # ("... continued to September 12th ..." - "Then we're adjourned until September.")
    return bool(dates[0]) and bool(dates[1]) and (set(dates[0]) <= set(dates[1])
                                                  or set(dates[1]) <= set(dates[0]))


def merge(drafts: list[Draft], position: dict[int, int], gap: int,
          court: dict[int, int] | None = None) -> list[Draft]:
    """Join each draft into an earlier one of the same finding at most ``gap`` segments
    back (``position``: utterance id -> index in the transcript; ``court``: the index
    counting the court's and counsel's lines only, for orders)."""
    merged: list[Draft] = []
    for draft in drafts:
        at = court if court is not None and draft.label in ORDER_LABELS else position
        here = at[draft.first]
        target = next((m for m in reversed(merged) if _compatible(m, draft)
                       and (here - at[m.last] <= _reach(m, draft, gap) or _restated(draft)
                            or _same_setting(m, draft))),
                      None)
        if target is None:
            merged.append(draft)
            continue
        target.sentences.extend(s for s in draft.sentences if s not in target.sentences)
        target.context.extend(s for s in draft.context if s not in target.context)
        target.confidence = max(target.confidence, draft.confidence)
        target.sources.extend(s for s in draft.sources if s not in target.sources)
        for key, value in draft.attributes.items():
            if key == "antecedent_segments" and key in target.attributes:
                target.attributes[key] = sorted({*target.attributes[key], *value})
            elif key == "basis":
                basis = target.attributes.get("basis", []) + value
                target.attributes["basis"] = list(dict.fromkeys(basis))
            elif target.attributes.get(key) is None:
                target.attributes[key] = value
    return merged


def _appeal_due(draft: Draft, utterances: list[Utterance], position: dict[int, int],
                gap: int) -> None:
    last, first = position[draft.last], position[draft.first]
    for utterance in utterances[first:last + gap + 1]:
        due = attrs.appeal_due(utterance.text)
        if due and (utterance.role in JUDGE_ROLES or utterance.role in UNKNOWN_ROLES
                    or first <= position[utterance.id] <= last):
            draft.attributes["due"] = due
            return


def _in_order(sentences: list[Sentence]) -> list[Sentence]:
    return sorted(sentences, key=lambda s: (s.segments[0], s.start))


def _to_tag(number: int, draft: Draft) -> Tag:
    times = [s.span for s in draft.sentences if s.span is not None]
    return Tag(
        id=number, label=draft.label, polarity=draft.polarity,
        start=min(t[0] for t in times) if times else None,
        end=max(t[1] for t in times) if times else None,
        segments=tuple(sorted({i for s in draft.context + draft.sentences for i in s.segments})),
        quote=" … ".join(dict.fromkeys(s.text for s in _in_order(draft.context + draft.sentences))),
        confidence=round(draft.confidence, 3), source="; ".join(draft.sources),
        speaker=draft.sentences[0].utterance.speaker, role=draft.sentences[0].utterance.role,
        attributes={k: v for k, v in draft.attributes.items() if v is not None},
    )


def tag_utterances(utterances: list[Utterance], options: TagOptions = TagOptions()
                   ) -> tuple[list[Tag], list[dict[str, Any]]]:
    """Tags (numbered from 1, in order) and the co-occurrence notes of a transcript."""
    # the lexicon and the classifier read English: a line rendered into the respondent's
    # language (a plain-text transcript's, with no translation) says nothing they can read
    sentences = [s for u in join_run_ons(utterances) if reads_as_english(u.text)
                 for s in sentences_of(u)]
    position = {u.id: i for i, u in enumerate(utterances)}
    drafts = merge(_sentence_drafts(sentences, options), position, options.merge_gap,
                   _court_position(utterances))
    for draft in drafts:
        if draft.label == "appeal":
            _appeal_due(draft, utterances, position, options.merge_gap)
    drafts.sort(key=lambda d: position[d.first])
    tags = [_to_tag(i, d) for i, d in enumerate(drafts, 1)]
    tags, notes = run_checks(tags)
    log.info("tagged %d sentences: %d tags, %d notes", len(sentences), len(tags), len(notes))
    return tags, notes


def tagger_model(options: TagOptions) -> ModelInfo:
    """The classifier as the transcript records it (its training file's sha256)."""
    from hearingproc.tagging.classifier import TRAINING_FILE, load_classifier

    classifier = load_classifier(options.encoder)
    return ModelInfo("tag_classifier", f"softmax regression on {classifier.encoder.info.name}",
                     f"hearingproc/{TRAINING_FILE}", classifier.training_sha256)


def tag_transcript(transcript: Transcript, options: TagOptions = TagOptions()) -> Transcript:
    """The transcript with its ``tags`` (notes of the checks are in the tags' attributes),
    the tagger recorded in its pipeline info."""
    tags, _ = tag_utterances(utterances_of(transcript), options)
    pipeline = transcript.pipeline
    engines = {**pipeline.engines,
               "tagger": "lexicon+classifier" if options.classifier else "lexicon"}
    models = pipeline.models + ((tagger_model(options),) if options.classifier else ())
    return replace(transcript, tags=tuple(tags),
                   pipeline=replace(pipeline, engines=engines, models=models))
