"""Speech recognition engines behind one interface.

Two engines decode the same Whisper weights: ``faster-whisper`` (CTranslate2, the CPU
default) and ``openai-whisper`` (the PyTorch reference implementation, on a checkpoint the
model registry converts from the CTranslate2 files). Both turn a clip of 16 kHz samples into
:class:`Decoded` pieces with times relative to the clip; the transcribe stage places them on
the recording's time line and applies the hallucination guard, identically for both.

Encoding and decoding are apart, so that one encoder pass serves everything a clip needs:
:meth:`AsrEngine.encode` runs Whisper's encoder over several clips at once (each padded to
Whisper's 30 s window, as a decode pads it), and the :class:`Encoded` it returns feeds
:meth:`~AsrEngine.language_probabilities` (language identification),
:meth:`~AsrEngine.score_languages` (how well a short greedy decode fits each candidate
language) and :meth:`~AsrEngine.decode` (the transcript, with temperature fallback and word
times, all on that one encoder output). An :class:`Encoded` is made exactly as the decode of
the same samples would make it, so a decode that reuses it gives the same words as one that
encodes again.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from hearingproc import _env
from hearingproc.errors import ConfigError, ModelError
from hearingproc.models.cache import model_cache

log = logging.getLogger(__name__)

ENGINES = ("faster-whisper", "openai-whisper")
DEFAULT_ENGINE = "faster-whisper"
# Temperature fallback as in Whisper's paper: retry hotter when a decode looks degenerate.
TEMPERATURES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
COMPRESSION_RATIO_THRESHOLD = 2.4  # above: the text repeats itself; retry / flag
LOGPROB_THRESHOLD = -1.0  # mean token log-prob below: low confidence
NO_SPEECH_THRESHOLD = 0.6  # no-speech probability above (with low log-prob): silence
# Temperature fallback samples (T > 0) from a generator seeded with this before every sampled
# decode, so a clip gives the same text however often and in whatever order it is decoded
# (faster-whisper: see _SeededSampling; openai-whisper: torch.manual_seed).
SAMPLING_SEED = 0
# CTranslate2's compute type on a CPU: float32. int8 quantises activations on the fly, and its
# kernels round differently per CPU (oneDNN or MKL, AVX2 or AVX-512/VNNI), so beam search picks
# other words on another machine: Mandarin CER over ../shared/data's five clips was 0.185
# (oneDNN AVX2), 0.213 (AVX), 0.241 (GENERIC) and 0.250 (MKL) on one machine. float32 gives the
# same words under every kernel set, and with each stretch decoded with the pause around it
# (TranscribeOptions.region_pad_s) it scores better than int8 did at its best (Mandarin CER
# 0.176, English WER 0.044) at about the same speed on two AVX2 cores (whole-eval real-time
# factor 0.88 against 0.83). `[asr] compute_type = "int8"` trades that for speed where int8
# kernels are much faster (AVX-512 VNNI); `hearingproc eval --isa-sweep` measures the spread.
CPU_COMPUTE_TYPE = "float32"
# score_languages: the greedy decode under each candidate language stops after this many
# tokens (a short turn's whole text; a longer turn's opening, which is where it shows its
# language)
SCORE_TOKENS = 48
# decode_many: clips decoded in one batched encoder and beam-search call. Batching makes the
# decoder's matrix products wide enough to use the cores (one 3 s turn alone leaves them
# mostly waiting on memory); 8 keeps the batch's encoder output under 25 MB.
DECODE_BATCH = 8
# Windows per CTranslate2 encoder call. Its self-attention holds every window's 8 x 1500 x 1500
# scores at once: 8 windows at a time took ~700 MiB over the model, 2 took ~140, at the same
# speed (the encoder is compute-bound), and the outputs are bit for bit those of one window at
# a time. Transcription's peak memory was an 8-window encoder call.
ENCODE_BATCH = 2


@dataclass(frozen=True)
class DecodeOptions:
    language: str | None  # None: the engine detects it on the clip
    task: str = "transcribe"  # or "translate" (to English)
    beam_size: int = 5
    word_timestamps: bool = True
    initial_prompt: str | None = None  # steers style/script, e.g. Simplified Chinese
    # decode at the first; each next one only when the last decode looked degenerate
    temperatures: tuple[float, ...] = TEMPERATURES


@dataclass(frozen=True)
class DecodedWord:
    start: float  # seconds from the start of the clip
    end: float
    text: str
    probability: float


@dataclass(frozen=True)
class Decoded:
    """One segment as an engine produced it; times relative to the decoded clip."""

    start: float
    end: float
    text: str
    words: tuple[DecodedWord, ...]
    avg_logprob: float
    no_speech_prob: float
    compression_ratio: float
    temperature: float = 0.0  # of the decode kept (above 0: a fallback sampled it)


@dataclass(frozen=True, eq=False)
class Encoded:
    """Whisper's encoder output for the first 30 s window of one clip, as the engine that
    made it decodes it; only that engine can use it."""

    samples: int  # length of the clip encoded, in samples
    digest: int  # a fingerprint of the clip's samples: decode checks it was given this clip
    window: Any  # the encoder's input (openai-whisper: the log-Mel window; faster-whisper: None)
    output: Any  # (n_audio_ctx, n_audio_state): numpy (faster-whisper) or a torch tensor
    engine: str

    @property
    def nbytes(self) -> int:
        return int(self.output.nbytes) + (int(self.window.nbytes) if self.window is not None
                                           else 0)

    def encodes(self, samples: np.ndarray) -> bool:
        """Whether this is the encoder output of exactly ``samples``."""
        return len(samples) == self.samples and _digest(samples) == self.digest


@dataclass(frozen=True, eq=False)
class _Redo:
    """A clip a batched decode hands back to :meth:`FasterWhisperEngine.decode`: the encoder
    output of its first window, and the prompt, beam size and result of the beam search at
    temperature 0 the batch ran on it."""

    encoded: Encoded
    prompt: list[int]
    beam_size: int
    result: Any


def _given_outputs(clips: Sequence[np.ndarray], encoded: Sequence[Encoded | None] | None,
                   ) -> list[Encoded | None]:
    """``encoded`` checked against ``clips`` (one each, or None for a clip to encode)."""
    if encoded is None:
        return [None] * len(clips)
    if len(encoded) != len(clips):
        raise ValueError("decode_many needs one encoder output (or None) per clip")
    for clip, known in zip(clips, encoded, strict=True):
        if known is not None and not known.encodes(clip):
            raise ModelError("decode_many was given the encoder output of another clip")
    return list(encoded)


def _digest(samples: np.ndarray) -> int:
    return hash(np.ascontiguousarray(samples, dtype=np.float32).tobytes())


class AsrEngine(Protocol):
    name: str
    model_name: str
    model_path: str
    sha256: str | None  # of the weights file, where known

    def detect_language(self, samples: np.ndarray) -> dict[str, float]:
        """Probability of each language code on (the first 30 s of) ``samples``."""

    def encode(self, clips: Sequence[np.ndarray]) -> list[Encoded]:
        """Whisper's encoder output of each clip's first 30 s window (batched as the engine
        can: the same output as one clip at a time)."""

    def language_probabilities(self, encoded: Sequence[Encoded]) -> list[dict[str, float]]:
        """Probability of each language code, for each encoded clip."""

    def score_languages(self, encoded: Encoded, languages: Sequence[str]) -> dict[str, float]:
        """Mean token log-probability of a short greedy decode of the clip under each of
        ``languages``: how well the clip fits each one (higher: better)."""

    def decode(self, samples: np.ndarray, options: DecodeOptions,
               encoded: Encoded | None = None) -> list[Decoded]:
        """Transcribe or translate ``samples`` (16 kHz mono float32); ``encoded`` (from
        :meth:`encode` of these same samples) spares the encoder pass of the first window."""

    def decode_many(self, clips: Sequence[np.ndarray], options: Sequence[DecodeOptions],
                    batch_size: int = DECODE_BATCH,
                    encoded: Sequence[Encoded | None] | None = None) -> list[list[Decoded]]:
        """:meth:`decode` of each clip with its options, up to ``batch_size`` at once where the
        engine batches: the same pieces as one :meth:`decode` per clip. ``encoded`` (one per
        clip, or None) gives a clip's encoder output from :meth:`encode`, as :meth:`decode`
        takes it."""


def _ct2_whisper(model_dir: str, device: str, compute_type: str, threads: int) -> Any:
    """CTranslate2's Whisper on ``model_dir`` as faster-whisper's ``WhisperModel`` builds it."""
    import ctranslate2

    return ctranslate2.models.Whisper(model_dir, device=device, compute_type=compute_type,
                                      intra_threads=threads, inter_threads=1)


class _SeededSampling:
    """CTranslate2's Whisper, with every sampled ``generate`` (``sampling_topk`` other than 1:
    the temperature fallback) run on an instance of the model built for that call.

    CTranslate2 (4.x) keeps one random generator per worker thread, seeded from
    ``set_random_seed`` when the thread first samples and never again, so on a long-lived model
    a sampled decode depends on every sample drawn before it in the process (the same 20 s clip
    sampled three times after ``set_random_seed(0)`` gave three texts). A fresh instance has
    fresh worker threads, which seed from :data:`SAMPLING_SEED`. It costs a model load per
    sampled call (a fraction of a second for base on a CPU); decodes at temperature 0 never
    sample. The long-lived model's weights are unloaded for that call (its threads stay) and
    loaded again after it, so two copies of the weights are never resident at once: the
    sampled fallback was where transcription's memory peaked."""

    def __init__(self, model: Any, build: Callable[[], Any]) -> None:
        self._model = model
        self._build = build
        self._primed: tuple[list[int], int, Any] | None = None

    def prime(self, prompt: list[int], beam_size: int, result: Any) -> None:
        """Answer the next beam search of ``prompt`` alone with ``result``, a batched decode's
        result for the same clip: the temperature fallback starts with the decode at
        temperature 0 that the batch has just done (:meth:`FasterWhisperEngine.decode_many`)."""
        self._primed = (list(prompt), beam_size, result)

    def unprime(self) -> None:
        self._primed = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._model, name)

    def _unload(self) -> None:
        """Unload the long-lived model's weights. CTranslate2 skips the unload while its pool
        counts a batch as active, and the count can trail the return of the last call by a
        moment (a CI run found the weights still loaded): ask again for up to half a second,
        then go on with them loaded (memory, not results, is at stake)."""
        for _ in range(50):
            self._model.unload_model()
            if not self._model.model_is_loaded:
                return
            time.sleep(0.01)

    def generate(self, features: Any, prompts: Any, **kwargs: Any) -> Any:
        primed, self._primed = self._primed, None
        if kwargs.get("sampling_topk", 1) == 1:
            if (primed is not None and len(prompts) == 1 and list(prompts[0]) == primed[0]
                    and kwargs.get("beam_size", 1) == primed[1]):
                return [primed[2]]
            return self._model.generate(features, prompts, **kwargs)
        import ctranslate2

        ctranslate2.set_random_seed(SAMPLING_SEED)
        self._unload()
        try:
            sampler = self._build()
            try:
                return sampler.generate(features, prompts, **kwargs)
            finally:
                del sampler
        finally:
            self._model.load_model()


