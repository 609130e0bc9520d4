#!/usr/bin/env python3
"""Generate a synthetic, bilingual (English/Spanish) mock immigration merits hearing.

The hearing is spoken by five text-to-speech voices (Debian's ``flite`` and
``espeak-ng``), one per participant.  The interpreter is a single espeak-ng voice that
speaks both English and Spanish, so a diarizer should find one person using two languages.
Interpretation is consecutive: English question, Spanish rendering, Spanish answer,
first-person English rendering.

Outputs, written next to this script:

* ``mock_hearing_es.wav``             16 kHz mono 16-bit PCM.
* ``mock_hearing_es.reference.json``  the exact turns (start/end in seconds, ms precision).
* ``mock_hearing_es.rttm``            one RTTM ``SPEAKER`` line per turn.
* ``manifest.json``                   one manifest entry in the shared data-set format.

Turn times are measured on the synthesized samples: each TTS output is trimmed to the
frames whose energy is above a threshold, so start/end are tight around the speech.
The output is deterministic for a given flite/espeak-ng build (pauses and noise come
from fixed seeds).

Usage::

    python sample_audio/make_mock_hearing.py

Requires only the standard library, numpy, and the ``flite`` and ``espeak-ng`` binaries.
"""

from __future__ import annotations

import json
import random
import subprocess
import tempfile
import wave
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import numpy as np

# --------------------------------------------------------------------------- constants

RECORDING_ID = "mock_hearing_es"
OUT_DIR = Path(__file__).resolve().parent
WAV_NAME = f"{RECORDING_ID}.wav"
REFERENCE_NAME = f"{RECORDING_ID}.reference.json"
RTTM_NAME = f"{RECORDING_ID}.rttm"
MANIFEST_NAME = "manifest.json"

SAMPLE_RATE = 16_000
PCM_MAX = 32767

LEAD_SILENCE_S = 1.0
TAIL_SILENCE_S = 1.0
PAUSE_RANGE_S = (0.6, 1.2)
PAUSE_SEED = 20240611
NOISE_SEED = 7
NOISE_DBFS = -60.0  # RMS of the background white noise, re full scale

TARGET_TURN_DBFS = -22.0  # RMS over the active (voiced) frames of each turn
PEAK_CEILING = 0.89  # about -1 dBFS; a turn is scaled down if it would clip

TRIM_FRAME_S = 0.005  # energy frames used to trim leading/trailing silence
TRIM_REL_DB = -45.0  # speech frames are at most this far below the loudest frame ...
TRIM_FLOOR_PERCENTILE = 10.0  # ... and clear the voice's own noise floor (flite awb is noisy)
TRIM_ABOVE_FLOOR_DB = 10.0  # by this margin,
TRIM_MAX_REL_DB = -30.0  # though the threshold never rises above this (relative to the peak)
TRIM_ABS_FLOOR = 1e-4  # absolute minimum threshold (about -80 dBFS)
TRIM_MIN_RUN = 3  # consecutive frames above threshold that mark the speech onset/offset
ACTIVE_REL_DB = -35.0  # frames counted when measuring a turn's loudness
EDGE_FADE_S = 0.003  # short fade at each cut so trimming does not click

RESAMPLE_HALF_TAPS = 32  # windowed-sinc half length, in input samples at the lower rate
RESAMPLE_KAISER_BETA = 8.6
RESAMPLE_ROLLOFF = 0.94  # low-pass cutoff as a fraction of the lower Nyquist frequency

DURATION_RANGE_S = (80.0, 110.0)
TIME_DECIMALS = 3

FLITE_BIN = "flite"
ESPEAK_BIN = "espeak-ng"
INTERPRETER_VARIANT = "f2"
APPLICANT_VARIANT = "m3"
ESPEAK_RATE_WPM = 150
APPLICANT_RATE_WPM = 140


# --------------------------------------------------------------------------- data model


