"""Transcription with a language per stretch of speech, never one language per file.

Consecutive interpretation switches language every few seconds, so the recording is cut into
speech chunks at pauses (or given speaker turns), the language of every chunk is identified
on its own audio, neighbouring chunks in the same language are decoded together (more context,
fewer decoder calls), and each region is decoded with its language fixed. The hallucination
guard then drops or flags doubtful text.

Each chunk is encoded once, with the pause around it that its decode gets (see
:func:`padded_regions`): that encoder output gives the chunk's language probabilities, serves
the decodes that settle an uncertain chunk's language, and is decoded from again when the chunk
becomes a region of its own (most regions of an interpreted hearing), so a short turn pays for
one 30 s encoder pass, not three or more. The outputs wait between identification and decoding
in an :class:`EncoderStore`, in memory up to ``encoder_memory_mb`` and past that in a
temporary folder, so a long hearing's memory stays bounded and its cost linear.
"""

from __future__ import annotations

import functools
import logging
import math
import pickle
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from hearingproc.audio import SAMPLE_RATE, Audio
from hearingproc.errors import ConfigError
from hearingproc.models.whisper import DECODE_BATCH, AsrEngine, Decoded, DecodeOptions, Encoded
from hearingproc.progress import Progress, no_progress
from hearingproc.stages.guard import GuardOptions, guard
from hearingproc.stages.packing import packed_clip, plan_packs, unpack
from hearingproc.stages.vad import Span, VadOptions, detect_speech
from hearingproc.transcript import Segment, Word

log = logging.getLogger(__name__)

CHINESE_SCRIPTS = ("simplified", "traditional", "as-is")
_OPENCC_CONFIG = {"simplified": "t2s", "traditional": "s2t"}
# Languages most often heard in US immigration courts (EOIR interpreter statistics, roughly
# in order), as Whisper codes; English and Spanish dominate. Used only as a weak prior.
COMMON_COURT_LANGUAGES = ("en", "es", "pt", "zh", "ht", "ru", "pa", "tr", "ar", "fr", "hi",
                          "ro", "vi", "uk", "bn", "ne", "ur", "fa", "ps", "so", "ko", "hy")


