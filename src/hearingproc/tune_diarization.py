"""Tune the embedded diarization pipeline's hyper-parameters with pyannote's ``Optimizer``.

Run ``python -m hearingproc.tune_diarization`` (add ``--measure`` to score the held-out files
with the best parameters afterwards). The result goes, by hand, into the defaults of
:class:`hearingproc.stages.diarize.DiarizeOptions`.

Data split (recordings of ../shared/data with a reference RTTM):

* tuned on: the AMI excerpts ``en_pyannote-audio_trn03``, ``trn04``, ``trn05``, ``dev00`` and
  ``dev01`` (30 s each, 2 to 4 speakers, meeting-room speech) and the constructed
  English/Mandarin mock hearing ``en-zh_constructed_mock_hearing_zh`` (54 s, 6 voices: the
  one hearing-like recording of ../shared/data);
* never tuned on, kept for measuring: pyannote's two-speaker sample, ``en_falcon_test``,
  ``en_lhotse_ES2011a``, the stereo overlap clip (mixed to mono), the almost silent ``trn01``
  and ``trn02``, and the project's own ``sample_audio/mock_hearing_es``.

The objective is pyannote's diarization error rate with a 0.25 s collar, overlap scored,
accumulated over the tuning files. Segmentation and embeddings are computed once (pyannote
caches them while ``pipeline.training`` is on), so each trial only re-clusters.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import torch
from pyannote.audio.pipelines.clustering import AgglomerativeClustering
from pyannote.core import Annotation, Segment, Timeline
from pyannote.database.util import load_rttm
from pyannote.metrics.diarization import DiarizationErrorRate
from pyannote.pipeline import Optimizer
from pyannote.pipeline.parameter import Categorical, Integer, Uniform

from hearingproc._env import apply_private_defaults
from hearingproc.audio import SAMPLE_RATE, load_audio
from hearingproc.models import segmentation_checkpoint
from hearingproc.stages.diarize import (
    DiarizeOptions,
    build_embedded_pipeline,
    embedded_hyperparameters,
)

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "data"
TUNING = ("en_pyannote-audio_trn03", "en_pyannote-audio_trn04", "en_pyannote-audio_trn05",
          "en_pyannote-audio_dev00", "en_pyannote-audio_dev01", "en-zh_constructed_mock_hearing_zh")
HELD_OUT = ("en_pyannote-audio_sample", "en_falcon_test", "en_lhotse_ES2011a.Headset-0-40s-46s",
            "en_faster-whisper_stereo_diarization", "en_pyannote-audio_trn01",
            "en_pyannote-audio_trn02")
MOCK_HEARING = ("mock_hearing_es", REPO / "sample_audio" / "mock_hearing_es.wav",
                REPO / "sample_audio" / "mock_hearing_es.rttm")
TOP_TRIALS = 8  # best trials printed after tuning
DER_VARIANT = {"collar": 0.25, "skip_overlap": False}
# Search space: GE2E cosine similarities of one voice sit around 0.6-0.95, so the merging
# distance lies well below pyannote's generic (0, 2) range.
THRESHOLD_RANGE = (0.1, 0.7)
LINKAGES = ["average", "centroid", "complete", "weighted"]
MIN_CLUSTER_SIZE_RANGE = (1, 15)
MIN_DURATION_OFF_RANGE = (0.0, 0.5)


def recordings(shared: Path, ids: Sequence[str]) -> list[tuple[str, Path, Path]]:
    """(id, audio path, rttm path) of the manifest entries named in ``ids``."""
    entries = {e["id"]: e for e in json.loads((shared / "manifest.json").read_text("utf-8"))}
    return [(rid, shared / entries[rid]["audio"], shared / entries[rid]["reference_rttm"])
            for rid in ids]


def pyannote_file(rid: str, audio_path: Path, rttm: Path) -> dict[str, Any]:
    """A pyannote protocol-style file: in-memory waveform, reference, annotated extent."""
    samples = load_audio(audio_path).samples  # mono 16 kHz (stereo is mixed down)
    reference = Annotation(uri=rid)
    for annotation in load_rttm(rttm).values():
        for segment, _, label in annotation.itertracks(yield_label=True):
            reference[segment] = label
    duration = len(samples) / SAMPLE_RATE
    return {"uri": rid, "waveform": torch.from_numpy(samples).reshape(1, -1),
            "sample_rate": SAMPLE_RATE, "annotation": reference,
            "annotated": Timeline([Segment(0.0, duration)], uri=rid)}


def search_space(pipeline: Any) -> None:
    """Narrow pyannote's generic ranges to those that make sense for GE2E embeddings."""
    clustering: AgglomerativeClustering = pipeline.clustering
    clustering.threshold = Uniform(*THRESHOLD_RANGE)
    clustering.method = Categorical(LINKAGES)
    clustering.min_cluster_size = Integer(*MIN_CLUSTER_SIZE_RANGE)
    pipeline.segmentation.min_duration_off = Uniform(*MIN_DURATION_OFF_RANGE)


