#!/usr/bin/env python3
"""Generate varied synthetic merits hearings (English with Spanish or Mandarin) for role
evaluation, each with its exact reference.

A sibling of ``make_mock_hearing.py`` (whose synthesis, trimming, loudness and layout it
reuses; the committed sample is left as it is). Every hearing is drawn from a bank of
phrasings per role with a seed: the judge opens the record with or without a title, the
interpreter is sworn, counsel appear (with or without a title, or only by presenting the
respondent's case), the respondent's counsel examines first through the interpreter, DHS
cross-examines, the judge decides orally and asks each side about appeal.

Voices are drawn per hearing too. The judge and both counsel are three different people among
flite's four (``slt``, ``rms``, ``awb``, ``kal16``; flite's ``kal`` is the same speaker as
``kal16`` at 8 kHz and ``awb_time`` only speaks the time, and espeak-ng's mbrola voices need the
``mbrola`` program, which is not installed), so no two English-speaking roles share a voice; the
voices are left as close as flite makes them, not made easier to tell apart. The interpreter's
English is an espeak-ng ``en-us`` variant.

* Spanish hearings: every Spanish turn is REAL Spanish speech, a clip of the shared data set
  read there at generation time like the Mandarin ones (its reference text the clip's own
  transcript, its reference English the clip's entry in the shared ``translations_en.json``).
  The shared Spanish clips keep no speaker id; clips whose voices say they are one person
  (``SAME_PERSON``) are one voice, every other clip its own: the interpreter and the applicant
  are two different people, each saying its clips in a drawn order (a voice with one clip
  repeats it, as a Mandarin voice with one clip does). The interpreter's English is an
  espeak-ng variant, so, as in the Mandarin hearings, the interpreter is two voices, one per
  language, which diarization may split. Until stop 31 the applicant spoke espeak-ng Spanish:
  on seed 9003 diarization merged it with the interpreter's espeak-ng English (the same
  synthesiser), and Whisper base heard it as English, so the answer was decoded as an English
  "translation" inside the interpreter's turn and the real Spanish rendering before it was
  taken for the applicant: a measure of the synthesiser (the issue asks for a real applicant),
  not of hearingproc. Voices and phrasing are drawn from the main random stream exactly as
  before (the clips from a generator of their own), so every Mandarin hearing of a seed, and
  every Spanish hearing's English phrasing, is unchanged.
* Mandarin hearings: every Mandarin turn is REAL Mandarin speech, a clip of the shared data set
  (``../shared/data``, or ``--shared-data``; the clips are read there at generation time and
  never copied into the repository), and its reference text is that clip's own reference
  transcript; its reference English (``translations_en.json``) is the clip's English in the
  shared ``translations_en.json``. The applicant keeps one real voice, an AISHELL-1 speaker;
  the interpreter's Mandarin is another real voice, a different person from its espeak-ng
  English (as in the shared mock hearing ``en-zh_constructed_mock_hearing_zh``). The words are
  not a real dialogue: a Mandarin rendering does not say what the English question before it
  said (its English reference is the clip's own), while the interpreter's English rendering of
  an answer is that answer's reference English. The shared data holds one clip per Mandarin
  voice, so a voice that speaks twice in a hearing repeats its clip.

Outputs in ``--out`` (a scratch folder; do not commit generated audio):

* ``<id>.wav``, ``<id>.rttm``, ``<id>.reference.json`` per hearing;
* ``manifest.json``: the entries in the shared data set's format, for ``hearingproc eval``;
* ``translations_en.json``: the reference English of each hearing's non-English turns, in
  time order (the English the interpretation gives for them);
* ``<id>.wav.meta.json``: each hearing's metadata sidecar as a court would give it (hearing
  type, court and expected language, the participants with name and role), beside the WAV where
  ``hearingproc process`` and ``hearingproc eval`` read it.

Usage::

    python sample_audio/make_varied_hearings.py --out /tmp/roles_dev --seed 1 --count 4
    python sample_audio/make_varied_hearings.py --out /tmp/roles_eval --seed 9001 --count 10 \
        [--shared-data ../shared/data]

Development seeds and evaluation seeds must differ: phrasing changes are tuned on the former
and only measured on the latter.

Why real Spanish for the interpreter: on the seed-9002 evaluation the synthesised interpreter's
Spanish renderings were decoded as English and never translated (translation presence 0.925:
two hearings with 3/4 and 2/4 Spanish turns translated); Whisper base did not put ``es`` among
its top languages for that espeak-ng voice. A real interpreter speaks real Spanish, so those
misses measured the synthesiser, not hearingproc.

Why real Mandarin: espeak-ng's ``cmn`` voice is not Mandarin that Whisper can read
(``espeak-ng -v cmn "我拍了拘留营的照片。"`` is identified as English, p 0.59, and decoded with
the language forced to zh as "Wor play one left, I don't wanna do youtube"), so synthesised
Mandarin turns tested the synthesiser, not hearingproc.
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_HERE = Path(__file__).resolve().parent
# a private copy of the sample's generator: its pause range is changed below, never the one
# that makes the committed sample
_NAME = "_make_mock_hearing_for_varied"
_SPEC = importlib.util.spec_from_file_location(_NAME, _HERE / "make_mock_hearing.py")
assert _SPEC is not None and _SPEC.loader is not None
mock = importlib.util.module_from_spec(_SPEC)
sys.modules[_NAME] = mock
_SPEC.loader.exec_module(mock)

Voice, Speaker, Line = mock.Voice, mock.Speaker, mock.Line
# the shared data set, beside the checkout (as tests/conftest.py finds it)
DEFAULT_SHARED = Path(os.environ.get("HEARINGPROC_SHARED_DATA",
                                     _HERE.parent.parent / "shared" / "data"))
CLIP_ENGINE = "clip"  # a Voice whose turns are real recordings, not synthesis
FLITE_VOICES = ("slt", "rms", "awb", "kal16")
ESPEAK_VARIANTS = ("f2", "f3", "m1", "m3", "f4", "m2")
DURATION_RANGE_S = (30.0, 150.0)  # real clips run up to 12 s (Mandarin), 21 s (Spanish) a turn
mock.PAUSE_RANGE_S = (0.4, 0.8)  # shorter pauses than the committed sample (CPU time)
ESPEAK_RATE_WPM = 165

JUDGES = ("Anne Carter", "Robert Hale", "Linda Moreno", "David Chen")
DHS_NAMES = ("Mark Delgado", "Karen Price", "Thomas Reed", "Julia Stone")
COUNSEL_NAMES = ("Sarah Collins", "Peter Wallace", "Nina Brooks", "Omar Haddad")
APPLICANTS = {"es": ("Luis Ramirez", "Maria Lopez", "Jose Herrera"),
              "zh": ("Wei Zhang", "Li Na", "Chen Jun")}
COUNTRY = {"es": "Honduras", "zh": "China"}
LANGUAGE_NAME = {"es": "Spanish", "zh": "Mandarin"}

# --- phrase banks. {judge} {dhs} {counsel} {applicant} {country} {language} are filled in. --
OPENINGS = (
    "This is Immigration Judge {judge}, in the matter of {applicant}, a merits hearing.",
    "We are on the record in the case of {applicant}. Today is the individual hearing.",
    "Good morning. This is Judge {judge}. We are here for the merits hearing of {applicant}.",
    "Court is in session in the matter of {applicant}. The respondent speaks {language}.",
)
OATHS = (
    "Do you swear or affirm that you will interpret accurately and completely from English to "
    "{language} and from {language} to English?",
    "Interpreter, do you swear to interpret accurately and completely between English and "
    "{language}?",
)
OATH_ANSWERS = ("I do.", "Yes, I do.", "I do, Your Honor.")
DHS_APPEARANCES = (
    "{dhs}, Assistant Chief Counsel, on behalf of the Department of Homeland Security.",
    "Good morning, Your Honor. {dhs} for the government.",
    "{dhs}, Your Honor. The Department is ready.",
    "Good morning. {dhs} appearing for DHS.",
)
COUNSEL_APPEARANCES = (
    "{counsel} for the respondent.",
    "Good morning, Your Honor. {counsel}, on behalf of the respondent.",
    "{counsel}, Your Honor. My client is present and will testify today.",
    "Good morning. {counsel}. We are ready to present the respondent's case.",
)
DIRECT_INVITES = (
    "Counsel, you may begin your direct examination.",
    "You may proceed with the respondent's testimony.",
    "{counsel_short}, your witness.",
)
CROSS_INVITES = (
    "Cross-examination by the Department?",
    "Does the government have any questions?",
    "{dhs_short}, any cross?",
)
END_DIRECT = ("No further questions.", "Nothing further, Your Honor.",
              "That is all from us, Your Honor.")
END_CROSS = ("The Department has nothing further.", "Nothing further from the government.",
             "No more questions, Your Honor.")
# (English question, its rendering, the answer, the answer's English rendering)
DIRECT_QA = {
    "es": (
        ("Why did you leave {country}?", "¿Por qué salió de Honduras?",
         "Una pandilla me amenazó porque no quise pagar.",
         "A gang threatened me because I refused to pay."),
        ("What happened after you refused?", "¿Qué pasó después de que se negó?",
         "Me golpearon y quemaron mi tienda.", "They beat me and burned my shop."),
        ("Are you afraid to go back?", "¿Tiene miedo de regresar?",
         "Sí, tengo mucho miedo por mi vida.", "Yes, I am very afraid for my life."),
    ),
    # Mandarin: the English questions only; the rendering and the answer are real clips
    "zh": (
        ("Why did you leave {country}?", "", "", ""),
        ("What did you film?", "", "", ""),
        ("Are you afraid to go back?", "", "", ""),
    ),
}
CROSS_QA = {
    "es": (
        ("Did you report the threats to the police?", "¿Denunció las amenazas a la policía?",
         "Sí, dos veces, pero no hicieron nada.", "Yes, twice, but they did nothing."),
        ("Could you have moved to another city?", "¿Pudo mudarse a otra ciudad?",
         "No, la pandilla está en todo el país.", "No, the gang is in the whole country."),
    ),
    "zh": (
        ("Did you film to create grounds for asylum?", "", "", ""),
        ("Has your family been questioned?", "", "", ""),
    ),
}
DECISIONS = (
    "I find the respondent credible. His testimony was detailed and consistent. Asylum is "
    "granted.",
    "The Court finds the testimony credible and the fear well founded. The application for "
    "asylum is granted.",
    "I deny asylum but grant withholding of removal.",
)
APPEAL_QUESTIONS_DHS = ("Does the Department reserve or waive appeal?",
                        "Government, appeal reserved or waived?")
DHS_APPEAL = ("The Department reserves appeal.", "DHS waives appeal, Your Honor.",
              "The government reserves.")
APPEAL_QUESTIONS_COUNSEL = ("And for the respondent?", "Counsel, does your client accept the "
                            "decision as final?")
COUNSEL_APPEAL = ("We accept the decision as final.", "The respondent waives appeal.",
                  "Accepted, Your Honor.")
CLOSINGS = ("Appeal is due within thirty days. We are adjourned.",
            "This hearing is concluded.")


@dataclass(frozen=True)
class Clip:
    """A real recording of the shared data set, with its own reference and English."""

    id: str
    voice: str  # the person speaking (one AISHELL-1 speaker, or the clip itself)
    path: Path
    text: str  # the clip's reference transcript (Mandarin: spaces removed, as CER reads it)
    english: str  # its reference English (shared translations_en.json)
    corpus: str
    license: str


# Shared clips that keep no speaker id but are one person by their voices: cosine similarity
# of diarization's speaker embeddings (Resemblyzer, hearingproc.stages.role_voices) of whole
# clips, grouped where every pair is at least 0.8 (complete linkage). FLEURS es 003 and 004:
# 0.96, 000 and 002: 0.91, 001 with 003/004: 0.84/0.85; every other Spanish pair 0.50-0.81
# (002 with 003/004: 0.80/0.81 joins 000 first, at 0.91). Drawn as two people, 003 and 004
# gave one hearing an applicant and an interpreter who are the same person.
SAME_PERSON = {
    "es_cuttledoc_fleurs-es-001": "FLEURS es reader 1",
    "es_cuttledoc_fleurs-es-003": "FLEURS es reader 1",
    "es_cuttledoc_fleurs-es-004": "FLEURS es reader 1",
    "es_cuttledoc_fleurs-es-000": "FLEURS es reader 2",
    "es_cuttledoc_fleurs-es-002": "FLEURS es reader 2",
}


def load_clips(shared: Path, language: str = "zh") -> tuple[Clip, ...]:
    """The shared data set's clips in ``language`` that have a reference English."""
    manifest_path, translations_path = shared / "manifest.json", shared / "translations_en.json"
    for path in (manifest_path, translations_path):
        if not path.is_file():
            raise SystemExit(f"{path}: not found; the {LANGUAGE_NAME[language]} hearings take "
                             "their turns from the shared data set (--shared-data)")
    english = {t["id"]: t["english"]
               for t in json.loads(translations_path.read_text(encoding="utf-8"))}
    clips = []
    for entry in json.loads(manifest_path.read_text(encoding="utf-8")):
        if entry["language"] != language or entry["id"] not in english:
            continue
        path = shared / entry["audio"]
        if not path.is_file():
            raise SystemExit(f"{path}: listed in {manifest_path} but missing")
        speaker = str(entry.get("speaker") or "")
        if speaker.startswith("unknown") or not speaker:
            speaker = SAME_PERSON.get(entry["id"], entry["id"])
        clips.append(Clip(entry["id"], speaker, path,
                          _reference_text(entry["reference_text"], language),
                          english[entry["id"]], entry["underlying_corpus"], entry["license"]))
    if len({c.voice for c in clips}) < 2:
        raise SystemExit(f"{manifest_path}: fewer than two {LANGUAGE_NAME[language]} voices")
    return tuple(clips)


