"""Speed and memory of the pipeline per ASR engine on the same audio, at 1x, 4x, 16x its
length: the real-time factor of diarization and of transcription side by side, and overall.

Each measurement runs in a fresh child process, so peak memory (``ru_maxrss``) belongs to
that engine and length alone. Run it as ``hearingproc bench`` (prints a table); it is a
benchmark, not a test: these machines are noisy, so compare figures from one run only.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from hearingproc.audio import SAMPLE_RATE, Audio, load_audio

DEFAULT_AUDIO = Path("sample_audio") / "mock_hearing_es.wav"  # relative to the current folder
DEFAULT_CLIP = (26.0, 36.0)  # seconds of the sample hearing: question, interpretation, answer
GAP_S = 0.5  # silence between the copies of the clip


def _tiled(audio: Audio, clip: tuple[float, float] | None, factor: int) -> Audio:
    piece = audio.clip(*clip) if clip else audio.samples
    gap = np.zeros(int(GAP_S * SAMPLE_RATE), np.float32)
    samples = np.concatenate([np.concatenate([piece, gap])] * factor)
    return Audio(samples, audio.sha256, audio.source, audio.source_sample_rate,
                 audio.source_channels, audio.source_format)


def measure(engine: str, audio_path: Path, clip: tuple[float, float] | None,
            factor: int) -> dict[str, Any]:
    """Load ``engine``, transcribe the clip repeated ``factor`` times; runs in the child."""
    from hearingproc.config import AsrOptions, PipelineConfig
    from hearingproc.pipeline.memory import process_audio

    audio = _tiled(load_audio(audio_path), clip, factor)
    config = PipelineConfig(asr=AsrOptions(engine=engine))
    started = time.perf_counter()
    from hearingproc.models.whisper import load_engine
    from hearingproc.stages.diarize import load_pipeline

    load_engine(engine)
    load_pipeline(config.diarize)
    loaded = time.perf_counter()
    transcript = process_audio(audio, config)
    done = time.perf_counter()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    timings = transcript.pipeline.timings
    return {"engine": engine, "factor": factor, "audio_s": round(audio.duration, 2),
            "load_s": round(loaded - started, 2), "total_s": round(done - loaded, 2),
            "diarize_rtf": round(timings.get("diarize", 0.0) / audio.duration, 3),
            "asr_rtf": round(timings.get("transcribe", 0.0) / audio.duration, 3),
            "rtf": round((done - loaded) / audio.duration, 3),
            "peak_rss_mib": round(peak_kib / 1024),
            "speakers": len(transcript.speakers), "segments": len(transcript.segments)}


def run(audio: Path | None, engines: list[str], factors: list[int]) -> list[dict[str, Any]]:
    """One child process per (engine, factor); returns their measurements."""
    path = audio or DEFAULT_AUDIO
    clip = None if audio else DEFAULT_CLIP
    rows = []
    for engine in engines:
        for factor in factors:
            args = [sys.executable, "-m", "hearingproc.evaluation.benchmark", engine, str(path),
                    str(factor)]
            if clip:
                args += [str(clip[0]), str(clip[1])]
            out = subprocess.run(args, check=True, capture_output=True, text=True)
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(f"  {engine} x{factor}: rtf {rows[-1]['rtf']}", file=sys.stderr, flush=True)
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    head = ("engine", "length", "audio s", "load s", "process s", "diarize RTF", "ASR RTF",
            "total RTF", "peak MiB", "speakers", "segments")
    lines = [" | ".join(head), " | ".join("---" for _ in head)]
    for r in rows:
        lines.append(" | ".join(str(v) for v in (
            r["engine"], f"{r['factor']}x", r["audio_s"], r["load_s"], r["total_s"],
            r["diarize_rtf"], r["asr_rtf"], r["rtf"], r["peak_rss_mib"], r["speakers"],
            r["segments"])))
    return "\n".join(lines)


if __name__ == "__main__":  # child: ENGINE AUDIO FACTOR [CLIP_START CLIP_END]
    from hearingproc._env import apply_private_defaults

    apply_private_defaults()
    engine_name, audio_arg, factor_arg, *clip_args = sys.argv[1:]
    clip_span = (float(clip_args[0]), float(clip_args[1])) if clip_args else None
    print(json.dumps(measure(engine_name, Path(audio_arg), clip_span, int(factor_arg))))
