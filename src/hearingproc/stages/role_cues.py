"""What each voice does in a hearing, measured as cues for :mod:`hearingproc.stages.roles`.

A cue is a strength in 0..1 per speaker plus a short, human-readable reason ("speaks only es",
"says 'Assistant Chief Counsel'"). Cues are computed from the segments alone (speaker,
language, text, times) in three families:

- **language mix**: which share of a voice is in the court language and which in the
  applicant's (the interpreter is the one voice in both);
- **turn-taking**: consecutive interpretation runs *question (court language) -> rendering
  (applicant's language) -> answer (applicant's language) -> rendering (court language)*, so a
  voice that keeps switching language from the voice before it is interpreting, a voice that
  answers in the applicant's language after it is the applicant, and a voice followed by the
  applicant's language is being interpreted;
- **what is said**: self-introductions ("this is Immigration Judge ...", "... on behalf of
  the Department", "... for the respondent"), the interpreter's "I do" to the oath to
  interpret, court-speak ("the Court finds", "is granted"), questions, names from the sidecar.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from hearingproc.sidecar import Participant
from hearingproc.transcript import Segment

Cue = dict[str, tuple[float, str]]  # speaker id -> (strength 0..1, evidence)

# --- what is said -------------------------------------------------------------------------
# Patterns are matched, case-insensitively, one sentence at a time. Introductions count only
# in statements (a judge asking "who is here on behalf of the Department?" introduces nobody).
_SENTENCE = re.compile(r"[^.?!¿¡]+[.?!]*")
INTRODUCTIONS: dict[str, tuple[str, ...]] = {
    "judge_intro": (r"\bimmigration judge\b", r"\b(?:this is|i am|i'm) judge\b",
                    r"\bthis court is (?:now )?in session\b"),
    "dhs_intro": (r"\bon behalf of (?:the )?(?:department|dhs|government)\b",
                  r"\bdepartment of homeland security\b", r"\bassistant chief counsel\b",
                  r"\b(?<!questions )for the (?:department|government)\b", r"\btrial attorney\b",
                  r"\bthe department reserves\b", r"\b(?:appearing )?for (?:the )?dhs\b"),
    "respondent_counsel_intro": (r"\b(?<!counsel )for the respondent\b",
                                 r"\bon behalf of (?:the )?respondent\b",
                                 r"\brepresenting the respondent\b",
                                 r"\battorney for (?:the )?respondent\b"),
}
ASKING = re.compile(r"\b(?:who|whom|whose|anyone|anybody|is there|are you|is it|counsel)\b", re.I)
# Court-speak and examination phrases may be in any sentence.
PHRASES: dict[str, tuple[str, ...]] = {
    "court_speak": (r"\bthe court (?:finds|will|has|notes)\b", r"\bi find\b",
                    r"\bdo you (?:solemnly )?swear\b", r"\braise your right hand\b",
                    r"\bcross[- ]examination\b", r"\bis (?:granted|denied)\b",
                    r"\bi (?:will )?(?:grant|deny)\b", r"\bordered removed\b",
                    r"\breserve appeal\b", r"\bappeal is (?:reserved|waived)\b",
                    r"\baccept (?:the decision|.{0,20}as final)\b", r"\bon the record\b",
                    r"\bnext hearing\b", r"\bwe are (?:back )?on the record\b"),
    "examining": (r"\bno further questions\b", r"\bnothing further\b",
                  r"\bdirect examination\b", r"\bpass the witness\b", r"\bobjection\b"),
    "addresses_judge": (r"\byour honou?r\b",),
    "interpreter_self": (r"\b(?:the|this) interpreter (?:requests|needs|asks|would)\b",
                         r"\binterpreter's\b", r"\bthe interpreter\b(?!.*\?)"),
}
ANSWER_YES = re.compile(r"^\W*(?:i do|i will|i swear|i affirm|yes|s[ií]|lo juro)\b", re.I)
OATH = re.compile(r"\b(?:swear|affirm|jura|promete)", re.I)
TO_INTERPRET = re.compile(r"\binterpret", re.I)
TRUTH = re.compile(r"\b(?:truth|verdad)\b", re.I)
QUOTE_CHARS = 40  # quotes in evidence are cut to this many characters
# seconds in its minority language for a voice to count as fully bilingual (less is more often
# a few words diarization gave the wrong voice than an interpreter)
BILINGUAL_MIN_S = 4.0


@dataclass(frozen=True)
class SpeakerRun:
    """Consecutive segments of one voice, with no other voice between them."""

    speaker: str | None
    start: float
    end: float
    language: str  # the language it speaks longest
    text: str
    segments: tuple[int, ...]  # indices into the time-ordered segments


@dataclass(frozen=True)
class Languages:
    court: str  # the language of the record, e.g. "en"
    foreign: str | None  # the applicant's language, e.g. "es"; None: nobody is interpreted
    seconds: dict[str, tuple[float, float]]  # speaker -> (court-language s, other s)


def build_turns(segments: Sequence[Segment]) -> list[SpeakerRun]:
    """Runs of time-ordered segments by one speaker."""
    turns: list[SpeakerRun] = []
    runs: list[list[int]] = []
    for index, segment in enumerate(segments):
        if runs and segments[runs[-1][0]].speaker == segment.speaker:
            runs[-1].append(index)
        else:
            runs.append([index])
    for run in runs:
        pieces = [segments[i] for i in run]
        talk: dict[str, float] = {}
        for s in pieces:
            talk[s.language] = talk.get(s.language, 0.0) + (s.end - s.start)
        language = max(sorted(talk), key=talk.__getitem__)
        turns.append(SpeakerRun(pieces[0].speaker, pieces[0].start, max(s.end for s in pieces),
                          language, " ".join(s.text.strip() for s in pieces), tuple(run)))
    return turns


def find_languages(segments: Sequence[Segment], court: str, expected: str | None,
                   min_foreign_s: float) -> Languages:
    """Court-language and other-language seconds per speaker, and the applicant's language:
    the sidecar's, else the most spoken other language (None under ``min_foreign_s``)."""
    seconds: dict[str, tuple[float, float]] = {}
    other: dict[str, float] = {}
    for s in segments:
        length = s.end - s.start
        if s.language != court:
            other[s.language] = other.get(s.language, 0.0) + length
        if s.speaker is not None:
            c, f = seconds.get(s.speaker, (0.0, 0.0))
            seconds[s.speaker] = (c + length, f) if s.language == court else (c, f + length)
    foreign = expected if expected != court else None
    if expected is None and other:
        foreign = max(sorted(other), key=other.__getitem__)
    if sum(other.values()) < min_foreign_s:
        foreign = None
    return Languages(court, foreign, seconds)


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS - 1].rstrip() + "…"