def _reference_text(text: str, language: str) -> str:
    """A clip's reference as a turn's text: Mandarin without spaces (as CER scoring reads it),
    other languages with their words (joining them made each Spanish turn one long word)."""
    return ("" if language == "zh" else " ").join(text.split())


_CLIPS_BY_TURN: dict[tuple[str, str], Clip] = {}  # (voice, text) -> the clip that says it


def _clip_speaker(label: str, role: str, voice: str, clips: list[Clip], language: str,
                  english: Voice | None = None) -> mock.Speaker:
    for clip in clips:
        _CLIPS_BY_TURN[(voice, clip.text)] = clip
    voices = {language: Voice(CLIP_ENGINE, voice)}
    if english is not None:
        voices = {"en": english, **voices}
    return Speaker(label, role, voices)


def _render_line(line: mock.Line) -> np.ndarray:
    """A real clip's turn: resampled, trimmed and loudness-normalised like a synthesised one."""
    voice = line.speaker.voices[line.language]
    if voice.engine != CLIP_ENGINE:
        return _RENDER_TTS(line)
    clip = _CLIPS_BY_TURN[(voice.name, line.text)]
    raw, rate = _read_clip(clip.path)
    audio = trim_recording(mock.resample(raw, rate, mock.SAMPLE_RATE), mock.SAMPLE_RATE)
    return mock.normalise_loudness(mock.fade_edges(audio, mock.SAMPLE_RATE), mock.SAMPLE_RATE)


