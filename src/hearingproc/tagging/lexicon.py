"""The phrase lexicon: rules that find findings and rulings in one sentence, with negation.

A rule is a regular expression over the sentence's normalised text (lower case, dashes as
spaces, the same length as the original so offsets quote the original words). In a rule,
a space stands for any whitespace and ``~N`` for up to N intervening words, so "testimony
was ~3consistent" also matches "testimony was detailed, consistent". Phrasing in decisions
varies a lot, so the rules key on the legal words and the structure around them (a ruling
verb near an application, a negation before a cue) rather than on whole stock sentences.

Negation: a negator ("not", "cannot", "failed to", "n't", ...) among the six words before a
match (stopping at a clause boundary: punctuation, "but", "although", ...) or inside the
match flips the polarity ("I cannot find him credible" is adverse; "no nexus" is not
established); two negators cancel. Rules that state a negative themselves ("lacks
credibility") are not negatable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from hearingproc.tagging import NEGATED

PRE_WINDOW_WORDS = 8  # how far back a negator reaches ("I am not persuaded that the notes rise")
RULING_PRE_WORDS = 3  # for a ruling, only right before it ("I cannot grant asylum")
RULING_REACH_WORDS = 10  # most words between an application and its ruling verb


def _compile(pattern: str) -> re.Pattern[str]:
    pattern = pattern.replace(" ", r"\s+")
    pattern = re.sub(r"~(\d)", lambda m: r"(?:[\w']+,?\s+){0," + m[1] + "}", pattern)
    return re.compile(pattern)


@dataclass(frozen=True)
class Rule:
    name: str
    label: str
    polarity: str | None
    pattern: re.Pattern[str]
    negatable: bool = True  # a negation flips the polarity (or drops the tag, see NEGATED)
    priority: int = 1  # the higher wins when rules of one label disagree in a sentence


@dataclass(frozen=True)
class Hit:
    """One rule firing in one sentence (offsets into the sentence)."""

    rule: str
    label: str
    polarity: str | None
    start: int
    end: int
    negated: bool
    priority: int


def _rules(label: str, polarity: str | None, *patterns: str, negatable: bool = True,
           priority: int = 1, name: str = "") -> list[Rule]:
    tag = f"{label}.{polarity or 'event'}{'.' + name if name else ''}"
    return [Rule(f"{tag}#{i}", label, polarity, _compile(p), negatable, priority)
            for i, p in enumerate(patterns, 1)]


_TESTIMONY = (r"(?:testimony|account|story|statements?|answers?|narrative|"
              r"evidence he gave|evidence she gave)")
_QUALITY = (r"(?:consistent|detailed|specific|plausible|believable|candid|forthright|coherent|"
            r"responsive|sincere|straightforward)")
_FLAW = (r"(?:inconsistent|vague|evasive|implausible|contradictory|unpersuasive|non responsive|"
         r"nonresponsive|rehearsed|scripted|incoherent|shifting|embellished)")
_BE = r"(?:was|is|were|are|has been|have been|remained|appeared)"

RULES: list[Rule] = [
    # --- credibility ----------------------------------------------------------------------
    *_rules("credibility", "positive",
            r"\bcredib(?:le|ly)\b(?! fear)(?! threat)", r"\bbelievab(?:le|ly)\b",
            rf"\b{_TESTIMONY} (?:\w+ ){{0,4}}{_BE} ~4{_QUALITY}\b",
            (r"\b(?:testif\w+|spoke|answered) (?:in a )?~2(?:consistent|detailed|specific|candid|"
             r"forthright|truthful|responsive)\w*"),
            (r"\b(?:i|court) (?:\w+ ){0,2}believes? (?:him|her|them|the respondent|the applicant|"
             r"his|her|their)\b"),
            r"\bworthy of (?:belief|credence)\b", r"\b(?:truthful|honest) witness\b",
            r"\b(?:positive|favou?rable) credibility\b",
            rf"\b(?:find|finds|found)\b (?:\w+ ){{0,4}}(?:to be )?(?:\w+,? ){{0,2}}{_QUALITY}\b",
            (r"\bi (?:fully )?(?:credit|accept) (?:(?:his|her|their|the respondent's|"
             r"the applicant's) )?(?:testimony|account|story|it)\b"),
            priority=1),
    *_rules("credibility", "positive",
            r"\bcredibility (?:is|was) not (?:in question|at issue|in doubt)\b",
            r"\bno (?:reason to doubt|doubt about) (?:\w+ ){0,2}(?:credibility|truthfulness)\b",
            negatable=False, priority=3, name="stated"),
    *_rules("credibility", "adverse",
            r"\b(?:un|in)believab(?:le|ly)\b",
            r"\bnot (?:a )?(?:credible|believable|truthful|candid|forthright)\b",
            negatable=False, priority=2),
    *_rules("credibility", "adverse",
            r"\badverse credibility\b", r"\b(?:lacks?|lacking|lacked) (?:\w+ ){0,1}credibility\b",
            r"\b(?:undermin|damag|impugn|diminish|erod|detract)\w* (?:from )?~3credibility\b",
            r"\bimplausib(?:le|ility)\b",
            r"\b(?:fabricat|concoct|invent)\w*\b",
            rf"\b{_TESTIMONY} (?:\w+ ){{0,4}}{_BE} ~4{_FLAW}\b",
            (r"\b(?:inconsistenc|discrepanc|contradiction|omission)\w*\b.{0,120}\bheart of (?:the|"
             r"his|her|their) claim"),
            priority=2, name="negatable"),
    *_rules("credibility", "adverse",
            (r"\b(?:inconsistenc|discrepanc|contradiction|omission)\w* (?:\w+ ){0,6}(?:go|goes|"
             r"went|going) to the heart\b"),
            r"\b(?:evasive|non ?responsive)\b", priority=2, name="flaw"),
    # --- corroboration --------------------------------------------------------------------
    *_rules("corroboration", "sufficient",
            r"\b(?:sufficient(?:ly)?|adequate(?:ly)?|amply|well|substantially) corroborat\w*",
            r"\b(?:has|have|had) (?:\w+ ){0,1}corroborated\b",
            r"\bcorroborat(?:e|es|ed|ing) (?:\w+ ){0,3}(?:claim|testimony|account|story)\b",
            (r"\b(?:which|that|and|documents?|letters?|records?|reports?|affidavits?|declarations?|"
             r"evidence) corroborat(?:e|es|ed) (?:the|his|her|their|this|that|these|those|key|much|"
             r"each|every)\b"),
            (r"\b(?:supports?|supported|confirms?|confirmed|consistent with) "
             r"(?:\w+ ){0,2}(?:account|testimony|claim|story)\b(?=.{0,40}\b(?:letter|record|report|"
             r"affidavit|declaration|document|photograph|evidence)s?\b)"),
            (r"\b(?:letters?|records?|reports?|affidavits?|declarations?|documents?|photographs?|"
             r"evidence|findings) (?:\w+ ){0,6}(?:supports?|supported|confirms?|confirmed|"
             r"corroborat\w+|consistent with) (?:\w+ ){0,2}(?:account|testimony|claim|story|"
             r"description)\b"),
            r"\b(?:claim|testimony|account) (?:is|was) (?:\w+ ){0,1}corroborated\b",
            (r"\bcorroborat\w* (?:evidence|documents?|letters?) (?:\w+ ){0,3}(?:support|sufficient|"
             r"adequate)\w*")),
    *_rules("corroboration", "insufficient",
            (r"\b(?:insufficient|inadequate|little|scant|minimal|lack of|absence of|no|"
             r"without) (?:\w+ ){0,2}corroborat\w*"),
            r"\b(?:produced|provided|submitted|offered|presented) none of (?:it|them|this|these)\b",
            (r"\b(?:fail\w*|unable|declined|did not|didn't|has not|had not|"
             r"hasn't) (?:\w+ ){0,3}(?:provide|submit|produce|present|obtain|"
             r"offer)\w* (?:\w+ ){0,5}corroborat\w*"),
            r"\b(?:uncorroborated|not corroborated)\b",
            (r"\bcorroborat\w* (?:\w+ ){0,4}(?:is|was|are|were) (?:insufficient|lacking|missing|"
             r"absent|inadequate)\b"),
            negatable=False, priority=2),
    *_rules("corroboration", "required",
            r"\b(?:requir|expect)\w* (?:\w+ ){0,6}corroborat\w*",
            (r"\bcorroborat\w* (?:\w+ ){0,6}(?:is|was|are|were) (?:\w+ ){0,1}(?:required|"
             r"reasonably available|reasonably expected)\b"),
            r"\breasonably (?:be )?(?:available|obtainable|expected)\b",
            (r"\b(?:requir|expect)\w* (?:\w+ ){0,3}(?:supporting|corroborating|documentary|"
             r"additional|independent) (?:evidence|documentation|documents)\b"),
            (r"\bevidence (?:was|is|would have been) (?:\w+ ){0,1}(?:easy to (?:get|obtain)|"
             r"readily available)\b"),
            r"\bshould (?:have )?(?:provided|submitted|obtained|produced)\b", priority=2),
    # --- burden of proof ------------------------------------------------------------------
    *_rules("burden_of_proof", "met",
            (r"\b(?:met|meet|meets|satisf\w+|carried|carry|carries|sustained|discharged) (?:his|"
             r"her|their|its|the|this|that|the respondent's|the applicant's|"
             r"(?:the )?applicable) (?:\w+ ){0,1}burden\b"),
            (r"\bburden (?:of proof )?(?:has been|was|is|had been) (?:\w+ ){0,1}(?:met|satisfied|"
             r"carried|sustained)\b")),
    *_rules("burden_of_proof", "not_met",
            r"\b(?:fallen|falls|fell|fall) short of (?:\w+ ){0,2}burden\b",
            negatable=False, priority=2),
    # --- nexus ----------------------------------------------------------------------------
    *_rules("nexus", "established",
            r"\bon account of\b", r"\b(?:one )?central reason\b",
            (r"\b(?:established|shown|showed|demonstrated|proven|proved|found|there is|is a|"
             r"exists?) (?:\w+ ){0,3}nexus\b"),
            (r"\bnexus (?:\w+ ){0,3}(?:established|shown|exists|is present|has been|is met|"
             r"is satisfied)\b"),
            (r"\b(?:because of|motivated by) (?:his|her|their|"
             r"the respondent's) (?:\w+ ){0,2}(?:political opinion|religion|race|nationality|"
             r"membership)\b"),
            (r"\b(?:targeted|attacked|went after|persecuted|threatened|beat|harmed|pursued|"
             r"singled out) (?:\w+ ){0,3}because (?:of )?(?:his|her|their|she|he|"
             r"they) (?:\w+ ){0,4}(?:opposition|politic\w*|party|religio\w*|faith|church|ethnic\w*|"
             r"race|union|journalis\w*|activis\w*|organiz\w*|member\w*|famil\w*|gender|"
             r"sexual\w*)")),
    *_rules("nexus", "not_established",
            (r"\b(?:personal (?:dispute|vendetta|animosity|matter)|purely criminal|"
             r"criminal (?:motive|extortion)|general(?:ized)? (?:crime|criminality|violence)|"
             r"economic (?:motive|reasons?))\b"),
            r"\bnot (?:a |one )?(?:protected ground|cognizable)\b",
            (r"\b(?:other than|except|solely|only|purely|simply) (?:for |to get |"
             r"to obtain )?(?:money|financial gain|profit|economic gain|extortion|robbery)\b"),
            (r"\b(?:wanted|sought|demanded|were after|was after) (?:\w+ ){0,1}(?:money|truck|car|"
             r"property|land|business|cattle)\b"),
            negatable=False, priority=0),
    # --- past persecution, well-founded fear ----------------------------------------------
    *_rules("past_persecution", "established",
            (r"\b(?:establish|demonstrat|show|shown|prove|suffer|experienc|"
             r"endur)\w* (?:\w+ ){0,3}past persecution\b"),
            (r"\bpast persecution (?:\w+ ){0,3}(?:has been|was|is) (?:\w+ ){0,1}(?:established|"
             r"shown|demonstrated|proven)\b"),
            (r"\b(?:rise|rises|rose|risen|amount|amounts|amounted) (?:\w+ ){0,1}to "
             r"(?:the level of )?persecution\b"),
            r"\b(?:was|were|been|has been) persecuted\b",
            (r"\b(?:is|was|constitutes?|constituted) (?:\w+ ){0,1}persecution\b(?! (?:on account|"
             r"because))"),
            (r"\b(?:entitled to|benefits? from|triggers?|raises?) "
             r"(?:\w+ ){0,2}(?:rebuttable )?presumption\b")),
    *_rules("well_founded_fear", "established",
            (r"\bwell ?(?:founded|found\w*|funded|rounded) (?:\w+ ){0,1}(?:fear|fears|affair|fair|"
             r"theater)\b"),
            r"\breasonable possibility (?:\w+ ){0,8}persecut\w*",
            (r"\b(?:fear|fears) (?:\w+ ){0,3}(?:is|was) (?:\w+ ){0,1}(?:objectively reasonable|"
             r"well founded|reasonable)\b"),
            r"\b(?:objectively reasonable|subjectively genuine)\b",
            r"\b(?:unable|can't|cannot|could not) (?:\w+ ){0,2}(?:safely )?relocate\b"),
    *_rules("well_founded_fear", "established",
            (r"\b(?:has not|hasn't|have not|haven't|did not|didn't|failed to|"
             r"not) (?:\w+ ){0,2}(?:shown|show|established|establish|demonstrated|demonstrate|"
             r"rebutted|rebut|proven|prove)\b.{0,80}\b(?:fundamental(?:ly)? change|changed|"
             r"relocat\w*|move (?:\w+ ){0,2}(?:else|elsewhere)|safely)"),
            (r"\bpresumption (?:\w+ ){0,6}(?:has not been|hasn't been|was not|is not|"
             r"not) rebutted\b"),
            negatable=False, priority=2, name="unrebutted"),
    # --- one-year bar ---------------------------------------------------------------------
    *_rules("one_year_bar", "timely",
            (r"\b(?:file|filed|submit|submitted|lodged|apply|applied) (?:\w+ ){0,7}within "
             r"(?:the )?(?:one|1) year\b"),
            r"\b(?:application|i 589|claim) (?:\w+ ){0,4}(?:was|is) timely\b",
            r"\btimely (?:filed|submitted)\b"),
    *_rules("one_year_bar", "untimely",
            r"\buntimely\b", r"\btime ?barred\b", r"\bmore than (?:one|1|a) year after\b",
            (r"\b(?:after|past|missed|outside) (?:\w+ ){0,1}(?:one|1) year (?:deadline|"
             r"filing deadline|bar)\b"),
            (r"\b(?:one|1) year (?:filing )?(?:bar|deadline) (?:\w+ ){0,3}(?:applies|bars|"
             r"precludes)\b"),
            negatable=False, priority=2),
    *_rules("one_year_bar", "exception",
            (r"\b(?:changed|extraordinary) circumstances? (?:\w+ ){0,6}(?:excus|exception|appl|"
             r"establish|shown|material)\w*"),
            (r"\b(?:establish|shown|demonstrat|show)\w* (?:\w+ ){0,3}(?:changed|"
             r"extraordinary) circumstances?\b"),
            r"\bexception to the (?:one|1) year\b"),
    # --- discretion -----------------------------------------------------------------------
    *_rules("discretion", "favorable",
            (r"\b(?:favou?rabl[ey]|positive) "
             r"(?:\w+ ){0,1}(?:exercise of )?(?:\w+ ){0,1}discretion\b"),
            r"\b(?:merits?|warrants?|deserves?) (?:\w+ ){0,4}discretion\b",
            (r"\b(?:merits?|warrants?|deserves?|grant\w*) (?:\w+ ){0,5}(?:as a matter of|"
             r"in the exercise of) (?:\w+ ){0,2}discretion\b(?!.{0,80}\bden)"),
            r"\bdiscretion (?:\w+ ){0,3}(?:in (?:his|her|their) favou?r|weighs? in favou?r)\b"),
    *_rules("discretion", "unfavorable",
            (r"\b(?:unfavou?rabl[ey]|negative|adverse) "
             r"(?:\w+ ){0,1}(?:exercise of )?(?:\w+ ){0,1}discretion\b"),
            r"\b(?:as a matter of|in the exercise of) (?:\w+ ){0,2}discretion\b(?=.{0,80}\bden)",
            (r"\bden\w* (?:\w+ ){0,6}(?:as a matter of|in the exercise of) "
             r"(?:\w+ ){0,2}discretion\b"),
            negatable=False, priority=2),
    # --- orders and events ----------------------------------------------------------------
    *_rules("removal_order", None,
            (r"\b(?:order|orders|ordered|ordering) (?:\w+ ){0,4}(?:removed|deported|removal|"
             r"deportation)\b"),
            r"\b(?:order|orders) of (?:removal|deportation)\b",
            r"\b(?:removal|deportation) order\b",
            r"\b(?:shall|will) be removed to\b"),
    *_rules("continuance", None,
            (r"\b(?:case|matter|hearing|proceedings?|this) (?:is|are|will be|shall be|be|"
             r"gets?) (?:\w+ ){0,2}(?:continued|reset|adjourned|rescheduled|postponed)\b"),
            (r"\b(?:continu(?:e|ing)|reset(?:ting)?|adjourn(?:ing)?|reschedul(?:e|ing)) (?:the|"
             r"this|your|his|her|their) (?:case|matter|hearing)\b"),
            (r"\b(?:grant\w*|allow\w*|give|giving|take|taking) (?:\w+ ){0,3}(?:continuance|"
             r"adjournment)\b"),
            r"\b(?:continuance|adjournment) (?:\w+ ){0,3}(?:is|will be) granted\b",
            (r"\b(?:next|new|your) (?:individual |master )?(?:hearing|court) (?:date )?(?:is|"
             r"will be)\b"),
            r"\bfor good cause\b"),
    *_rules("termination", None,
            (r"\b(?:proceedings?|case|matter) (?:\w+ ){0,3}(?:terminated|dismissed|"
             r"administratively closed)\b"),
            (r"\b(?:terminat\w+|dismiss\w*) (?:the |these |this )?(?:removal )?(?:proceedings?|"
             r"case|matter)\b"),
            r"\badministrative(?:ly)? clos\w+",
            r"\bmotion to (?:terminate|dismiss) (?:\w+ ){0,3}(?:is )?granted\b"),
    *_rules("appeal", "reserved",
            r"\breserv\w* (?:\w+ ){0,3}(?:appeal|right to appeal)\b",
            r"\bappeal (?:is |was |has been |will be )?reserved\b",
            (r"\b(?:will|wish to|wishes to|want to|wants to|intend to|intends to|going to|"
             r"would like to) appeal\b")),
    *_rules("appeal", "waived",
            r"\bwaiv\w* (?:\w+ ){0,3}(?:appeal|right to appeal)\b",
            r"\bappeal (?:is |was |has been )?waived\b",
            r"\baccepts? (?:\w+ ){0,4}(?:decision|ruling|order) (?:\w+ ){0,1}(?:as )?final\b"),
    *_rules("interpreter_sworn", None,
            r"\b(?:swear|affirm)\b.{0,80}\b(?:interpret|translat)",
            r"\binterpreter (?:\w+ ){0,3}(?:sworn|under oath)\b",
            r"\b(?:swear|swore|sworn|swearing) (?:in )?(?:\w+ ){0,2}interpreter\b"),
    *_rules("frivolousness_warning", None,
            r"\bfrivolous\b.{0,100}\b(?:barred|permanent\w*|ineligib\w*|consequence\w*|benefits)\b",
            r"\b(?:warn|advis|caution)\w* (?:\w+ ){0,6}frivolous\b",
            r"\bknowingly (?:\w+ ){0,4}frivolous\b"),
]

# --- applications and the verb that rules on them -----------------------------------------

APPLICATIONS: list[tuple[str, re.Pattern[str]]] = [
    ("cat_protection", _compile(
        r"\b(?:withholding|deferral) of (?:removal|deportation) under (?:the )?(?:convention|"
        r"torture|cat)\b"
        r"|\b(?:convention against torture|torture convention|\bcat\b|article 3)(?: protection|"
        r" claim)?")),
    ("cat_protection", _compile(r"\bdeferral of (?:removal|deportation)\b")),
    ("withholding_of_removal", _compile(
        r"\bwithholding (?:of (?:removal|deportation))?"
        r"(?: under (?:section )?241 ?\(?b\)? ?\(?3\)?)?"
        r"|\b241 ?\(?b\)? ?\(?3\)?")),
    ("voluntary_departure", _compile(
        r"\bvoluntar(?:y|ily) depart(?:ure)?\b|\bdepart voluntarily\b")),
    ("asylum", _compile(
        r"\basyl\w*\b(?! (?:officer|office|seekers?|interview|standard|burden|law|statute|"
        r"context))")),
]
VERBS: list[tuple[str, re.Pattern[str]]] = [
    ("granted", _compile(
        r"\b(?:grant|grants|granted|granting|approv\w+|award\w*|give|gives|giving)\b")),
    ("denied", _compile(r"\b(?:deny|denies|denied|denying|denial|reject\w*)\b")),
    ("pretermitted", _compile(r"\bpretermit\w*\b")),
]
WITHHOLDS = _compile(r"\bwithh(?:olds?|eld) (?:\w+ ){0,3}(?:removal|deportation)\b(?! under)"
                     r"|\b(?:removal|deportation) (?:\w+ ){0,4}(?:is|be|will be|shall be|"
                     r"are) withheld\b")
DEFERS = _compile(r"\b(?:removal|deportation) (?:\w+ ){0,2}(?:is|be|will be|shall be) deferred\b"
                  r"|\bdefer(?:s|ring)? (?:\w+ ){0,3}(?:removal|deportation)\b")
# "need not reach withholding", "I will not address the CAT claim": no ruling on it
NOT_REACHED = re.compile(
    r"\b(?:not|n't|decline to|no need to) (?:\w+ ){0,1}(?:reach|address|consider|decide)\b"
    r"|\bmoot\b|\bunnecessary\b")
SUBCLAUSE = re.compile(r"[,;:]")

NEGATOR = re.compile(
    r"\b(?:not|no|never|cannot|nor|neither|without)\b|n['’]t\b"
    r"|\b(?:fail(?:s|ed|ing)?|unable|declin(?:e|es|ed|ing)|refus(?:e|es|ed|ing))\s+to\b")
NOT_A_NEGATION = re.compile(
    r"\b(?:no (?:doubt|question|reason to doubt)|not only|whether or not)\b")
COPULA = re.compile(r"\b(?:is|was|were|are)\b")
PROPOSITIONAL = {"find", "found", "say", "believe", "conclude", "persuaded", "convinced", "shown",
                 "show", "established", "establish", "think", "accept", "agree", "see", "that",
                 "a", "an", "the", "been", "be", "demonstrated", "proven", "satisfied"}
CLAUSE_BREAK = re.compile(
    r"[,;:()]|\b(?:but|although|though|however|whereas|while|because|since|yet)\b")
NOT_AN_ORDER = re.compile(r"withhold|deferral|cancel|voluntar|proceeding|motion")
CLAUSE_SPLIT = re.compile(r"[;:]|\b(?:but|however|whereas|although|while)\b")


def normalise(text: str) -> str:
    """Lower case, dashes and slashes as spaces, curly quotes straight; the same length."""
    table = {"-": " ", "–": " ", "—": " ", "/": " ", "’": "'", "‘": "'", "“": '"', "”": '"'}
    return "".join(table.get(c, c.lower() if len(c.lower()) == 1 else c) for c in text)


def _negations(text: str) -> int:
    return len(NEGATOR.findall(NOT_A_NEGATION.sub(" ", text)))


def _governs_other_verb(after: str) -> bool:
    """A negator that belongs to another clause: a finite verb stands between it and the
    cue and it does not negate a verb of finding ("who could not leave the relationship
    was one central reason" is no negation; "I do not find that he was credible" is)."""
    words = after.split()
    return bool(words) and words[0] not in PROPOSITIONAL and bool(COPULA.search(after))


def is_negated(norm: str, start: int, end: int, inside: bool = True,
               reach: int = PRE_WINDOW_WORDS) -> bool:
    """An odd number of negators in the clause-bounded ``reach`` words before ``start`` (and
    inside the match when ``inside``)."""
    before = norm[:start]
    breaks = list(CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end():]
    window = " ".join(before.split()[-reach:])
    count = sum(1 for m in NEGATOR.finditer(NOT_A_NEGATION.sub(" ", window))
                if not _governs_other_verb(window[m.end():]))
    if inside:
        count += _negations(norm[start:end])
    return count % 2 == 1


def _rule_hits(norm: str) -> list[Hit]:
    hits = []
    for rule in RULES:
        for m in rule.pattern.finditer(norm):
            if rule.label == "removal_order" and NOT_AN_ORDER.search(m.group()):
                continue  # "the order granting withholding of removal"
            negated = rule.negatable and is_negated(norm, m.start(), m.end())
            polarity = NEGATED[rule.polarity] if negated else rule.polarity
            if negated and polarity is None:
                continue  # "not required", "I will not order him removed": no tag
            hits.append(Hit(rule.name, rule.label, polarity, m.start(), m.end(), negated,
                            rule.priority))
    return hits


def _nearest_verb(norm: str, lo: int, hi: int,
                  clause: tuple[int, int]) -> tuple[str, re.Match[str]] | None:
    best: tuple[int, str, re.Match[str]] | None = None
    for polarity, pattern in VERBS:
        for m in pattern.finditer(norm, clause[0], clause[1]):
            if m.start() >= hi:
                distance = len(norm[hi:m.start()].split())
            elif m.end() <= lo:
                distance = len(norm[m.end():lo].split())
            else:
                continue
            if distance <= RULING_REACH_WORDS and (best is None or distance < best[0]):
                best = (distance, polarity, m)
    return None if best is None else (best[1], best[2])


def _clauses(norm: str) -> list[tuple[int, int]]:
    cuts = [0, *[m.start() for m in CLAUSE_SPLIT.finditer(norm)], len(norm)]
    return [(a, b) for a, b in pairwise(cuts) if b > a]


def _application_spans(norm: str) -> list[tuple[str, int, int]]:
    """Application mentions, the earlier pattern winning where two overlap (CAT withholding
    is CAT, not statutory withholding)."""
    taken: list[tuple[str, int, int]] = []
    for label, pattern in APPLICATIONS:
        for m in pattern.finditer(norm):
            if m.end() > m.start() and not any(a < m.end() and m.start() < b for _, a, b in taken):
                taken.append((label, m.start(), m.end()))
    return sorted(taken, key=lambda t: t[1])


def _ruling_hits(norm: str) -> list[Hit]:
    hits = []
    for clause in _clauses(norm):
        for label, lo, hi in _application_spans(norm[: clause[1]]):
            if lo < clause[0] or _not_reached(norm, lo, clause):
                continue
            found = _nearest_verb(norm, lo, hi, clause)
            if found is None:
                continue
            polarity, verb = found
            start, end = min(lo, verb.start()), max(hi, verb.end())
            negated = is_negated(norm, start, end, reach=RULING_PRE_WORDS)
            final = NEGATED[polarity] if negated else polarity
            if final is not None:
                hits.append(Hit(f"{label}.ruling.{polarity}", label, final, start, end, negated, 2))
    for label, pattern in (("withholding_of_removal", WITHHOLDS), ("cat_protection", DEFERS)):
        for m in pattern.finditer(norm):
            negated = is_negated(norm, m.start(), m.end(), reach=RULING_PRE_WORDS)
            hits.append(Hit(f"{label}.verb", label, "denied" if negated else "granted",
                            m.start(), m.end(), negated, 1))
    return hits


def _not_reached(norm: str, at: int, clause: tuple[int, int]) -> bool:
    """The application at ``at`` sits in a comma-bounded part saying it is not decided."""
    ends = [m.end() for m in SUBCLAUSE.finditer(norm, clause[0], clause[1])]
    cuts = [clause[0], *ends, clause[1]]
    part = next(((a, b) for a, b in pairwise(cuts) if a <= at < b), clause)
    return bool(NOT_REACHED.search(norm, part[0], part[1]))


def _resolve(hits: list[Hit]) -> list[Hit]:
    """One polarity per label and sentence: the highest priority, then the most hits; for
    applications, one per label (the ruling nearest its mention)."""
    chosen: list[Hit] = []
    for label in dict.fromkeys(h.label for h in hits):
        mine = [h for h in hits if h.label == label]
        top = max(h.priority for h in mine)
        mine = [h for h in mine if h.priority == top]
        polarities = [h.polarity for h in mine]
        winner = max(dict.fromkeys(polarities), key=polarities.count)
        same = [h for h in mine if h.polarity == winner]
        chosen.append(min(same, key=lambda h: h.start))
    return sorted(chosen, key=lambda h: h.start)


def find_hits(sentence: str) -> list[Hit]:
    """Every label the lexicon finds in ``sentence``, one polarity each."""
    norm = normalise(sentence)
    return _resolve(_rule_hits(norm) + _ruling_hits(norm))


BARE_APPEAL = re.compile(
    r"\b(?P<verb>reserve|reserves|reserved|reserving|waive|waives|waived|waiving)\b"
    r"(?! (?:the right to (?!appeal)|(?:\w+ ){0,2}(?:objection|questions?|time|argument|"
    r"rebuttal)))")


def bare_appeal_hit(sentence: str) -> Hit | None:
    """Counsel answering the appeal question in a word ("Waive.", "The Department will
    reserve."): reserved or waived, flipped by a negation."""
    norm = normalise(sentence)
    m = BARE_APPEAL.search(norm)
    if m is None:
        return None
    polarity = "reserved" if m.group("verb").startswith("reserv") else "waived"
    negated = is_negated(norm, m.start(), m.end())
    final = NEGATED[polarity] if negated else polarity
    return Hit("appeal.answer", "appeal", final, m.start(), m.end(), negated, 1)
