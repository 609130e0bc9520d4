"""Calibrate the interpretation check's thresholds on spoken testimony.

Run ``python -m tools.tune_interpretation``. Eight two-sentence Spanish answers are
spoken by the sample hearing's applicant voice (espeak-ng ``es+m3``, through
``sample_audio/make_mock_hearing.py``), transcribed and translated by the real stages
(Whisper's translate task), and compared with English renderings as an interpreter would
give them: the faithful rendering, each rendering with one sentence left out, and each with
one sentence of another answer added. For every case it prints the length coverage, the
similarity of the two English sides and the verdict (see
:mod:`hearingproc.stages.interpretation`): a faithful rendering must be "consistent", a
shorter one "review: possible omission" and a longer one "review: possible addition".
Thresholds go, by hand, into the defaults of
:class:`~hearingproc.stages.interpretation.InterpretationOptions`.

The test's own exchange (tests/stages/test_interpretation.py) is not among these answers.
The same helpers build that test's audio: :func:`synthesize` lays TTS lines out on a time line
and :func:`process_exchange` runs transcription, translation and the check with roles given.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from sample_audio import make_mock_hearing as mock_hearing  # the checkout's, like tools/

from hearingproc.audio import Audio
from hearingproc.stages.interpretation import (
    ADDITION,
    CONSISTENT,
    OMISSION,
    InterpretationOptions,
    LanguageTurn,
    build_turns,
    check_interpretation,
    judge,
    split_sentences,
)
from hearingproc.stages.transcribe import transcribe
from hearingproc.stages.translate import TranslateOptions, translate
from hearingproc.stages.vad import Span
from hearingproc.transcript import InterpretationCheck, Segment

# (Spanish answer, its English rendering); two sentences each, on different facts
ANSWERS = (
    ("Salí de mi país en enero. Viajé por tierra durante dos meses.",
     "I left my country in January. I traveled by land for two months."),
    ("Mi padre era dirigente sindical. Los soldados lo detuvieron en su casa.",
     "My father was a union leader. The soldiers arrested him at his home."),
    ("Tengo miedo de volver. La pandilla sabe dónde vive mi madre.",
     "I am afraid to go back. The gang knows where my mother lives."),
    ("Trabajaba en una panadería. Los hombres venían cada semana a cobrar dinero.",
     "I worked in a bakery. The men came every week to collect money."),
    ("No fui a la policía. Los policías trabajan con la pandilla.",
     "I did not go to the police. The police work with the gang."),
    ("Me golpearon en la cara. Estuve en el hospital tres días.",
     "They hit me in the face. I was in the hospital for three days."),
    ("Mi esposa y mis hijos se quedaron en Guatemala. Hablo con ellos por teléfono los domingos.",
     "My wife and my children stayed in Guatemala. I talk with them by phone on Sundays."),
    ("Crucé la frontera en Texas. Pedí asilo a los agentes de inmigración.",
     "I crossed the border in Texas. I asked the immigration agents for asylum."),
)


def synthesize(lines: Sequence[tuple[str, str, str]], name: str = "exchange",
               ) -> tuple[Audio, list[mock_hearing.Turn]]:
    """Speak ``(role, language, text)`` lines with the sample hearing's voices (roles
    "applicant", "interpreter", "judge", "respondent_counsel", "dhs_counsel"), laid out
    with its pauses; returns the audio and where each line is."""
    cast = {speaker.role: speaker for speaker in mock_hearing.CAST}
    script = tuple(mock_hearing.Line(cast[role], language, text)
                   for role, language, text in lines)
    samples, turns = mock_hearing.assemble(script)
    audio = Audio(samples=samples.astype(np.float32), sha256="0" * 64, source=f"<{name}>",
                  source_sample_rate=mock_hearing.SAMPLE_RATE, source_channels=1,
                  source_format="wav")
    return audio, turns


def _with_roles(segments: Sequence[Segment], spoken: Sequence[mock_hearing.Turn]) -> list[Segment]:
    """Each segment gets the speaker and role of the line it overlaps most."""
    out = []
    for seg in segments:
        overlap = [max(0.0, min(seg.end, s.end) - max(seg.start, s.start)) for s in spoken]
        line = spoken[int(np.argmax(overlap))]
        out.append(replace(seg, speaker=line.speaker, role=line.role))
    return out


def process_exchange(audio: Audio, spoken: Sequence[mock_hearing.Turn], engine: object,
                     translate_options: TranslateOptions | None = None,
                     options: InterpretationOptions | None = None,
                     ) -> tuple[list[Segment], list[InterpretationCheck]]:
    """Transcribe each line's span (as diarization would give it: at the speech's edges; the
    transcribe stage pads each span into the pauses itself), give the segments the lines'
    roles, translate, and check the interpretation (default options where None)."""
    spans = [Span(s.start, s.end) for s in spoken]
    segments = transcribe(audio, engine, spans=spans,  # type: ignore[arg-type]
                          span_keys=[s.speaker for s in spoken])
    segments = translate(audio, _with_roles(segments, spoken),
                         translate_options or TranslateOptions(), engine)  # type: ignore[arg-type]
    return segments, check_interpretation(segments, options or InterpretationOptions())


def _rendering_turn(text: str, after: float) -> LanguageTurn:
    """An interpreter's English turn saying ``text`` (as its transcript would)."""
    return LanguageTurn("interpreter", "interpreter", "en", (Segment(
        id=999, start=after + 1.0, end=after + 5.0, text=text, language="en",
        language_probability=1.0, speaker="interpreter", role="interpreter"),))


