"""How diarization's cost grows with the length of a hearing, step by step (issue 13).

``python -m tools.bench_diarization`` builds hearings of ``--minutes`` (default 15 and 60)
with ``hearingproc bench``'s builder (:func:`hearingproc.evaluation.benchmark.build_hearing`:
the sample hearing alternated with the shared en/es clips) and diarizes each the way
:func:`hearingproc.stages.diarize.diarize` does, timing its steps separately:

* segmentation: pyannote's sliding-window segmentation model (``get_segmentations``);
* embeddings: one speaker embedding per (chunk, local speaker) (``get_embeddings``, batched);
* clustering: the clustering of those embeddings (``pipeline.clustering``);
* reconstruction: the rest of pyannote's pipeline (speaker counting, turns from clusters);
* relabelling: the short-utterance check (:func:`relabel_short_utterances`).

``--clustering N [N ...]`` times only the clustering step on N embeddings (256-dimensional,
drawn around 8 voices; about 90 per audio minute in a hearing), pyannote's agglomerative
clustering on all of them against :class:`RefinedAgglomerativeClustering`, which puts at most
``MAX_CLUSTERED`` through the dendrogram: the step that would grow with the square of a
hearing's length.

It prints a table (seconds, seconds per audio minute, and the 60/15-minute ratio of each
step, which should stay near the length ratio, 4, for a linear step) and asserts nothing:
a benchmark, not a test. Run it on an otherwise idle machine for timings that mean anything.
"""

from __future__ import annotations

import argparse
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from hearingproc._env import apply_private_defaults

STEPS = ("segmentation", "embeddings", "clustering", "reconstruction", "relabelling")
DEFAULT_MINUTES = (15.0, 60.0)
WORKDIR = Path("/tmp/hearingproc-bench-diarization")


def _timed(store: dict[str, float], key: str, method: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            store[key] = store.get(key, 0.0) + time.perf_counter() - started
    return wrapper


def measure(wav: Path) -> dict[str, Any]:
    """Diarize ``wav`` with the default options; seconds of each step, embeddings clustered,
    voices found."""
    import torch

    from hearingproc.audio import SAMPLE_RATE, load_audio
    from hearingproc.stages.diarize import (
        DiarizeOptions,
        _embedder,
        from_pyannote,
        load_pipeline,
        relabel_short_utterances,
    )

    options = DiarizeOptions()
    audio = load_audio(wav)
    pipeline = load_pipeline(options)
    _embedder()  # loaded before the clock starts, as the pipeline is
    seconds: dict[str, float] = {}
    counted: dict[str, int] = {}
    get_segmentations = pipeline.get_segmentations
    get_embeddings = pipeline.get_embeddings
    clustering = pipeline.clustering
    cluster = clustering.cluster

    def counting_cluster(embeddings: Any, *args: Any, **kwargs: Any) -> Any:
        counted["clustered"] = len(embeddings)
        return cluster(embeddings, *args, **kwargs)

    pipeline.get_segmentations = _timed(seconds, "segmentation", get_segmentations)
    pipeline.get_embeddings = _timed(seconds, "embeddings", get_embeddings)
    clustering.cluster = counting_cluster
    clustering_call = _timed(seconds, "clustering", clustering.__call__)
    # pyannote calls self.clustering(...); an instance attribute cannot replace __call__,
    # so a one-off subclass of the clustering's own class routes the call through the timer
    clustering.__class__ = type("Timed" + type(clustering).__name__, (type(clustering),),
                                {"__call__": lambda self, *a, **k: clustering_call(*a, **k)})
    waveform = torch.from_numpy(audio.samples).float().reshape(1, -1)
    started = time.perf_counter()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            output = pipeline({"waveform": waveform, "sample_rate": SAMPLE_RATE,
                               "uri": wav.stem})
        total = time.perf_counter() - started
        result = from_pyannote(output)
        relabel_started = time.perf_counter()
        result = relabel_short_utterances(result, audio, options.relabel_short_s,
                                          options.relabel_margin, _embedder())
        seconds["relabelling"] = time.perf_counter() - relabel_started
    finally:
        del pipeline.get_segmentations, pipeline.get_embeddings
        clustering.__class__ = type(clustering).__mro__[1]
        del clustering.cluster
    seconds["reconstruction"] = total - sum(seconds.get(k, 0.0) for k in STEPS[:3])
    return {"minutes": len(audio.samples) / SAMPLE_RATE / 60.0, "seconds": seconds,
            "clustered": counted.get("clustered", 0), "voices": len(result.speakers)}


def clustering_table(sizes: Sequence[int], voices: int = 8, seed: int = 0) -> None:
    """Seconds of pyannote's and the refined clustering on ``sizes`` embeddings."""
    import numpy as np
    from pyannote.audio.pipelines.clustering import AgglomerativeClustering

    from hearingproc.stages._agglomerative import MAX_CLUSTERED, RefinedAgglomerativeClustering
    from hearingproc.stages.diarize import DiarizeOptions, embedded_hyperparameters

    params = embedded_hyperparameters(DiarizeOptions())["clustering"]
    plain = AgglomerativeClustering(metric="cosine").instantiate(
        {k: params[k] for k in ("method", "threshold", "min_cluster_size")})
    refined = RefinedAgglomerativeClustering().instantiate(params)
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(voices, 256))
    print(f"\n{'embeddings':>10}{'pyannote s':>12}{'refined s':>11}  (at most {MAX_CLUSTERED} "
          "through the dendrogram)")
    for n in sizes:
        points = centres[rng.integers(0, voices, n)] + 0.6 * rng.normal(size=(n, 256))
        row = f"{n:>10}"
        for clustering in (plain, refined):
            started = time.perf_counter()
            clustering.cluster(points.astype(np.float32), min_clusters=1, max_clusters=n)
            row += f"{time.perf_counter() - started:>11.2f} "
        print(row, flush=True)