@dataclass(frozen=True)
class Voice:
    """One TTS voice: the engine binary and its voice name."""

    engine: str  # FLITE_BIN or ESPEAK_BIN
    name: str  # flite voice ("slt") or espeak-ng voice+variant ("es+f2")
    rate_wpm: int | None = None  # espeak-ng only

    def describe(self) -> str:
        """Human-readable voice description for the manifest and README."""
        rate = f" -s {self.rate_wpm}" if self.rate_wpm else ""
        return f"{self.engine} {self.name}{rate}"


@dataclass(frozen=True)
class Speaker:
    """A hearing participant: RTTM speaker label, role, and a voice per language."""

    label: str
    role: str
    voices: dict[str, Voice]


@dataclass(frozen=True)
class Line:
    """One scripted turn before synthesis."""

    speaker: Speaker
    language: str
    text: str


@dataclass(frozen=True)
class Turn:
    """One placed turn, with times measured on the output samples."""

    start: float
    end: float
    speaker: str
    role: str
    language: str
    text: str

    def as_dict(self) -> dict[str, object]:
        """Reference-segment form used in the JSON outputs."""
        return {
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "role": self.role,
            "language": self.language,
            "text": self.text,
        }


# --------------------------------------------------------------------------- cast

JUDGE = Speaker("judge_flite_slt", "judge", {"en": Voice(FLITE_BIN, "slt")})
DHS = Speaker("dhs_flite_rms", "dhs_counsel", {"en": Voice(FLITE_BIN, "rms")})
COUNSEL = Speaker("counsel_flite_awb", "respondent_counsel", {"en": Voice(FLITE_BIN, "awb")})
INTERPRETER = Speaker(
    f"interpreter_espeak_{INTERPRETER_VARIANT}",
    "interpreter",
    {
        "en": Voice(ESPEAK_BIN, f"en-us+{INTERPRETER_VARIANT}", ESPEAK_RATE_WPM),
        "es": Voice(ESPEAK_BIN, f"es+{INTERPRETER_VARIANT}", ESPEAK_RATE_WPM),
    },
)
APPLICANT = Speaker(
    f"applicant_espeak_{APPLICANT_VARIANT}",
    "applicant",
    {"es": Voice(ESPEAK_BIN, f"es+{APPLICANT_VARIANT}", APPLICANT_RATE_WPM)},
)
CAST = (JUDGE, DHS, COUNSEL, INTERPRETER, APPLICANT)

# --------------------------------------------------------------------------- script

SCRIPT: tuple[Line, ...] = (
    # Opening the record and swearing the interpreter.
    Line(JUDGE, "en", "This is Immigration Judge Anne Carter, in the matter of Luis Ramirez, "
                      "a merits hearing. The respondent speaks Spanish."),
    Line(JUDGE, "en", "Do you swear or affirm that you will interpret accurately and completely "
                      "from English to Spanish and from Spanish to English?"),
    Line(INTERPRETER, "en", "I do."),
    # Appearances.
    Line(DHS, "en", "Mark Delgado, Assistant Chief Counsel, on behalf of the Department of "
                    "Homeland Security."),
    Line(COUNSEL, "en", "Sarah Collins for the respondent."),
    # Direct examination through the interpreter.
    Line(COUNSEL, "en", "Why did you leave Honduras?"),
    Line(INTERPRETER, "es", "¿Por qué salió de Honduras?"),
    Line(APPLICANT, "es", "Una pandilla me amenazó porque no quise pagar la extorsión."),
    Line(INTERPRETER, "en", "A gang threatened me because I refused to pay the extortion."),
    Line(COUNSEL, "en", "Did you tell them why you refused?"),
    Line(INTERPRETER, "es", "¿Les dijo por qué se negó?"),
    Line(APPLICANT, "es", "Sí. Les dije que apoyo al partido que combate a las pandillas."),
    Line(INTERPRETER, "en", "Yes. I told them that I support the party that fights the gangs."),
    Line(COUNSEL, "en", "No further questions."),
    # Cross-examination by DHS.
    Line(JUDGE, "en", "Cross-examination by the Department?"),
    Line(DHS, "en", "Did you report the threats to the police?"),
    Line(INTERPRETER, "es", "¿Denunció las amenazas a la policía?"),
    Line(APPLICANT, "es", "Sí, dos veces, pero la policía no hizo nada."),
    Line(INTERPRETER, "en", "Yes, twice, but the police did nothing."),
    # Oral decision and appeal.
    Line(JUDGE, "en", "I find the respondent credible; his testimony was detailed, consistent "
                      "and plausible."),
    Line(JUDGE, "en", "He has a well-founded fear of persecution on account of his political "
                      "opinion. Asylum is granted."),
    Line(JUDGE, "en", "Does the Department reserve appeal?"),
    Line(DHS, "en", "The Department reserves appeal."),
    Line(JUDGE, "en", "Appeal is reserved; it is due within thirty days."),
)


