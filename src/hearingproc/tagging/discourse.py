"""The discourse layer over the sentence tagger: what a sentence means given the sentences
before it.

The sentence tagger reads one sentence at a time. A decision often does not: it lists the
applications once and rules on them later by reference ("each of the three applications
fails, and each is denied"; "I will grant it"; "the same goes for withholding of removal"),
rejects a party's request in a word ("The Department asks me to find him not credible." -
"I decline to do so."), and a party answers the judge's question about appeal without the
verb ("We accept, Your Honor."; "No."; "It does not."; "Same."). This module keeps, per
speaker, the applications mentioned in recent sentences and the findings a party asked for,
and, per hearing, the judge's open question about appeal; it resolves a referring sentence
against them. Each resolution names its antecedent sentences, which the tag quotes beside the
referring sentence and whose segment ids it records in ``attributes["antecedent_segments"]``.

Everything here works on normalised text (:func:`hearingproc.tagging.lexicon.normalise`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from hearingproc.tagging import LABELS, NEGATED
from hearingproc.tagging.appeal import LET_STAND, RECORD
from hearingproc.tagging.lexicon import (
    COMPARED,
    NOT_REACHED,
    SUCCEEDS,
    THREAT_TO_LIFE,
    VERBS,
    _application_spans,
    in_conditional,
    is_negated,
    not_a_grant,
    not_yet,
    ruling_negated,
    ruling_polarity,
    weighed_not_ruled,
)

S = TypeVar("S")  # a sentence, whatever the caller's type

MEMORY_SENTENCES = 8  # how many of a speaker's sentences back an antecedent may be
MEMORY_LISTINGS = 3  # announced lists of applications kept for an ordinal reference
REFERENCE_REACH_WORDS = 4  # most words between a referring expression and its ruling verb

_ORDINAL = r"(?:first|second|third|last|remaining|other|former|latter|two|three|four|both)"
_NOUN = r"(?:applications?|claims?|requests?|forms? of relief|reliefs?|ones?)"
_NOT_A_REFERENCE = r"(?! (?:time|day|year|week|month|hearing|interview|arrest|incident))"
PLURAL = re.compile(
    rf"\b(?:neither(?: of (?:them|(?:the|those|these) (?:{_ORDINAL} )*{_NOUN}|the (?:first|last) "
    rf"two|those|these))?|"
    rf"none of (?:them|(?:the|those|these|his|her|their) (?:{_ORDINAL} )*{_NOUN}|the (?:two|"
    rf"three|four)|those|these)|"
    rf"both(?: of them)?|each(?: of (?:them|the (?:\w+ )?{_NOUN}))?|all(?: of)? (?:them|"
    rf"three|four|the (?:\w+ )?{_NOUN})|them|(?:those|these|the) (?:{_ORDINAL} )*"
    rf"(?:applications|claims|requests|forms of relief)"
    # a selection with no noun: "So the first two fail."
    rf"|(?:those|these|the) (?:first|last) (?:two|three)\b{_NOT_A_REFERENCE}(?! of\b))\b")
SINGULAR = re.compile(
    rf"\b(?:it|(?:that|this|the) (?:{_ORDINAL} )?(?:application|claim|request|form of relief|one)"
    r"|(?:that|this) (?:protection|relief)"
    r"|the (?:former|latter))\b"
    rf"|the (?:first|second|third|fourth|last) of (?:his|her|their|the|these|those) (?:\w+ )?"
    rf"{_NOUN}"
    # the noun left out: "The first of those I will grant"
    r"|the (?:first|second|third|fourth|last) of (?:those|these|them)\b"
    rf"|^\s*(?:and |so |now )?the (?:first|second|third|fourth|last)\b{_NOT_A_REFERENCE}"
    # a bare demonstrative opening the sentence: "That's denied too.", "This is granted."
    r"|^\s*(?:and |so |now )?(?:that|this)(?='s\b|\s+(?:is|was|too|also|likewise)\b)"
    # or opening a clause of its own inside it, speech recognition having dropped the full
    # stop: "... or look the other way so that is denied too"
    r"|(?:(?<=[,;] )|(?<=\bso )|(?<=\band ))(?:that|this)(?=\s+(?:is|was) (?:also |too |"
    r"likewise )?(?:denied|granted)\b)"
    # the demonstrative as the ruling verb's object, ending the clause: "I deny that as well."
    r"|(?:(?<=\bdeny )|(?<=\bgrant )|(?<=\breject )|(?<=\bdenying )|(?<=\bgranting )|"
    # ("so I have to say no to that too")
    r"(?<=\bhave )|(?<=\bno to )|(?<=\byes to ))"
    r"(?:that|this)(?=\s*(?:[.!;,]|$|too\b|as well\b|also\b|either\b))")
# "the claim" with no word that selects among several applications named: the whole case
# ("He seeks asylum, withholding and CAT." ... "The claim fails on nexus.")
BARE_CLAIM = re.compile(r"^the (?:claim|application|request)$")
FIRST = re.compile(r"\b(?:first|former)\b")
# "As to the third, ... it too is denied": the n-th of the applications listed before.
# ("That leaves the last.", "What remains is the third": the one now taken up)
# ("Accordingly, the second application is granted.": a connective opening the sentence)
ORDINAL = re.compile(r"(?:\b(?:as to|on|for|to|then|leaves|leaving|remains(?: is)?)"
                     r"|^\s*(?:and |so |now |(?:accordingly|therefore|thus|consequently|finally|"
                     r"lastly|next|likewise|similarly|hence|then),? )?) ?the "
                     r"(?P<n>first|second|third|fourth|last)\b" + _NOT_A_REFERENCE)
NTH = {"first": 0, "second": 1, "third": 2, "fourth": 3, "last": -1}
NAMED_ORDINAL = re.compile(r"\bthe (?P<n>first|second|third|fourth|last) (?:application|claim|"
                           r"request|form of relief|one)\b")
# A ruling by reference in a sentence about torture ("nothing shows a public official would
# tolerate his torture; that claim is denied as well") rules on the torture claim.
# (in plain words: "nothing here about anybody official hurting him or looking the other way")
TORTURE_CONCEPT = re.compile(r"\btortur\w*|\bacquiesc\w*|\bpublic officials?\b"
                             r"|\b(?:any|some|no)(?:body|one) official\b"
                             r"|\b(?:look|looks|looked|looking) the other way\b"
                             r"|\b(?:turn|turns|turned|turning) a blind eye\b")
# Likewise the withholding standard ("The second request asks more, a clear probability of
# persecution; ... it is denied too").
CLEAR_PROBABILITY = re.compile(r"\bclear probability\b")
# Only a pronoun or a demonstrative points at a claim weighed by its standard ("it", "that
# claim"); "the former", "the second" select from a list.
POINTING = re.compile(r"(?:it|that|this)\b")
# The referring words carry the negation themselves ("None of the three can be granted").
NEGATIVE_REFERENCE = re.compile(r"^(?:neither|none)\b")
LISTING = re.compile(r"\b(?:two|three|four) (?:\w+ )?(?:things|applications|claims|requests|"
                     r"filings|motions|forms of relief)\b|:")
# Any mention of asylum, its standard included ("Failing the asylum standard, ... both forms
# of relief are denied"), as what a plural reference in the same sentence takes in.
ASYLUM_MENTION = re.compile(r"\basylum\b")
LAST = re.compile(r"\b(?:last|latter|remaining)\b")
# A plural reference introduced by "of" names the set a selection is made from ("Of the two
# remaining applications, the former succeeds"): it is not itself ruled on.
PARTITIVE = re.compile(r"\bof\s+$")
# ... unless the selection comes first: "the first of the applications I mentioned is
# pretermitted" rules on the one selected.
CHOOSER = re.compile(r"\bthe (?P<n>first|second|third|fourth|last|former|latter) of\s+$")
CHOSEN = {**NTH, "former": 0, "latter": -1}
QUANTIFIED = re.compile(r"^(?:neither|none|each|all|both)\b")
# "All three applications" with none named before: the three an application for asylum (Form
# I-589) asks for.
I589_APPLICATIONS = ["asylum", "withholding_of_removal", "cat_protection"]
PAIR = re.compile(r"\b(?:former|latter)\b")
PAIR_BEFORE = re.compile(r"\bthe (?:former|latter)\b")
COUNT = {"two": 2, "three": 3, "four": 4}
COUNTED_THREE = re.compile(r"\bthree\b")
COUNTED = re.compile(r"\b(?P<n>two|three|four) (?:\w+ )?(?P<noun>applications|claims|requests|"
                     r"forms of (?:relief|protection))\b")
REFERRING_NOUN = re.compile(r"\b(?:applications|claims|requests|forms of (?:relief|protection))\b")
# Three forms of protection counted and none named ("She has asked for three forms of
# protection."): the three an application for asylum asks for, in the form's order.
COUNTED_UNNAMED = re.compile(r"\bthree (?:forms of (?:relief|protection)|kinds of (?:relief|"
                             r"protection)|applications|claims)\b")
BOTH_WORD = re.compile(r"\bboth\b")
# "it bars the first two of those; neither can be granted, and both are denied": a selection
# anywhere in the sentence applies to every plural reference in it.
SELECTION = re.compile(r"\b(?P<end>first|last) (?P<n>two|three)\b")
# A party's argument reported before the pronoun: what "it" then stands for.
ARGUED = re.compile(r"\b(?:argu\w+|contend\w*|urg(?:es|ed)|suggest(?:s|ed)|insist(?:s|ed)|"
                    r"maintain(?:s|ed)) that\b")
# Another matter a pronoun may stand for: a reference does not reach past it.
OTHER_MATTER = re.compile(
    r"\b(?:motion|continuance|adjournment|(?<!no )objection|extension|bond|subpoena|"
    r"stipulation"
    # a party's argument weighed: "I have considered that argument and I reject it."
    r"|argument|contention|suggestion|theory)\b")
BARE_RULING = re.compile(r"^\s*(?:so )?(granted|denied)\s*[.!]?\s*$")
BARE_GRANTED = re.compile(r"^\s*(?:so )?granted\s*[.!]?\s*$")
MOTION_GRANTED = re.compile(
    r"\b(?:the|that|this|your|[\w]+'s) motion (?:\w+ ){0,2}(?:is|was|will be|be) granted\b"
    r"|\bgrant(?:s|ed|ing)? (?:the|that|this|your|[\w]+'s) motion\b")
MOTION_WITHDRAWN = re.compile(r"\bwithdr[ae]w\w*")
# a motion only suggested: "The respondent could ask for a continuance instead"
SUGGESTED = re.compile(r"\b(?:could|might|may|can|should|would) (?:\w+ )?$")
MOTION_KIND = re.compile(
    r"\b(?:motion|moves?|moved|asks?|asked|requests?|requested) (?:\w+ ){0,2}(?:to|for) "
    r"(?:a |an )?(?:\w+ )?(?P<kind>continu\w*|reset\w*|adjourn\w*|postpone\w*|dismiss\w*|"
    r"terminat\w*|administrative\w* clos\w*)")
SAME = re.compile(r"\b(?:the same (?:goes|is true|holds|applies|result follows)|likewise|"
                  r"(?:the )?same (?:fate|outcome|result|disposition) (?:for|as to|awaits)\b|"
                  r"the same result|"
                  # a bench note: "Withholding, same result, for the same reason."
                  r"(?<=, )same (?:result|outcome)(?=\s*[,.;]|\s*$)|"
                  # "The same reasoning disposes of withholding."
                  r"(?:the )?same (?:reasoning|reasons|analysis|logic|findings) (?:also )?"
                  r"(?:disposes? of|defeats?|decides?|resolves?|settles?|is fatal to|dooms?)|"
                  # "The withholding claim meets the same fate"
                  r"(?:meets?|met|meeting|suffers?|suffered|shares?|shared) (?:the same|that|"
                  r"a like|a similar) (?:fate|end)|"
                  # "Withholding goes the same way."
                  r"(?:goes|go|went|must go|will go) the same way|"
                  # "For withholding, which demands more, the result is no different."
                  r"the (?:result|outcome) (?:is|must be) (?:no different|the same))\b"
                  # the ruling elided before the application it takes: "Withholding is denied,
                  # and ..., so is CAT"; "as is the torture claim"; "The asylum claim therefore
                  # fails. So does withholding, ..."
                  r"|\b(?:so|as)(?: too)? (?:is|are|was|were|does|do|did)(?= (?:the |his |her |"
                  r"their )?"
                  r"(?:\w+ ){0,3}"
                  r"(?:asylum|withholding|cat|convention|torture|deferral|voluntary departure)\b)")
# The respondent's burden stated ("he must show by a preponderance that the bar does not
# apply"): "He has not done so." answers it.
_RESPONDENT = r"(?:he|she|they|the (?:respondent|applicant))"
BURDEN_STATED = re.compile(
    rf"\b{_RESPONDENT} (?:must|has to|have to|needs? to|bears? the burden (?:to|of)) "
    r"(?:\w+ ){0,1}(?:show|establish|prove|demonstrate|showing|establishing|proving|"
    r"demonstrating)\b"
    rf"|\b{_RESPONDENT} (?:bears?|carries|has) the burden of proof\b")
_SHOWING = (r"(?:done so|done that|carried (?:it|that burden|this burden)|met (?:it|that burden|"
            r"this burden)|made (?:that|this|the required|such a) showing)")
REBUT = re.compile(
    r"^\s*(?:i|the court) (?:decline|refuse|will not|cannot|do not|am not willing)(?: to)? "
    r"(?:do so|so find|make (?:that|such a|this) finding|agree)\b"
    # (after an opening phrase: "For the reasons given, he has not carried it")
    rf"|^\s*(?:and )?(?:[^,;]{{1,40}}, )?{_RESPONDENT} (?:has|have|did) not {_SHOWING}\b"
    r"|^\s*i disagree\b"
    # the party's claim denied in a word: "They are not.", "It does not."
    r"|^\s*(?:they|it|that|those|these|this|he|she) (?:are|is|was|were|does|do|did) not"
    r"\s*[.!]?\s*$"
    r"|^\s*(?:i|the court) (?:reject|am not persuaded by) (?:that|this|the (?:department's|"
    r"government's|respondent's|applicant's) (?:argument|position|request|invitation))\b")
PARTIAL = re.compile(r"\b(?:on (?:one|this|that|a single) point|in part|only|to the extent|"
                     r"insofar)\b")
AGREE = re.compile(r"^\s*(?:i|the court) (?:agree|so find|will do so|accept (?:that|the) "
                   r"(?:argument|position))\b"
                   rf"|^\s*(?:and )?{_RESPONDENT} (?:has|have) {_SHOWING}\b")

# --- the judge's question about appeal, and the parties' answers -------------------------
# the Board in plain words: "The government lawyer can ask a higher court to look at my
# decision. Does the Department want to do that?"
_HIGHER_COURT = r"\b(?:(?:a|the|that|this) higher|another|a different) court\b"
# review asked for or offered: "seeking review", "any further review sought from your side?"
_REVIEW = r"\bseek\w* (?:\w+ )?review\b|\breview sought\b"
_CHALLENGED = (r"\b(?:challenge|challenging|contest|contesting) (?:that|this|it|my decision|the "
               r"(?:decision|ruling|order|dismissal|grant|denial))\b")
# ("your waiver" the application for one, I-601 and the like, is no question about appeal)
APPEAL_TOPIC = re.compile(r"\bappeal|\breserv\w*|\bpreserv\w*"
                          r"|\bwaiv(?!ers?\b(?! of (?:the |your |his |her |any )?"
                          r"(?:right to )?appeal))\w*|\baccept\w*|\bfinal(?:ity)?\b"
                          r"|\bthe board\b"
                          rf"|{_REVIEW}|{_HIGHER_COURT}"
                          # "is the government content to let that stand?"; "will you be
                          # taking this further?"
                          rf"|{LET_STAND}"
                          # "whether he wants to hold on to his right to have it reviewed"
                          r"|\bhold (?:on ?to|onto) (?:his|her|their|your|its|the) right\b"
                          r"|\b(?:take|takes|taking|carry|carrying|pursue|pursuing) (?:it|this|"
                          r"that|the (?:case|matter|decision|dismissal|ruling|order|grant|denial|"
                          r"closure)) (?:any )?further\b"
                          # "will the respondent be taking this up?"
                          r"|\b(?:take|taking) (?:it|this|that|the (?:case|matter|decision)) "
                          r"up\b"
                          # the party's stand asked after the decision: "Mr. Tran, where does
                          # the Department stand?", "Mr. Sandoval, where is the Department?"
                          r"|\bwhere (?:does|do|is|are) (?:the (?:department|government|"
                          r"respondent)|dhs|your client|you|everybody|everyone|each side|each "
                          r"party|both sides|the parties)(?: stand)?\s*\?\s*$"
                          # the party's wish asked after the decision: "Counsel for DHS,
                          # what's the Department's pleasure?"
                          r"|\bwhat(?:'s| is) (?:the (?:department|government|respondent)'s|"
                          r"dhs's|your|counsel's|your client's) pleasure\s*\?\s*$"
                          # "Does either side intend to challenge that?"
                          rf"|{_CHALLENGED}"
                          # "Ms. Okafor, is the Department satisfied?"
                          # "Counsel for Mr. Haidari, is he content with the decision?"
                          r"|\b(?:department|government|dhs|respondent|you|counsel|side|sides|"
                          r"client|he|she|they) (?:\w+ )?(?:satisfied|content)(?: with (?:that|"
                          r"this|it|the (?:decision|ruling|outcome|result)|my decision|"
                          r"what i (?:have |'ve )?(?:decided|ruled)|"
                          r"today's (?:decision|ruling)|the court's decision)"
                          # "is the Department content to leave it there?"
                          r"| to (?:leave|let) (?:it|that|this|things|the (?:decision|ruling|"
                          r"matter)) (?:there|stand|rest|be|as (?:it is|they are)))?"
                          r"\s*\?\s*$")
# The pleadings' formal reading waived ("do you waive a formal reading?" - "Yes to both."):
# no question about appeal.
READING_WAIVED = re.compile(r"\bwaiv\w* (?:of )?(?:the |a |any )?(?:formal )?reading\b"
                            r"|\b(?:formal )?reading (?:is |was )?waived\b")
# The judge's own acceptance ("if I were to accept the arrest as persecution, would the
# Department argue relocation?"; "I accept her explanation") asks no party about the decision.
JUDGE_ACCEPTS = re.compile(
    r"\b(?:i|the court) (?:(?!(?:you|your|he|she|they|the|dhs|counsel|department|government|"
    r"respondent|client)\b)\w+ ){0,3}accept\w*")
# the right given up, in other words: "if I give you voluntary departure you give up your
# right to appeal. Do you agree?"; "you forfeit any appeal, understood?"
# ("you waive your appeal?": the appeal is what is waived, not what is reserved)
_GIVEN_UP = (r"\b(?:give|gives|giving|gave|given) up|\b(?:forgo|forego|forfeit|surrender|"
             r"relinquish|lose|losing|waiv)\w*")
_GIVEN_UP_APPEAL = (rf"(?:{_GIVEN_UP}) (?:\w+ ){{0,2}}(?:right to (?:an? )?)?appeal\w*"
                    # "you give up the right to have a higher court look at my decision"
                    rf"|(?:{_GIVEN_UP}) (?:the |your |any )?right to (?:\w+ ){{0,3}}"
                    rf"(?:{_HIGHER_COURT}|the board)")
# "I take it no one is appealing this." - "Correct.": a "yes" says nobody appeals
# ("I assume neither party is going to the Board over a closure you both wanted.")
_NOBODY = r"\b(?:no ?one|nobody|neither (?:side|party)|no party)"
# (the Board first, so that all of "neither party intends to contest the closure before the
# Board" is the one phrase)
_NOBODY_APPEALS = (rf"{_NOBODY} (?:[\w']+ ){{0,6}}?(?:to|before|with) (?:the board|{_HIGHER_COURT})"
                   # ("neither side wants the Board to look at that")
                   rf"|{_NOBODY} (?:[\w']+ ){{0,2}}(?:the board|{_HIGHER_COURT}) to (?:look at|"
                   r"review|examine|hear|see)\b"
                   rf"|{_NOBODY} (?:is |will be |intends to |wants to |plans to |is going to |"
                   r"needs to |has to |wishes to )?"
                   r"(?:appeal\w*|challeng\w*|contest\w*|reserv\w*|take (?:this|it|that|the \w+) "
                   r"(?:any )?further)"
                   # "I assume no appeal from you?" - "You assume right."
                   r"|\bno appeal\b"
                   # the party asked whether it is not appealing: "I take it you are not
                   # challenging this?" - "Correct." (or "No."): it is not
                   r"|\b(?:you|your client|your side)(?: are| is| will| would|'re|'ll)? ?"
                   r"(?:not|n't) "
                   r"(?:be )?(?:going to |planning to |intending to )?(?:appeal\w*|challeng\w*|"
                   r"contest\w*)"
                   r"|\b(?:you|your client|your side) (?:do|does|did)(?: not|n't) (?:want|wish|"
                   r"intend|plan|mean) to (?:appeal|challenge|contest)\b")
NOBODY_APPEALS = re.compile(_NOBODY_APPEALS)
YES_MEANS_WAIVED = re.compile(rf"\baccept\w*|\bfinal\b|\bwaiv\w*|\bsatisfied\b|\bcontent\b"
                              rf"|{LET_STAND}"
                              rf"|{_GIVEN_UP_APPEAL}|{_NOBODY_APPEALS}")
# "appeal" as what is waived ("Both sides waive appeal?") or given up does not ask about
# reserving it
YES_MEANS_RESERVED = re.compile(
    r"(?<!waive )(?<!waives )(?<!waiving )(?<!waived )\bappeal\w*|\breserv\w*|\bpreserv\w*"
    r"|\bthe board\b"
    rf"|{_REVIEW}|{_HIGHER_COURT}|{_CHALLENGED}")
GIVEN_UP_APPEAL = re.compile(_GIVEN_UP_APPEAL)
PARTY_QUESTION = re.compile(
    r"^\s*(?:and )?(?:(?:the |(?:for|on behalf of)(?: the)? )?(?:government|department|dhs|"
    r"respondent|applicant)|counsel|"
    r"(?:his|her|their|(?:the )?respondent's) (?:lawyer|attorney|counsel|representative)|"
    # (the court's address in the hearing's languages: "Maître Ngassa?")
    r"(?:mr|ms|mrs|miss|mister|dr|ma[iî]tre|monsieur|madame|se[nñ]ora?)\.? \w+(?:,? (?:for|on "
    r"behalf of) the (?:government|department|dhs|respondent|applicant))?)"
    r"(?:,? (?:your honor|please))?\s*\??\s*$"
    # the question put again to the other party: "Ms. Trent, same for the government?";
    # "And nothing from the respondent's side, I assume?"
    r"|^\s*(?:(?:mr|ms|mrs)\.? \w+,? )?(?:and )?(?:(?:the )?same (?:for|from|as to|with)|"
    r"(?P<nothing>nothing|no appeal) (?:from|for|by|on behalf of)) (?:the )?(?:government|"
    r"department|dhs|respondent|applicant)(?:'s side)?(?:,? (?:i (?:assume|take it|gather|"
    r"presume)|then|either|too|as well))?\s*\??\s*$"
    # the other side named with its client: "Ms. Hla, your client?"
    r"|^\s*(?:and )?(?:(?:mr|ms|mrs|miss|mister|dr)\.? \w+,? )?(?:and )?(?:your client|your "
    r"side)(?:,? (?:counsel|your honor))?\s*\??\s*$"
    # "And Mr. Adan, I take it your client is as well."
    r"|^\s*(?:and )?(?:(?:mr|ms|mrs)\.? \w+,? )?i (?:take it|assume|gather|presume) (?:that )?"
    r"(?:your client|the (?:respondent|applicant|department|government)|dhs|you|he|she|they) "
    r"(?:is|are|does|do|will|would)(?: (?:be|too|as well|likewise|the same))*\s*[.?]?\s*$")
# agreeing, asked about appeal, lets the decision stand ("I agree." to "Do you agree to give
# up your appeal?" or to "Do you agree with the decision?")
ACCEPT = re.compile(r"\baccept(?:s|ed|ing)?\b|\b(?:we|i|he|she|they) (?:(?:understand|"
                    r"understands) and )?agree(?:s|d)?(?= *(?:[.!,]|$|to (?:that|it|this)\b))"
                    # "We'll let it stand, Judge."
                    r"|\b(?:let|letting) (?:it|that|the (?:decision|ruling|order)) stand\b")
NO_APPEAL = re.compile(r"\bno appeal\b|^\s*none\b|\bnot (?:be )?appeal\w*"
                       # a bare "Nothing." to the question put to the party
                       r"|^\s*nothing(?:,? (?:judge|your honor|from (?:us|me)))?\s*[.!]?\s*$")
SAME_ANSWER = re.compile(r"^\s*(?:(?:the )?same|likewise|(?:us|me) too|same here|"
                         r"(?:the )?(?:department|government|dhs|respondent) (?:as well|too|"
                         r"likewise)|"
                         # "No, Your Honor." - "Nor (from) the Department."
                         r"(?:nor|neither) (?:from |for )?(?:(?:the )?(?:department|government|"
                         r"dhs|respondent)|us|me|my client|our side)|"
                         r"(?:and )?(?:so|as|nor) (?:do|does|will|did|would) (?:we|i|he|she|"
                         r"they|the \w+)|"
                         r"ditto)\W*(?:\w+\W*){0,3}$")
YES = re.compile(r"^\s*(?:yes|yeah|yep|correct|that's (?:right|correct)|that is (?:right|"
                 r"correct)|(?:we|i|he|she|they|it) (?:do|does|will)"
                 # "I assume no appeal from you?" - "You assume right, Judge."
                 r"|you (?:assume|understand|have it|are|'re) (?:right|correctly|correct)"
                 # "Is the Department reserving?" - "We are, Judge."
                 r"|(?:we|i|he|she|they|it) (?:are|am|is)(?=\s*(?:[,.!]|$))"
                 # "I assume your side accepts." - "Of course, Judge."
                 r"|of course|certainly|absolutely|indeed|happily|gladly|gratefully)\b"
                 r"(?!\s*(?:not\b|n't))")
LATE_YES = re.compile(r"^[^.;]{0,40}, (?:yes|yeah)\b")  # "On the discretionary denial, yes."
# ("no" as a determiner answers nothing: "No criminal history that would bar it, Judge.")
NO = re.compile(r"^\s*(?:(?:of course|certainly|absolutely|definitely) not|not|nope|"
                r"no(?!\s+(?!(?:we|i|he|she|they|it|judge|sir|ma'am|your|thanks|thank|not|appeal|"
                r"sir|no)\b)[a-z]+\b)|"
                r"(?:we|i|he|she|they|it) (?:do|does|did|will|would)"
                r"(?: not|n't)|(?:we|i|he|she|they|it) won't)\b")
DHS_NAMED = re.compile(r"\b(?:department|dhs|government)\b")
SIDE_RESPONDENT = re.compile(r"\b(?:respondent|applicant|counsel|defen[cs]e)\b")
# the verb that reports a party's words: what stands before it names the party
SPEAKS = re.compile(r"\b(?:argu|contend|urg|ask|say|said|submit|maintain|request|seek|invit|"
                    r"assert|claim)\w*")
# the side a reply names: "I agree with counsel", "I disagree with the Department"
WITH_SIDE = re.compile(r"\b(?:agree|disagree|side) with ((?:the )?[\w']+(?: [\w']+)?)")
RESPONDENT_NAMED = re.compile(r"\b(?:respondent|applicant|your client|ma'am|sir|madam|you)\b")
EITHER = re.compile(r"\b(?:n?either|each|both|any) (?:side|party|parties|sides|counsel)\b"
                    r"|\bthe parties\b")
# The judge having the question put through the interpreter ("interpreter ask him does he
# want to appeal or accept"), speech recognition having dropped the "?".
INDIRECT_QUESTION = re.compile(
    r"\b(?:ask|asking) (?:him|her|them|the (?:respondent|applicant))\b (?:\w+ )?"
    r"(?:whether|if|does|do|will|would|what)\b"
    # "please tell her she has won her case and ask whether she accepts"
    r"|\b(?:ask|asking) (?:whether|if) (?:he|she|they|the (?:respondent|applicant))\b"
    # "Let me ask the parties whether either side reserves."
    r"|\b(?:ask|asking) (?:the parties|both (?:sides|parties)|each (?:side|party)|counsel|you "
    r"both) (?:whether|if)\b"
    r"|\b(?:your|the (?:government's|department's|respondent's)|(?:his|her) client's) position "
    r"on (?:appeal|the appeal)\b"
    # the judge's reading of an answer put for confirmation ("I take that as the Department
    # waiving." - "Correct."): a "yes" confirms that reading
    r"|^\s*(?:(?:all right|okay|ok|so),? )?(?:i(?:'ll| will)? take|i(?:'m| am) taking|i "
    r"understand) (?:that|this|it) (?:as|to mean)\b"
    # a supposition put for confirmation: "And the respondent, I take it, waives." - "That's
    # correct."
    # ("And for the respondent I assume the decision is accepted.")
    r"|^\s*(?:and )?(?:for|as (?:for|to)) (?:the )?(?:respondent|applicant|department|government|"
    r"dhs|your client),? i (?:take it|assume|gather|presume)\b"
    r"|,\s*i (?:take it|assume|gather|presume),|^\s*(?:and )?(?:[\w.' ]{1,30}, )?i (?:take it|"
    r"assume|gather|presume) (?:that )?(?=(?:the )?(?:respondent|applicant|department|"
    r"government|dhs|counsel|your client|your side|you|he|she|they|neither|no ?one|nobody|"
    r"no party|either)\b)"
    # a question run on after the advisal, its "?" lost to speech recognition ("you have
    # thirty days do you want to do that or accept my decision")
    r"|\b(?:do|does|will|would) (?:you|he|she|they|the (?:respondent|department|government)) "
    r"(?:want|wish|intend|plan) to\b"
    # a question opening with its verb, the "?" lost ("miss pierre does your client take the
    # decision as final"): the verb first, then its subject
    r"|^\s*(?:(?:okay|ok|all right|alright|so|and|now|uh|um),? )*(?:(?:mr|ms|mrs|miss|mister|"
    r"missus|madam)\.? \w+,? |counsel,? )?(?:and )?(?:does|do|did|will|would|is|are) "
    r"(?:you|your client|he|she|they|dhs|the (?:respondent|applicant|department|government))\b")
# (nor the relief the party does not oppose: "The Department doesn't oppose, and we'd ask
# for a bond.")
NOT_ABOUT_APPEAL = re.compile(r"\bunderst(?:and|ood)\w*|\brepeat\b|\bhear (?:me|you)\b"
                              r"|\bobjection\b|\boppos(?:e|es|ed|ing|ition)\b|\bbond\b")
# The choice put, then asked for without a question mark (speech recognition): "... or you can
# tell me you want the board of immigration appeals to look at it you'd have thirty days which
# one"
WHICH_ONE = re.compile(r"\bwhich (?:one|is it|will it be|do you (?:want|choose|prefer))"
                       r"\s*[.?!]?\s*$")
# The judge offering the choice, speech recognition having dropped the "?" ("dhs reserve or
# waive"); a record names one stance per party ("DHS reserves, the respondent waives").
CHOICE = re.compile(r"\b(?:reserv|waiv|accept|appeal)\w* or (?:\w+ )?(?:reserv|waiv|accept|appeal)"
                    # the advisal that offers both: "you can appeal my decision if you disagree
                    # with it or you can accept it as final"
                    r"|\byou (?:can|may) (?:\w+ )?(?:reserv|waiv|accept|appeal)\w*\b"
                    r"[^.?;]{0,60}\bor (?:you (?:can|may) )?(?:\w+ )?(?:reserv|waiv|accept|"
                    r"appeal)"
                    # the right given up or kept: "Do you want to give that up, or keep it?"
                    r"|\b(?:give|giving) (?:it|that|this|the right|your right) up,? or "
                    r"(?:\w+ )?(?:keep|hold|preserv|reserv)")


@dataclass(frozen=True)
class Resolution(Generic[S]):
    """What a referring sentence means: one label and polarity, the antecedent sentences,
    and the words that refer."""

    label: str
    polarity: str | None
    antecedents: tuple[S, ...]
    kind: str  # "reference", "same", "rebuttal", "answer"
    words: str


@dataclass
class SpeakerMemory(Generic[S]):
    """A speaker's recent sentences: their application mentions and the findings a party
    asked for in them (newest last)."""

    # (sentence, normalised, applications it ruled on by reference)
    sentences: list[tuple[S, str, tuple[str, ...]]] = field(default_factory=list)
    asked: list[tuple[S, str, str | None]] = field(default_factory=list)  # (sentence, label, pol)

    # sentences that list applications after announcing a list ("two things: a motion ...,
    # and a request ..."), kept longer: "the second filing" may come much later
    listings: list[tuple[S, list[str]]] = field(default_factory=list)
    # sentences naming two applications or more, kept as long, for a plural reference made
    # after the reasons ("She seeks asylum, withholding ... and CAT." ... "Those applications
    # are denied.")
    named: list[tuple[S, list[str]]] = field(default_factory=list)
    # sentences that count what they list ("two applications: one for asylum and one for
    # withholding"), with the noun and the count, for "both applications" said later
    counted: list[tuple[S, str, int, list[str]]] = field(default_factory=list)

    def remember(self, sentence: S, norm: str, resolved: tuple[str, ...] = ()) -> None:
        announced = LISTING.search(norm) or (self.sentences and LISTING.search(
            self.sentences[-1][1]))
        named = [label for label, _, _ in _application_spans(norm)]
        if not named and COUNTED_UNNAMED.search(norm):
            named = list(I589_APPLICATIONS)
            self.listings = (self.listings + [(sentence, named)])[-MEMORY_LISTINGS:]
        if announced and len(named) >= 2:
            self.listings = (self.listings + [(sentence, named)])[-MEMORY_LISTINGS:]
        count = COUNTED.search(norm)
        if count and len(set(named)) == COUNT[count.group("n")]:
            self.counted = (self.counted + [(sentence, _noun(count.group("noun")),
                                             COUNT[count.group("n")],
                                             list(dict.fromkeys(named)))])[-MEMORY_LISTINGS:]
        if len(set(named)) >= 2:
            self.named = (self.named + [(sentence, list(dict.fromkeys(named)))])[
                -MEMORY_LISTINGS:]
        self.sentences = (self.sentences + [(sentence, norm, resolved)])[-MEMORY_SENTENCES:]
        self.asked = [a for a in self.asked if any(a[0] is s for s, _, _ in self.sentences[-3:])]


def _ruling_verb(norm: str, ref: re.Match[str]) -> tuple[str, int, bool] | None:
    """The ruling verb next to a referring expression: its polarity (read with what follows
    it: "fails at the threshold" pretermits), its offset and whether it is "can succeed",
    which rules only under a negation ("neither can succeed")."""
    best: tuple[float, str, int, bool] | None = None
    for polarity, pattern in VERBS:
        for m in pattern.finditer(norm):
            if not_a_grant(norm, m):
                continue
            if m.start() >= ref.end():
                distance: float = len(norm[ref.end():m.start()].split())
            elif m.end() <= ref.start():
                # at equal distance the verb after the reference is its own ("The latter is
                # granted and the former is denied")
                distance = len(norm[m.end():ref.start()].split()) + 0.5
            else:
                continue
            if int(distance) <= REFERENCE_REACH_WORDS and (best is None or distance < best[0]):
                best = (distance, ruling_polarity(norm, polarity, m.end()), m.start(),
                        pattern is SUCCEEDS)
    return None if best is None else (best[1], best[2], best[3])


def _noun(word: str) -> str:
    return word.removesuffix("s").replace("forms of", "form of")


def _counted(memory: SpeakerMemory[S], words: str) -> tuple[S, list[str]] | None:
    """"Both applications" after "two applications: ..." was said, by the same noun and
    count, however many other applications were named since ("He also asks for CAT
    protection and, in the alternative, voluntary departure.")."""
    noun = REFERRING_NOUN.search(words)
    n = 2 if BOTH_WORD.search(words) else next(
        (v for k, v in COUNT.items() if re.search(rf"\b{k}\b", words)), None)
    if noun is None or n is None:
        return None
    for sentence, said, count, labels in reversed(memory.counted):
        if said == _noun(noun.group()) and count == n:
            return sentence, labels
    return None


# An application withdrawn is no longer before the court: "is it your own decision to withdraw
# your asylum application?" leaves nothing for "Then the request is granted" to grant.
WITHDRAWING = re.compile(r"\bwithdr[ae]w\w* (?:(?:your|his|her|their|the|my|its|this|that) )?"
                         r"(?:\w+ )?$")
WITHDRAWN = re.compile(r"^(?: (?:application|claim|request))? (?:is|was|has been|will be|being) "
                       r"(?:\w+ )?withdrawn\b")


def _live_applications(norm: str) -> list[str]:
    """The applications a sentence names, less those it names as withdrawn or as the
    measure of another ("Withholding asks for more than asylum does." - "It follows that it
    cannot succeed either.": withholding)."""
    return [label for label, a, b in _application_spans(norm)
            if not (WITHDRAWING.search(norm, max(0, a - 40), a) or WITHDRAWN.match(norm[b:])
                    or COMPARED.search(norm, 0, a))]


def _antecedent(memory: SpeakerMemory[S], plural: bool
                ) -> tuple[S, list[str]] | None:
    """The newest of the speaker's sentences that mentions applications (two or more for a
    plural reference), with the labels in the order mentioned; none past another matter."""
    for sentence, norm, resolved in reversed(memory.sentences):
        named = _live_applications(norm)
        labels = list(dict.fromkeys(named + list(resolved)))
        if labels and (not plural or len(labels) >= 2):
            return sentence, labels
        if OTHER_MATTER.search(norm):
            return None
    if plural and memory.named:  # "Those applications are denied." long after the list
        return memory.named[-1]
    return None


def motion_ruling(norm: str, recent: SpeakerMemory[S]) -> list[Resolution[S]]:
    """"Then the motion is granted." / "Granted." after a motion to continue or to dismiss
    (made by anyone in the last sentences, ``recent``): a continuance or a termination.
    A denied motion is no event."""
    m = MOTION_GRANTED.search(norm) or BARE_GRANTED.match(norm)
    if m is None:
        return []
    # "I'm not going to continue the case. I'm granting the motion instead.": the motion
    # before the one just asked in the alternative
    skip = 1 if re.search(r"\binstead\b", norm) else 0
    for sentence, text, _ in reversed(recent.sentences):
        kind = MOTION_KIND.search(text)
        if kind and SUGGESTED.search(text, 0, kind.start()):
            continue  # "The respondent could ask for a continuance instead.": no motion made
        if kind and MOTION_WITHDRAWN.search(text):
            continue  # "We'll withdraw it." / "The motion to continue is withdrawn, then."
        if kind and skip:
            skip -= 1
            continue
        if kind:
            word = kind.group("kind")
            label = "termination" if re.match(r"dismiss|terminat|administrative", word) else (
                "continuance")
            return [Resolution(label, None, (sentence,), "reference", m.group().strip())]
        if _application_spans(text):
            return []  # "Granted." rules on the application named last
    return []


# A finding read from a form or a checklist: the element named as a heading ("Item 4, nexus.")
# and the verdict in a word after it ("Box checked: not established."; "Met.").
HEADINGS = {label: re.compile(p) for label, p in {
    "past_persecution": r"\bpast persecution\b",
    "well_founded_fear": r"\bwell ?founded fear\b|\bfuture persecution\b",
    "nexus": r"\bnexus\b|\bprotected grounds?\b",
    "burden_of_proof": r"\bburden\b",
    "corroboration": r"\bcorroborat\w*",
    "discretion": r"\bdiscretion\b",
    "credibility": r"\bcredibility\b",
}.items()}
HEADING_WORDS = 8  # most words of a heading
VERDICT = re.compile(
    r"^\s*(?:(?:the )?(?:box )?(?:checked|marked|finding|answer|result)\s*:?\s*)?(?P<neg>not )?"
    r"(?P<word>established|met|shown|proven|proved|satisfied|favou?rable|unfavou?rable|adequate|"
    r"sufficient|insufficient|credible)\s*[.!]?\s*$")
VERDICT_POLARITY = {"favorable": "favorable", "favourable": "favorable",
                    "unfavorable": "unfavorable", "unfavourable": "unfavorable",
                    "adequate": "sufficient", "sufficient": "sufficient",
                    "insufficient": "insufficient", "credible": "positive"}


def checklist_verdict(norm: str, memory: SpeakerMemory[S]) -> list[Resolution[S]]:
    """A one-word verdict ("Met.", "Checked: not established.") on the element the speaker's
    sentence just before named as a heading ("Item 6, burden of proof.")."""
    m = VERDICT.match(norm)
    if m is None or not memory.sentences:
        return []
    sentence, heading, _ = memory.sentences[-1]
    labels = [label for label, p in HEADINGS.items() if p.search(heading)]
    if len(labels) != 1 or len(heading.split()) > HEADING_WORDS:
        return []
    label = labels[0]
    polarity = VERDICT_POLARITY.get(m.group("word"), LABELS[label][0])
    if polarity not in LABELS[label]:
        return []
    final = NEGATED[polarity] if m.group("neg") else polarity
    return [] if final is None else [Resolution(label, final, (sentence,), "reference",
                                                m.group().strip())]


def bare_ruling(norm: str, recent: SpeakerMemory[S]) -> list[Resolution[S]]:
    """A ruling in one word ("Granted.", "Denied.") on the application named last, by
    whichever speaker asked for it, unless a motion came up since."""
    m = BARE_RULING.match(norm)
    if m is None:
        return []
    found = _antecedent(recent, plural=False)
    if found is None:
        return []
    sentence, labels = found
    polarity = "granted" if m.group(1).startswith("grant") else "denied"
    return [Resolution(labels[-1], polarity, (sentence,), "reference", m.group(1))]


def _points_at_argument(norm: str, ref_at: int, verb_at: int,
                        memory: SpeakerMemory[S]) -> bool:
    """A pronoun that stands for a party's argument, not an application: after another
    matter in its sentence ("I have considered that argument and I reject it."), or rejected
    after an argument reported in its sentence or the one before ("The Department argued that
    ...; I've considered that and I reject it")."""
    if OTHER_MATTER.search(norm, 0, ref_at):
        return True
    if not norm.startswith("reject", verb_at):
        return False
    return bool(ARGUED.search(norm, 0, ref_at)
                or (memory.sentences and ARGUED.search(memory.sentences[-1][1])))


REFERENCE_CLAUSE = re.compile(r"[,;:]|\b(?:and|but)\b")


def _clause_of(norm: str, start: int, end: int) -> str:
    """The clause around ``start``..``end``, cut at punctuation and "and"/"but"."""
    lo = max((m.end() for m in REFERENCE_CLAUSE.finditer(norm, 0, start)), default=0)
    hi = next((m.start() for m in REFERENCE_CLAUSE.finditer(norm, end)), len(norm))
    return norm[lo:hi]


def rulings_by_reference(norm: str, sentence_now: S, memory: SpeakerMemory[S],
                         taken: set[str]) -> list[Resolution[S]]:
    """Rulings on applications named before ("each of them is denied", "I will grant it",
    "those first two applications are denied"): earlier in the sentence when the sentence
    names an application its verb is too far from ("Withholding of removal carries a higher
    burden, and ... that application is denied as well"), else in the speaker's recent
    sentences."""
    spans = _application_spans(norm)
    if spans and all(label in taken for label, _, _ in spans) and not PLURAL.search(norm):
        return []
    out: list[Resolution[S]] = []
    used: list[tuple[int, int]] = []
    # each referring expression with its own nearest verb ("The former is denied and the
    # latter is granted")
    for pattern, plural in ((PLURAL, True), (SINGULAR, False)):
        for ref in pattern.finditer(norm):
            if any(a < ref.end() and ref.start() < b for a, b in used):
                continue
            chooser = CHOOSER.search(norm, 0, ref.start()) if plural else None
            if plural and PARTITIVE.search(norm, 0, ref.start()) and not QUANTIFIED.match(
                    ref.group()) and chooser is None:
                continue
            verb = _ruling_verb(norm, ref)
            if verb is None or in_conditional(norm, verb[1]) or weighed_not_ruled(norm, verb[1]):
                continue
            if NOT_REACHED.search(_clause_of(norm, ref.start(), ref.end())):
                continue  # "the remaining applications are moot and I do not reach them"
            if POINTING.match(ref.group()) and not spans and _points_at_argument(
                    norm, ref.start(), verb[1], memory):
                continue
            # not an application named as the measure of another ("a higher burden than
            # asylum, ... that application is denied")
            here = list(dict.fromkeys(label for label, a, b in spans if b <= ref.start()
                                      and not COMPARED.search(norm, 0, a)))
            if plural and len(here) == 1 and any(m.end() <= ref.start() for m in
                                                 ASYLUM_MENTION.finditer(norm)):
                here = list(dict.fromkeys(["asylum", *here]))
            # ("I will grant the second application.": the ordinal in the reference itself)
            nth = ORDINAL.search(norm) or (None if plural else NAMED_ORDINAL.search(ref.group()))
            pointing = not plural and not nth and bool(POINTING.match(ref.group()))
            # "it" after "the former" in its own sentence ("The former asks for more of the same
            # showing, so it fails too"): the one selected
            selected = PAIR_BEFORE.search(norm, 0, ref.start()) if pointing else None
            if selected is not None:
                pointing = False
            if not here and pointing:
                here = _concept_application(norm[:ref.start()])
            found = (sentence_now, here) if here else None
            if found is None and pointing:
                found = _concept_before(memory)
            if found is None and plural:
                found = _counted(memory, " ".join(norm[ref.start():].split()[:3]))
            if found is None:
                # "the former", "the latter" choose between two: the newest sentence naming
                # two or more, past a sentence that names only one of them
                found = _antecedent(memory, plural or bool(PAIR.search(ref.group()))
                                    or selected is not None)
            if found is None and BARE_APPLICATION.match(ref.group()):
                found = _asylum_by_its_elements(memory)
            if nth and not here and not plural:
                found = _nth(memory, nth)
            if plural and COUNTED_THREE.search(ref.group()) and (found is None
                                                                 or len(set(found[1])) < 3):
                found = (sentence_now, I589_APPLICATIONS)
            if found is None:
                return []
            used.append((chooser.start() if chooser else ref.start(), ref.end()))
            sentence, labels = found
            words = ref.group() if selected is None else f"{selected.group()} ... {ref.group()}"
            if BARE_CLAIM.match(words) and not nth and len(set(labels)) >= 2:
                continue  # "the claim" after three applications is the case, not the last
            if chooser is not None:
                index = CHOSEN[chooser.group("n")]
                if index >= len(labels):
                    continue
                labels, words = [labels[index]], f"{chooser.group()}{words}"
            selection = SELECTION.search(norm)
            if plural and selection and not (FIRST.search(words) or LAST.search(words)):
                words = f"{selection.group()} {words}"
            n = next((v for k, v in COUNT.items() if k in words), None)
            if LAST.search(words):
                labels = labels[-(n or 1):]
            elif FIRST.search(words) or n:
                labels = labels[:n or 1]
            elif not plural:
                labels = labels[-1:]
            polarity = verb[0]
            # (the referring words' own negation, before a selection was put in front of
            # them: "the first two ... rest on one account, neither of those can be granted")
            negated = ruling_negated(norm, verb[1]) or bool(
                NEGATIVE_REFERENCE.match(words) or NEGATIVE_REFERENCE.match(ref.group()))
            if verb[2]:  # "neither can succeed" denies; "both can succeed" rules on nothing
                final: str | None = polarity if negated else None
            elif negated and polarity == "granted" and not_yet(norm, verb[1]):
                final = None  # "But I am not granting it today.": put off, not denied
            else:
                final = NEGATED[polarity] if negated else polarity
            if final is not None:
                out += [Resolution(label, final, (sentence,), "reference", words)
                        for label in labels if label not in taken
                        and all(r.label != label for r in out)]
    return out


def _concept_application(text: str) -> list[str]:
    """The application a text rules on by its standard alone, naming none: the torture
    claim ("no public official would acquiesce"), withholding ("a clear probability")."""
    if _application_spans(text):
        return []
    if TORTURE_CONCEPT.search(text):
        return ["cat_protection"]
    # (or in its own words: "his life or freedom would more likely than not be threatened in
    # Mauritania on account of his race" - "I grant it.")
    return ["withholding_of_removal"] if (CLEAR_PROBABILITY.search(text)
                                          or THREAT_TO_LIFE.search(text)) else []


# "So the application is granted." when no application was named: in a decision that has
# weighed the asylum elements (the fear, past persecution, the filing deadline), the asylum
# application (Form I-589) before the court.
BARE_APPLICATION = re.compile(r"^the application$")
ASYLUM_ELEMENTS = re.compile(r"\bpersecut\w*|\bwell founded\b|\breasonable possibility\b|"
                             r"\bone year\b|\brefugee\b")


def _asylum_by_its_elements(memory: SpeakerMemory[S]) -> tuple[S, list[str]] | None:
    """The speaker's latest sentence that weighs an element of asylum, with the label."""
    for sentence, norm, _ in reversed(memory.sentences):
        if OTHER_MATTER.search(norm):
            return None
        if ASYLUM_ELEMENTS.search(norm):
            return sentence, ["asylum"]
    return None


def _concept_before(memory: SpeakerMemory[S]) -> tuple[S, list[str]] | None:
    """The speaker's previous sentence, when it weighs one application by its standard
    without naming it or ruling on it ("Nor is there anything to show that a public official
    would tolerate his torture;" - "that claim is denied as well.")."""
    if not memory.sentences:
        return None
    sentence, norm, resolved = memory.sentences[-1]
    labels = [] if resolved else _concept_application(norm)
    return (sentence, labels) if labels else None


def _nth(memory: SpeakerMemory[S], nth: re.Match[str]) -> tuple[S, list[str]] | None:
    """The n-th application of the speaker's last list of them: the newest sentence that
    announces a list ("three applications: ..."), else the newest naming enough of them."""
    n = NTH[nth.group("n")]
    listed = [(s, [label for label, _, _ in _application_spans(t)])
              for s, t, _ in reversed(memory.sentences)]
    least = n + 1 if n >= 0 else 1  # "the last" needs a list of at least one
    # (past the recent sentences, the sentences that named several, kept longer)
    candidates = [(s, labels) for s, labels in [*reversed(memory.listings), *listed,
                                                *reversed(memory.named)]
                  if len(labels) >= least]
    if not candidates:
        return None
    sentence, labels = candidates[0]
    return sentence, [labels[n]]


def ordinal_focus(norm: str, memory: SpeakerMemory[S]) -> tuple[str, ...]:
    """"Which brings me to the second filing.": the n-th application of the speaker's last
    list, which a following "that request is granted" refers to."""
    nth = ORDINAL.search(norm)
    if nth is None or _application_spans(norm):
        return ()
    found = _nth(memory, nth)
    return () if found is None else tuple(found[1])


# The ruling elided before an ordinal: "So is the third." (the third of the speaker's list)
SAME_NTH = re.compile(r"\b(?:so|as) (?:is|are|was|were) the (?P<n>first|second|third|fourth|"
                      r"last)\b" + _NOT_A_REFERENCE)


def same_ruling(norm: str, previous: list[tuple[str, str | None, S]],
                memory: SpeakerMemory[S] | None = None) -> list[Resolution[S]]:
    """"The same goes for withholding of removal": the application named takes the
    polarity of the speaker's last ruling (``previous``: label, polarity, sentence); "So is
    the third." takes the n-th of the speaker's list (``memory``)."""
    nth = SAME_NTH.search(norm) if memory is not None else None
    m = SAME.search(norm) or nth
    if m is None or not previous:
        return []
    label_prev, polarity, sentence = previous[-1]
    labels = dict.fromkeys(label for label, _, _ in _application_spans(norm))
    if not labels and nth is not None and memory is not None:
        chosen = _nth(memory, nth)
        labels = dict.fromkeys(chosen[1] if chosen else [])
    if not labels and memory is not None and memory.sentences and POINTING.match(norm.lstrip()):
        # "As for the third, ... It meets the same end.": the application the sentence
        # before took up
        labels = dict.fromkeys(memory.sentences[-1][2])
    return [Resolution(label, polarity, (sentence,), "same", m.group())
            for label in labels if label != label_prev]


def remember_request(memory: SpeakerMemory[S], sentence: S,
                     findings: list[tuple[str, str | None]], supersede: bool = False) -> None:
    """Findings a party asked for or argued, as the speaker reported them (dropped as
    reported speech by the scope rules), for a reply in the next sentences. ``supersede``: the
    sentence reports a new argument, which is what a reply ("I disagree.") now answers, even
    when it asks for no finding the tagger names (relocation argued after the burden was
    stated)."""
    if supersede:
        memory.asked = [a for a in memory.asked if a[0] is sentence]
    memory.asked += [(sentence, label, polarity) for label, polarity in findings]


def _side(text: str) -> str | None:
    """The side a text names: DHS ("the Department", "the government") or the respondent
    (the respondent, the applicant, or "counsel" unqualified: in court the DHS attorney is
    "the Department" or "the government")."""
    if DHS_NAMED.search(text):
        return "dhs"
    return "respondent" if SIDE_RESPONDENT.search(text) else None


def reply_to_request(norm: str, memory: SpeakerMemory[S]) -> list[Resolution[S]]:
    """"I decline to do so." / "I disagree." after a party's request for a finding: the
    opposite finding; "I agree." the same one. A reply that names the other side ("I agree
    with counsel" after the Department's argument and counsel's answer to it) answers that
    side's argument, not the request."""
    rebut, agree = REBUT.search(norm), AGREE.search(norm)
    if agree and PARTIAL.search(norm):
        agree = None  # "I agree with the Department on one point only: ..." names its point
    if not (rebut or agree) or not memory.asked:
        return []
    sentence = memory.asked[-1][0]
    named = WITH_SIDE.search(norm)
    said = next((t for s, t, _ in memory.sentences if s is sentence), "")
    if named and said and _side(named.group(1)) not in (None, _side(SPEAKS.split(said, 1)[0])):
        return []
    out = []
    for s, label, polarity in memory.asked:
        if s is not sentence:
            continue
        final = NEGATED[polarity] if rebut else polarity
        if final is not None:
            out.append(Resolution(label, final, (sentence,), "rebuttal",
                                  (rebut or agree).group().strip()))  # type: ignore[union-attr]
    return out


@dataclass
class AppealQuestion(Generic[S]):
    """The judge's open question about appeal, and the answers given to it so far."""

    sentences: tuple[S, ...]
    yes: str | None  # what "yes" means: "reserved", "waived", or None (either-or question)
    addressee: str | None = None  # "dhs" or "respondent" when the question names one
    answers: list[tuple[str, S]] = field(default_factory=list)  # (polarity, sentence)
    # what "no" means where it is not the opposite of "yes": asked "I take it no one is
    # appealing?", "Correct." and "No." both say the party is not appealing
    no: str | None = None


def appeal_question(norms: list[str], sentences: list[S], questions: list[bool],
                    open_question: AppealQuestion[S] | None) -> AppealQuestion[S] | None:
    """The appeal question a judge's turn (``norms``, ``sentences``; ``questions``: which are
    questions) leaves open: a question about appeal or accepting the decision, or a bare
    "Government?" after one; the open one while the judge records answers; else None."""
    norms = [READING_WAIVED.sub(" ", JUDGE_ACCEPTS.sub(" ", n)) for n in norms]
    text = " ".join(norms)
    questions = [q or bool(INDIRECT_QUESTION.search(n) or CHOICE.search(n) or WHICH_ONE.search(n))
                 for q, n in zip(questions, norms, strict=True)]
    # "government appeal" (speech recognition drops the "?"), but "Both parties reserve."
    # records the answers
    if len(text.split()) <= 3 and not RECORD.search(text):
        questions = [True] * len(norms)
    party_question = PARTY_QUESTION.match(norms[-1])
    if any(questions) and APPEAL_TOPIC.search(text) and not (
            open_question is not None and party_question
            and not APPEAL_TOPIC.search(norms[-1])):
        # (the judge recording one answer, then asking the other party: "The respondent
        # accepts the decision as final. Department?" puts the same question again)
        asked = [n for n, q in zip(norms, questions, strict=True) if q]
        if (not APPEAL_TOPIC.search(" ".join(asked))
                and all(NOT_ABOUT_APPEAL.search(n) for n in asked)):
            # "Final as to the respondent, then. Ma'am, do you understand what has
            # happened?": the judge has moved on; a "yes" now answers the other question
            return None
        # what "yes" says is read from the question itself when it names the appeal, not
        # from the record before it ("The respondent has waived appeal. And the government
        # waives?")
        put = " ".join(asked) if APPEAL_TOPIC.search(" ".join(asked)) else text
        waived = YES_MEANS_WAIVED.search(put)
        reserved = YES_MEANS_RESERVED.search(NOBODY_APPEALS.sub(" ", GIVEN_UP_APPEAL.sub(" ", put)))
        yes = None if (waived and reserved) else "waived" if waived else "reserved"
        named = [s for s, n, q in zip(sentences, norms, questions, strict=True)
                 if q and APPEAL_TOPIC.search(n)]
        nobody = "waived" if NOBODY_APPEALS.search(put) else None
        return AppealQuestion(tuple(named or sentences), yes, _addressee(" ".join(asked)),
                              no=nobody)
    # (or the same question put to the other party in other words: "Does he accept my
    # decision?" - "He accepts it." - "And the Department's position?" - "Same.")
    if open_question is not None and (party_question or NEXT_STEP.search(norms[-1])):
        # "Government?", "Noted. And the Department?", "That's for a custody motion. Mr. Fenn?"
        open_question.addressee = _addressee(norms[-1])
        if party_question and party_question.group("nothing"):
            open_question.yes = "waived"  # "Nothing from the respondent, I take it?" - "Yes."
        open_question.sentences = (sentences[-1],)  # what the party answers now
        return open_question
    if open_question is not None and APPEAL_TOPIC.search(text):
        open_question.addressee = None  # the judge records answers
        return open_question
    return None


# What a party will do next, asked right after the decision: the appeal question without its
# word ("Mr. Ochoa, what does the Department want to do?").
_ASKED_PARTY = (r"(?:the (?:department|government|respondent)|dhs|you|counsel|your client|"
                r"(?:his|her|their) (?:lawyer|attorney|counsel|client))")
NEXT_STEP = re.compile(
    rf"\bwhat (?:does|do|will|would) {_ASKED_PARTY} (?:want|wish|intend|plan|propose|like) to do\b"
    rf"|\bhow (?:does|do|will|would) {_ASKED_PARTY} (?:wish|want|intend|like) to proceed\b"
    # "Counsel, what's your client's position?"
    r"|\bwhat(?:'s| is) (?:your|your client's|(?:his|her|their) client's|the (?:department|"
    r"government|respondent)'s|dhs's) position\b"
    # the party named, then only "your position?": "Mr. Aung for the government, your position?";
    # "Ms. Liu, the Department's position?"
    r"|(?:^|,)\s*(?:and )?(?:what(?:'s| is) )?(?:your (?:client's )?|the (?:department|government|"
    r"respondent|applicant)'s |dhs's )?positions?"
    # "your client's position on the decision?"; "Counsel, positions on the decision?"
    r"(?: on (?:the |my |this |today's )?(?:decision|ruling|outcome|appeal|finality))?\s*\?\s*$"
    # "Mr. Volkov, is that your client's position?" (after the respondent spoke)
    r"|\bis that (?:your|your client's|(?:his|her|their) client's|the (?:department|government|"
    r"respondent)'s) position\s*\?\s*$"
    # the party's side asked by name alone: "Mr. Sandhu, on behalf of your client?"
    r"|(?:^|,)\s*(?:and )?(?:(?:for|on behalf of) (?:your client|the (?:respondent|department|"
    r"government|applicant))|(?:(?:from|on) )?(?:your|the department's|the government's) "
    r"side)\s*\?\s*$"
    # "Anything from either party on the decision?"
    r"|\b(?:anything|any position|anything further) (?:from (?:either|each|both|the) (?:party|"
    r"parties|side|sides) )?on (?:the |my |this |today's )?(?:decision|ruling|outcome)\s*\?\s*$")


def next_step_question(norms: list[str], sentences: list[S], questions: list[bool]
                       ) -> AppealQuestion[S] | None:
    """The judge asking, right after the decision, what a party wants to do: the appeal
    question, either answer possible."""
    asked = [(s, n) for s, n, q in zip(sentences, norms, questions, strict=True)
             if q and NEXT_STEP.search(n)]
    if not asked:
        return None
    return AppealQuestion(tuple(s for s, _ in asked), None,
                          _addressee(" ".join(n for _, n in asked)))


def _addressee(text: str) -> str | None:
    """Whom a question about appeal asks: one party when it names only that one."""
    if EITHER.search(text):
        return None
    dhs, respondent = DHS_NAMED.search(text), RESPONDENT_NAMED.search(text)
    if dhs and not respondent:
        return "dhs"
    if respondent and not dhs:
        return "respondent"
    return None


TITLED = re.compile(r"\b(?:mr|ms|mrs|miss|mister|dr|madam|sir|ma'am|se[nñ]ora?|monsieur|"
                    r"madame)\b")


def addressed_as_you(text: str) -> bool:
    """A question that names its addressee only as "you" ("Do you want to preserve that?"),
    no party and no person ("Mr. Costa, do you understand ...")."""
    return ({m.group() for m in RESPONDENT_NAMED.finditer(text)} == {"you"}
            and not DHS_NAMED.search(text) and not TITLED.search(text))


def echoes(norm: str, question: AppealQuestion[S]) -> bool:
    """``norm`` repeats the answer last given to ``question`` ("Same.", "Nor will we.")."""
    return bool(SAME_ANSWER.match(norm) and question.answers)


def answer(norm: str, question: AppealQuestion[S], party: str | None, first: bool = True
           ) -> tuple[str, tuple[S, ...], str] | None:
    """``party``'s answer to the open appeal question, read without the verb: the polarity,
    the antecedent sentences (the question, or the answer "Same." repeats) and the words.
    None when the question asked the other party, unless this party repeats the answer just
    given ("The Department will not be appealing." - "Nor will we."). A "yes" or "no" answers
    the question only in the sentence that opens the turn (``first``): "Yes, Judge. I do not
    agree with it."""
    if NOT_ABOUT_APPEAL.search(norm) or (question.addressee and party
                                         and party != question.addressee
                                         and not echoes(norm, question)):
        return None
    if any(in_conditional(norm, m.start()) for m in APPEAL_TOPIC.finditer(norm)):
        return None  # "None, so long as he waives appeal": a condition, not the answer
    if echoes(norm, question):
        polarity, sentence = question.answers[-1]
        return polarity, (sentence,), norm.strip()
    m = ACCEPT.search(norm)
    if m:
        negated = is_negated(norm, m.start(), m.end(), inside=False, reach=3)
        return ("reserved" if negated else "waived"), question.sentences, m.group()
    m = NO_APPEAL.search(norm)
    if m:
        return "waived", question.sentences, m.group().strip()
    if question.yes is None or not first:
        return None
    m = YES.match(norm) or LATE_YES.search(norm)
    if m:
        return question.yes, question.sentences, m.group().strip()
    m = NO.match(norm)
    if m:
        return (question.no or NEGATED[question.yes] or ""), question.sentences, \
            m.group().strip()
    return None
