#!/usr/bin/env python3
"""Generate varied synthetic merits hearings (English with Spanish or Mandarin) for role
evaluation, each with its exact reference.

A sibling of ``make_mock_hearing.py`` (whose synthesis, trimming, loudness and layout it
reuses; the committed sample is left as it is). Every hearing is drawn from a bank of
phrasings per role with a seed: the judge opens the record with or without a title, the
interpreter is sworn, counsel appear (with or without a title, or only by presenting the
respondent's case), the respondent's counsel examines first through the interpreter, DHS
cross-examines, the judge decides orally and asks each side about appeal. Voices are drawn
per hearing too: the judge and both counsel from flite's voices, one bilingual espeak-ng voice
for the interpreter, another espeak-ng voice for the applicant.

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
    python sample_audio/make_varied_hearings.py --out /tmp/roles_eval --seed 9001 --count 10

Development seeds and evaluation seeds must differ: phrasing changes are tuned on the former
and only measured on the latter.

Known limit: espeak-ng's ``cmn`` voice is not Mandarin that Whisper can read (``espeak-ng -v cmn
"我拍了拘留营的照片。"`` is identified as English, p 0.59, and decoded with the language forced to
zh as "Wor play one left, I don't wanna do youtube"), so on the Mandarin hearings the
interpreter's and applicant's Mandarin turns test the synthesiser, not hearingproc: their
transcription, language and translation figures, and the roles that depend on them, are not
evidence. The Spanish hearings are intelligible. Mandarin turns should come from real speech.
"""

from __future__ import annotations

import importlib.util
import json
import random
import sys
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
FLITE_VOICES = ("slt", "rms", "awb", "kal16")
ESPEAK_VARIANTS = ("f2", "f3", "m1", "m3", "f4", "m2")
ESPEAK_LANG = {"es": "es", "zh": "cmn"}
DURATION_RANGE_S = (30.0, 85.0)
mock.PAUSE_RANGE_S = (0.4, 0.8)  # shorter pauses than the committed sample (CPU time)
ESPEAK_RATE_WPM = 165
APPLICANT_RATE_WPM = 155

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
    "zh": (
        ("Why did you leave {country}?", "你为什么离开中国？",
         "因为警察抓了我三次。", "Because the police arrested me three times."),
        ("What did you film?", "你拍了什么？",
         "我拍了拘留营的照片。", "I filmed the detention camps."),
        ("Are you afraid to go back?", "你害怕回去吗？",
         "是的，我非常害怕。", "Yes, I am very afraid."),
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
        ("Did you film to create grounds for asylum?", "你拍摄是为了申请庇护吗？",
         "不是，我想让世界知道。", "No, I wanted the world to know."),
        ("Has your family been questioned?", "你的家人被问过话吗？",
         "是的，警察找过我的父母。", "Yes, the police went to my parents."),
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
class Hearing:
    id: str
    language: str
    cast: tuple[mock.Speaker, ...]
    script: tuple[mock.Line, ...]
    participants: tuple[dict[str, str], ...]


def draw_hearing(rng: random.Random, index: int, language: str, prefix: str) -> Hearing:
    """One hearing: voices, names and a script drawn from the phrase banks."""
    flite = rng.sample(FLITE_VOICES, 3)
    interp_variant, applicant_variant = rng.sample(ESPEAK_VARIANTS, 2)
    espeak_lang = ESPEAK_LANG[language]
    judge = Speaker(f"judge_{flite[0]}", "judge", {"en": Voice(mock.FLITE_BIN, flite[0])})
    dhs = Speaker(f"dhs_{flite[1]}", "dhs_counsel", {"en": Voice(mock.FLITE_BIN, flite[1])})
    counsel = Speaker(f"counsel_{flite[2]}", "respondent_counsel",
                      {"en": Voice(mock.FLITE_BIN, flite[2])})
    interpreter = Speaker(f"interpreter_{interp_variant}", "interpreter", {
        "en": Voice(mock.ESPEAK_BIN, f"en-us+{interp_variant}", ESPEAK_RATE_WPM),
        language: Voice(mock.ESPEAK_BIN, f"{espeak_lang}+{interp_variant}",
                        ESPEAK_RATE_WPM)})
    applicant = Speaker(f"applicant_{applicant_variant}", "applicant", {
        language: Voice(mock.ESPEAK_BIN, f"{espeak_lang}+{applicant_variant}",
                        APPLICANT_RATE_WPM)})
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

    def exchange(asker: mock.Speaker, qa: tuple[str, str, str, str]) -> list[mock.Line]:
        question, rendered, answer, answer_en = qa
        return [Line(asker, "en", question.format(**names)),
                Line(interpreter, language, rendered), Line(applicant, language, answer),
                Line(interpreter, "en", answer_en)]

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
                   (judge, dhs, counsel, interpreter, applicant), tuple(lines), participants)


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
        "reference_quality": f"exact (synthetic; make_varied_hearings.py seed {seed})",
        "underlying_corpus": "synthetic (flite + espeak-ng text-to-speech)",
        "license": "Apache-2.0 (project); synthesized with flite and espeak-ng",
        "notes": "Voices: " + "; ".join(
            f"{s.role}: " + ", ".join(f"{lang}={v.describe()}" for lang, v in s.voices.items())
            for s in hearing.cast),
    }


def english_of_foreign_turns(hearing: Hearing) -> str:
    """The reference English of the hearing's non-English turns, in order: each rendering's
    English is the question before it, each answer's the rendering after it."""
    lines = hearing.script
    english = []
    for i, line in enumerate(lines):
        if line.language == "en":
            continue
        source = lines[i - 1] if line.speaker.role == "interpreter" else lines[i + 1]
        english.append(source.text)
    return " ".join(english)


def main(out: Path, seed: int, count: int, prefix: str) -> None:
    rng = random.Random(seed)
    np.random.seed(seed % 2**32)
    out.mkdir(parents=True, exist_ok=True)
    entries, translations = [], []
    for index in range(count):
        language = ("es", "zh")[index % 2]
        hearing = draw_hearing(rng, index, language, prefix)
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
    args = parser.parse_args()
    main(args.out, args.seed, args.count, args.prefix)