# --------------------------------------------------------------------------- audio I/O


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    """Read a 16-bit PCM WAV file as mono float64 in [-1, 1] and its sample rate."""
    with wave.open(str(path), "rb") as handle:
        if handle.getsampwidth() != 2:
            raise ValueError(f"{path}: expected 16-bit PCM, got {8 * handle.getsampwidth()}-bit")
        rate = handle.getframerate()
        channels = handle.getnchannels()
        raw = handle.readframes(handle.getnframes())
    samples = np.frombuffer(raw, dtype="<i2").astype(np.float64) / PCM_MAX
    if channels > 1:
        samples = samples.reshape(-1, channels).mean(axis=1)
    return samples, rate


def write_wav(path: Path, samples: np.ndarray, rate: int) -> None:
    """Write mono float samples in [-1, 1] as 16-bit PCM."""
    pcm = np.clip(np.round(samples * PCM_MAX), -PCM_MAX - 1, PCM_MAX).astype("<i2")
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(rate)
        handle.writeframes(pcm.tobytes())


# --------------------------------------------------------------------------- synthesis


def tts_command(voice: Voice, text: str, out_path: Path) -> list[str]:
    """Build the command line that speaks ``text`` with ``voice`` into ``out_path``."""
    if voice.engine == FLITE_BIN:
        return [FLITE_BIN, "-voice", voice.name, "-t", text, "-o", str(out_path)]
    if voice.engine == ESPEAK_BIN:
        rate = voice.rate_wpm or ESPEAK_RATE_WPM
        return [ESPEAK_BIN, "-b", "1", "-v", voice.name, "-s", str(rate), "-w", str(out_path), text]
    raise ValueError(f"unknown TTS engine {voice.engine!r}")


def synthesize(voice: Voice, text: str) -> tuple[np.ndarray, int]:
    """Speak ``text`` with ``voice``; return float samples and their native sample rate."""
    with tempfile.TemporaryDirectory() as tmp:
        out_path = Path(tmp) / "tts.wav"
        subprocess.run(tts_command(voice, text, out_path), check=True, capture_output=True)
        return read_wav(out_path)


def resample(samples: np.ndarray, rate_in: int, rate_out: int) -> np.ndarray:
    """Band-limited resampling with a Kaiser-windowed sinc kernel (numpy only).

    Each output sample is a weighted sum of the ``2 * RESAMPLE_HALF_TAPS`` nearest input
    samples (scaled to the lower of the two rates), with the low-pass cutoff placed just
    below the lower Nyquist frequency, so downsampling does not alias.
    """
    if rate_in == rate_out:
        return samples.copy()
    ratio = rate_out / rate_in
    cutoff = min(1.0, ratio) * RESAMPLE_ROLLOFF  # fraction of the input Nyquist frequency
    half_width = int(np.ceil(RESAMPLE_HALF_TAPS / min(1.0, ratio)))
    n_out = int(round(len(samples) * ratio))
    positions = np.arange(n_out) / ratio  # output instants in input-sample units
    base = np.floor(positions).astype(np.int64)
    offsets = np.arange(-half_width + 1, half_width + 1)
    padded = np.concatenate([np.zeros(half_width), samples, np.zeros(half_width + 1)])
    out = np.empty(n_out)
    chunk = 8192
    for lo in range(0, n_out, chunk):
        hi = min(lo + chunk, n_out)
        idx = base[lo:hi, None] + offsets[None, :]
        dist = positions[lo:hi, None] - idx
        window = np.i0(
            RESAMPLE_KAISER_BETA * np.sqrt(np.clip(1.0 - (dist / half_width) ** 2, 0.0, 1.0))
        ) / np.i0(RESAMPLE_KAISER_BETA)
        kernel = cutoff * np.sinc(cutoff * dist) * window
        out[lo:hi] = np.sum(padded[idx + half_width] * kernel, axis=1)
    return out