def _sentences(text: str) -> list[str]:
    return [m.group(0).strip() for m in _SENTENCE.finditer(text) if m.group(0).strip()]


def _asks_who(sentence: str, position: int) -> bool:
    """A question asking about the introduced party ("who is here on behalf of ...?", "and
    for the respondent?"); an introduction the decoder ran into a question ("Sarah Collins
    for the respondent why did you ...?") still counts."""
    if not sentence.endswith("?"):
        return False
    return bool(ASKING.search(sentence[:position]) or _NOTHING_BEFORE.match(sentence[:position]))


_NOTHING_BEFORE = re.compile(r"^\W*(?:(?:and|now|then|so|okay|ok|what about)\W*)*$", re.I)


def lexical_cues(segments: Sequence[Segment], court: str) -> dict[str, Cue]:
    """Introductions and phrases, per speaker, from court-language text (or its English
    translation where a segment has one). Strength: distinct phrases found, 1 from two on
    (introductions: from one on)."""
    found: dict[str, dict[str, dict[str, str]]] = {}  # cue -> speaker -> pattern -> quote
    for s in segments:
        text = s.text if s.language == court else (s.translation.text if s.translation else "")
        if s.speaker is None or not text:
            continue
        for sentence in _sentences(text):
            for cue, patterns in (*INTRODUCTIONS.items(), *PHRASES.items()):
                for pattern in patterns:
                    match = re.search(pattern, sentence, re.I)
                    if match and not (cue in INTRODUCTIONS and _asks_who(sentence, match.start())):
                        found.setdefault(cue, {}).setdefault(s.speaker, {}).setdefault(
                            pattern, match.group(0))
    cues: dict[str, Cue] = {}
    for cue, by_speaker in found.items():
        full = 1 if cue in INTRODUCTIONS else 2
        cues[cue] = {who: (min(1.0, len(hits) / full),
                           "says " + ", ".join(f"'{_quote(q)}'" for q in list(hits.values())[:3]))
                     for who, hits in by_speaker.items()}
    return cues