@dataclass(frozen=True)
class TranscribeOptions:
    language: str = "auto"  # "auto": identified per stretch; an ISO 639-1 code forces it
    language_candidates: tuple[str, ...] = ()  # restrict identification to these codes
    # a recording whose sidecar names the applicant's language (expected_language) is
    # identified among that and the court language only, unless language or
    # language_candidates is set: a short clip of Spanish is otherwise heard as Greek
    sidecar_languages: bool = True
    beam_size: int = 5
    chinese_script: str = "simplified"  # Mandarin output script: simplified|traditional|as-is
    merge_gap_s: float = 1.5  # same-language chunks closer than this are decoded together...
    # ...unless one is shorter than this: Whisper drops short answers ("I do.", "Sí.") inside
    # a merged stretch, so they are always decoded on their own
    merge_min_chunk_s: float = 2.0
    max_region_s: float = 30.0  # longest stretch decoded at once (Whisper's window)
    # each stretch is decoded with up to this much of the pause around it (never more than half
    # the pause to the next stretch): a turn or voice-activity edge that falls on the first or
    # last syllable otherwise loses it (the "好" 0.03 s into a Mandarin clip), as faster-whisper's
    # and WhisperX's voice-activity steps pad their speech chunks for the same reason
    region_pad_s: float = 0.2
    prior_weight: float = 0.5  # exponent of the recording prior in language choice (0: off)
    # share of the prior taken from the same speaker's other speech (where speakers are known):
    # a voice keeps its language more than the recording does
    speaker_prior_share: float = 0.7
    language_floor: float = 0.01  # least prior any language keeps
    common_language_floor: float = 0.05  # least prior of the languages common in court
    common_languages: tuple[str, ...] = COMMON_COURT_LANGUAGES
    confident_posterior: float = 0.8  # below: decode in the likeliest languages to decide
    verify_candidates: int = 3  # how many languages an uncertain chunk is decoded in
    posterior_weight: float = 0.2  # weight of log posterior beside the decode's log-prob
    # an uncertain chunk takes another language than its context's (the likeliest language of
    # the prior) only when that language's decode scores this much better (mean token log-prob
    # plus posterior term): near-ties are numeric noise, not evidence
    switch_margin: float = 0.2
    min_refill_s: float = 0.5  # a chunk this long that got no words is decoded again alone
    # regions (and candidate-language decodes) given to the engine at once: faster-whisper
    # decodes them in one batched call, each with the words it would get alone
    decode_batch: int = DECODE_BATCH
    # same-language regions laid end to end (pack_gap_s of silence between) and decoded as one
    # clip of at most pack_window_s seconds, each word handed back to its region by time: a 3 s
    # turn alone pays for Whisper's whole 30 s window. 0 (the default): every region alone.
    # Opt-in until the shared evaluation shows no loss (README, "Speed"): on the shared mock
    # hearing it moved a few Mandarin characters and 0.005 of role time
    pack_window_s: float = 0.0
    pack_gap_s: float = 1.0
    pack_by_voice: bool = False  # pack only one speaker's regions together
    # encoder outputs (3 MB a chunk for Whisper base) kept in memory from language
    # identification to the chunk's decode; past this they wait in a temporary folder
    encoder_memory_mb: float = 256.0
    vad: VadOptions = field(default_factory=VadOptions)
    guard: GuardOptions = field(default_factory=GuardOptions)

    def __post_init__(self) -> None:
        if self.chinese_script not in CHINESE_SCRIPTS:
            raise ConfigError(f"chinese_script must be one of {CHINESE_SCRIPTS}, "
                              f"got {self.chinese_script!r}")
        if self.language != "auto" and self.language_candidates:
            raise ConfigError("give either a fixed language or language candidates, not both")
        if not 0.0 <= self.speaker_prior_share <= 1.0:
            raise ConfigError("speaker_prior_share must be within 0..1, got "
                              f"{self.speaker_prior_share}")
        if self.switch_margin < 0:
            raise ConfigError(f"switch_margin must not be negative, got {self.switch_margin}")
        if self.region_pad_s < 0:
            raise ConfigError(f"region_pad_s must not be negative, got {self.region_pad_s}")
        if self.beam_size < 1:
            raise ConfigError(f"beam_size must be at least 1, got {self.beam_size}")
        if not 0.0 <= self.pack_window_s <= 30.0:
            raise ConfigError(f"pack_window_s must be within 0..30, got {self.pack_window_s}")
        if self.pack_gap_s < 0:
            raise ConfigError(f"pack_gap_s must not be negative, got {self.pack_gap_s}")
        if self.decode_batch < 1:
            raise ConfigError(f"decode_batch must be at least 1, got {self.decode_batch}")
        if self.encoder_memory_mb < 0:
            raise ConfigError(f"encoder_memory_mb must not be negative, got "
                              f"{self.encoder_memory_mb}")


@dataclass(frozen=True)
class Region:
    """A stretch decoded in one call, with the language it is decoded in."""

    start: float
    end: float
    language: str
    language_probability: float
    chunks: tuple[Span, ...] = ()  # the speech chunks it was merged from
    key: object = None  # the speaker of its chunks, where speakers are known


def language_probabilities(engine: AsrEngine, audio: Audio, span: Span,
                           candidates: Sequence[str] = ()) -> dict[str, float]:
    """Probability of each language on ``span``; restricted to ``candidates`` (and
    renormalised over them) when given."""
    return restrict(engine.detect_language(audio.clip(span.start, span.end)), candidates)


def restrict(probs: dict[str, float], candidates: Sequence[str]) -> dict[str, float]:
    """``probs`` restricted to ``candidates`` and renormalised over them (as is without)."""
    if candidates:
        probs = {code: probs.get(code, 0.0) for code in candidates}
        total = sum(probs.values()) or 1.0
        probs = {code: p / total for code, p in probs.items()}
    return probs