# A recorded clip's edges: 20 ms frames; a frame is speech when it is REC_ABOVE_FLOOR_DB above
# the clip's noise floor (its 10th-percentile frame) or within REC_BELOW_SPEECH_DB of its speech
# level (95th percentile), whichever is lower; speech starts and ends with a run of REC_RUN_S of
# such frames, and REC_MARGIN_S of the recording is kept on each side.
REC_FRAME_S = 0.02
REC_ABOVE_FLOOR_DB = 15.0
REC_BELOW_SPEECH_DB = 20.0
REC_RUN_S = 0.1
REC_MARGIN_S = 0.1


def trim_recording(samples: np.ndarray, rate: int) -> np.ndarray:
    """A recorded clip without the room noise before and after its speech.

    The synthesised voices' trimmer (``mock.trim_silence``: 5 ms frames, three in a row) keeps
    most of a read recording's hiss, since a few 5 ms frames of it clear its threshold: FLEURS
    clips kept 1.6-2.6 s of -52 to -56 dBFS hiss before or after speech at -15 to -30 dBFS,
    and the turn's reference span counted that hiss as the speaker's speech. The frames here
    are longer and the run needed is 100 ms, so hiss does not start a turn."""
    frame = int(round(REC_FRAME_S * rate))
    level = 20 * np.log10(mock.frame_rms(samples, frame) + 1e-10)
    threshold = min(np.percentile(level, 10) + REC_ABOVE_FLOOR_DB,
                    np.percentile(level, 95) - REC_BELOW_SPEECH_DB)
    run = int(round(REC_RUN_S / REC_FRAME_S))
    loud = np.convolve((level > threshold).astype(int), np.ones(run, dtype=int), mode="valid")
    starts = np.flatnonzero(loud == run)
    if starts.size == 0:
        raise ValueError("the clip has no run of speech above its noise")
    margin = int(round(REC_MARGIN_S * rate))
    start = max(int(starts[0]) * frame - margin, 0)
    end = min((int(starts[-1]) + run) * frame + margin, len(samples))
    return samples[start:end].copy()