def oath_cues(turns: Sequence[SpeakerRun]) -> dict[str, Cue]:
    """Who answers "I do" (or "yes", "sí") right after an oath: to interpret, or to tell the
    truth."""
    cues: dict[str, Cue] = {"interpreter_oath": {}, "truth_oath": {}}
    for before, turn in zip(turns, turns[1:], strict=False):
        if turn.speaker is None or before.speaker == turn.speaker:
            continue
        sworn = oath_answer(before.text, turn.text)
        if sworn is None:
            continue
        kind, answer = sworn
        if kind == "interpret":
            cues["interpreter_oath"][turn.speaker] = (
                1.0, f"says '{answer}' to the oath to interpret")
        else:
            cues["truth_oath"][turn.speaker] = (
                1.0, f"says '{answer}' to the oath to tell the truth")
    return cues


def oath_answer(question: str, text: str) -> tuple[str, str] | None:
    """Whether ``text`` answers yes to the oath put in ``question``: ``("interpret", answer)``
    for the oath to interpret, ``("truth", answer)`` for the oath to tell the truth, the
    answer's words quoted; None otherwise."""
    yes = ANSWER_YES.match(text)
    if yes is None or not OATH.search(question):
        return None
    answer = _quote(yes.group(0).strip(" .,¡!"))
    if TO_INTERPRET.search(question):
        return "interpret", answer
    return ("truth", answer) if TRUTH.search(question) else None


def name_cues(turns: Sequence[SpeakerRun], participants: Sequence[Participant],
              first_words: int = 10) -> dict[str, Cue]:
    """A participant's name from the sidecar said in the first ``first_words`` words of a
    turn (how people introduce themselves): a cue ``named_<role>`` for that voice."""
    cues: dict[str, Cue] = {}
    for person in participants:
        if not person.name:
            continue
        name = re.compile(r"\b" + r"\s+".join(map(re.escape, person.name.split())) + r"\b", re.I)
        for turn in turns:
            opening = " ".join(turn.text.split()[:first_words])
            if turn.speaker is not None and name.search(opening):
                cues.setdefault(f"named_{person.role}", {})[turn.speaker] = (
                    1.0, f"introduces '{person.name}' "
                         f"({person.role.replace('_', ' ')} in the metadata)")
    return cues


def times(n: int) -> str:
    """``once``, ``twice``, ``3 times``."""
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def _counted(hits: int, total: int) -> float:
    """A rate that needs two hits for full strength (one turn proves little)."""
    return hits / total * min(1.0, hits / 2) if total else 0.0


def turn_cues(turns: Sequence[SpeakerRun], languages: Languages,
              max_gap_s: float) -> dict[str, Cue]:
    """Language switches from the voice before (``renders``), answers in the applicant's
    language after it (``answers``), being followed by it (``is_interpreted``); who opens and
    who closes the hearing."""
    court, foreign = languages.court, languages.foreign
    counts: dict[str, dict[str, int]] = {}
    for i, turn in enumerate(turns):
        if turn.speaker is None:
            continue
        c = counts.setdefault(turn.speaker, dict.fromkeys(
            ("turns", "after", "renders", "foreign", "answers", "court", "interpreted"), 0))
        c["turns"] += 1
        before = turns[i - 1] if i and turn.start - turns[i - 1].end <= max_gap_s else None
        after = (turns[i + 1] if i + 1 < len(turns) and turns[i + 1].start - turn.end <= max_gap_s
                 else None)
        if foreign is not None and before is not None:
            c["after"] += 1
            c["renders"] += {before.language, turn.language} == {court, foreign}
        c["foreign"] += turn.language == foreign
        c["answers"] += (turn.language == foreign and before is not None
                         and before.language == foreign)
        c["court"] += turn.language == court
        c["interpreted"] += (turn.language == court and after is not None
                             and after.language == foreign)
    cues: dict[str, Cue] = {"renders": {}, "answers": {}, "is_interpreted": {}, "opens": {},
                            "closes": {}}
    for who, c in counts.items():
        if c["renders"]:
            cues["renders"][who] = (_counted(c["renders"], c["after"]),
                                    f"switches language from the voice before {c['renders']} of "
                                    f"{c['after']} turns (renders it)")
        if c["answers"]:
            cues["answers"][who] = (_counted(c["answers"], c["foreign"]),
                                    f"answers in {foreign} right after {foreign} "
                                    f"{times(c['answers'])}")
        if c["interpreted"]:
            cues["is_interpreted"][who] = (_counted(c["interpreted"], c["court"]),
                                           f"is followed by {foreign} {times(c['interpreted'])} "
                                           "(is interpreted)")
    spoken = [t for t in turns if t.speaker is not None]
    if spoken:
        cues["opens"][spoken[0].speaker] = (1.0, "opens the hearing")  # type: ignore[index]
        cues["closes"].setdefault(spoken[-1].speaker, (1.0, "speaks last"))  # type: ignore[arg-type]
    return cues