def _bounds(start: float, end: float) -> tuple[int, int]:
    """The samples :meth:`Audio.clip` cuts for ``start``-``end``: one key, one audio."""
    return int(round(start * SAMPLE_RATE)), int(round(end * SAMPLE_RATE))


class EncoderStore:
    """Encoder outputs by the audio they encode, from language identification to the decode
    of the same audio: in memory up to ``memory_mb``, past that pickled into a temporary
    folder (removed by :meth:`close`), each forgotten once it has been decoded."""

    def __init__(self, memory_mb: float) -> None:
        self._limit = memory_mb * 1024 * 1024
        self._held: dict[tuple[int, int], Encoded] = {}
        self._spilled: dict[tuple[int, int], str] = {}
        self._size = 0
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self.reused = 0  # decodes that found their encoder output here

    def put(self, start: float, end: float, encoded: Encoded) -> None:
        key = _bounds(start, end)
        if key in self._held or key in self._spilled:
            return
        if self._size + encoded.nbytes <= self._limit:
            self._held[key] = encoded
            self._size += encoded.nbytes
            return
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix="hearingproc-encoder-")
        path = f"{self._folder.name}/{key[0]}-{key[1]}.pickle"
        with open(path, "wb") as sink:
            pickle.dump(encoded, sink, protocol=pickle.HIGHEST_PROTOCOL)
        self._spilled[key] = path

    def get(self, start: float, end: float) -> Encoded | None:
        key = _bounds(start, end)
        item = self._held.get(key)
        if item is None and key in self._spilled:
            with open(self._spilled[key], "rb") as source:
                item = pickle.load(source)  # noqa: S301 - written by this process
        if item is not None:
            self.reused += 1
        return item

    def forget(self, start: float, end: float) -> None:
        self._drop(_bounds(start, end))

    def keep_only(self, spans: Sequence[tuple[float, float]]) -> None:
        """Forget every output but those of ``spans``."""
        wanted = {_bounds(start, end) for start, end in spans}
        for key in [k for k in (*self._held, *self._spilled) if k not in wanted]:
            self._drop(key)

    def _drop(self, key: tuple[int, int]) -> None:
        item = self._held.pop(key, None)
        if item is not None:
            self._size -= item.nbytes
        path = self._spilled.pop(key, None)
        if path is not None:
            Path(path).unlink(missing_ok=True)

    def close(self) -> None:
        self._held.clear()
        self._spilled.clear()
        self._size = 0
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None


def chunk_windows(chunks: Sequence[Span], duration: float, pad_s: float) -> list[Span]:
    """The audio each chunk is identified on: the chunk with the pause around it that
    :func:`padded_regions` gives it when it is decoded as a region of its own."""
    alone = [Region(c.start, c.end, "", 0.0, (c,)) for c in chunks]
    return [Span(r.start, r.end) for r in padded_regions(alone, duration, pad_s)]


def identify_languages(engine: AsrEngine, audio: Audio, windows: Sequence[Span],
                       store: EncoderStore, candidates: Sequence[str] = (),
                       progress: Progress = no_progress) -> list[dict[str, float]]:
    """Language probabilities of each window, one encoder pass each (Whisper pads every
    window to 30 s, so batching them saves nothing on a CPU), kept in ``store``."""
    probs: list[dict[str, float]] = []
    for i, window in enumerate(windows):
        encoded = engine.encode([audio.clip(window.start, window.end)])
        probs.append(restrict(engine.language_probabilities(encoded)[0], candidates))
        store.put(window.start, window.end, encoded[0])
        progress("language", i + 1, len(windows))
    return probs


def _weighted_sum(chunks: Sequence[Span], probs: Sequence[dict[str, float]],
                  members: Sequence[int]) -> dict[str, float]:
    total: dict[str, float] = {}
    for i in members:
        for code, value in probs[i].items():
            total[code] = total.get(code, 0.0) + value * chunks[i].duration
    return total