class FasterWhisperEngine:
    """CTranslate2 Whisper via faster-whisper; float32 on CPU (see CPU_COMPUTE_TYPE), float16 on
    GPU by default."""

    name = "faster-whisper"

    def __init__(self, model_dir: Path, model_name: str, device: str = "cpu",
                 compute_type: str = "default", cpu_threads: int | None = None,
                 sha256: str | None = None) -> None:
        from faster_whisper import WhisperModel

        if compute_type == "default":
            compute_type = CPU_COMPUTE_TYPE if device == "cpu" else "float16"
        threads = cpu_threads if cpu_threads is not None else _env.cpu_threads()
        try:
            self._model = WhisperModel(str(model_dir), device=device, compute_type=compute_type,
                                       cpu_threads=threads, local_files_only=True)
        except (RuntimeError, ValueError, OSError) as exc:
            raise ModelError(f"{model_dir}: faster-whisper cannot load this model ({exc})") from exc
        self._model.model = _SeededSampling(self._model.model, functools.partial(
            _ct2_whisper, str(model_dir), device, compute_type, threads))
        self.model_name = model_name
        self.model_path = str(model_dir)
        self.sha256 = sha256
        self.compute_type = compute_type

    def detect_language(self, samples: np.ndarray) -> dict[str, float]:
        _, _, all_probs = self._model.detect_language(samples, language_detection_segments=1)
        return dict(all_probs)

    def _window(self, samples: np.ndarray) -> np.ndarray:
        """The first 30 s log-Mel window of ``samples`` exactly as faster-whisper's
        ``generate_segments`` cuts it (the content frames, zero-padded to 3000)."""
        from faster_whisper.audio import pad_or_trim

        features = self._model.feature_extractor(samples)
        content = features.shape[-1] - 1
        size = min(self._model.feature_extractor.nb_max_frames, content)
        return np.asarray(pad_or_trim(features[:, :size]), dtype=np.float32)

    def encode(self, clips: Sequence[np.ndarray]) -> list[Encoded]:
        if not clips:
            return []
        rows = self._encoded_rows([self._window(c) for c in clips])
        return [Encoded(len(c), _digest(c), None, rows[i], self.name)
                for i, c in enumerate(clips)]

    def _encoded_rows(self, windows: Sequence[np.ndarray]) -> np.ndarray:
        """The encoder output of each log-Mel window, ENCODE_BATCH windows per call."""
        from faster_whisper.transcribe import get_ctranslate2_storage

        parts = []
        for k in range(0, len(windows), ENCODE_BATCH):
            batch = np.ascontiguousarray(np.stack(windows[k:k + ENCODE_BATCH]),
                                         dtype=np.float32)
            output = self._model.model.encode(get_ctranslate2_storage(batch), to_cpu=True)
            parts.append(np.array(output, dtype=np.float32, copy=True))
        return np.concatenate(parts)

    def _storage(self, encoded: Sequence[Encoded], repeat: int = 1) -> Any:
        from faster_whisper.transcribe import get_ctranslate2_storage

        for item in encoded:
            if item.engine != self.name:
                raise ModelError(f"{self.name} cannot use an encoder output of {item.engine}")
        rows = np.stack([e.output for e in encoded])
        if repeat > 1:
            rows = np.repeat(rows, repeat, axis=0)
        return get_ctranslate2_storage(np.ascontiguousarray(rows))

    def language_probabilities(self, encoded: Sequence[Encoded]) -> list[dict[str, float]]:
        if not encoded:
            return []
        results = self._model.model.detect_language(self._storage(encoded))
        return [{token[2:-2]: float(p) for token, p in result} for result in results]

    def score_languages(self, encoded: Encoded, languages: Sequence[str]) -> dict[str, float]:
        from faster_whisper.tokenizer import Tokenizer

        if not languages:
            return {}
        prompts = []
        for code in languages:
            tokenizer = Tokenizer(self._model.hf_tokenizer, True, task="transcribe",
                                  language=code)
            prompts.append([*tokenizer.sot_sequence, tokenizer.no_timestamps])
        results = self._model.model.generate(
            self._storage([encoded], repeat=len(languages)), prompts, beam_size=1,
            max_length=len(prompts[0]) + SCORE_TOKENS, return_scores=True)
        fit = {}
        for code, result in zip(languages, results, strict=True):
            length = len(result.sequences_ids[0])  # as faster-whisper recovers avg_logprob
            fit[code] = float(result.scores[0]) * length / (length + 1)
        return fit

    def decode(self, samples: np.ndarray, options: DecodeOptions,
               encoded: Encoded | None = None) -> list[Decoded]:
        if encoded is not None and options.language is not None:
            if not encoded.encodes(samples):
                raise ModelError("decode was given the encoder output of another clip")
            segments = self._generate(samples, options, encoded)
        else:
            segments, _ = self._model.transcribe(samples, **self._transcribe_args(options))
        return [
            Decoded(
                start=s.start, end=s.end, text=s.text,
                words=tuple(DecodedWord(w.start, w.end, w.word, w.probability)
                            for w in s.words or ()),
                avg_logprob=s.avg_logprob, no_speech_prob=s.no_speech_prob,
                compression_ratio=s.compression_ratio, temperature=s.temperature or 0.0,
            )
            for s in segments
        ]

    def decode_many(self, clips: Sequence[np.ndarray], options: Sequence[DecodeOptions],
                    batch_size: int = DECODE_BATCH,
                    encoded: Sequence[Encoded | None] | None = None) -> list[list[Decoded]]:
        """Clips of at most one window with a language given are decoded ``batch_size`` at a
        time (languages and lengths may differ within a batch): one encoder call for the
        clips whose encoder output is not given (``encoded``) and one beam search for the
        batch, then each clip's words aligned on its own encoder output,
        exactly as faster-whisper's ``transcribe`` does for one clip. A clip whose first decode
        would not be kept alone (temperature fallback, or speech left after the first window's
        last timestamp) and every other clip go through :meth:`decode`, so each result is what
        :meth:`decode` gives."""
        if len(clips) != len(options):
            raise ValueError("decode_many needs one DecodeOptions per clip")
        given = _given_outputs(clips, encoded)
        results: list[list[Decoded] | None] = [None] * len(clips)
        redo: dict[int, _Redo] = {}
        groups: dict[tuple[Any, ...], list[int]] = {}
        window = self._model.feature_extractor.n_samples
        hop = self._model.feature_extractor.hop_length
        for i, (clip, option) in enumerate(zip(clips, options, strict=True)):
            if (option.language is not None and hop < len(clip) <= window
                    and option.temperatures and option.temperatures[0] == 0.0):
                key = (option.task, option.beam_size, option.word_timestamps,
                       option.initial_prompt, option.temperatures)
                groups.setdefault(key, []).append(i)
        for members in groups.values():
            for k in range(0, len(members), max(1, batch_size)):
                part = members[k:k + max(1, batch_size)]
                batch = self._decode_batch([clips[i] for i in part], [options[i] for i in part],
                                           [given[i] for i in part])
                for i, decoded in zip(part, batch, strict=True):
                    if isinstance(decoded, _Redo):
                        given[i], redo[i] = decoded.encoded, decoded
                    else:
                        results[i] = decoded
        return [decoded if decoded is not None else self._decode_again(clip, option, known,
                                                                       redo.get(i))
                for i, (decoded, clip, option, known) in enumerate(zip(results, clips, options,
                                                                       given, strict=True))]

    def _decode_again(self, samples: np.ndarray, options: DecodeOptions,
                      encoded: Encoded | None, redo: _Redo | None) -> list[Decoded]:
        """:meth:`decode`, for a clip whose first window a batch has encoded and decoded at
        temperature 0 (``redo``): that encoder output and that decode are used again, not
        computed twice, so the fallback costs only its sampled decodes."""
        if redo is None:
            return self.decode(samples, options, encoded)
        self._model.model.prime(redo.prompt, redo.beam_size, redo.result)
        try:
            return self.decode(samples, options, encoded)
        finally:
            self._model.model.unprime()  # never left for another clip

    def _decode_batch(self, clips: Sequence[np.ndarray], options: Sequence[DecodeOptions],
                      given: Sequence[Encoded | None]) -> list[list[Decoded] | _Redo]:
        """One batched first-window decode at temperature 0 of clips sharing every option but
        the language (encoded in one call, but for those whose output is ``given``); a
        :class:`_Redo` for a clip :meth:`decode` must redo (see :meth:`decode_many`)."""
        from faster_whisper.audio import pad_or_trim
        from faster_whisper.tokenizer import Tokenizer
        from faster_whisper.transcribe import get_compression_ratio, get_ctranslate2_storage
        from faster_whisper.utils import get_end

        model = self._model
        extractor = model.feature_extractor
        settings = self._prepared(options[0])
        features = [extractor(clip) for clip in clips]
        sizes = [min(extractor.nb_max_frames, f.shape[-1] - 1) for f in features]
        missing = [i for i, known in enumerate(given) if known is None]
        fresh: dict[int, np.ndarray] = {}
        if missing:
            output = self._encoded_rows([pad_or_trim(features[i][:, :sizes[i]])
                                         for i in missing])
            fresh = {i: output[k] for k, i in enumerate(missing)}
        rows = np.ascontiguousarray(np.stack([
            known.output if known is not None else fresh[i] for i, known in enumerate(given)]),
            dtype=np.float32)
        storage = get_ctranslate2_storage(rows)
        tokenizers = [Tokenizer(model.hf_tokenizer, model.model.is_multilingual,
                                task=o.task, language=o.language) for o in options]
        previous = ([] if settings.initial_prompt is None
                    else tokenizers[0].encode(" " + settings.initial_prompt.strip()))
        prompts = [model.get_prompt(t, previous, without_timestamps=settings.without_timestamps)
                   for t in tokenizers]
        max_length = (len(prompts[0]) + settings.max_new_tokens
                      if settings.max_new_tokens is not None else model.max_length)
        generated = model.model.generate(
            storage, prompts, beam_size=settings.beam_size, patience=settings.patience,
            length_penalty=settings.length_penalty,
            repetition_penalty=settings.repetition_penalty,
            no_repeat_ngram_size=settings.no_repeat_ngram_size, max_length=max_length,
            return_scores=True, return_no_speech_prob=True,
            suppress_blank=settings.suppress_blank, suppress_tokens=settings.suppress_tokens,
            max_initial_timestamp_index=int(round(settings.max_initial_timestamp
                                                  / model.time_precision)))
        out: list[list[Decoded] | _Redo] = []
        for i, result in enumerate(generated):
            tokenizer, size = tokenizers[i], sizes[i]
            known = given[i] or Encoded(len(clips[i]), _digest(clips[i]), None, rows[i],
                                        self.name)
            again = _Redo(known, prompts[i], settings.beam_size, result)
            tokens = result.sequences_ids[0]
            avg_logprob = (result.scores[0] * len(tokens) ** settings.length_penalty
                           / (len(tokens) + 1))
            compression_ratio = get_compression_ratio(tokenizer.decode(tokens).strip())
            low = (settings.log_prob_threshold is not None
                   and avg_logprob < settings.log_prob_threshold)
            silent = (settings.no_speech_threshold is not None
                      and result.no_speech_prob > settings.no_speech_threshold)
            repeats = (settings.compression_ratio_threshold is not None
                       and compression_ratio > settings.compression_ratio_threshold)
            if (repeats or low) and not (silent and low) and len(settings.temperatures) > 1:
                out.append(again)  # the temperature fallback decodes it again
                continue
            if silent and not (settings.log_prob_threshold is not None
                               and avg_logprob > settings.log_prob_threshold):
                out.append([])  # no speech: the window is skipped
                continue
            pieces, seek, single_ending = model._split_segments_by_timestamps(
                tokenizer=tokenizer, tokens=tokens, time_offset=0.0, segment_size=size,
                segment_duration=size * extractor.time_per_frame, seek=0)
            if settings.word_timestamps:
                model.add_word_timestamps(
                    [pieces], tokenizer, get_ctranslate2_storage(rows[i:i + 1]), size,
                    settings.prepend_punctuations, settings.append_punctuations,
                    last_speech_timestamp=0.0)
                last_word_end = get_end(pieces)
                if not single_ending and last_word_end is not None and last_word_end > 0:
                    seek = round(last_word_end * model.frames_per_second)
            if seek < size:
                out.append(again)  # speech left after this window: decode() goes on
                continue
            decoded = []
            for piece in pieces:
                text = tokenizer.decode(piece["tokens"])
                if piece["start"] == piece["end"] or not text.strip():
                    continue
                decoded.append(Decoded(
                    start=piece["start"], end=piece["end"], text=text,
                    words=tuple(DecodedWord(w["start"], w["end"], w["word"], w["probability"])
                                for w in piece.get("words") or ()),
                    avg_logprob=avg_logprob, no_speech_prob=result.no_speech_prob,
                    compression_ratio=compression_ratio))
            out.append(decoded)
        return out

    def _prepared(self, options: DecodeOptions) -> Any:
        """The ``TranscriptionOptions`` faster-whisper's ``transcribe`` decodes with for
        ``options`` (suppressed tokens resolved, defaults filled in)."""
        # transcribe() with the language given only prepares (its segments are a lazy
        # generator): on a few samples it builds the very options it would decode with
        _, info = self._model.transcribe(np.zeros(self._model.feature_extractor.hop_length,
                                                  dtype=np.float32),
                                         **self._transcribe_args(options))
        return info.transcription_options

    def _generate(self, samples: np.ndarray, options: DecodeOptions, encoded: Encoded) -> Any:
        """faster-whisper's own segment loop on ``samples`` with the first window's encoder
        output given: what ``transcribe`` runs, less its encoder pass."""
        from faster_whisper.tokenizer import Tokenizer

        tokenizer = Tokenizer(self._model.hf_tokenizer, self._model.model.is_multilingual,
                              task=options.task, language=options.language)
        features = self._model.feature_extractor(samples)
        return self._model.generate_segments(features, tokenizer, self._prepared(options),
                                             False, self._storage([encoded]))

    @staticmethod
    def _transcribe_args(options: DecodeOptions) -> dict[str, Any]:
        return dict(
            language=options.language, task=options.task,
            beam_size=options.beam_size, word_timestamps=options.word_timestamps,
            condition_on_previous_text=False, vad_filter=False,
            temperature=list(options.temperatures),
            compression_ratio_threshold=COMPRESSION_RATIO_THRESHOLD,
            log_prob_threshold=LOGPROB_THRESHOLD, no_speech_threshold=NO_SPEECH_THRESHOLD,
            initial_prompt=options.initial_prompt,
        )