def language_cues(languages: Languages, min_talk_s: float,
                  bilingual_share: float) -> dict[str, Cue]:
    """``bilingual``, ``foreign_only``, ``court_only``, the longest talkers in each language
    (``court_talk``, ``foreign_talk``) and ``little_talk``."""
    court, foreign = languages.court, languages.foreign
    cues: dict[str, Cue] = {k: {} for k in ("bilingual", "foreign_only", "court_only",
                                            "court_talk", "foreign_talk", "little_talk")}
    mix: dict[str, float] = {}
    for who, (c, f) in languages.seconds.items():
        total = c + f
        if total <= 0:
            continue
        minority = min(c, f)
        mix[who] = (min(1.0, minority / total / bilingual_share)
                    * min(1.0, minority / BILINGUAL_MIN_S))
        if total < min_talk_s:
            cues["little_talk"][who] = (1.0 - total / min_talk_s, f"speaks only {total:.1f} s")
    bilingual = {who for who, m in mix.items() if m >= 0.5}
    for who, (c, f) in languages.seconds.items():
        total, m = c + f, mix.get(who, 0.0)
        if total <= 0 or foreign is None:
            continue
        if m > 0:
            only = " (the only bilingual voice)" if bilingual == {who} else ""
            cues["bilingual"][who] = (m, f"speaks {court} and {foreign}{only}")
        if f > 0 and m < 1:
            share = (f"only {foreign}" if f / total > 0.95
                     else f"{foreign} {f / total:.0%} of the time")
            cues["foreign_only"][who] = (f / total * (1 - m), f"speaks {share}")
        if c > 0 and m < 1:
            share = f"only {court}" if c / total > 0.95 else f"{court} {c / total:.0%} of the time"
            cues["court_only"][who] = (c / total * (1 - m), f"speaks {share}")
    _longest(cues["court_talk"], {w: c for w, (c, _) in languages.seconds.items()}, court)
    if foreign is not None:
        _longest(cues["foreign_talk"], {w: f for w, (_, f) in languages.seconds.items()
                                        if w not in bilingual}, foreign)
    return cues


def _longest(cue: Cue, seconds: dict[str, float], language: str) -> None:
    """Strength: talk time in ``language`` relative to the longest talker's."""
    most = max(seconds.values(), default=0.0)
    for who, s in seconds.items():
        if s > 0 and most > 0:
            note = (f"talks longest in {language} ({s:.0f} s)" if s == most
                    else f"{s:.0f} s in {language}")
            cue[who] = (s / most, note)