@dataclass(frozen=True)
class _Sums:
    """Duration-weighted language sums over the whole recording and per speaker, so that each
    chunk's context is those sums less its own share (linear in the number of chunks)."""

    total: dict[str, float]
    seconds: float
    by_key: dict[object, tuple[dict[str, float], float]]

    @classmethod
    def of(cls, chunks: Sequence[Span], probs: Sequence[dict[str, float]],
           keys: Sequence[object] | None) -> _Sums:
        everyone = range(len(chunks))
        groups: dict[object, list[int]] = {}
        for i, key in enumerate(keys or ()):
            if key is not None:
                groups.setdefault(key, []).append(i)
        return cls(_weighted_sum(chunks, probs, everyone), sum(c.duration for c in chunks),
                   {key: (_weighted_sum(chunks, probs, members),
                          sum(chunks[i].duration for i in members))
                    for key, members in groups.items()})


def _mean_without(total: dict[str, float], seconds: float, own: dict[str, float],
                  duration: float) -> dict[str, float]:
    """The weighted mean of a group less one member (empty when nothing else is left)."""
    rest = seconds - duration
    if rest <= 1e-9:
        return {}
    return {code: max(0.0, value - own.get(code, 0.0) * duration) / rest
            for code, value in total.items()}


def context_languages(chunks: Sequence[Span], probs: Sequence[dict[str, float]], skip: int,
                      options: TranscribeOptions, keys: Sequence[object] | None = None,
                      sums: _Sums | None = None) -> dict[str, float]:
    """What the rest of the recording says about chunk ``skip``'s language: the
    duration-weighted mean of every other chunk's distribution, and where ``keys`` (speakers)
    are given, mixed with the mean over the same speaker's other chunks
    (``speaker_prior_share``). Empty for a recording of one chunk."""
    sums = sums or _Sums.of(chunks, probs, keys)
    own, duration = probs[skip], chunks[skip].duration
    context = _mean_without(sums.total, sums.seconds, own, duration)
    key = keys[skip] if keys is not None else None
    if key is not None:
        voice = _mean_without(*sums.by_key[key], own, duration)
        if voice:
            share = options.speaker_prior_share
            context = {code: share * voice.get(code, 0.0) + (1 - share) * context.get(code, 0.0)
                       for code in set(context) | set(voice)}
    return context


def recording_prior(chunks: Sequence[Span], probs: Sequence[dict[str, float]], skip: int,
                    options: TranscribeOptions, context: dict[str, float] | None = None,
                    ) -> dict[str, float]:
    """The prior of chunk ``skip``'s language: its context (default: :func:`context_languages`
    without speakers) floored so that no language is ruled out (a witness may speak a third
    language once), with a higher floor for the languages most heard in immigration court."""
    if context is None:
        context = context_languages(chunks, probs, skip, options)
    floors = {code: options.common_language_floor for code in options.common_languages}
    return {code: max(context.get(code, 0.0), floors.get(code, options.language_floor))
            for code in probs[skip]}


def posterior(chunks: Sequence[Span], probs: Sequence[dict[str, float]], index: int,
              options: TranscribeOptions, prior: dict[str, float] | None = None,
              ) -> dict[str, float]:
    """Chunk ``index``'s identification weighed against its prior (default:
    :func:`recording_prior`): p(chunk) * prior ** prior_weight, normalised."""
    if prior is None:
        prior = recording_prior(chunks, probs, index, options)
    score = {code: value * prior[code] ** options.prior_weight
             for code, value in probs[index].items()}
    total = sum(score.values()) or 1.0
    return {code: value / total for code, value in score.items()}


# avg log-prob of a decode of chunk ``index`` in each candidate language
Verifier = Callable[[int, Sequence[str]], dict[str, float]]