class OpenAIWhisperEngine:
    """The reference PyTorch implementation, on a converted checkpoint."""

    name = "openai-whisper"

    def __init__(self, checkpoint: Path, model_name: str, device: str = "cpu",
                 sha256: str | None = None) -> None:
        from hearingproc.models.ct2_convert import load_openai_whisper

        try:
            self._model = load_openai_whisper(checkpoint, device=device)
        except (RuntimeError, OSError, KeyError) as exc:
            raise ModelError(f"{checkpoint}: openai-whisper cannot load this checkpoint "
                             f"({exc})") from exc
        self.model_name = model_name
        self.model_path = str(checkpoint)
        self.sha256 = sha256
        self._fp16 = device != "cpu"
        self._encoder = _reusing_encoder(self._model.encoder)
        self._model.encoder = self._encoder

    def detect_language(self, samples: np.ndarray) -> dict[str, float]:
        import whisper

        mel = whisper.log_mel_spectrogram(whisper.pad_or_trim(samples), self._model.dims.n_mels)
        _, probs = self._model.detect_language(mel.to(self._model.device))
        return dict(probs)

    def _window(self, samples: np.ndarray) -> Any:
        """The first 30 s log-Mel window of ``samples`` exactly as ``whisper.transcribe``
        cuts it (the content frames, zero-padded to 3000)."""
        import whisper
        from whisper.audio import N_FRAMES, N_SAMPLES

        mel = whisper.log_mel_spectrogram(samples, self._model.dims.n_mels, padding=N_SAMPLES)
        content = mel.shape[-1] - N_FRAMES
        window = whisper.pad_or_trim(mel[:, :min(N_FRAMES, content)], N_FRAMES)
        return window.to(self._model.device).to(self._dtype)

    @property
    def _dtype(self) -> Any:
        import torch

        return torch.float16 if self._fp16 else torch.float32

    def encode(self, clips: Sequence[np.ndarray]) -> list[Encoded]:
        import torch

        if not clips:
            return []
        windows = [self._window(c) for c in clips]
        with torch.no_grad():
            output = self._encoder.inner(torch.stack(windows))
        return [Encoded(len(c), _digest(c), windows[i], output[i], self.name)
                for i, c in enumerate(clips)]

    def _features(self, encoded: Sequence[Encoded]) -> Any:
        import torch

        for item in encoded:
            if item.engine != self.name:
                raise ModelError(f"{self.name} cannot use an encoder output of {item.engine}")
        return torch.stack([e.output for e in encoded])

    def language_probabilities(self, encoded: Sequence[Encoded]) -> list[dict[str, float]]:
        import torch

        if not encoded:
            return []
        with torch.no_grad():
            _, probs = self._model.detect_language(self._features(encoded))
        return [{code: float(p) for code, p in item.items()} for item in probs]

    def score_languages(self, encoded: Encoded, languages: Sequence[str]) -> dict[str, float]:
        import whisper

        features = self._features([encoded])
        fit = {}
        for code in languages:
            result = whisper.decode(self._model, features, whisper.DecodingOptions(
                task="transcribe", language=code, without_timestamps=True,
                sample_len=SCORE_TOKENS, fp16=self._fp16))
            fit[code] = float(result[0].avg_logprob)
        return fit

    def decode(self, samples: np.ndarray, options: DecodeOptions,
               encoded: Encoded | None = None) -> list[Decoded]:
        import torch
        import whisper

        torch.manual_seed(SAMPLING_SEED)
        if encoded is not None:
            if not encoded.encodes(samples):
                raise ModelError("decode was given the encoder output of another clip")
            self._encoder.remember(encoded.window, encoded.output)
        result = whisper.transcribe(
            self._model, samples, language=options.language, task=options.task,
            beam_size=options.beam_size, best_of=options.beam_size,
            word_timestamps=options.word_timestamps, condition_on_previous_text=False,
            temperature=options.temperatures,
            compression_ratio_threshold=COMPRESSION_RATIO_THRESHOLD,
            logprob_threshold=LOGPROB_THRESHOLD, no_speech_threshold=NO_SPEECH_THRESHOLD,
            initial_prompt=options.initial_prompt, fp16=self._fp16, verbose=None,
        )
        return [
            Decoded(
                start=s["start"], end=s["end"], text=s["text"],
                words=tuple(DecodedWord(w["start"], w["end"], w["word"], w["probability"])
                            for w in s.get("words", ())),
                avg_logprob=s["avg_logprob"], no_speech_prob=s["no_speech_prob"],
                compression_ratio=s["compression_ratio"], temperature=s.get("temperature") or 0.0,
            )
            for s in result["segments"]
        ]

    def decode_many(self, clips: Sequence[np.ndarray], options: Sequence[DecodeOptions],
                    batch_size: int = DECODE_BATCH,
                    encoded: Sequence[Encoded | None] | None = None) -> list[list[Decoded]]:
        """One :meth:`decode` per clip (openai-whisper's ``transcribe`` decodes one clip at a
        time), from its encoder output where ``encoded`` gives it."""
        if len(clips) != len(options):
            raise ValueError("decode_many needs one DecodeOptions per clip")
        given = _given_outputs(clips, encoded)
        return [self.decode(clip, option, known)
                for clip, option, known in zip(clips, options, given, strict=True)]