def _read_clip(path: Path) -> tuple[np.ndarray, int]:
    """A shared clip as mono float64 and its rate: 16-bit WAV as the sample reads it, any
    other format (the FLEURS Spanish clips are Ogg Vorbis) through soundfile."""
    if path.suffix.lower() == ".wav":
        return mock.read_wav(path)
    import soundfile

    samples, rate = soundfile.read(str(path), dtype="float64", always_2d=True)
    return samples.mean(axis=1), int(rate)


_RENDER_TTS = mock.render_line
mock.render_line = _render_line  # the private copy's assemble() renders clips too


@dataclass(frozen=True)
class Hearing:
    id: str
    language: str
    cast: tuple[mock.Speaker, ...]
    script: tuple[mock.Line, ...]
    participants: tuple[dict[str, str], ...]
    english: tuple[str | None, ...]  # per line: the reference English of a non-English turn


def _mandarin_voices(rng: random.Random, clips: Sequence[Clip]
                     ) -> tuple[str, list[Clip], str, list[Clip]]:
    """The applicant's real voice (an AISHELL-1 speaker where there is one) and the
    interpreter's Mandarin voice (another person), each with its clips in a drawn order."""
    by_voice: dict[str, list[Clip]] = {}
    for clip in clips:
        by_voice.setdefault(clip.voice, []).append(clip)
    voices = sorted(by_voice)
    aishell = [v for v in voices if v.startswith("AISHELL")] or voices
    applicant = rng.choice(aishell)
    interpreter = rng.choice([v for v in voices if v != applicant])
    return (applicant, rng.sample(by_voice[applicant], len(by_voice[applicant])),
            interpreter, rng.sample(by_voice[interpreter], len(by_voice[interpreter])))