def choose_languages(chunks: Sequence[Span], probs: Sequence[dict[str, float]],
                     options: TranscribeOptions, verify: Verifier | None = None,
                     keys: Sequence[object] | None = None) -> list[tuple[str, float]]:
    """The language of each chunk. A confident posterior (see :func:`posterior`) is taken as
    is. An uncertain one (Whisper base confuses es/pt/it, en/pl/cy, es/el/hi on short or
    accented speech) is settled by decoding the chunk in its likeliest languages (and in its
    context's language, the prior's likeliest) and scoring each by the mean token log-prob
    of its text plus a little of the posterior; the chunk leaves its context's language only
    for a language that scores better by ``switch_margin``. The reported probability stays the
    chunk's own identification, so a settled chunk is still flagged as uncertain. A ``verify``
    with a ``prefetch`` method is first given every chunk's candidates at once (to decode
    them in batches)."""
    sums = _Sums.of(chunks, probs, keys)
    plans: list[tuple[dict[str, float], str, str | None, list[str]]] = []
    for i in range(len(probs)):
        languages = context_languages(chunks, probs, i, options, keys, sums)
        prior = recording_prior(chunks, probs, i, options, context=languages)
        post = posterior(chunks, probs, i, options, prior=prior)
        ranked = sorted(post, key=post.__getitem__, reverse=True)
        context = max(languages, key=languages.__getitem__) if languages else None
        candidates: list[str] = []
        if verify is not None and post[ranked[0]] < options.confident_posterior:
            candidates = ranked[:options.verify_candidates]
            if context in post and context not in candidates:
                candidates.append(context)
        plans.append((post, ranked[0], context, candidates))
    prefetch = getattr(verify, "prefetch", None)
    if prefetch is not None:
        prefetch([(i, plan[3]) for i, plan in enumerate(plans) if plan[3]])
    chosen = []
    for i, (post, best, context, candidates) in enumerate(plans):
        if candidates and verify is not None:
            fit = verify(i, candidates)
            score = {code: fit[code] + options.posterior_weight * math.log(max(post[code], 1e-9))
                     for code in candidates}
            best = max(candidates, key=score.__getitem__)
            if context in score and score[best] - score[context] < options.switch_margin:
                best = context
        chosen.append((best, float(probs[i].get(best, 0.0))))
    return chosen


class DecodeFit:
    """A :data:`Verifier` that decodes: the mean token log-probability of a beam-search
    decode of each chunk (its window: ``chunks`` as identified) in each candidate language
    (-10 where nothing is decoded), from the encoder output ``store`` holds for it. Decodes
    asked for together (:meth:`prefetch`) go to the engine in batches.

    The decodes stay at temperature 0, with no fallback: the fit of a language is how likely
    its best (beam-search) text is, and a decode in the wrong language is degenerate by nature,
    so the fallback's sampled retries (five samples at each of five temperatures) were spent
    mostly on the candidates that lose, and raised their fit when a hotter sample happened
    to pass (on the 10-minute bench hearing: two decodes of the ladder took 14.5 of the
    verification's 28.7 s)."""

    def __init__(self, engine: AsrEngine, audio: Audio, chunks: Sequence[Span],
                 beam_size: int, batch: int = DECODE_BATCH,
                 store: EncoderStore | None = None) -> None:
        self._engine, self._audio, self._chunks = engine, audio, chunks
        self._beam_size, self._batch = beam_size, batch
        self._store = store
        self._fit: dict[tuple[int, str], float] = {}

    def prefetch(self, requests: Sequence[tuple[int, Sequence[str]]]) -> None:
        wanted = list(dict.fromkeys((index, code) for index, codes in requests
                                    for code in codes if (index, code) not in self._fit))
        for k in range(0, len(wanted), self._batch):
            part = wanted[k:k + self._batch]
            spans = [self._chunks[i] for i, _ in part]
            clips = [self._audio.clip(c.start, c.end) for c in spans]
            decodes = [DecodeOptions(language=code, beam_size=self._beam_size,
                                     word_timestamps=False, temperatures=(0.0,))
                       for _, code in part]
            known = {c: self._store.get(c.start, c.end) for c in dict.fromkeys(spans)
                     } if self._store is not None else {}
            encoded = [known.get(c) for c in spans]
            for key, pieces in zip(part, self._engine.decode_many(clips, decodes, self._batch,
                                                                  encoded), strict=True):
                self._fit[key] = (sum(p.avg_logprob for p in pieces) / len(pieces)
                                  if pieces else -10.0)

    def __call__(self, index: int, languages: Sequence[str]) -> dict[str, float]:
        self.prefetch([(index, languages)])
        return {code: self._fit[(index, code)] for code in languages}


