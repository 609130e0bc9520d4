"""How parties answer the judge's question about appeal, and how the judge records it.

Parties rarely say "we reserve appeal". They answer the question the judge just asked: "She'd
like to preserve it", "We'll hold onto it", "We're keeping our options open" (reserved);
"We're fine with it as it stands", "We'll let it stand", "Final.", "We're content", "Nothing
from the respondent", "Not the Department" (waived); and one answer may split by party or by
client ("Reserve as to the mother; we'll accept as to the son"). The judge then records the
answers, often several in one sentence ("Respondent reserves, DHS waives."; "Appeal reserved
by the respondent and waived by the government"; "Reserved. Government?").

This module reads such a sentence by concept, not by keyword: a clause's stance is the last
reserve-or-waive concept in it, flipped by a negation in its scope ("not going to appeal",
"won't accept"); the party is the one the clause names, else the speaker's side (for an
answer) or the party that answered last (for the judge's one-word record). A later sentence
of the same turn that corrects an earlier one ("Reserve, please. Actually, no, we'll waive")
withdraws it; :data:`RETRACTION` finds the correction.

Everything here works on normalised text (:func:`hearingproc.tagging.lexicon.normalise`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from hearingproc.tagging.lexicon import in_conditional, is_negated

# Concepts, each a (pattern, polarity, whether a negation in scope flips it). The word
# "appeal" alone is weaker than all of them: "we waive appeal" waives.
WEAK = re.compile(r"\bappeal\w*")
# letting the decision stand ("We'll let it stand", "let this decision stand"): an answer that
# waives, and, in the judge's question, a question about appeal
LET_STAND = (r"\b(?:let|leave|letting|leaving) (?:it|that|this|(?:the|this|that|my) (?:decision|"
             r"ruling|order)) stand\b")
_CONCEPTS: tuple[tuple[str, str, bool], ...] = (
    # keeping the right to appeal
    (r"\breserv\w*|\bpreserv\w*|\b(?:hold|hang)(?:ing)? (?:on ?to|onto) (?:it|that|this|(?:its|"
     r"his|her|their|our|my|the) right)\b"
     r"|\bkeep\w* (?:\w+ ){0,2}(?:options?|right|it|that) (?:open|alive)\b"
     r"|\b(?:the board|board of immigration appeals)\b|\bchalleng\w*|\bcontest\w*"
     # the whole phrase, so that a negation before its verb reaches it ("the government
     # won't be taking this up with the Board")
     r"|\b(?:take|takes|taking|bring|brings|bringing) (?:this|it|that|the (?:case|matter|"
     r"decision)) (?:up )?(?:to|with|before) the board\b"
     # asked about the decision, "we'll take it up" is the appeal (to the Board, unsaid)
     # (speech recognition drops the comma: "uh we'll take it up judge")
     r"|\b(?:take|takes|taking) (?:this|it|that|the (?:case|matter|decision)) up\s*(?:[.!]|$|"
     r",?\s*(?:your honor|judge|sir|ma'am)\b)"
     # the respondent's own words: "I want to keep fighting."; the judge recording it: "so you
     # are keeping your right to appeal"
     r"|\bkeep (?:on )?fighting\b"
     r"|\bkeep\w* (?:your|his|her|their|the) right to (?:an? )?(?:appeal|review)\b"
     r"|\bseek\w* review\b|\bnotice of appeal\b"
     # "I want another court to look at it"
     r"|\b(?:another|a higher|a different|the higher) court (?:\w+ ){0,2}(?:to )?(?:look at|"
     r"review|see|examine|hear)\b"
     # asked whether the Board should look at it: "i want them to review it please"
     r"|\b(?:want|wants|like|ask|asking) (?:them|they|the board|the judges?|someone|somebody) "
     r"to (?:review|look at|look over|examine|see) (?:it|this|that|the (?:case|decision))\b"
     # complaining of the decision, as the respondent's words are often rendered: "No, I won't
     # complain." (the negation flips it)
     r"|\bcomplain(?:s|ed|ing)?\b(?! (?:about|of) (?:the )?(?:interpreter|translation|"
     r"conditions|detention|food))"
     # "But I want to take it to other judges."
     r"|\b(?:take|takes|taking|bring|brings|bringing) (?:it|this|that|the (?:case|decision)) to "
     r"(?:other|another|different|higher|a higher|the higher) (?:judges?|courts?)\b"
    # "The Department doesn't intend to take it any further"
    r"|\b(?:take|takes|taking|carry|carries|carrying|pursue|pursues|pursuing|push|pushing) "
    r"(?:it|this|that|the (?:case|matter|decision)) (?:any )?further\b", "reserved", True),
    # not yet decided: the judge reserves appeal for a party who wants time to think
    (r"\b(?:think|thinking) (?:about|it over)\b|\b(?:talk|speak|consult)\w* (?:to|with) "
     r"(?:my|his|her|their|our) (?:family|lawyer|attorney|client)\b|\bnot (?:sure|decided)\b",
     "reserved", False),
    (r"\bdisagree\w*|\b(?:do|does|did) not agree\b|\b(?:don't|doesn't|didn't) agree\b",
     "reserved", False),
    # letting the decision stand
    (r"\bwaiv\w*|\baccept\w*|\bfinal\b|\bcontent\b|\bsatisfied\b|\b(?:fine|happy) (?:with|by)\b"
     rf"|{LET_STAND}"
     r"|\bas it stands\b|\blive with (?:it|that|this)\b|\babide by\b"
     # "We'll leave it there."
     r"|\bleave (?:it|things|the matter) (?:there|at that|as it is)\b"
     r"|\b(?:we're|we are|i'm|i am|he's|he is|she's|she is|they're|they are|we'll be) "
     r"(?:good|okay|ok|done|all set)\b", "waived", True),
    # ("Nothing further, Judge." alone closes the party's turn and answers nothing: its
    # stance is what follows, "Nothing further; we accept."; "nothing further from us" names
    # the party)
    (r"\bnothing (?:further )?(?:from|for|on behalf)\b|\bno appeal\b"
     # "Nothing to take up from our side"; "there's nothing for us to challenge"
     r"|\bnothing (?:for (?:us|me|him|her|them) )?to (?:appeal|take up|challenge|contest|pursue)\b"
     # the respondent, asked whether to keep the right: "I don't want to fight it any more"
     r"|\b(?:don't|do not|doesn't|does not) want to (?:argue|fight|dispute|challenge)\b",
     "waived", False),
)
CONCEPTS = tuple((re.compile(p), polarity, flips) for p, polarity, flips in _CONCEPTS)
FLIP = {"reserved": "waived", "waived": "reserved"}
NEGATION_REACH = 4  # words before a concept in which a negation flips it
# "No, we're good": the answer word to a yes-or-no question is no negation of what follows.
ANSWER_WORD = re.compile(
    r"^\s*(?:no|nope|yes|yeah|yep)\b,?(?:\s+(?:judge|your honor|sir|ma'am)\b,?)?"
    r"(?=\s+(?:we|i|he|she|they|it|that)\b)")

# Clause boundaries inside one answer or record ("Reserve as to the mother; we'll accept as
# to the son"; "Respondent reserves, DHS waives"; "reserved by the respondent and waived by
# the government").
CLAUSE = re.compile(r"[;.!?]|,(?! (?:your honor|judge|please)\b)|\b(?:and|but|while|whereas)\b")

_DHS = r"(?:the )?(?:department|dhs|government|ice|service)"
# (and the respondent's own lawyer, as the judge names him to the respondent: "Your lawyer is
# appealing, sir")
_RESPONDENT = (r"(?:(?:the )?(?:respondents?|applicants?|mother|father|son|daughter|wife|"
               r"husband|children|child|defen[cs]e|him|her|them)|(?:your|his|her|their) (?:lawyer|"
               r"attorney))")
DHS = re.compile(rf"\b{_DHS}\b")
RESPONDENT = re.compile(rf"\b{_RESPONDENT}\b")
BOTH = re.compile(r"\b(?:both|each|either|all) (?:sides|parties|side|party)\b|\bthe parties\b"
                  # "Both counsel told me ... that they waive" (not "Both counsel have waived
                  # closing")
                  r"|\bboth counsel (?=(?:have |has |had )?(?:told|informed|advised) (?:me|the "
                  r"court)\b)"
                  r"|^\s*(?:both|all) (?:waived?|reserved?)\b")

# The judge recording answers: a party with its verb, either order, or a bare "Reserved."
_VERB = r"(?:reserv\w*|waiv\w*|accept\w*|final)"
RECORD = re.compile(
    rf"\b(?:{_DHS}|{_RESPONDENT}|both(?: sides| parties)?)(?: \w+| of course)? "
    r"(?:has |have |is |are )?"
    rf"{_VERB}"
    rf"|\b{_VERB}(?: appeal)? (?:by|for|as to|on behalf of) (?:{_DHS}|{_RESPONDENT}|"
    r"both(?: sides| parties)?)\b"
    # speech run on: "appeal's waived both sides"
    rf"|\b{_VERB}(?: appeal)?,? (?:by |for )?(?:both|each|all) (?:sides|parties)\b"
    r"|\b(?:mark|note|record|enter|show)\w* (?:it|that|this|the appeal|appeal) as "
    r"(?:reserved|waived)\b"
    # the answers told to the court before: "Both counsel told me before we went back on the
    # record that they waive appeal."
    rf"|\b(?:{_DHS}|{_RESPONDENT}|both(?: sides| parties| counsel)?|the parties|each side) "
    r"(?:has |have |had )?(?:told|informed|advised) (?:me|the court)\b[^.;]{0,80}\bthat "
    rf"(?:they|he|she|it|both|each) (?:(?:will|would|both|each|all) )?{_VERB}")
BARE_RECORD = re.compile(r"^\s*(?:(?:all right|okay|ok|so noted),? )?(?:appeal )?"
                         r"(?P<verb>reserved|waived)"
                         # unpunctuated speech runs on into the deadline and the next
                         # party asked: "appeal reserved thirty days government"
                         r"(?:,? (?:(?:due )?(?:with)?in )?(?:thirty|30) (?:calendar )?days)?"
                         r"(?:,? (?:and )?(?:the )?(?:government|department|dhs|counsel|"
                         r"respondent)\??)?\s*[.!]?\s*$")

# A speaker taking back what was just said ("Actually, no, we'll waive"; "no, strike that").
RETRACTION = re.compile(
    r"\b(?:strike that|scratch that|let me (?:rephrase|correct (?:that|myself))|i take (?:that|it) "
    r"back|correction|on (?:second|further) thought|on reflection|i mean)\b"
    r"|^\s*(?:actually|sorry|wait)\b|^\s*no,\s+(?:actually|wait|we|i)\b")


@dataclass(frozen=True)
class Stance:
    """One party's answer: ``reserved`` or ``waived``, the party (``dhs``/``respondent``, or
    None when the words do not say) and the words read."""

    polarity: str
    party: str | None
    words: str


def clause_polarity(clause: str) -> tuple[str, str, int] | None:
    """The stance a clause takes (its last reserve-or-waive concept, flipped by a negation
    in its scope), the words and where they start; None when it takes none."""
    clause = ANSWER_WORD.sub(" ", clause)
    best: tuple[tuple[int, int], str, str] | None = None
    for pattern, polarity, flips in CONCEPTS + ((WEAK, "reserved", True),):
        if pattern is WEAK and best is not None:
            break
        for m in pattern.finditer(clause):
            if in_conditional(clause, m.start()):
                # a condition set on the answer ("None, so long as he waives appeal") is
                # not the answer
                continue
            final = polarity
            if flips and is_negated(clause, m.start(), m.end(), inside=False,
                                    reach=NEGATION_REACH):
                final = FLIP[polarity]
            key = (m.end(), -m.start())  # the last; of two ending together, the longer
            if best is None or key > best[0]:
                best = (key, final, m.group())
    return None if best is None else (best[1], best[2], -best[0][1])


def named_party(clause: str) -> str | None:
    """The party a clause names: ``dhs``, ``respondent`` or None (none or both)."""
    dhs, respondent = DHS.search(clause), RESPONDENT.search(clause)
    if dhs and not respondent:
        return "dhs"
    if respondent and not dhs:
        return "respondent"
    return None


def _clauses(norm: str) -> list[str]:
    return [c for c in CLAUSE.split(norm) if c.strip()]


# Part of the decision accepted, the rest reserved: "We accept the deferral but reserve on the
# pretermission of asylum" reserves appeal (the grant is no ruling against the respondent).
ACCEPTS_PART = re.compile(r"\baccept\w* (?:the |that |this |his |her |their )?(?:grant\w*|"
                          r"deferral|withholding|asylum|cat|relief|voluntary departure|"
                          r"termination|dismissal)\b")


def answer_stances(norm: str, speaker_party: str | None) -> list[Stance]:
    """A party's stances in one sentence of its answer, one per party and polarity, in
    order; each clause's party is the one it names as the subject ("The Department waives
    as well"), else the speaker's side ("Reserve as to the mother" by DHS: DHS)."""
    out: list[Stance] = []
    clauses = _clauses(norm)
    reads = [clause_polarity(c) for c in clauses]
    reserves = any(r is not None and r[0] == "reserved" for r in reads)
    for clause, read in zip(clauses, reads, strict=True):
        if read is None or (reserves and read[0] == "waived" and ACCEPTS_PART.search(clause)):
            continue
        stance = Stance(read[0], named_party(clause[:read[2]]) or speaker_party, read[1])
        if all((s.polarity, s.party) != (stance.polarity, stance.party) for s in out):
            out.append(stance)
    return out


