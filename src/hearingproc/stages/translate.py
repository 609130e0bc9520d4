"""English translation of every non-English segment; the source text and language stay.

Two engines:

- ``whisper`` (default): Whisper's own translate task, run with the ASR engine already loaded
  (no extra weights) on the segment's audio, cut from the decoded waveform with a little
  padding and with the language forced to the segment's language. The engine is recorded as
  ``whisper-translate:<model>``.
- ``transformers``: a text-to-text model (Marian, NLLB, M2M100) from a local folder or the
  user's Hugging Face cache, on the segment's text, batched per language (see
  :mod:`hearingproc.models.text_translation`). Recorded as ``transformers:<model>``.

How segments are grouped: a turn (consecutive segments of one speaker in one language, each
within ``join_gap_s`` of the last, ``max_join_s`` at most) is translated once, because the
transcribe stage cuts a speaker's stretch at pauses and a fragment translated alone loses the
words around it; the English of the turn is then shared out at word boundaries in proportion
to each segment's duration, so each segment gets its share and the turn reads the same as one
translation. The ``whisper`` engine decodes the turn's audio (padded, but never past half the
gap to a neighbouring segment, so another voice is not translated into this one); a text
engine translates the turn's transcript. ``prompt_previous`` gives Whisper the last English
said or translated before the turn as its prompt (previous text: names, the question being
answered). It is off by default: on the sample hearing Whisper base copied the prompt, so the
interpreter's Spanish question came out as the counsel's English question word for word and
the applicant's answer as that question again; a translation copied from the English the
interpretation check compares it with makes that check blind. When it is on, a decode that
begins with the prompt is decoded again without it.

Whisper decodes at temperature 0 only (``temperatures``): its fallback samples a hotter decode
when the first looks degenerate, and on a hard clip that turns into fluent invention. A
decode that still looks degenerate is kept but flagged on its :class:`Translation`
(``repetition``: a loop or a high compression ratio; ``low_confidence``: mean log-probability
below ``logprob_threshold``; ``temperature_fallback``: a hotter decode was kept), and every
translation carries the decoder's mean token log-probability (``avg_logprob``), which the
review app shows as it shows doubtful words.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace

from hearingproc.audio import Audio
from hearingproc.errors import ConfigError, ModelError
from hearingproc.models.whisper import AsrEngine, Decoded, DecodeOptions
from hearingproc.progress import Progress, no_progress
from hearingproc.stages.guard import GuardOptions, guard
from hearingproc.transcript import ModelInfo, Segment, Translation

log = logging.getLogger(__name__)

ENGLISH = "en"
TRANSLATE_ENGINES = ("whisper", "transformers")
WHISPER_ENGINE_PREFIX = "whisper-translate"
TRANSFORMERS_ENGINE_PREFIX = "transformers"
REPETITION = "repetition"
LOW_CONFIDENCE = "low_confidence"
TEMPERATURE_FALLBACK = "temperature_fallback"


@dataclass(frozen=True)
class TranslateOptions:
    enabled: bool = True  # give every non-English segment an English translation
    engine: str = "whisper"  # "whisper" (translate task of the ASR model) or "transformers"
    # transformers engine: a local model folder or a model name in your Hugging Face cache
    model: str | None = None
    # transformers engine: a model per source language, e.g. {es = "~/models/opus-mt-es-en"}
    # (Marian models are one folder per language pair); ``model`` serves the other languages
    language_models: dict[str, str] = field(default_factory=dict)
    pad_s: float = 0.2  # whisper: seconds of audio kept on each side of a segment
    join_gap_s: float = 1.5  # one speaker's segments this close (s) are one turn, translated once
    max_join_s: float = 30.0  # longest turn translated at once (Whisper's window)
    beam_size: int = 5  # whisper: beam width of the translate decode
    # whisper: decode temperatures; (0.0,) keeps the greedy/beam decode and flags it when it
    # looks degenerate, where a fallback would sample an invention
    temperatures: tuple[float, ...] = (0.0,)
    # whisper: the last English before a turn as its prompt (see the module text: off, because
    # Whisper base copies it)
    prompt_previous: bool = False
    logprob_threshold: float = -1.0  # mean token log-prob below: flagged low_confidence
    batch_size: int = 8  # transformers: texts per generate call
    encode_batch: int = 8  # whisper: turns decoded per batched call (encoder and beam search)
    max_new_tokens: int = 256  # transformers: longest English output per segment

    def __post_init__(self) -> None:
        if self.engine not in TRANSLATE_ENGINES:
            raise ConfigError(f"unknown translation engine {self.engine!r}; choose one of "
                              f"{', '.join(TRANSLATE_ENGINES)}")
        has_model = bool(self.model or self.language_models)
        if self.engine == "transformers" and self.enabled and not has_model:
            raise ConfigError("the transformers translation engine needs a model: set "
                              "[translate] model (a local folder or a name in your Hugging "
                              "Face cache) or language_models")
        if not isinstance(self.language_models, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in self.language_models.items()):
            raise ConfigError("language_models must map language codes to model folders or names")
        for name in ("pad_s", "join_gap_s"):
            if getattr(self, name) < 0:
                raise ConfigError(f"{name} must not be negative, got {getattr(self, name)}")
        if min(self.max_join_s, self.beam_size, self.batch_size, self.max_new_tokens,
               self.encode_batch) <= 0:
            raise ConfigError("max_join_s, beam_size, batch_size, encode_batch and "
                              "max_new_tokens must be positive")
        if not self.temperatures or any(not 0 <= t <= 1 for t in self.temperatures):
            raise ConfigError("temperatures must list at least one value from 0 to 1, got "
                              f"{self.temperatures}")
        if self.logprob_threshold >= 0:
            raise ConfigError(f"logprob_threshold must be negative, got "
                              f"{self.logprob_threshold}")


def needs_translation(segment: Segment) -> bool:
    """A segment with text in a language other than English."""
    return segment.language != ENGLISH and bool(segment.text.strip())


def plan_groups(segments: Sequence[Segment], options: TranslateOptions) -> list[list[int]]:
    """Indices of the segments to translate, grouped into decodes (see the module text)."""
    groups: list[list[int]] = []
    for i, seg in enumerate(segments):
        if not needs_translation(seg):
            continue
        if groups and groups[-1][-1] == i - 1:
            last = segments[i - 1]
            first = segments[groups[-1][0]]
            if (last.speaker == seg.speaker and last.language == seg.language
                    and seg.start - last.end <= options.join_gap_s
                    and seg.end - first.start <= options.max_join_s):
                groups[-1].append(i)
                continue
        groups.append([i])
    return groups


def clip_bounds(segments: Sequence[Segment], group: Sequence[int], pad_s: float,
                duration: float) -> tuple[float, float]:
    """The span decoded for ``group``: padded by ``pad_s``, but never past half the gap to
    the neighbouring segments, nor outside the recording."""
    first, last = segments[group[0]], segments[group[-1]]
    before = segments[group[0] - 1].end if group[0] > 0 else None
    after = segments[group[-1] + 1].start if group[-1] + 1 < len(segments) else None
    start = first.start - pad_s if before is None else first.start - min(
        pad_s, max(0.0, (first.start - before) / 2))
    end = last.end + pad_s if after is None else last.end + min(
        pad_s, max(0.0, (after - last.end) / 2))
    return max(0.0, start), min(duration, end)


def share_words(text: str, durations: Sequence[float]) -> list[str]:
    """``text`` cut at word boundaries into one piece per duration, each piece's share of the
    words in proportion to its duration; every piece gets at least one word while words
    last (the first ones, when there are fewer words than pieces)."""
    words = text.split()
    if len(durations) == 1:
        return [" ".join(words)]
    weights = list(durations) if sum(durations) > 0 else [1.0] * len(durations)
    total = sum(weights)
    pieces, used, elapsed = [], 0, 0.0
    for k, weight in enumerate(weights):
        elapsed += weight
        left = len(weights) - k - 1  # pieces still to fill, one word kept for each
        cut = len(words) if left == 0 else round(len(words) * elapsed / total)
        cut = min(max(cut, used + 1), max(len(words) - left, used + 1), len(words))
        pieces.append(" ".join(words[used:cut]))
        used = cut
    return pieces


def previous_english(segments: Sequence[Segment], before: int) -> str | None:
    """The English said or translated last before segment ``before``: an English segment's
    text or a translation, whichever comes later; None when there is none."""
    for seg in reversed(segments[:before]):
        if seg.language == ENGLISH and seg.text.strip():
            return seg.text.strip()
        if seg.translation is not None and seg.translation.text.strip():
            return seg.translation.text.strip()
    return None


def copies_prompt(english: str, prompt: str) -> bool:
    """``english`` begins with ``prompt`` (case, punctuation and spacing ignored)."""
    from hearingproc.stages.guard import _key

    words, said = english.split(), prompt.split()
    return bool(said) and [_key(w) for w in words[:len(said)]] == [_key(w) for w in said]


def decode_flags(pieces: Sequence[Decoded], looped: bool, logprob_threshold: float
                 ) -> tuple[str, ...]:
    """Why a decode looks degenerate (see the module text); empty when it does not."""
    flags = []
    if looped or any(p.compression_ratio > GuardOptions.compression_ratio_threshold
                     for p in pieces):
        flags.append(REPETITION)
    if mean_logprob(pieces) < logprob_threshold:
        flags.append(LOW_CONFIDENCE)
    if any(p.temperature > 0 for p in pieces):
        flags.append(TEMPERATURE_FALLBACK)
    return tuple(flags)


def mean_logprob(pieces: Sequence[Decoded]) -> float:
    """The pieces' mean log-probabilities averaged with each piece's text length as weight."""
    weights = [max(len(p.text.strip()), 1) for p in pieces]
    return sum(p.avg_logprob * w for p, w in zip(pieces, weights, strict=True)) / sum(weights)


def _translate_options(language: str, options: TranslateOptions,
                       prompt: str | None) -> DecodeOptions:
    return DecodeOptions(language=language, task="translate", beam_size=options.beam_size,
                         word_timestamps=False, initial_prompt=prompt,
                         temperatures=options.temperatures)


def _english(pieces: Sequence[Decoded], options: TranslateOptions,
             ) -> tuple[str, float | None, tuple[str, ...]]:
    """The English of a translate decode, its mean log-probability and flags; pieces the
    hallucination guard would drop (silence) are left out unless nothing else is there, loops
    are collapsed and flagged."""
    pieces = [p for p in pieces if p.text.strip()]
    guarded = guard(pieces, 1.0)
    kept = [g.decoded for g in guarded] or pieces
    if not kept:
        return "", None, ()
    looped = any(REPETITION in g.flags for g in guarded)
    english = " ".join(p.text.strip() for p in kept)
    return english, mean_logprob(kept), decode_flags(kept, looped, options.logprob_threshold)


def _whisper_english(engine: AsrEngine, audio: Audio, start: float, end: float,
                     language: str, options: TranslateOptions, prompt: str | None,
                     ) -> tuple[str, float | None, tuple[str, ...]]:
    """Whisper's English for ``audio[start:end]`` in ``language`` with ``prompt``, decoded
    again without it when the English begins by copying it (see :func:`_english`)."""
    decode = _translate_options(language, options, prompt)
    clip = audio.clip(start, end)
    pieces = [p for p in engine.decode(clip, decode) if p.text.strip()]
    if prompt and copies_prompt(" ".join(p.text for p in pieces), prompt):
        pieces = engine.decode(clip, replace(decode, initial_prompt=None))
    return _english(pieces, options)


def translate_with_whisper(audio: Audio, segments: Sequence[Segment], engine: AsrEngine,
                           options: TranslateOptions, progress: Progress = no_progress,
                           languages: Collection[str] | None = None) -> list[Segment]:
    """Every non-English segment (in ``languages``, when given) with Whisper's translation
    (see the module text). Turns are decoded ``encode_batch`` at a time (faster-whisper
    batches them), except with ``prompt_previous``, where each turn's prompt is the English
    before it and turns go one by one."""
    name = f"{WHISPER_ENGINE_PREFIX}:{engine.model_name}"
    out = list(segments)
    groups = [g for g in plan_groups(segments, options)
              if languages is None or segments[g[0]].language in languages]
    bounds = [clip_bounds(segments, group, options.pad_s, audio.duration) for group in groups]

    def keep(group: Sequence[int], english: str, logprob: float | None,
             flags: tuple[str, ...]) -> None:
        if not english:
            log.warning("segment %d: Whisper gave no translation", segments[group[0]].id)
            return
        if flags:
            log.info("segment %d: translation flagged %s", segments[group[0]].id,
                     ", ".join(flags))
        _share(out, group, english, Translation(english, name, _round(logprob), flags))

    if options.prompt_previous:
        for n, group in enumerate(groups):
            prompt = previous_english(out, group[0])
            keep(group, *_whisper_english(engine, audio, *bounds[n],
                                          segments[group[0]].language, options, prompt))
            progress("translate", n + 1, len(groups))
        return out
    for k in range(0, len(groups), options.encode_batch):
        part = range(k, min(k + options.encode_batch, len(groups)))
        clips = [audio.clip(*bounds[n]) for n in part]
        decodes = [_translate_options(segments[groups[n][0]].language, options, None)
                   for n in part]
        for n, pieces in zip(part, engine.decode_many(clips, decodes, options.encode_batch),
                             strict=True):
            keep(groups[n], *_english(pieces, options))
        progress("translate", part.stop, len(groups))
    return out


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _share(out: list[Segment], group: Sequence[int], english: str, whole: Translation) -> None:
    """Each segment of ``group`` gets its share of ``english`` (see :func:`share_words`), with
    the confidence and flags of the whole decode."""
    shares = share_words(english, [out[i].end - out[i].start for i in group])
    for i, text in zip(group, shares, strict=True):
        if text:
            out[i] = replace(out[i], translation=replace(whole, text=text))


def _model_for(language: str, options: TranslateOptions) -> str | None:
    return options.language_models.get(language, options.model)


def translate_with_transformers(segments: Sequence[Segment], options: TranslateOptions,
                                progress: Progress = no_progress,
                                ) -> tuple[list[Segment], list[str]]:
    """Every non-English segment translated by its language's text model, a turn at a time
    (the turn's transcript joined) and a batch of turns per language; also returns the
    languages no configured model translates from (their segments are left as they were)."""
    from hearingproc.models.text_translation import load_translator

    out, untranslated = list(segments), []
    by_language: dict[str, list[list[int]]] = {}
    for group in plan_groups(segments, options):
        by_language.setdefault(segments[group[0]].language, []).append(group)
    for n, (language, groups) in enumerate(sorted(by_language.items())):
        model = _model_for(language, options)
        translator = load_translator(model) if model is not None else None
        sources = translator.source_languages() if translator is not None else set()
        if translator is None or (sources is not None and language not in sources):
            untranslated.append(language)
            continue
        texts = [" ".join(segments[i].text.strip() for i in group) for group in groups]
        results = translator.translate_scored(texts, language, options.batch_size,
                                              options.max_new_tokens)
        engine = f"{TRANSFORMERS_ENGINE_PREFIX}:{translator.info.name}"
        for group, (english, logprob) in zip(groups, results, strict=True):
            if english:
                flags = (LOW_CONFIDENCE,) if logprob < options.logprob_threshold else ()
                _share(out, group, english, Translation(english, engine, _round(logprob), flags))
        progress("translate", n + 1, len(by_language))
    return out, untranslated


def translate(audio: Audio | None, segments: Sequence[Segment], options: TranslateOptions,
              asr_engine: AsrEngine | None, progress: Progress = no_progress) -> list[Segment]:
    """``segments`` with an English ``translation`` on each non-English one (English
    segments, and all segments when translation is off, come back unchanged). The whisper
    engine needs the recording's ``audio`` and the loaded ``asr_engine``; the transformers
    engine reads only the text; segments in a language none of its models translates from
    go to Whisper when the audio is given (their ``engine`` says so), else are an error."""
    if not options.enabled:
        return list(segments)
    if options.engine == "transformers":
        out, rest = translate_with_transformers(segments, options, progress)
        if rest:
            if audio is None or asr_engine is None:
                raise ModelError(f"no text translation model takes language(s) "
                                 f"{', '.join(rest)}: add one to [translate] language_models "
                                 "(or set [translate] model)")
            log.warning("no text translation model takes %s; Whisper translates those segments",
                        ", ".join(rest))
            out = translate_with_whisper(audio, out, asr_engine, options, progress, set(rest))
    elif audio is None or asr_engine is None:
        raise ConfigError("the whisper translation engine needs the audio and the ASR engine")
    else:
        out = translate_with_whisper(audio, segments, asr_engine, options, progress)
    todo = sum(needs_translation(s) for s in segments)
    log.info("translated %d of %d non-English segments", sum(
        needs_translation(s) and s.translation is not None for s in out), todo)
    return out


def translation_models(options: TranslateOptions, asr_engine: AsrEngine,
                       segments: Sequence[Segment]) -> tuple[str, list[ModelInfo]]:
    """The translation engine(s) that translated ``segments`` and their models, for the
    pipeline record (the configured engine when nothing needed translating)."""
    whisper = f"{WHISPER_ENGINE_PREFIX}:{asr_engine.model_name}"
    used = sorted({s.translation.engine for s in segments if s.translation is not None})
    if not used:
        used = [whisper if options.engine == "whisper" else TRANSFORMERS_ENGINE_PREFIX]
    models = []
    if whisper in used:
        models.append(ModelInfo("translation", asr_engine.model_name, asr_engine.model_path,
                                asr_engine.sha256))
    if any(u.startswith(f"{TRANSFORMERS_ENGINE_PREFIX}:") for u in used):
        from hearingproc.models.text_translation import load_translator, model_name

        for model in sorted({m for m in (options.model, *options.language_models.values()) if m}):
            if f"{TRANSFORMERS_ENGINE_PREFIX}:{model_name(model)}" in used:
                info = load_translator(model).info  # loaded already: it translated
                models.append(ModelInfo("translation", info.name, info.path))
    return ", ".join(used), models