def plan_regions(chunks: Sequence[Span], langs: Sequence[tuple[str, float]],
                 options: TranscribeOptions, keys: Sequence[object] | None = None) -> list[Region]:
    """Merge neighbouring chunks in the same language into regions of at most
    ``max_region_s``; the region's probability is the duration-weighted mean. Chunks with
    different ``keys`` (speakers) are never merged."""
    regions: list[Region] = []
    weight = 0.0
    keys = list(keys) if keys is not None else [None] * len(chunks)
    for k, (chunk, (lang, prob)) in enumerate(zip(chunks, langs, strict=False)):
        last = regions[-1] if regions else None
        if (last and last.language == lang and chunk.start - last.end < options.merge_gap_s
                and keys[k] == keys[k - 1]
                and min(chunk.duration, last.chunks[-1].duration) >= options.merge_min_chunk_s
                and chunk.end - last.start <= options.max_region_s):
            total = weight + chunk.duration
            mean = (last.language_probability * weight + prob * chunk.duration) / total
            regions[-1] = Region(last.start, chunk.end, lang, mean, (*last.chunks, chunk),
                                 keys[k])
            weight = total
        else:
            regions.append(Region(chunk.start, chunk.end, lang, prob, (chunk,), keys[k]))
            weight = chunk.duration
    return regions


def padded_regions(regions: Sequence[Region], duration: float, pad_s: float) -> list[Region]:
    """``regions`` widened by up to ``pad_s`` into the pause on each side: at most half the
    pause to the nearest other region, not at all on a side where another region overlaps,
    and within ``[0, duration]``. Linear after a sort; the order of ``regions`` is kept."""
    order = sorted(range(len(regions)), key=lambda i: (regions[i].start, regions[i].end))
    lows, highs = [0.0] * len(regions), [0.0] * len(regions)
    ended = -math.inf  # latest end among the regions starting earlier
    for i in order:
        region = regions[i]
        low = max(0.0, region.start - pad_s)
        lows[i] = region.start if ended > region.start else max(low, (ended + region.start) / 2)
        ended = max(ended, region.end)
    starts = math.inf  # earliest start among the regions starting later
    for i in reversed(order):
        region = regions[i]
        high = min(duration, region.end + pad_s)
        highs[i] = region.end if starts < region.end else min(high, (region.end + starts) / 2)
        starts = min(starts, region.start)
    return [replace(r, start=min(r.start, lows[i]), end=max(r.end, highs[i]))
            for i, r in enumerate(regions)]


@functools.cache
def _script_converter(language: str, script: str) -> Callable[[str], str]:
    """Text -> text in the wanted Chinese script (identity for other languages)."""
    if language != "zh" or script not in _OPENCC_CONFIG:
        return str
    from opencc import OpenCC

    return OpenCC(_OPENCC_CONFIG[script]).convert


def _to_segments(region: Region, pieces: list[Decoded],
                 options: TranscribeOptions) -> list[Segment]:
    """Place decoded pieces on the recording's time line, guard them, fix the script."""
    script = _script_converter(region.language, options.chinese_script)

    def at(t: float) -> float:
        return min(max(region.start + t, region.start), region.end)

    segments = []
    for kept in guard(pieces, region.language_probability, options.guard):
        piece = kept.decoded
        words = tuple(Word(at(w.start), at(w.end), script(w.text), w.probability)
                      for w in piece.words)
        segments.append(Segment(
            id=0, start=at(piece.start), end=at(piece.end),
            text=script(piece.text.strip()), words=words,
            language=region.language, language_probability=region.language_probability,
            avg_logprob=piece.avg_logprob, no_speech_prob=piece.no_speech_prob,
            compression_ratio=piece.compression_ratio, flags=kept.flags,
        ))
    return segments