# --- what counsel do ----------------------------------------------------------------------
# Which side a voice speaks for, from its own statements (not questions): the respondent's
# counsel presents the respondent's case ("my client", "the respondent will testify"); DHS
# counsel speaks of the Department or the government as the one acting ("the Department
# reserves", "DHS submits", "the government does not oppose").
SIDES: dict[str, tuple[str, ...]] = {
    "presents_respondent": (
        r"\bmy client(?:'s)?\b",
        r"\b(?:present|presenting|call|calling) (?:the |my )?(?:respondent|client)\b",
        r"\b(?:present|presenting) (?:the )?respondent(?:'?s|s') case\b",  # ASR drops the "'"
        r"\bthe respondent (?:is present|will testify|is ready to testify|applies|seeks|"
        r"is applying)\b",
        r"\bwe (?:call|will call) (?:the )?respondent\b",
        r"\bnothing (?:further|more) from (?:the )?respondent\b"),
    "speaks_for_government": (
        r"\b(?:the )?(?:department|government|dhs) (?:p?reserves|wai?ves|does not oppose|"
        r"has no (?:objection|further|more|questions)|has nothing|submits|objects|moves|rests|"
        r"concedes|stipulates|is ready|would (?:like|ask)|asks|opposes|agrees|accepts|"
        r"requests)\b",
        r"\bdhs submits\b", r"\bon (?:the )?department's behalf\b",
        r"\bnothing (?:further|more) from (?:the )?(?:department|government|dhs)\b"),
}
# How a voice is addressed: a turn (the judge's, usually) that invites or asks one side,
# answered at once by another voice in the court language.
ADDRESSES: dict[str, tuple[str, ...]] = {
    "addressed_as_dhs": (
        r"\bcross(?:[- ]examination|[- ]examine)?\b", r"\b(?:department|government|dhs)\b",
        r"\bcounsel for (?:the )?(?:department|government|dhs)\b"),
    "addressed_as_respondent_counsel": (
        r"\bdirect examination\b", r"\byour client\b",
        r"\b(?:for|counsel for) (?:the )?respondent\b",
        r"\bthe respondent(?:'?s|s') (?:testimony|case|evidence)\b",
        r"\b(?:begin|proceed) with (?:the|your) (?:direct|respondent)\b"),
}
TITLE = r"(?:mr|ms|mrs|miss|dr|counsel(?:or)?)\.?\s+"
_ABBREVIATED = re.compile(r"\b(mr|ms|mrs|dr)\.", re.I)
_SIDE_NAMES = {"addressed_as_dhs": "DHS counsel",
               "addressed_as_respondent_counsel": "the respondent's counsel"}


def side_cues(segments: Sequence[Segment], court: str) -> dict[str, Cue]:
    """``presents_respondent`` and ``speaks_for_government``: which side a voice's own
    statements speak for (questions and sentences about the other side excluded). Strength:
    one phrase 0.6, two distinct phrases or more 1."""
    found: dict[str, dict[str, dict[str, str]]] = {}
    for s in segments:
        text = s.text if s.language == court else ""
        if s.speaker is None or not text:
            continue
        for sentence in _sentences(text):
            if sentence.endswith("?"):
                continue
            for cue, patterns in SIDES.items():
                for pattern in patterns:
                    if (match := re.search(pattern, sentence, re.I)):
                        found.setdefault(cue, {}).setdefault(s.speaker, {}).setdefault(
                            pattern, match.group(0))
    return {cue: {who: (min(1.0, 0.2 + 0.4 * len(hits)),
                        "speaks for " + ("the respondent" if cue == "presents_respondent"
                                         else "the government") + ": "
                        + ", ".join(f"'{_quote(q)}'" for q in list(hits.values())[:3]))
                  for who, hits in by_speaker.items()}
            for cue, by_speaker in found.items()}


def address_cues(turns: Sequence[SpeakerRun], court: str, max_gap_s: float, judge: str,
                 participants: Sequence[Participant] = ()) -> dict[str, Cue]:
    """The voice that answers, in the court language and at once, a turn of the ``judge``
    (the voice most likely the judge) that calls on one side ("Cross-examination by the
    Department?", "Counsel, does your client accept ...?", "Mr. Reed?" where the sidecar
    names Thomas Reed as DHS counsel) is that side's. Strength: 0.6 once, 1 from twice; a
    voice called on as both sides keeps the difference."""
    names = [(re.compile(r"\b" + TITLE + re.escape(p.name.split()[-1]) + r"\b", re.I), p)
             for p in participants if p.name and p.role in ("dhs_counsel", "respondent_counsel")]
    hits: dict[str, dict[str, list[str]]] = {}
    for before, turn in zip(turns, turns[1:], strict=False):
        if (turn.speaker is None or before.speaker != judge or turn.speaker == judge
                or turn.language != court or before.language != court
                or turn.start - before.end > max_gap_s):
            continue
        # the call comes at the end of the turn ("Mr." ends no sentence)
        last = (_sentences(_ABBREVIATED.sub(r"\1", before.text)) or [""])[-1]
        sides = {cue for cue, patterns in ADDRESSES.items()
                 if any(re.search(p, last, re.I) for p in patterns)}
        for pattern, person in names:
            if pattern.search(last):
                sides.add("addressed_as_dhs" if person.role == "dhs_counsel"
                          else "addressed_as_respondent_counsel")
        if len(sides) == 1:
            cue = sides.pop()
            hits.setdefault(cue, {}).setdefault(turn.speaker, []).append(last)
    cues: dict[str, Cue] = {cue: {} for cue in ADDRESSES}
    for cue, by_speaker in hits.items():
        other = next(c for c in ADDRESSES if c != cue)
        for who, calls in by_speaker.items():
            net = len(calls) - len(hits.get(other, {}).get(who, []))
            if net > 0:
                cues[cue][who] = (min(1.0, 0.2 + 0.4 * net),
                                  f"answers when the judge calls on {_SIDE_NAMES[cue]} "
                                  f"('{_quote(calls[0])}')")
    return cues