def frame_rms(samples: np.ndarray, frame_len: int) -> np.ndarray:
    """RMS of consecutive non-overlapping frames (the last partial frame is zero-padded)."""
    n_frames = int(np.ceil(len(samples) / frame_len))
    padded = np.zeros(n_frames * frame_len)
    padded[: len(samples)] = samples
    return np.sqrt(np.mean(padded.reshape(n_frames, frame_len) ** 2, axis=1))


def speech_threshold(rms: np.ndarray) -> float:
    """Frame-RMS threshold separating speech from the leading/trailing silence or hiss."""
    peak = float(rms.max())
    noise_floor = float(np.percentile(rms, TRIM_FLOOR_PERCENTILE))
    above_floor = min(
        noise_floor * 10 ** (TRIM_ABOVE_FLOOR_DB / 20), peak * 10 ** (TRIM_MAX_REL_DB / 20)
    )
    return max(peak * 10 ** (TRIM_REL_DB / 20), above_floor, TRIM_ABS_FLOOR)


def trim_silence(samples: np.ndarray, rate: int) -> np.ndarray:
    """Cut the leading and trailing audio outside the first/last run of speech frames.

    A frame is speech when its RMS exceeds :func:`speech_threshold`; onset and offset are
    the outer edges of the first and last runs of ``TRIM_MIN_RUN`` such frames, so an
    isolated click or noise burst does not extend the turn.
    """
    frame_len = int(round(TRIM_FRAME_S * rate))
    rms = frame_rms(samples, frame_len)
    loud = rms > speech_threshold(rms)
    runs = np.convolve(loud.astype(int), np.ones(TRIM_MIN_RUN, dtype=int), mode="valid")
    run_starts = np.flatnonzero(runs == TRIM_MIN_RUN)
    if run_starts.size == 0:
        raise ValueError("TTS produced no audible speech")
    start = run_starts[0] * frame_len
    end = min((run_starts[-1] + TRIM_MIN_RUN) * frame_len, len(samples))
    return samples[start:end].copy()