def uncovered_chunks(region: Region, segments: Sequence[Segment], min_s: float,
                     pieces: Sequence[Span] | None = None) -> list[Span]:
    """Chunks of ``region`` (or the given ``pieces`` of them), at least ``min_s`` long, in
    which no decoded word has its midpoint. (Whisper stretches a turn's last word into the
    pause after it, so mere overlap would hide a short answer the decoder skipped, such as
    "I do.")"""
    marks = [(w.start + w.end) / 2 for s in segments for w in s.words] or [
        (s.start + s.end) / 2 for s in segments]
    return [c for c in (region.chunks if pieces is None else pieces)
            if c.duration >= min_s and not any(c.start <= m < c.end for m in marks)]


def refill_language(region: Region, own: tuple[str, float] | None,
                    options: TranscribeOptions) -> tuple[str, float]:
    """The language to decode a skipped chunk of ``region`` again in: the chunk's own
    identification (``own``: language, probability) where that is confident (at least
    ``confident_posterior``) and names another language than the region's, else the region's.
    The decoder passing over a chunk in the region's language is evidence against that
    language: on a hearing where diarization merged DHS counsel's English with the
    interpreter's Mandarin, a 2.4 s Mandarin rendering (identified zh 0.99 alone) was decoded
    with counsel's English question before it, as English, and lost."""
    if own is not None and own[0] != region.language and own[1] >= options.confident_posterior:
        return own
    return region.language, region.language_probability