def score(pipeline: Any, files: list[dict[str, Any]]) -> dict[str, tuple[float, int, int]]:
    """Per file: (DER, hypothesis speakers, reference speakers); key "overall" for all."""
    overall = DiarizationErrorRate(**DER_VARIANT)
    rows = {}
    for file in files:
        inputs = {k: v for k, v in file.items() if not k.startswith("training_cache")}
        hypothesis = pipeline({k: inputs[k] for k in ("uri", "waveform", "sample_rate")})
        hypothesis = getattr(hypothesis, "speaker_diarization", hypothesis)
        der = DiarizationErrorRate(**DER_VARIANT)(file["annotation"], hypothesis,
                                                   uem=file["annotated"])
        overall(file["annotation"], hypothesis, uem=file["annotated"])
        rows[file["uri"]] = (der, len(hypothesis.labels()), len(file["annotation"].labels()))
    rows["overall"] = (abs(overall), 0, 0)
    return rows


def print_scores(title: str, rows: dict[str, tuple[float, int, int]]) -> None:
    print(title)
    for rid, (der, found, expected) in rows.items():
        extra = f"  speakers {found} (reference {expected})" if rid != "overall" else ""
        print(f"  {rid:<45} DER {der:.3f}{extra}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iterations", type=int, default=150, help="optimiser trials")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--shared", type=Path, default=SHARED, help="../shared/data folder")
    parser.add_argument("--no-exclude-overlap", dest="exclude_overlap", action="store_false",
                        help="embed local speakers from their whole mask, overlap included")
    parser.add_argument("--measure", action="store_true",
                        help="score the held-out recordings with the best parameters")
    args = parser.parse_args(argv)
    apply_private_defaults()

    pipeline = build_embedded_pipeline(segmentation_checkpoint(), der_variant=DER_VARIANT,
                                       exclude_overlap=args.exclude_overlap)
    pipeline.legacy = True  # the optimiser scores a bare Annotation, not a DiarizeOutput
    search_space(pipeline)
    files = [pyannote_file(*rec) for rec in recordings(args.shared, TUNING)]
    optimizer = Optimizer(pipeline, sampler="TPESampler", seed=args.seed)
    started = time.perf_counter()
    result = optimizer.tune(files, n_iterations=args.iterations,
                            warm_start=embedded_hyperparameters(DiarizeOptions()),
                            show_progress=False)
    print(f"tuned {args.iterations} trials on {', '.join(TUNING)} in "
          f"{time.perf_counter() - started:.0f} s (exclude_overlap={args.exclude_overlap})")
    print(f"best DER (greedy mapping, tuning files) {result['loss']:.3f}")
    print("best hyper-parameters", json.dumps(result["params"]))
    trials = sorted((t for t in optimizer.study_.trials if t.value is not None),
                    key=lambda t: t.value)
    for trial in trials[:TOP_TRIALS]:
        print(f"  DER {trial.value:.3f} {trial.params}")

    best = pipeline.instantiate(result["params"])
    print_scores("tuning files:", score(best, files))
    if args.measure:
        held_out = [pyannote_file(*rec) for rec in recordings(args.shared, HELD_OUT)]
        held_out.append(pyannote_file(*MOCK_HEARING))
        print_scores("held-out files:", score(best, held_out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