def cases(k: int) -> dict[str, tuple[str, str]]:
    """Renderings of answer ``k``: name -> (expected verdict, text)."""
    english = ANSWERS[k][1]
    sentences = split_sentences(english, 1)
    other = split_sentences(ANSWERS[(k + 3) % len(ANSWERS)][1], 1)[1]
    out = {"faithful": (CONSISTENT, english)}
    out.update({f"omits {i + 1}": (OMISSION, " ".join(s for j, s in enumerate(sentences) if j != i))
                for i in range(len(sentences))})
    out["adds one"] = (ADDITION, f"{english} {other}")
    return out


def measure(options: InterpretationOptions | None = None) -> list[tuple[str, str, str]]:
    """(case, expected verdict, verdict) for every calibration case (default options where
    None); prints the signals."""
    from hearingproc.models.sentence_encoder import load_sentence_encoder
    from hearingproc.models.whisper import load_engine

    options = options or InterpretationOptions()
    engine = load_engine()
    encoder = load_sentence_encoder(options.encoder)
    rows = []
    for k, (spanish, _) in enumerate(ANSWERS):
        audio, spoken = synthesize([("applicant", "es", spanish)], f"answer-{k}")
        segments = translate(audio, _with_roles(transcribe(audio, engine), spoken),
                             TranslateOptions(), engine)
        source = build_turns(segments)[0]
        print(f"{k + 1} heard: {source.segments[0].text} | machine English: {source.english()}")
        for name, (expected, text) in cases(k).items():
            rendering = _rendering_turn(text, source.end)
            check = judge(source, rendering, encoder, options)
            ratio = rendering.english_length() / max(source.english_length(), 1e-9)
            rows.append((f"{k + 1} {name}", expected, check.verdict))
            miss = "" if check.verdict == expected else f"  (expected {expected})"
            print(f"  {name:<9} length {ratio:.2f} similarity {check.score:.2f} -> "
                  f"{check.verdict}{miss}")
    return rows


def summary(rows: Sequence[tuple[str, str, str]]) -> str:
    """How many cases of each kind got their expected verdict."""
    kinds = {"faithful": "faithful", "omits": "sentence left out", "adds": "sentence added"}
    parts = []
    for key, label in kinds.items():
        mine = [r for r in rows if key in r[0]]
        parts.append(f"{label}: {sum(r[1] == r[2] for r in mine)}/{len(mine)} right")
    return "; ".join(parts)


def main(argv: Sequence[str] | None = None) -> None:
    from hearingproc._env import apply_private_defaults

    apply_private_defaults()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.parse_args(argv)
    print(summary(measure()))


if __name__ == "__main__":
    main()