def _decode_regions(engine: AsrEngine, audio: Audio, regions: Sequence[Region],
                    options: TranscribeOptions, progress: Progress,
                    identify: Callable[[Span], tuple[str, float] | None] = lambda _: None,
                    pieces_of: dict[Span, tuple[Span, ...]] | None = None,
                    store: EncoderStore | None = None) -> list[Segment]:
    """Decode the regions: same-language regions packed into shared windows
    (``pack_window_s``, see :mod:`hearingproc.stages.packing`), ``decode_batch`` windows per
    engine call. A chunk that got no words although it was decoded beside others (in a merged
    region or a pack: Whisper can skip a short turn there) is then decoded again on its own
    (in its own language where its identification, ``identify``, is confident: see
    :func:`refill_language`), so no stretch of speech is silently lost. ``pieces_of`` gives
    the pieces a chunk joins (one voice's speech across a pause), each checked for words on
    its own. A region alone in its window is decoded from the encoder output ``store`` holds
    for its audio, where it holds one."""
    pieces_of = pieces_of or {}
    def decode(batch: Sequence[Region], window_s: float) -> list[tuple[list[Segment], bool]]:
        """Each region's segments, and whether it shared its window with another region."""
        clips = [audio.clip(r.start, r.end) for r in batch]
        lengths = [len(c) / SAMPLE_RATE for c in clips]
        keys = [(r.language, r.key if options.pack_by_voice else None) for r in batch]
        packs = plan_packs(lengths, keys, window_s, options.pack_gap_s)
        settings = [DecodeOptions(language=batch[p.members[0]].language,
                                  beam_size=options.beam_size) for p in packs]
        windows = [packed_clip(p, clips, SAMPLE_RATE) for p in packs]
        encoded = [store.get(batch[p.members[0]].start, batch[p.members[0]].end)
                   if store is not None and len(p.members) == 1 else None for p in packs]
        out: list[tuple[list[Segment], bool]] = [([], False)] * len(batch)
        decoded = engine.decode_many(windows, settings, options.decode_batch, encoded)
        if store is not None:
            for region in batch:
                store.forget(region.start, region.end)
        for pack, pieces in zip(packs, decoded, strict=True):
            for i, got in zip(pack.members, unpack(pack, pieces), strict=True):
                out[i] = (_to_segments(batch[i], got, options), len(pack.members) > 1)
        return out

    segments: list[Segment] = []
    skipped: list[Region] = []
    # packs form within a group of regions: decode_batch full windows at a time
    group = max(1, options.decode_batch * max(1, int(options.pack_window_s // 3)))
    for base in range(0, len(regions), group):
        batch = regions[base:base + group]
        for region, (got, packed) in zip(batch, decode(batch, options.pack_window_s),
                                         strict=True):
            segments += got
            pieces = tuple(p for c in region.chunks for p in pieces_of.get(c, (c,)))
            if len(pieces) > 1 or packed:
                for chunk in uncovered_chunks(region, got, options.min_refill_s, pieces):
                    log.debug("chunk %.2f-%.2f skipped by the decoder; decoding it alone",
                              chunk.start, chunk.end)
                    language, probability = refill_language(region, identify(chunk), options)
                    skipped.append(Region(chunk.start, chunk.end, language, probability,
                                          (chunk,)))
        progress("transcribe", base + len(batch), len(regions))
    for got, _ in decode(skipped, 0.0):
        segments += got
    return segments


def transcribe(audio: Audio, engine: AsrEngine, options: TranscribeOptions = TranscribeOptions(),
               spans: Sequence[Span] | None = None, span_keys: Sequence[object] | None = None,
               progress: Progress = no_progress,
               span_pieces: Sequence[tuple[Span, ...]] | None = None) -> list[Segment]:
    """Segments of ``audio`` with a language each; ``spans`` (e.g. speaker turns) replace
    voice activity detection when given, and spans with different ``span_keys`` (their
    speakers) are decoded apart."""
    chunks = list(spans) if spans is not None else detect_speech(audio.samples, options.vad)
    log.info("%d speech chunks (%.1f s of %.1f s)", len(chunks),
             sum(c.duration for c in chunks), audio.duration)
    identified: dict[Span, tuple[str, float]] = {}
    store = EncoderStore(options.encoder_memory_mb)
    try:
        if options.language == "auto":
            windows = chunk_windows(chunks, audio.duration, options.region_pad_s)
            probs = identify_languages(engine, audio, windows, store,
                                       options.language_candidates, progress)
            verify = DecodeFit(engine, audio, windows, options.beam_size, options.decode_batch,
                               store)
            langs = choose_languages(chunks, probs, options, verify, span_keys)
            for chunk, p in zip(chunks, probs, strict=True):
                if p:
                    top = max(p, key=p.__getitem__)
                    identified[chunk] = (top, float(p[top]))
        else:
            langs = [(options.language, 1.0)] * len(chunks)
        return _decode_all(audio, engine, options, chunks, langs, span_keys, spans,
                           span_pieces, identified, store, progress)
    finally:
        store.close()


def _decode_all(audio: Audio, engine: AsrEngine, options: TranscribeOptions,
                chunks: Sequence[Span], langs: Sequence[tuple[str, float]],
                span_keys: Sequence[object] | None, spans: Sequence[Span] | None,
                span_pieces: Sequence[tuple[Span, ...]] | None,
                identified: dict[Span, tuple[str, float]], store: EncoderStore,
                progress: Progress) -> list[Segment]:
    """:func:`transcribe` once every chunk has its language: plan the regions, decode them."""
    regions = padded_regions(plan_regions(chunks, langs, options, span_keys), audio.duration,
                             options.region_pad_s)
    def identify(chunk: Span) -> tuple[str, float] | None:
        """A chunk's own likeliest language (a piece of a chunk identified when asked)."""
        if options.language != "auto":
            return None
        if chunk not in identified:
            p = language_probabilities(engine, audio, chunk, options.language_candidates)
            if not p:
                return None
            top = max(p, key=p.__getitem__)
            identified[chunk] = (top, float(p[top]))
        return identified[chunk]

    pieces_of = {span: pieces for span, pieces in zip(spans or (), span_pieces or (),
                                                      strict=False) if len(pieces) > 1}
    store.keep_only([(r.start, r.end) for r in regions])
    segments = _decode_regions(engine, audio, regions, options, progress, identify, pieces_of,
                               store)
    log.info("%d regions decoded into %d segments; %d decodes from the encoder output of "
             "language identification", len(regions), len(segments), store.reused)
    return [replace(s, id=i + 1) for i, s in enumerate(sorted(segments, key=lambda s: s.start))]