def print_table(rows: Sequence[dict[str, Any]]) -> None:
    print(f"\n{'step':<16}" + "".join(f"{row['minutes']:>9.1f} min  s/min" for row in rows)
          + ("   ratio" if len(rows) > 1 else ""))
    for step in (*STEPS, "total"):
        line = f"{step:<16}"
        values = []
        for row in rows:
            value = (sum(row["seconds"].values()) if step == "total"
                     else row["seconds"].get(step, 0.0))
            values.append(value)
            line += f"{value:>13.1f}{value / row['minutes']:>7.2f}"
        if len(rows) > 1 and values[0] > 0:
            line += f"{values[-1] / values[0]:>8.2f}"
        print(line)
    print(f"{'embeddings':<16}" + "".join(f"{row['clustered']:>20}" for row in rows)
          + "   (clustered)")
    print(f"{'voices':<16}" + "".join(f"{row['voices']:>20}" for row in rows))
    if len(rows) > 1:
        print(f"audio ratio {rows[-1]['minutes'] / rows[0]['minutes']:.2f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, nargs="+", default=list(DEFAULT_MINUTES))
    parser.add_argument("--clustering", type=int, nargs="+", default=None, metavar="N",
                        help="only time the clustering of N embeddings (each N given)")
    parser.add_argument("--workdir", type=Path, default=WORKDIR,
                        help="where the built hearings are kept between runs")
    args = parser.parse_args(argv)
    apply_private_defaults()
    if args.clustering:
        clustering_table(args.clustering)
        return 0
    from hearingproc.evaluation.benchmark import build_hearing

    wavs = [build_hearing(minutes, args.workdir) for minutes in args.minutes]
    rows = []
    for wav in wavs:
        print(f"diarizing {wav.name} ...", flush=True)
        rows.append(measure(wav))
        print_table(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