def _spanish_voices(rng: random.Random, clips: Sequence[Clip]
                    ) -> tuple[str, list[Clip], str, list[Clip]]:
    """The applicant's and the interpreter's Spanish voices, two people (clips grouped into
    people by :data:`SAME_PERSON`), each with its clips in a drawn order."""
    by_voice: dict[str, list[Clip]] = {}
    for clip in clips:
        by_voice.setdefault(clip.voice, []).append(clip)
    interpreter = rng.choice(sorted(by_voice))
    applicant = rng.choice([v for v in sorted(by_voice) if v != interpreter])
    return (applicant, rng.sample(by_voice[applicant], len(by_voice[applicant])),
            interpreter, rng.sample(by_voice[interpreter], len(by_voice[interpreter])))


def draw_hearing(rng: random.Random, index: int, language: str, prefix: str,
                 clips: Sequence[Clip] = ()) -> Hearing:
    """One hearing: voices, names and a script drawn from the phrase banks; a hearing's
    non-English turns (all real speech) are drawn from ``clips``, the
    shared data set's clips in its language (:func:`load_clips`)."""
    if not clips:
        raise ValueError(f"a {LANGUAGE_NAME[language]} hearing needs the shared data set's "
                         f"{LANGUAGE_NAME[language]} clips (load_clips)")
    # real voices from a generator of their own, so that the main stream (and with it every
    # hearing's phrasing and flite and espeak-ng voices) draws exactly as before real clips
    clip_rng = random.Random(repr(rng.getstate()))
    flite = rng.sample(FLITE_VOICES, 3)
    # two variants drawn as when the Spanish applicant was espeak-ng, so that the main stream
    # (phrasing, flite and espeak-ng voices) draws as before; only the first is used now
    interp_variant, _ = rng.sample(ESPEAK_VARIANTS, 2)
    judge = Speaker(f"judge_{flite[0]}", "judge", {"en": Voice(mock.FLITE_BIN, flite[0])})
    dhs = Speaker(f"dhs_{flite[1]}", "dhs_counsel", {"en": Voice(mock.FLITE_BIN, flite[1])})
    counsel = Speaker(f"counsel_{flite[2]}", "respondent_counsel",
                      {"en": Voice(mock.FLITE_BIN, flite[2])})
    interpreter_en = Voice(mock.ESPEAK_BIN, f"en-us+{interp_variant}", ESPEAK_RATE_WPM)
    answers: list[Clip] = []
    renderings: list[Clip] = []
    # every non-English turn is real speech: the applicant one real voice, the interpreter's
    # non-English another (its English an espeak-ng variant)
    pick = _mandarin_voices if language == "zh" else _spanish_voices
    applicant_voice, answers, interp_voice, renderings = pick(clip_rng, clips)
    interpreter = _clip_speaker(f"interpreter_{interp_variant}+{_slug(interp_voice)}",
                                "interpreter", interp_voice, renderings, language,
                                english=interpreter_en)
    applicant = _clip_speaker(f"applicant_{_slug(applicant_voice)}", "applicant",
                              applicant_voice, answers, language)
    names = {"judge": rng.choice(JUDGES), "dhs": rng.choice(DHS_NAMES),
             "counsel": rng.choice(COUNSEL_NAMES), "applicant": rng.choice(APPLICANTS[language]),
             "country": COUNTRY[language], "language": LANGUAGE_NAME[language]}
    names["dhs_short"] = _courtesy(rng, names["dhs"])
    names["counsel_short"] = _courtesy(rng, names["counsel"])

    def say(speaker: mock.Speaker, bank: tuple[str, ...]) -> mock.Line:
        return Line(speaker, "en", rng.choice(bank).format(**names))

    lines = [say(judge, OPENINGS), say(judge, OATHS), say(interpreter, OATH_ANSWERS)]
    appearances = [say(dhs, DHS_APPEARANCES), say(counsel, COUNSEL_APPEARANCES)]
    lines += appearances if rng.random() < 0.5 else appearances[::-1]
    lines.append(say(judge, DIRECT_INVITES))

    english: dict[int, str] = {}  # id(line) -> its reference English

    def exchange(asker: mock.Speaker, qa: tuple[str, str, str, str]) -> list[mock.Line]:
        question, rendered, answer, answer_en = qa
        question = question.format(**names)
        rendering_clip = renderings[len(english) // 2 % len(renderings)]
        rendered, rendered_en = rendering_clip.text, rendering_clip.english  # a real clip
        answer_clip = answers[len(english) // 2 % len(answers)]  # the answer: real too
        answer, answer_en = answer_clip.text, answer_clip.english
        turns = [Line(asker, "en", question), Line(interpreter, language, rendered),
                 Line(applicant, language, answer), Line(interpreter, "en", answer_en)]
        english[id(turns[1])], english[id(turns[2])] = rendered_en, answer_en
        return turns

    lines += exchange(counsel, rng.choice(DIRECT_QA[language]))
    lines += [say(counsel, END_DIRECT), say(judge, CROSS_INVITES)]
    lines += exchange(dhs, rng.choice(CROSS_QA[language]))
    lines += [say(dhs, END_CROSS), say(judge, DECISIONS), say(judge, APPEAL_QUESTIONS_DHS),
              say(dhs, DHS_APPEAL)]
    if rng.random() < 0.5:
        lines += [say(judge, APPEAL_QUESTIONS_COUNSEL), say(counsel, COUNSEL_APPEAL)]
    else:
        lines.append(say(judge, CLOSINGS))
    participants = ({"name": names["judge"], "role": "judge"},
                    {"name": names["dhs"], "role": "dhs_counsel"},
                    {"name": names["counsel"], "role": "respondent_counsel"},
                    {"name": names["applicant"], "role": "applicant"},
                    {"name": "", "role": "interpreter"})  # sworn by role, not named
    return Hearing(f"{prefix}_{index:02d}_{language}", language,
                   (judge, dhs, counsel, interpreter, applicant), tuple(lines), participants,
                   tuple(english.get(id(line)) for line in lines))


def _slug(voice: str) -> str:
    return voice.replace("AISHELL-1 ", "aishell_").replace(" ", "_")


def _courtesy(rng: random.Random, name: str) -> str:
    return f"{rng.choice(('Mr.', 'Ms.'))} {name.split()[-1]}"


def sidecar(hearing: Hearing) -> dict[str, object]:
    """The metadata a court would give with the recording (see hearingproc.sidecar)."""
    return {"hearing_type": "merits", "court_language": "en",
            "expected_language": hearing.language,
            "participants": [p if p["name"] else p["role"] for p in hearing.participants]}


def write_hearing(hearing: Hearing, out: Path, seed: int) -> dict[str, object]:
    """Synthesize one hearing into ``out``; return its manifest entry."""
    audio, turns = mock.assemble(hearing.script)
    duration = mock.seconds(len(audio))
    low, high = DURATION_RANGE_S
    if not low <= duration <= high:
        raise SystemExit(f"{hearing.id}: duration {duration:.1f} s outside {low}-{high} s")
    mock.write_wav(out / f"{hearing.id}.wav", audio, mock.SAMPLE_RATE)
    reference = [t.as_dict() for t in turns]
    sources = []
    for line, segment in zip(hearing.script, reference, strict=True):
        voice = line.speaker.voices[line.language]
        if voice.engine == CLIP_ENGINE:  # where a real turn comes from, as the shared mock says
            clip = _CLIPS_BY_TURN[(voice.name, line.text)]
            segment.update(source_id=clip.id, underlying_corpus=clip.corpus,
                           source_license=clip.license)
            sources.append(clip)
    (out / f"{hearing.id}.reference.json").write_text(
        json.dumps(reference, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    rttm = [f"SPEAKER {hearing.id} 1 {t.start:.3f} {t.end - t.start:.3f} <NA> <NA> {t.speaker} "
            "<NA> <NA>" for t in turns]
    (out / f"{hearing.id}.rttm").write_text("\n".join(rttm) + "\n", encoding="utf-8")
    (out / f"{hearing.id}.wav.meta.json").write_text(
        json.dumps(sidecar(hearing), indent=1) + "\n", encoding="utf-8")
    return {
        "id": hearing.id, "audio": f"{hearing.id}.wav", "language": f"en+{hearing.language}",
        "speaker": ", ".join(s.label for s in hearing.cast), "duration_s": duration,
        "sample_rate": mock.SAMPLE_RATE, "channels": 1,
        "reference_text": " ".join(f"[{t.role}|{t.language}] {t.text}" for t in turns),
        "reference_segments": reference, "reference_rttm": f"{hearing.id}.rttm",
        "reference_quality": f"exact (make_varied_hearings.py seed {seed}; synthetic turns "
                             "exact, real turns as exact as their shared-data references)",
        "underlying_corpus": "synthetic (flite + espeak-ng text-to-speech)" + (
            "; real Mandarin turns: " + ", ".join(sorted({c.corpus for c in sources}))
            if sources else ""),
        "license": "Apache-2.0 (project); synthesized with flite and espeak-ng" + (
            "; real turns: see each segment's source_license" if sources else ""),
        "notes": "Voices: " + "; ".join(
            f"{s.role}: " + ", ".join(f"{lang}={v.describe()}" for lang, v in s.voices.items())
            for s in hearing.cast),
    }


def english_of_foreign_turns(hearing: Hearing) -> str:
    """The reference English of the hearing's non-English turns, in order. A Spanish
    rendering's English is the question before it and an answer's the rendering after it; a
    real Mandarin clip's is its own reference English (shared translations_en.json)."""
    return " ".join(english for english in hearing.english if english is not None)


def main(out: Path, seed: int, count: int, prefix: str, shared: Path = DEFAULT_SHARED) -> None:
    rng = random.Random(seed)
    np.random.seed(seed % 2**32)
    clips = {"es": load_clips(shared, "es") if count > 0 else (),
             "zh": load_clips(shared, "zh") if count > 1 else ()}
    out.mkdir(parents=True, exist_ok=True)
    entries, translations = [], []
    for index in range(count):
        language = ("es", "zh")[index % 2]
        hearing = draw_hearing(rng, index, language, prefix, clips[language])
        entries.append(write_hearing(hearing, out, seed))
        translations.append({"id": hearing.id, "language": hearing.language,
                             "english": english_of_foreign_turns(hearing)})
        print(f"wrote {hearing.id}: {entries[-1]['duration_s']:.1f} s, "
              f"{len(hearing.script)} turns", flush=True)
    (out / "manifest.json").write_text(json.dumps(entries, indent=1, ensure_ascii=False) + "\n",
                                       encoding="utf-8")
    (out / "translations_en.json").write_text(
        json.dumps(translations, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="output folder (scratch)")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--count", type=int, default=10)
    parser.add_argument("--prefix", default="varied")
    parser.add_argument("--shared-data", type=Path, default=DEFAULT_SHARED,
                        help="the shared data set whose real Mandarin clips the Mandarin "
                             f"hearings speak (default {DEFAULT_SHARED})")
    args = parser.parse_args()
    main(args.out, args.seed, args.count, args.prefix, args.shared_data)
