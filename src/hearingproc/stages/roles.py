"""Hearing roles: each voice becomes judge, applicant, interpreter, DHS counsel, respondent's
counsel, witness or unknown, with a confidence and the evidence used.

How it decides, as a pure function of the segments, the speaker table and the sidecar (and,
where the audio is at hand, what the voices sound like: :mod:`role_voices`):

0. **Strays**: a segment that sounds clearly more like another voice than like the one
   diarization gave it moves to that voice (:func:`role_voices.stray_segments`).
1. **Cues** (:mod:`hearingproc.stages.role_cues`): per voice, strengths in 0..1 for its
   language mix, its place in the turn-taking and what it says.
2. **Scores**: ``score[voice][role] = sum(WEIGHTS[cue][role] * strength[cue][voice])``, one
   linear table (below) instead of a chain of rules, so every cue can outvote another and
   the evidence of a role is the list of cues that raised its score.
3. **Joint assignment**: voices are matched to role *slots* to maximise the total score
   (Hungarian algorithm): one judge, one interpreter (plus a second slot, at a cost, for an
   interpreter that diarization split into one voice per language), one applicant, at most
   one of each counsel unless two voices introduce themselves as such; extra voices become
   witnesses or ``unknown`` (a fixed score a role must beat). The sidecar's participants
   replace these counts; ``expected_language`` equal to the court language removes the
   interpreter.
4. **Per segment**: a segment takes its voice's role, except where the interpretation
   pattern says otherwise: applicant's-language speech inside a court-language voice right
   after a court-language question, or court-language speech right after the applicant's
   answer, is the interpreter's (one person's voice split or merged by diarization); so is
   applicant's-language speech in the applicant's voice right after a court party's
   question when the same voice goes on in that language before the court language returns
   (question -> rendering -> answer -> rendering, the interpreter's rendering merged into the
   applicant's voice; the rendering runs on over the segments that sound like its first one
   rather than like the answer, :func:`role_voices.rendering_run`); and
   where diarization gave the judge and a counsel one voice (a role of the hearing left
   without a voice), a segment of that voice whose words and place are the missing party's
   (:func:`role_cues.segment_parties`: "Your Honor", "the Department reserves", the answer to
   the judge's call on a side, a question during that side's examination) is that party's;
   where the applicant has no voice of its own (merged into the interpreter's), the
   applicant's-language speech that follows the interpreter's rendering of a question in the
   same voice, up to the court language, is the applicant's answer.

The confidence of a voice's role is its softmax probability among the roles allowed; a
segment whose role step 4 moved away from its voice's carries its own, lower confidence
(:func:`moved_confidence`: the probabilities of the evidence the move read, multiplied).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from hearingproc.errors import ConfigError
from hearingproc.sidecar import HearingMetadata
from hearingproc.stages import role_cues
from hearingproc.stages.role_voices import (
    VoiceBank,
    VoiceSimilarity,
    applicant_halves,
    rendering_run,
    stray_segments,
)
from hearingproc.transcript import ROLES, Segment, Speaker

COURT_ROLES = ("judge", "dhs_counsel", "respondent_counsel")
TESTIFYING = ("applicant", "witness")
MAX_OATH_ANSWER_WORDS = 6  # "Yes, I do, Your Honor." answers an oath; more is something else
UNKNOWN = "unknown"
NO_METADATA = HearingMetadata()  # no sidecar: roles from the recording alone
_J, _I, _A, _D, _R, _W = ("judge", "interpreter", "applicant", "dhs_counsel",
                          "respondent_counsel", "witness")
# cue -> role -> weight. Cue strengths are 0..1 (see role_cues); a role's score is the sum.
WEIGHTS: dict[str, dict[str, float]] = {
    # language mix
    "bilingual": {_I: 4.0, _A: -1.5, _W: -1.5, _J: -2.0, _D: -2.0, _R: -2.0},
    "foreign_only": {_A: 2.5, _W: 2.0, _I: 0.5, _J: -3.0, _D: -3.0, _R: -3.0},
    "court_only": {_J: 1.0, _D: 0.8, _R: 0.8, _A: -1.5, _W: -1.0},
    "court_talk": {_J: 1.5, _D: 0.2, _R: 0.2},
    "foreign_talk": {_A: 1.0},
    "little_talk": {r: -2.0 for r in (_J, _I, _A, _D, _R, _W)},
    # turn-taking
    "renders": {_I: 3.0, _A: -0.5, _W: -0.5},
    "answers": {_A: 2.0, _W: 1.5, _I: -1.0},
    # the respondent's counsel's direct examination is usually the longest interpreted
    # questioning, DHS's cross-examination shorter
    "is_interpreted": {_J: 0.5, _D: 0.4, _R: 0.6},
    "opens": {_J: 1.0},
    "closes": {_J: 0.5},
    # what is said
    "judge_intro": {_J: 4.0},
    "court_speak": {_J: 2.0},
    "dhs_intro": {_D: 4.0},
    "respondent_counsel_intro": {_R: 4.0},
    "examining": {_D: 0.6, _R: 0.6, _J: -0.5},
    "addresses_judge": {_D: 0.5, _R: 0.5, _I: 0.3, _A: 0.3, _W: 0.3, _J: -1.5},
    "interpreter_self": {_I: 1.0},
    "interpreter_oath": {_I: 4.0},
    "truth_oath": {_A: 1.0, _W: 1.0},
    **{f"named_{role}": {role: 3.0} for role in (_J, _I, _A, _D, _R, _W)},
    # what counsel do: the side a voice speaks for, how the judge calls on it, and the order
    # of a merits hearing (direct examination by the respondent's counsel, then DHS's cross)
    "presents_respondent": {_R: 2.5, _D: -1.5, _J: -0.5},
    "speaks_for_government": {_D: 2.5, _R: -1.5, _J: -0.5},
    "addressed_as_dhs": {_D: 2.0, _R: -1.0, _J: -1.0},
    "addressed_as_respondent_counsel": {_R: 2.0, _D: -1.0, _J: -1.0},
    "examines_first": {_R: 1.5, _D: -0.5},
    "examines_second": {_D: 1.5, _R: -0.5},
}
INTRO_CUES = {"dhs_intro": _D, "respondent_counsel_intro": _R}  # may open a second slot


@dataclass(frozen=True)
class RoleOptions:
    court_language: str = "en"  # the language of the record (the sidecar may set it)
    unknown_score: float = 0.8  # a voice takes a role only when its score beats this
    split_interpreter_cost: float = 1.0  # score given up by each further interpreter voice
    # voices the interpreter may have beyond the first: diarization splits an interpreter more
    # readily than anyone, their speech in two languages sounding like two people, and either
    # language's half may split again
    split_interpreter_voices: int = 2
    min_foreign_s: float = 2.0  # less speech than this outside the court language: no interpreting
    min_talk_s: float = 2.0  # voices with less speech lose score on every role (little_talk)
    bilingual_share: float = 0.25  # this share of a voice in its minority language: fully bilingual
    max_gap_s: float = 5.0  # turns farther apart than this are not answering each other
    segment_gap_s: float = 2.0  # per-segment rules look at the segment before, this close
    temperature: float = 1.0  # of the softmax that turns scores into confidences
    # a voice split off the applicant must sound this close to it (cosine similarity of the
    # speaker embeddings diarization uses). On the real speech of ../shared/data the same
    # person's clips scored 0.74-0.91 (6 pairs: AISHELL-1, LibriSpeech, WenetSpeech, FunASR)
    # and different people's at most 0.65 (median 0.50, 85 pairs).
    split_similarity: float = 0.7
    # a segment goes to another voice (role_voices.stray_segments) when it sounds at least
    # stray_similarity like it and stray_margin more than like its own (0: never). On five
    # varied hearings of seed 9002 (developed on) the 3 segments diarization gave to another
    # voice than their speaker's sounded 0.85-0.93 like their speaker's and 0.27-0.38 more
    # than like the voice they were given; no other segment of at least 1 s there or in the
    # shared mock hearing sounded more than 0.10 closer to another voice than to its own
    stray_similarity: float = 0.75
    stray_margin: float = 0.2

    def __post_init__(self) -> None:
        for name in ("split_interpreter_cost", "split_interpreter_voices", "min_foreign_s",
                     "min_talk_s", "max_gap_s", "segment_gap_s"):
            if getattr(self, name) < 0:
                raise ConfigError(f"roles: {name} must be >= 0, got {getattr(self, name)}")
        if not 0 < self.bilingual_share <= 0.5:
            raise ConfigError(f"roles: bilingual_share must be in (0, 0.5], got "
                              f"{self.bilingual_share}")
        if self.temperature <= 0:
            raise ConfigError(f"roles: temperature must be > 0, got {self.temperature}")
        if not -1 <= self.stray_similarity <= 1 or self.stray_margin < 0:
            raise ConfigError(f"roles: stray_similarity must be in [-1, 1] and stray_margin "
                              f">= 0, got {self.stray_similarity}, {self.stray_margin}")
        if not -1 <= self.split_similarity <= 1:
            raise ConfigError(f"roles: split_similarity must be in [-1, 1], got "
                              f"{self.split_similarity}")


@dataclass(frozen=True)
class RoleResult:
    speakers: tuple[Speaker, ...]  # with role, role_confidence, role_evidence
    segments: tuple[Segment, ...]  # with role, same order as given


def _all_cues(segments: Sequence[Segment], metadata: HearingMetadata,
              options: RoleOptions) -> tuple[dict[str, role_cues.Cue], role_cues.Languages]:
    court = metadata.court_language or options.court_language
    languages = role_cues.find_languages(segments, court, metadata.expected_language,
                                         options.min_foreign_s)
    turns = role_cues.build_turns(segments)
    cues = {**role_cues.language_cues(languages, options.min_talk_s, options.bilingual_share),
            **role_cues.turn_cues(turns, languages, options.max_gap_s),
            **role_cues.lexical_cues(segments, court),
            **role_cues.oath_cues(turns),
            **role_cues.name_cues(turns, metadata.participants or ()),
            **role_cues.side_cues(segments, court)}
    # cues about the judge's calls and the order of examination need to know which voices
    # are (most likely) the judge and the interpreter: the best score so far for each
    provisional = score_roles(sorted(languages.seconds), cues)
    judge = max(sorted(provisional), key=lambda who: provisional[who][_J], default="")
    interpreter = (max(sorted(provisional), key=lambda who: provisional[who][_I], default="")
                   if languages.foreign is not None else "")
    cues.update(role_cues.address_cues(turns, court, options.max_gap_s, judge,
                                       metadata.participants or ()))
    cues.update(role_cues.examination_cues(turns, languages, options.max_gap_s,
                                           {judge, interpreter}))
    return cues, languages


def score_roles(speakers: Sequence[str],
                cues: dict[str, role_cues.Cue]) -> dict[str, dict[str, float]]:
    """``score[voice][role]`` from the cue strengths and :data:`WEIGHTS`."""
    scores = {who: dict.fromkeys(ROLES, 0.0) for who in speakers}
    for cue, by_speaker in cues.items():
        for who, (strength, _) in by_speaker.items():
            if who in scores:
                for role, weight in WEIGHTS.get(cue, {}).items():
                    scores[who][role] += weight * strength
    return scores


def role_slots(metadata: HearingMetadata, cues: dict[str, role_cues.Cue], voices: int,
               languages: role_cues.Languages) -> Counter[str]:
    """How many voices each role may take (``unknown`` not counted: it is unlimited)."""
    if metadata.participants is not None:
        slots = Counter(p.role for p in metadata.participants)
    else:
        slots = Counter({_J: 1, _I: 1, _A: 1, _D: 1, _R: 1, _W: voices})
        for cue, role in INTRO_CUES.items():  # two voices introduce themselves as counsel
            slots[role] = max(slots[role], sum(s >= 0.5 for s, _ in cues.get(cue, {}).values()))
    if languages.foreign is None or metadata.expected_language == languages.court:
        slots[_I] = 0  # nobody is interpreted
    return slots


def assign(scores: dict[str, dict[str, float]], slots: Counter[str],
           options: RoleOptions) -> dict[str, str]:
    """The one-to-one matching of voices to role slots with the highest total score."""
    from scipy.optimize import linear_sum_assignment

    voices = list(scores)
    columns: list[tuple[str, float]] = []  # (role, cost of taking this slot)
    for role in ROLES:
        if role != UNKNOWN:
            columns += [(role, 0.0)] * min(slots[role], len(voices))
    if slots[_I]:  # a split interpreter's other voices
        columns += [(_I, options.split_interpreter_cost)] * options.split_interpreter_voices
    columns += [(UNKNOWN, 0.0)] * len(voices)
    matrix = [[options.unknown_score if role == UNKNOWN else scores[who][role] - cost
               for role, cost in columns] for who in voices]
    rows, cols = linear_sum_assignment(matrix, maximize=True)
    return {voices[r]: columns[c][0] for r, c in zip(rows, cols, strict=True)}


def confidence(scores: dict[str, float], role: str, allowed: set[str],
               options: RoleOptions) -> float:
    """Softmax probability of ``role`` among the ``allowed`` roles (unknown at its fixed score)."""
    values = {r: options.unknown_score if r == UNKNOWN else scores[r] for r in allowed | {UNKNOWN}}
    top = max(values.values())
    weights = {r: math.exp((v - top) / options.temperature) for r, v in values.items()}
    return round(weights[role] / sum(weights.values()), 3)


def evidence(who: str, role: str, cues: dict[str, role_cues.Cue]) -> list[str]:
    """The reasons that raised ``role`` for this voice, strongest first (for ``unknown``: the
    voice's language mix and length)."""
    found: list[tuple[float, str]] = []
    for cue, by_speaker in cues.items():
        if who in by_speaker:
            strength, text = by_speaker[who]
            weight = WEIGHTS.get(cue, {}).get(role, 0.0)
            if role == UNKNOWN and cue in ("foreign_only", "court_only", "bilingual",
                                           "little_talk"):
                weight = 1.0
            if weight * strength > 0:
                found.append((weight * strength, text))
    return [text for _, text in sorted(found, key=lambda item: -item[0])]


def segment_roles(segments: Sequence[Segment], voice_roles: dict[str, str],
                  languages: role_cues.Languages, options: RoleOptions,
                  voices: VoiceBank | None = None) -> list[str]:
    """Each segment's role: its voice's, or the interpreter's where the interpretation pattern
    says a court-language voice rendered a question into the applicant's language, or a voice
    rendered the applicant's answer into the court language (see the module docstring)."""
    own = [voice_roles.get(s.speaker, UNKNOWN) if s.speaker else UNKNOWN for s in segments]
    if languages.foreign is None or _I not in voice_roles.values():
        return own
    court, foreign = languages.court, languages.foreign
    roles = list(own)
    for i, segment in enumerate(segments):
        close = i > 0 and segment.start - segments[i - 1].end <= options.segment_gap_s
        before = i - 1 if close else None
        if before is None or own[i] == _I:
            continue
        previous = (segments[before].language, own[before])
        if (segment.language == foreign and own[i] in (*COURT_ROLES, UNKNOWN)
                and previous[0] == court):
            roles[i] = _I  # a question rendered into the applicant's language
        elif segment.language == court and previous[0] == foreign and previous[1] in TESTIFYING:
            roles[i] = _I  # the answer rendered into the court language
        elif (segment.language == foreign and own[i] in TESTIFYING
              and previous[0] == court and previous[1] in COURT_ROLES
              and _answered_in_turn(segments, i, foreign, options.segment_gap_s)):
            # the question rendered, in a voice merged with the applicant's: as far as its
            # segments sound like the rendering's first rather than like the answer
            end = rendering_run(segments, i, foreign, options.segment_gap_s, voices)
            roles[i:end] = [_I] * (end - i)
    return roles


def _answered_in_turn(segments: Sequence[Segment], i: int, foreign: str, gap_s: float) -> bool:
    """Whether segment ``i`` (applicant's-language speech right after a court party's
    question) is followed closely by more applicant's-language speech that the court language
    then follows: the consecutive pattern question -> rendering -> answer -> rendering, with
    the interpreter's rendering into the applicant's language heard in a testifying voice
    (diarization merged the interpreter's voice in that language with the applicant's, or
    swapped the two). Without that answer after it, the segment is the applicant answering
    (the rendering may be lost)."""
    j = i + 1
    if (j >= len(segments) or segments[j].language != foreign
            or segments[j].start - segments[i].end > gap_s):
        return False
    while j < len(segments) and segments[j].language == foreign:
        j += 1
    return j < len(segments) and segments[j].language != foreign


def merged_parties(segments: Sequence[Segment], voice_roles: dict[str, str],
                   slots: Counter[str], parties: Sequence[tuple[str, str] | None]
                   ) -> dict[int, tuple[str, str]]:
    """Segments of a judge's or counsel's voice that are another court party's, one left
    without a voice of its own (diarization merged the two people), by the party each
    segment's words and place make it (``parties``, :func:`role_cues.segment_parties`):
    segment index -> (role, reason). Nothing when every court role the hearing has (the
    sidecar's, else one each) has a voice."""
    missing = [r for r in COURT_ROLES if slots[r] > 0 and r not in voice_roles.values()]
    if not missing:
        return {}
    counsel = [r for r in missing if r != _J]
    found: dict[int, tuple[str, str]] = {}
    for i, (segment, party) in enumerate(zip(segments, parties, strict=True)):
        own = voice_roles.get(segment.speaker or "")
        if party is None or own not in COURT_ROLES:
            continue
        role, reason = party
        if role == role_cues.COUNSEL:
            # counsel's words of no known side fit a counsel's voice as it is: where both
            # counsel share the voice, its own role is the better guess (it has more evidence)
            if own != _J:
                continue
            role = counsel[0] if len(counsel) == 1 else own
        if role in missing and role != own:
            found[i] = (role, reason)
    return found



_ADDRESSES_BENCH = re.compile("|".join(role_cues.PHRASES["addresses_judge"]), re.I)


def misheard_parties(segments: Sequence[Segment], per_segment: Sequence[str],
                     parties: Sequence[tuple[str, str] | None]) -> dict[int, tuple[str, str]]:
    """Segments whose own words the role they have cannot have said, where the words name
    the court party that did (:func:`role_cues.segment_parties`), even when that party has a
    voice of its own (diarization gave one segment to the wrong voice): "No more questions,
    Your Honor." in the judge's voice is a counsel's (the bench does not address itself),
    the call on a side to examine ("Counsel, you may begin your direct examination.", "Any
    cross?") in a counsel's voice is the judge's, one side's own statement ("the Department
    is ready") in the other side's voice is its own, and a question or answer to the judge's
    call in the interpreter's voice, in the court language right after the court language,
    is the examining side's (the interpreter renders into the court language only what was
    said in another). Segment index -> (role, reason)."""
    found: dict[int, tuple[str, str]] = {}
    for i, (segment, party) in enumerate(zip(segments, parties, strict=True)):
        if party is None:
            continue
        role, reason = party
        if (per_segment[i] == _J and role in (_D, _R)
                and (said := _ADDRESSES_BENCH.search(segment.text))
                # a counsel's words and the bench's call in one segment ("Nothing further,
                # Your Honor. Ms. Price, any cross?"): two people, the voice decides
                and not role_cues.invites_examination(segment.text)):
            found[i] = (role, f"addresses the bench ('{said.group(0)}'), {reason}")
        elif (per_segment[i] in (_D, _R) and role == _J
              and (reason.startswith("calls on ") or role_cues.invites_examination(
                  segment.text))):
            found[i] = (_J, reason)
        elif (per_segment[i] in (_D, _R) and role in (_D, _R) and role != per_segment[i]
              and role_cues.own_side(segment.text) == role):
            found[i] = (role, reason)  # the other side's own statement
        elif (per_segment[i] == _I and role in (_D, _R) and i > 0
              and segments[i - 1].language == segment.language
              and reason.startswith(_EXAMINING_REASONS)):
            # court-language words in the interpreter's voice that follow no foreign speech
            # (so render none): the side the judge just called on, or whose examination
            # puts this question to the applicant
            found[i] = (role, reason)
    return found


# segment_parties' reasons for a counsel's part in an examination
_EXAMINING_REASONS = ("answers the judge's call on", "questions the applicant through")


def oath_answers(segments: Sequence[Segment], per_segment: Sequence[str],
                 languages: role_cues.Languages, options: RoleOptions
                 ) -> dict[int, tuple[str, str]]:
    """Short court-language answers ("Yes, I do.") right after the oath to interpret that
    were heard in another role's voice: the interpreter's (diarization merged the interpreter's
    English with the judge who swore them; nobody else answers that oath)."""
    found: dict[int, tuple[str, str]] = {}
    for i in range(1, len(segments)):
        segment, before = segments[i], segments[i - 1]
        sworn = role_cues.oath_answer(before.text, segment.text)
        if (sworn is None or sworn[0] != "interpret" or per_segment[i] == _I
                or segment.language != languages.court
                or len(segment.text.split()) > MAX_OATH_ANSWER_WORDS
                or segment.start - before.end > options.segment_gap_s):
            continue
        found[i] = (_I, f"answers the oath to interpret ('{sworn[1]}')")
    return found


def merged_applicant(segments: Sequence[Segment], per_segment: Sequence[str],
                     voice_roles: dict[str, str], slots: Counter[str],
                     languages: role_cues.Languages,
                     options: RoleOptions) -> dict[int, tuple[str, str]]:
    """Segments of an interpreter's voice that are the applicant's: applicant's-language
    speech right after the rendering of a court party's question, before the court language
    returns (question -> rendering -> answer -> rendering), where the rendering is in another
    voice (diarization gave the answer to the interpreter's voice and the rendering to
    another) or, in the same voice, where the applicant has no voice of its own (diarization
    merged the two). Segment index -> (role, reason)."""
    foreign, court = languages.foreign, languages.court
    if foreign is None or not slots[_A]:
        return {}
    no_applicant = _A not in voice_roles.values()
    found: dict[int, tuple[str, str]] = {}
    for i in range(2, len(segments)):
        segment, rendering, question = segments[i], segments[i - 1], segments[i - 2]
        if (segment.language == foreign and per_segment[i] == _I
                and voice_roles.get(segment.speaker or "") == _I
                and (rendering.speaker != segment.speaker or no_applicant)
                and rendering.language == foreign
                and per_segment[i - 1] == _I and question.language == court
                and per_segment[i - 2] in COURT_ROLES
                and segment.start - rendering.end <= options.segment_gap_s
                and rendering.start - question.end <= options.segment_gap_s):
            end = i  # the answer runs on in this voice and language until the court language
            while (end < len(segments) and segments[end].speaker == segment.speaker
                   and segments[end].language == foreign):
                end += 1
            if end < len(segments) and segments[end].language == court:
                found.update(dict.fromkeys(range(i, end), (
                    _A, f"answers in {foreign} right after the rendering of a question")))
    return found

def _follows(segments: Sequence[Segment], roles: Sequence[str]) -> dict[str, Counter[str]]:
    """Voice -> how often each other role spoke right before its turns."""
    follows: dict[str, Counter[str]] = {}
    for i in range(1, len(segments)):
        who = segments[i].speaker
        if who and segments[i - 1].speaker != who and roles[i - 1] != UNKNOWN:
            follows.setdefault(who, Counter())[roles[i - 1]] += 1
    return follows


def _described(speaker: Speaker, role: str, scores: dict[str, float] | None, allowed: set[str],
               cues: dict[str, role_cues.Cue], follows: Counter[str] | None, relabelled: int,
               options: RoleOptions, merged: Sequence[str] = (),
               others: Sequence[tuple[str, str]] = ()) -> Speaker:
    if scores is None:
        return replace(speaker, role=UNKNOWN, role_confidence=0.0,
                       role_evidence=("no transcribed speech",))
    reasons = [*merged, *evidence(speaker.id, role, cues)]
    if follows and role != UNKNOWN:
        before, times = follows.most_common(1)[0]
        if times >= 2:
            reasons.append(f"speaks right after the {before.replace('_', ' ')} "
                           f"{role_cues.times(times)}")
    others_count = Counter(r for r, _ in others)
    if relabelled > len(others):
        reasons.append(f"{relabelled - len(others)} of its segments are the interpreter's by "
                       "turn order")
    for other, n in sorted(others_count.items()):
        why = "; ".join(list(dict.fromkeys(reason for r, reason in others if r == other))[:2])
        reasons.append(f"{n} of its segments are the {other.replace('_', ' ')}'s, a second "
                       f"person in this voice ({why})")
    return replace(speaker, role=role, role_confidence=confidence(scores, role, allowed, options),
                   role_evidence=tuple(reasons))


def assign_roles(segments: Sequence[Segment], speakers: Sequence[Speaker],
                 metadata: HearingMetadata = NO_METADATA,
                 options: RoleOptions = RoleOptions(),
                 similarity: VoiceSimilarity | VoiceBank | None = None) -> RoleResult:
    """Roles for every voice of ``speakers`` and every segment (see the module docstring).
    ``similarity`` (:func:`role_voices.voice_similarity`) says how alike two voices sound,
    where the audio is at hand; a :class:`role_voices.VoiceBank` also compares segments, and
    then a segment that sounds like another voice moves to it first
    (:func:`role_voices.stray_segments`). Inputs are not changed; segments come back in the
    order given (with their speaker changed where they moved)."""
    order = sorted(range(len(segments)), key=lambda i: (segments[i].start, segments[i].end))
    timed = [segments[i] for i in order]
    voices = similarity if isinstance(similarity, VoiceBank) else None
    strays: dict[str, list[str]] = {}
    if voices is not None:
        timed, strays = stray_segments(timed, voices, options)
    cues, languages = _all_cues(timed, metadata, options)
    talking = [s.id for s in speakers if s.id in languages.seconds]
    scores = score_roles(talking, cues)
    slots = role_slots(metadata, cues, len(talking), languages)
    voice_roles = assign(scores, slots, options) if talking else {}
    halves = applicant_halves(timed, voice_roles, cues, languages, metadata, options,
                              similarity)
    voice_roles.update(dict.fromkeys(halves, _A))
    allowed = {role for role in ROLES if slots[role] > 0} | ({_A} if halves else set())
    per_segment = segment_roles(timed, voice_roles, languages, options, voices)
    parties = role_cues.segment_parties(timed, languages, options.max_gap_s,
                                        metadata.participants or ())
    others = merged_parties(timed, voice_roles, slots, parties)
    others.update({i: moved for i, moved in misheard_parties(timed, per_segment,
                                                             parties).items()
                   if i not in others})
    for i, (role, _) in others.items():
        per_segment[i] = role
    answers = merged_applicant(timed, per_segment, voice_roles, slots, languages, options)
    for i, (role, _) in answers.items():
        per_segment[i] = role
    others.update(answers)
    sworn = oath_answers(timed, per_segment, languages, options)
    for i, (role, _) in sworn.items():
        per_segment[i] = role
    others.update(sworn)
    follows = _follows(timed, per_segment)
    relabelled = Counter(s.speaker for s, role in zip(timed, per_segment, strict=True)
                         if s.speaker and role != voice_roles.get(s.speaker))
    second: dict[str, list[tuple[str, str]]] = {}
    for i, party in sorted(others.items()):
        second.setdefault(timed[i].speaker or "", []).append(party)
    described = tuple(
        _described(sp, voice_roles.get(sp.id, UNKNOWN), scores.get(sp.id), allowed, cues,
                   follows.get(sp.id), relabelled[sp.id], options,
                   [*halves.get(sp.id, []), *strays.get(sp.id, [])], second.get(sp.id, []))
        for sp in speakers)
    sure = {sp.id: sp.role_confidence or 0.0 for sp in described}
    own = moved_confidence(timed, per_segment, sure, voice_roles,
                           shared_voice_confidence(timed, per_segment, sure, voice_roles))
    own = contradicted_confidence(timed, per_segment, own, sure, parties)
    by_index = {index: (role, conf) for index, role, conf
                in zip(order, per_segment, own, strict=True)}
    heard = dict(zip(order, timed, strict=True))
    return RoleResult(described, tuple(
        replace(heard[i], role=by_index[i][0], role_confidence=by_index[i][1])
        for i in range(len(segments))))


def shared_voice_confidence(segments: Sequence[Segment], per_segment: Sequence[str],
                            voice_confidence: dict[str, float],
                            voice_roles: dict[str, str]) -> list[float | None]:
    """A confidence for each segment that kept its voice's role in a voice that some segments
    left (diarization gave the voice a second person): the voice's confidence times the share
    of its segments that kept its role; None elsewhere. Where one voice holds two people,
    which of its segments are whose rests on each segment's own words and place, and a
    segment with nothing that moved it may still be the other person's (on the generated
    hearings of seed 9006, most wrong segments in voices the stage was sure of were such)."""
    kept: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for segment, role in zip(segments, per_segment, strict=True):
        if segment.speaker:
            total[segment.speaker] += 1
            kept[segment.speaker] += role == voice_roles.get(segment.speaker, UNKNOWN)
    out: list[float | None] = []
    for segment, role in zip(segments, per_segment, strict=True):
        who = segment.speaker or ""
        shared = (who and role == voice_roles.get(who, UNKNOWN) and kept[who] < total[who])
        out.append(round(voice_confidence.get(who, 0.0) * kept[who] / total[who], 3)
                   if shared else None)
    return out


def contradicted_confidence(segments: Sequence[Segment], per_segment: Sequence[str],
                            own: Sequence[float | None], voice_confidence: dict[str, float],
                            parties: Sequence[tuple[str, str] | None]
                            ) -> list[float | None]:
    """``own`` with half its confidence (or half its voice's) for each segment whose own
    words speak for another party than its role (:func:`role_cues.segment_parties`: "No more
    questions, Your Honor." kept in the judge's voice; a counsel's words where the role is the
    judge's): the voice's evidence and the segment's disagree, so a reviewer checks it."""
    out = list(own)
    for i, (segment, role, party) in enumerate(zip(segments, per_segment, parties,
                                                   strict=True)):
        if party is None or role not in COURT_ROLES:
            continue
        said = party[0]
        if said == role or (said == role_cues.COUNSEL and role in (_D, _R)):
            continue
        mine = out[i]
        sure = mine if mine is not None else voice_confidence.get(segment.speaker or "", 0.0)
        out[i] = round(0.5 * sure, 3)
    return out


def moved_confidence(segments: Sequence[Segment], per_segment: Sequence[str],
                     voice_confidence: dict[str, float], voice_roles: dict[str, str],
                     kept: Sequence[float | None] | None = None) -> list[float | None]:
    """Each segment's own role confidence: where it has its voice's role, ``kept``'s (None:
    its voice's confidence holds), else the confidence of the evidence that moved it. Every
    rule that moves a segment (turn order, a second person in a voice) reads the segment's
    language and the segment before it, its language and its role, so the moved role is as
    sure as all of these together: the product of the segment's language probability, the one
    before's, and the one before's role confidence (its own if it was moved too, else its
    voice's). A segment moved with nothing before it gets its language probability halved
    (a turn-order rule with no turn before it to read)."""
    own: list[float | None] = []
    for i, (segment, role) in enumerate(zip(segments, per_segment, strict=True)):
        if role == voice_roles.get(segment.speaker or "", UNKNOWN):
            own.append(kept[i] if kept is not None else None)
            continue
        if i == 0:
            own.append(round(0.5 * segment.language_probability, 3))
            continue
        before = segments[i - 1]
        sure = own[i - 1]
        if sure is None:
            sure = voice_confidence.get(before.speaker or "", 0.0)
        own.append(round(segment.language_probability * before.language_probability * sure, 3))
    return own