@functools.cache
def _reusing_encoder_class() -> Any:
    import torch

    class ReusingEncoder(torch.nn.Module):
        """openai-whisper's audio encoder that answers again for the window it encoded last
        (or was told of) without running: ``whisper.transcribe`` encodes one window once per
        temperature tried and once more to align the words, the same input each time."""

        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner
            self._last: tuple[torch.Tensor, torch.Tensor] | None = None

        def remember(self, window: torch.Tensor, output: torch.Tensor) -> None:
            self._last = (window.unsqueeze(0), output.unsqueeze(0))

        def forward(self, mel: torch.Tensor) -> torch.Tensor:
            last = self._last
            if last is not None and mel.shape == last[0].shape and torch.equal(mel, last[0]):
                return last[1]
            output = self.inner(mel)
            self._last = (mel.detach().clone(), output.detach())
            return output

    return ReusingEncoder


def _reusing_encoder(inner: Any) -> Any:
    """``inner`` wrapped in a ReusingEncoder (the class is made on first use: torch is
    imported only when an engine loads)."""
    return _reusing_encoder_class()(inner)


def load_engine(engine: str = DEFAULT_ENGINE, model: str | None = None, device: str = "cpu",
                compute_type: str = "default") -> AsrEngine:
    """The engine ``engine`` on ``model`` (a size name or a local path; None: the embedded
    Whisper base). Loaded once per process and reused."""
    if engine not in ENGINES:
        raise ConfigError(f"unknown ASR engine {engine!r}; choose one of {', '.join(ENGINES)}")
    return _load_engine(engine, model or "", device, compute_type)


@model_cache
def _load_engine(engine: str, model: str, device: str, compute_type: str) -> AsrEngine:
    """:func:`load_engine` with every argument given, so that one model is one cache entry."""
    from hearingproc.models import bundle

    resolved = bundle.resolve_whisper(model or None, engine)
    log.info("loading %s on %s (%s)", engine, resolved.name, resolved.path)
    if engine == "faster-whisper":
        return FasterWhisperEngine(resolved.path, resolved.name, device, compute_type,
                                   sha256=resolved.sha256)
    return OpenAIWhisperEngine(resolved.path, resolved.name, device, sha256=resolved.sha256)


def release_engines() -> None:
    """Forget every loaded engine so its memory can be freed before the next stage."""
    _load_engine.cache_clear()