def examination_cues(turns: Sequence[SpeakerRun], languages: Languages, max_gap_s: float,
                     exclude: set[str]) -> dict[str, Cue]:
    """The order of a merits hearing: the respondent's counsel examines first (direct), DHS
    counsel after (cross). Among court-language voices other than ``exclude`` (the judge and
    the interpreter), whose questions are interpreted into the applicant's language, the first
    to be interpreted gets ``examines_first``, the next one ``examines_second`` (nothing when
    only one counsel examines: without the respondent's counsel, DHS may be the first)."""
    court, foreign = languages.court, languages.foreign
    cues: dict[str, Cue] = {"examines_first": {}, "examines_second": {}}
    if foreign is None:
        return cues
    order: list[str] = []
    for turn, after in zip(turns, turns[1:], strict=False):
        if (turn.speaker is None or turn.speaker in exclude or turn.language != court
                or after.language != foreign or after.start - turn.end > max_gap_s
                or turn.speaker in order):
            continue
        order.append(turn.speaker)
    if len(order) > 1:  # one examining counsel alone says nothing of the side (pro se: DHS)
        cues["examines_first"][order[0]] = (1.0, "examines first through the interpreter "
                                                 "(direct examination)")
        cues["examines_second"][order[1]] = (1.0, "examines after another counsel "
                                                  "(cross-examination)")
    return cues


# --- two people in one voice --------------------------------------------------------------
# Diarization may give the judge and a counsel one voice (close synthetic or same-sex voices);
# then the voice's role is right for only one of them. What each segment says, and when,
# tells them apart: counsel address the judge ("Your Honor") and close their examination
# ("no further questions"); the judge opens, swears, calls on each side and decides.
_MAY_PROCEED = r"\byou may (?:now )?(?:proceed|begin|continue)\b"
JUDGE_SAYS = (*INTRODUCTIONS["judge_intro"], *PHRASES["court_speak"], r"\badjourned\b",
              r"\b(?:hearing|case) is (?:concluded|closed|adjourned)\b", r"\bappeal is due\b",
              r"\bcourt is (?:now )?in session\b", r"\bin the (?:matter|case) of\b",
              r"\bappearances\b",
              # the bench opens ("we are here for the merits hearing of ...")
              r"\bwe(?: are|'re) here (?:today )?(?:for|on) (?:the|a|an|this) (?:[\w']+ ){0,2}"
              r"(?:hearing|case|matter)\b",
              # the bench lets a side go on ("You may proceed with the respondent's testimony.")
              _MAY_PROCEED,
              # the choice put to a party ("Government, appeal reserved or waived?"): a party
              # answers with one of the two, only the bench offers both
              r"\breserv(?:e|ed|es|ing) or waiv(?:e|ed|es|ing)\b",
              r"\bwaiv(?:e|ed|es|ing) or reserv(?:e|ed|es|ing)\b")
COUNSEL_SAYS = (r"\byour honou?r\b", r"\bno (?:further|more) questions\b",
                r"\bnothing (?:further|more)\b", r"\bpass the witness\b",
                r"\bthat(?: is|'s) all\b")
_ENDS_EXAMINATION = re.compile(r"\bno (?:further|more) questions\b|\bnothing (?:further|more)\b"
                               r"|\bthat(?: is|'s) all\b|\bpass the witness\b", re.I)