def fade_edges(samples: np.ndarray, rate: int) -> np.ndarray:
    """Apply a short linear fade-in and fade-out so hard cuts do not click."""
    n = min(int(round(EDGE_FADE_S * rate)), len(samples) // 2)
    if n > 0:
        ramp = np.linspace(0.0, 1.0, n, endpoint=False)
        samples[:n] *= ramp
        samples[-n:] *= ramp[::-1]
    return samples


def normalise_loudness(samples: np.ndarray, rate: int) -> np.ndarray:
    """Scale a turn so its active-frame RMS is ``TARGET_TURN_DBFS`` without clipping."""
    rms = frame_rms(samples, int(round(TRIM_FRAME_S * rate)))
    active = rms[rms > rms.max() * 10 ** (ACTIVE_REL_DB / 20)]
    level = float(np.sqrt(np.mean(active**2)))
    gain = 10 ** (TARGET_TURN_DBFS / 20) / level
    peak = float(np.max(np.abs(samples))) * gain
    if peak > PEAK_CEILING:
        gain *= PEAK_CEILING / peak
    return samples * gain


def render_line(line: Line) -> np.ndarray:
    """Synthesize one scripted line at SAMPLE_RATE, trimmed and loudness-normalised."""
    voice = line.speaker.voices[line.language]
    raw, rate = synthesize(voice, line.text)
    audio = resample(raw, rate, SAMPLE_RATE)
    audio = trim_silence(audio, SAMPLE_RATE)
    audio = fade_edges(audio, SAMPLE_RATE)
    return normalise_loudness(audio, SAMPLE_RATE)


# --------------------------------------------------------------------------- assembly


def pause_lengths(count: int) -> list[int]:
    """Deterministic inter-turn pauses, in samples, drawn from PAUSE_RANGE_S."""
    rng = random.Random(PAUSE_SEED)
    return [int(round(rng.uniform(*PAUSE_RANGE_S) * SAMPLE_RATE)) for _ in range(count)]


def seconds(n_samples: int) -> float:
    """Sample index to seconds, rounded to milliseconds."""
    return round(n_samples / SAMPLE_RATE, TIME_DECIMALS)


def assemble(script: tuple[Line, ...]) -> tuple[np.ndarray, list[Turn]]:
    """Render every line and lay the turns out on one timeline with pauses between them."""
    clips = [render_line(line) for line in script]
    pauses = pause_lengths(len(clips) - 1) + [0]
    lead = int(round(LEAD_SILENCE_S * SAMPLE_RATE))
    tail = int(round(TAIL_SILENCE_S * SAMPLE_RATE))
    total = lead + sum(len(c) for c in clips) + sum(pauses) + tail

    audio = np.zeros(total)
    turns: list[Turn] = []
    cursor = lead
    for line, clip, pause in zip(script, clips, pauses, strict=True):
        audio[cursor : cursor + len(clip)] = clip
        turns.append(
            Turn(
                start=seconds(cursor),
                end=seconds(cursor + len(clip)),
                speaker=line.speaker.label,
                role=line.speaker.role,
                language=line.language,
                text=line.text,
            )
        )
        cursor += len(clip) + pause
    noise = np.random.default_rng(NOISE_SEED).standard_normal(total) * 10 ** (NOISE_DBFS / 20)
    return audio + noise, turns


# --------------------------------------------------------------------------- outputs


def rttm_lines(turns: list[Turn]) -> list[str]:
    """One standard RTTM SPEAKER line per turn."""
    return [
        f"SPEAKER {RECORDING_ID} 1 {t.start:.3f} {t.end - t.start:.3f} "
        f"<NA> <NA> {t.speaker} <NA> <NA>"
        for t in turns
    ]


def reference_text(turns: list[Turn]) -> str:
    """Turns joined as ``[role|lang] text`` like the shared mock hearing."""
    return " ".join(f"[{t.role}|{t.language}] {t.text}" for t in turns)


def tool_versions() -> str:
    """Versions of the TTS binaries, recorded because the audio depends on them."""
    flite = subprocess.run([FLITE_BIN, "--version"], capture_output=True, text=True).stdout
    espeak = subprocess.run([ESPEAK_BIN, "--version"], capture_output=True, text=True).stdout
    flite_version = next((w for w in flite.split() if w.startswith("flite-")), "flite")
    espeak_version = espeak.split("Data at:")[0].strip()
    return f"{flite_version}; {espeak_version}"


def manifest_entry(turns: list[Turn], duration_s: float) -> dict[str, object]:
    """The manifest entry, in the shared data set's manifest format."""
    voices = "; ".join(
        f"{s.role} ({s.label}): "
        + ", ".join(f"{lang}={voice.describe()}" for lang, voice in s.voices.items())
        for s in CAST
    )
    return {
        "id": RECORDING_ID,
        "audio": WAV_NAME,
        "language": "en+es",
        "speaker": ", ".join(s.label for s in CAST),
        "duration_s": duration_s,
        "sample_rate": SAMPLE_RATE,
        "channels": 1,
        "reference_text": reference_text(turns),
        "reference_segments": [t.as_dict() for t in turns],
        "reference_rttm": RTTM_NAME,
        "reference_quality": "exact (synthetic; generated by make_mock_hearing.py)",
        "underlying_corpus": "synthetic (flite + espeak-ng text-to-speech)",
        "repo": "(generated by sample_audio/make_mock_hearing.py)",
        "repo_path": None,
        "commit": None,
        "license": "Apache-2.0 (project); synthesized with flite and espeak-ng",
        "notes": (
            "SYNTHETIC mock merits hearing with consecutive English/Spanish interpretation; "
            "the interpreter is ONE voice speaking both languages. Turn times are measured on "
            "the samples (energy-trimmed TTS output); turns never overlap; "
            f"pauses {PAUSE_RANGE_S[0]}-{PAUSE_RANGE_S[1]} s; "
            f"white noise at {NOISE_DBFS:.0f} dBFS. "
            f"Voices: {voices}. Built with {tool_versions()}."
        ),
    }


def validate_timeline(turns: list[Turn], duration_s: float) -> None:
    """Refuse a timeline that is too short/long or whose turns overlap or leave the file."""
    low, high = DURATION_RANGE_S
    if not low <= duration_s <= high:
        raise SystemExit(f"duration {duration_s:.3f} s is outside {low}-{high} s; edit SCRIPT")
    if turns[0].start < LEAD_SILENCE_S or turns[-1].end > duration_s - TAIL_SILENCE_S + 1e-3:
        raise SystemExit("turns intrude on the leading/trailing silence")
    for prev, cur in pairwise(turns):
        if cur.start < prev.end:
            raise SystemExit(f"turns overlap: {prev} / {cur}")


def verify_outputs(turns: list[Turn], duration_s: float, out_dir: Path) -> None:
    """Re-read the written files and check that they agree with the timeline."""
    samples, rate = read_wav(out_dir / WAV_NAME)
    if rate != SAMPLE_RATE or abs(len(samples) / rate - duration_s) > 1e-3:
        raise SystemExit("written WAV does not match the timeline")
    reference = json.loads((out_dir / REFERENCE_NAME).read_text(encoding="utf-8"))
    if reference != [t.as_dict() for t in turns]:
        raise SystemExit("reference JSON does not match the timeline")
    rttm = (out_dir / RTTM_NAME).read_text(encoding="utf-8").splitlines()
    if len(rttm) != len(turns):
        raise SystemExit("RTTM has a different number of turns")
    for line, turn in zip(rttm, turns, strict=True):
        fields = line.split()
        start, dur, label = float(fields[3]), float(fields[4]), fields[7]
        off = abs(start - turn.start) > 5e-4 or abs(start + dur - turn.end) > 1e-3
        if label != turn.speaker or off:
            raise SystemExit(f"RTTM line disagrees with the reference: {line}")


def main(out_dir: Path = OUT_DIR) -> None:
    """Generate the audio, the reference files and the manifest into ``out_dir``."""
    audio, turns = assemble(SCRIPT)
    duration_s = seconds(len(audio))
    validate_timeline(turns, duration_s)
    out_dir.mkdir(parents=True, exist_ok=True)
    write_wav(out_dir / WAV_NAME, audio, SAMPLE_RATE)
    reference = [t.as_dict() for t in turns]
    (out_dir / REFERENCE_NAME).write_text(
        json.dumps(reference, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (out_dir / RTTM_NAME).write_text("\n".join(rttm_lines(turns)) + "\n", encoding="utf-8")
    (out_dir / MANIFEST_NAME).write_text(
        json.dumps([manifest_entry(turns, duration_s)], indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    verify_outputs(turns, duration_s, out_dir)
    print(f"wrote {out_dir / WAV_NAME}: {duration_s:.3f} s, {len(turns)} turns")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder (default: here)")
    main(parser.parse_args().out)