def _records(clause: str) -> list[str]:
    """A clause cut before each party-and-verb record after its first, for speech run on
    without punctuation ("appeal reserved by respondent waived by the department")."""
    starts = [m.start() for m in RECORD.finditer(clause)][1:]
    cuts = [0, *starts, len(clause)]
    return [clause[a:b] for a, b in pairwise(cuts) if clause[a:b].strip()]


def record_stances(norm: str, last_party: str | None) -> list[Stance]:
    """The judge recording the parties' answers: each clause that names a party with its
    verb ("DHS reserves", "waived by the government", "both waived"), or a one-word
    "Reserved." for the party that answered last (``last_party``). Empty when the sentence
    records nothing."""
    bare = BARE_RECORD.match(norm.split(".")[0] + ".")
    if bare and last_party:
        return [Stance(bare.group("verb"), last_party, bare.group().strip())]
    out: list[Stance] = []
    for clause in [part for c in _clauses(norm) for part in _records(c)]:
        if not RECORD.search(clause):
            continue
        read = clause_polarity(clause)
        if read is None:
            continue
        parties = (["respondent", "dhs"] if BOTH.search(clause)
                   else [p] if (p := named_party(clause)) else [])
        out += [Stance(read[0], p, read[1]) for p in parties
                if all((s.polarity, s.party) != (read[0], p) for s in out)]
    return out


def retracts(norm: str) -> bool:
    """The sentence corrects what the speaker just said."""
    return bool(RETRACTION.search(norm))