# a call to cross-examine as the sentence's last word ("Any cross?", "Ms. Reed, any cross."
# heard as "MS, read, and e-cross."); naming no side, it calls the side not yet examined (the
# second examination of a merits hearing, DHS's after the respondent's counsel's direct)
_CROSS = re.compile(r"\bcross\W*$", re.I)
# an invitation is a question or an imperative: "Cross-examination by the Department?",
# "Counsel, you may begin your direct examination.", "Ms. Collins, your witness.", or an
# examination named as the sentence (the question mark lost: "Cross-examination by the
# Department.")
_INVITES = re.compile(r"\?\s*$|\byou may\b|\byour witness\b|\bgo ahead\b"
                      r"|\bplease (?:proceed|begin|continue)\b"
                      r"|^\W*(?:cross|direct|re-?direct)[- ]examination\b"
                      rf"|{_CROSS.pattern}"
                      # a question to a side whose question mark ASR lost ("Counsel, does your
                      # client accept the decision as final.")
                      r"|\b(?:does|do|will|is|are)\s+(?:your client|the (?:respondent|department"
                      r"|government)|dhs)\b", re.I)
# an invitation to examine that names no side ("Your witness.", "You may proceed."): the
# first examination of a merits hearing is the respondent's counsel's, the next DHS's
_EXAMINE = re.compile(_MAY_PROCEED + r"|\byour witness\b|\bplease (?:proceed|begin)\b"
                      r"|\bgo ahead\b", re.I)


def invites_examination(text: str) -> bool:
    """Whether ``text`` lets a side examine ("You may begin your direct examination.",
    "Your witness.", "Any cross?"): the bench's call, which no counsel makes."""
    return any(_EXAMINE.search(x) or _CROSS.search(x) for x in _sentences(text))


COUNSEL = "counsel"  # a counsel, side unknown
OWN_NAME_WORDS = 6  # a counsel's own name within a statement's first words introduces them
_PARTY_NAMES = {"dhs_counsel": "DHS counsel", "respondent_counsel": "the respondent's counsel"}
_SIDE_OF = {"dhs_intro": "dhs_counsel", "speaks_for_government": "dhs_counsel",
            "respondent_counsel_intro": "respondent_counsel",
            "presents_respondent": "respondent_counsel",
            "addressed_as_dhs": "dhs_counsel",
            "addressed_as_respondent_counsel": "respondent_counsel"}


def _any(patterns: Sequence[str], sentences: Sequence[str]) -> str | None:
    for sentence in sentences:
        for pattern in patterns:
            if (match := re.search(pattern, sentence, re.I)):
                return match.group(0)
    return None


_TITLES = frozenset({"mr", "ms", "mrs", "miss", "dr", "counsel", "counselor"})


def _own_name(sentence: str, surname: str) -> str | None:
    """The words up to ``surname`` where a statement says it among its first
    :data:`OWN_NAME_WORDS` words without a title before it: a counsel introducing themself
    ("Good morning, Julia Stone appearing for ..."; the surname alone, as ASR mangles first
    names), not the judge addressing them ("Ms. Stone, ...")."""
    words = [w.strip(".,;:!?\"'").lower() for w in sentence.split()[:OWN_NAME_WORDS]]
    for k, word in enumerate(words):
        # ASR may run the first name into the surname with an apostrophe ("Nina Brooks"
        # heard as "9 o'brooks")
        if (surname in (word, word.rsplit("'", 1)[-1])
                and (k == 0 or words[k - 1] not in _TITLES)):
            return " ".join(sentence.split()[:k + 1]).strip(" ,.")
    return None


def _sides(statements: Sequence[str]) -> dict[str, str]:
    """Side -> the words of ``statements`` that speak as that side (an introduction, "the
    Department reserves", "my client")."""
    return {_SIDE_OF[cue]: quote for cue, patterns in (*INTRODUCTIONS.items(), *SIDES.items())
            if cue in _SIDE_OF and (quote := _any(patterns, statements))}


def own_side(text: str) -> str | None:
    """The one side (``dhs_counsel`` or ``respondent_counsel``) whose own statement ``text``
    is, by its words alone ("Julia Stone, Your Honor, the Department is ready."); None where
    it speaks as no side or as both."""
    sentences = _sentences(_ABBREVIATED.sub(r"\1", text))
    sides = _sides([x for x in sentences if not _INVITES.search(x)])
    return next(iter(sides)) if len(sides) == 1 else None


