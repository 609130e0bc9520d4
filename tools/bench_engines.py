"""Where each Whisper engine spends its time on an interpreted hearing's turns (issue 13).

``python -m tools.bench_engines`` takes the speaker turns of the committed sample hearing
(``sample_audio/mock_hearing_es.wav`` and its reference: short English and Spanish turns, as
consecutive interpretation gives them) and runs them through each engine the way the
transcribe stage does, timing the two calls apart:

* encode: one encoder pass per turn (:meth:`AsrEngine.encode`; Whisper pads every turn to its
  30 s window, so this costs the same for a 2 s turn as for a 30 s one);
* decode: the beam search (and word alignment) on that encoder output, at temperature 0, the
  turn's language given (:meth:`AsrEngine.decode` with ``encoded``).

Engines: faster-whisper in the project's CPU compute type (float32, see
``hearingproc.models.whisper.CPU_COMPUTE_TYPE``), faster-whisper in int8 (``--int8``), and
openai-whisper on the same weights. It prints seconds per turn for each call, the encoder's
share of the engine's time, and each engine's ratio to openai-whisper per call: the ratio a
whole pipeline can reach lies between the encoder's and the decoder's, weighted by their
shares. It asserts nothing: a benchmark, not a test. Run it on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from hearingproc._env import apply_private_defaults

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_audio" / "mock_hearing_es.wav"
REFERENCE = ROOT / "sample_audio" / "mock_hearing_es.reference.json"


def _turns(limit: int) -> list[tuple[float, float, str]]:
    turns = json.loads(REFERENCE.read_text(encoding="utf-8"))
    return [(t["start"], t["end"], t["language"]) for t in turns][:limit]


def measure(engine: Any, clips: Sequence[tuple[Any, str]], repeats: int) -> dict[str, float]:
    """Seconds spent encoding and decoding ``clips`` ((samples, language) pairs), the best of
    ``repeats`` passes for each call (the first pass also warms the engine up)."""
    from hearingproc.models.whisper import DecodeOptions

    best = {"encode": float("inf"), "decode": float("inf")}
    for _ in range(max(1, repeats)):
        spent = {"encode": 0.0, "decode": 0.0}
        for samples, language in clips:
            started = time.perf_counter()
            encoded = engine.encode([samples])[0]
            spent["encode"] += time.perf_counter() - started
            started = time.perf_counter()
            engine.decode(samples, DecodeOptions(language=language, temperatures=(0.0,)),
                          encoded)
            spent["decode"] += time.perf_counter() - started
        best = {k: min(best[k], spent[k]) for k in best}
    return best


def main(argv: Sequence[str] | None = None) -> None:
    apply_private_defaults()
    parser = argparse.ArgumentParser(prog="python -m tools.bench_engines",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--turns", type=int, default=12, help="turns of the sample (max 24)")
    parser.add_argument("--repeats", type=int, default=2, help="passes; the best is kept")
    parser.add_argument("--int8", action="store_true", help="also faster-whisper in int8")
    args = parser.parse_args(argv)

    from hearingproc.audio import SAMPLE_RATE, load_audio
    from hearingproc.models.whisper import load_engine, release_engines
    from hearingproc.stages.transcribe import TranscribeOptions

    pad = TranscribeOptions().region_pad_s  # each turn with the pause padding its decode gets
    audio = load_audio(SAMPLE)
    clips = [(audio.clip(max(0.0, a - pad), min(audio.duration, b + pad)), language)
             for a, b, language in _turns(args.turns)]
    runs = [("faster-whisper", "default"), *([("faster-whisper", "int8")] if args.int8 else []),
            ("openai-whisper", "default")]
    results: dict[str, dict[str, float]] = {}
    for name, compute_type in runs:
        engine = load_engine(name, compute_type=compute_type)
        label = name if compute_type == "default" else f"{name} ({compute_type})"
        if name == "faster-whisper" and compute_type == "default":
            label = f"{name} ({getattr(engine, 'compute_type', 'default')})"
        print(f"bench_engines: {label} on {len(clips)} turns ...", flush=True)
        results[label] = measure(engine, clips, args.repeats)
        release_engines()
    reference = results[next(k for k in results if k.startswith("openai-whisper"))]
    n = len(clips)
    print(f"\n{n} turns of {SAMPLE.name} ({sum(len(c) for c, _ in clips) / SAMPLE_RATE:.1f} s of "
          f"speech), {platform.processor() or platform.machine()}, best of {args.repeats}\n")
    print("engine | encode s/turn | decode s/turn | encoder share | encode ratio | "
          "decode ratio | total ratio")
    print("--- | --- | --- | --- | --- | --- | ---")
    for label, spent in results.items():
        total = spent["encode"] + spent["decode"]
        ratios = [reference["encode"] / spent["encode"], reference["decode"] / spent["decode"],
                  (reference["encode"] + reference["decode"]) / total]
        print(f"{label} | {spent['encode'] / n:.3f} | {spent['decode'] / n:.3f} | "
              f"{spent['encode'] / total:.0%} | " + " | ".join(f"{r:.2f}x" for r in ratios))
    print("\n(ratio: openai-whisper's seconds over the engine's, on the same turns and weights)")


if __name__ == "__main__":
    main()