def segment_parties(segments: Sequence[Segment], languages: Languages, max_gap_s: float,
                    participants: Sequence[Participant] = ()) -> list[tuple[str, str] | None]:
    """For each time-ordered segment in the court language, the party its words and place
    make it: ``judge``, ``dhs_counsel``, ``respondent_counsel`` or :data:`COUNSEL` (side
    unknown), with the reason; None where nothing tells. In order of strength: a side's own
    statement (an introduction, "the Department reserves", "my client"); the answer to the
    judge's call on a side right before it; the judge's words (oath, findings, rulings,
    "adjourned"); a counsel's words ("Your Honor", "no further questions"), and a question put
    through the interpreter, both taking the side of the examination under way (set by the
    judge's call on a side, ended by "no further questions")."""
    court, foreign = languages.court, languages.foreign
    counsel_names = [(p.name.split()[-1], p.role) for p in participants
                     if p.name and p.role in ("dhs_counsel", "respondent_counsel")]
    names = [(re.compile(r"\b" + TITLE + re.escape(surname) + r"\b", re.I), role)
             for surname, role in counsel_names]
    surnames = [(surname.lower(), role) for surname, role in counsel_names]
    parties: list[tuple[str, str] | None] = []
    examining: str | None = None  # the side whose examination is under way
    examined: set[str] = set()  # the sides called on so far
    called: str | None = None  # the side the segment before called on
    for i, s in enumerate(segments):
        party: tuple[str, str] | None = None
        calls: str | None = None
        if s.language == court and s.text.strip():
            sentences = _sentences(_ABBREVIATED.sub(r"\1", s.text))
            # its own statements: not questions, not invitations to a side
            statements = [x for x in sentences if not _INVITES.search(x)]
            sides = _sides(statements)
            for surname, role in surnames:
                named = next((q for x in statements if (q := _own_name(x, surname))), None)
                if named is not None and role not in sides:
                    sides[role] = named
            judge = _any(JUDGE_SAYS, sentences)
            counsel = _any(COUNSEL_SAYS, sentences)
            last = sentences[-1] if sentences else ""
            after = segments[i + 1] if i + 1 < len(segments) else None
            interpreted = (foreign is not None and after is not None
                           and after.language == foreign and s.text.rstrip().endswith("?")
                           and after.start - s.end <= max_gap_s)
            # calls on a side: its invitations ("Cross-examination by the Department? Please
            # proceed."), not the question to the applicant that may follow in the segment
            invites = [x for x in (sentences[:-1] if interpreted else sentences)
                       if _INVITES.search(x)]
            on = {_SIDE_OF[cue] for cue, patterns in ADDRESSES.items() if _any(patterns, invites)}
            on |= {role for pattern, role in names for x in invites if pattern.search(x)}
            calls = on.pop() if len(on) == 1 else None
            if (calls is None and not on and not counsel and not interpreted
                    and any(_EXAMINE.search(x) and not x.rstrip().endswith("?")
                            for x in invites)):
                calls = ("dhs_counsel" if "respondent_counsel" in examined
                         else "respondent_counsel")
            elif (calls is None and not on and not counsel and not interpreted
                  and any(_CROSS.search(x) for x in invites)):
                calls = ("respondent_counsel" if examined == {"dhs_counsel"}
                         else "dhs_counsel")
            if len(sides) == 1 and not judge:
                side, quote = next(iter(sides.items()))
                party = (side, f"says '{_quote(quote)}'")
            elif (called and not last.endswith("?") and calls is None
                  and s.start - segments[i - 1].end <= max_gap_s):
                party = (called, f"answers the judge's call on {_PARTY_NAMES[called]}")
            elif judge and not counsel:
                party = ("judge", f"says '{_quote(judge)}'")
            elif calls is not None and not counsel:
                party = ("judge", f"calls on {_PARTY_NAMES[calls]} ('{_quote(last)}')")
            elif counsel and not judge:
                party = (examining or COUNSEL, f"says '{_quote(counsel)}'")
            elif interpreted and examining and not judge:
                party = (examining, "questions the applicant through the interpreter during "
                                    f"{examining.replace('_', ' ')}'s examination")
            if calls is not None:
                examining = calls
                examined.add(calls)
            elif _ENDS_EXAMINATION.search(s.text):
                examining = None
        parties.append(party)
        called = calls
    return parties
