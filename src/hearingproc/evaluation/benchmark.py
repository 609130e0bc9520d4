"""The benchmark a user runs to see what a change did to speed and memory: ``hearingproc bench``.

It builds a hearing of at least ``minutes`` minutes from the project's own material (the
synthetic sample hearing ``sample_audio/mock_hearing_es.wav`` alternated with the English and
Spanish clips of the shared data set, so there are interpreted exchanges and long testimony,
many voices and two languages), writes it with its metadata sidecar into a cache folder, and
runs ``hearingproc process`` on it in a child process, exactly as a user would. It prints a
table, it asserts nothing: per stage the seconds from the transcript's ``pipeline.timings``,
the real-time factor of the whole command (start-up included), the start-up alone (``hearingproc
--help`` and the import of the pipeline), and the command's peak memory: the most its
processes held resident at once (the command and the children it starts, diarization's worker
among them, their resident sets summed every 0.1 s from /proc), and never less than the
largest single process's own peak (``ru_maxrss`` from ``os.wait4``). Summing counts pages the
processes share twice, so it errs high, never low.

``--scale 1,4`` runs the hearing at 1x and 4x its length (the growth of each stage's cost);
``--engines faster-whisper,openai-whisper`` runs the same audio and weights through the same
stage code with each engine; ``--save FILE`` writes the figures as JSON and ``--compare FILE``
prints saved figures beside the new ones, with the ratio new/old. These machines are noisy:
compare figures from one session, with nothing else running.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from hearingproc.audio import SAMPLE_RATE

SAMPLE_HEARING = Path("sample_audio") / "mock_hearing_es.wav"  # relative to the checkout
SHARED_MANIFEST = Path("..") / "shared" / "data" / "manifest.json"
CLIP_LANGUAGES = ("en", "es")  # the sample hearing's languages: clips in others are left out
GAP_S = 1.0  # silence between two pieces of the built hearing
CLIPS_PER_BLOCK_S = 90.0  # shared clips between two copies of the sample hearing
SIDECAR = {  # the sample hearing's own participants (sample_audio/README.md)
    "case_number": "A000-000-000", "hearing_type": "merits", "court_language": "en",
    "expected_language": "es",
    "participants": [{"role": "judge", "name": "Anne Carter"}, "interpreter",
                     {"role": "applicant", "name": "Luis Ramirez"},
                     {"role": "dhs_counsel", "name": "Mark Delgado"},
                     {"role": "respondent_counsel", "name": "Sarah Collins"}],
}
STAGE_ORDER = ("diarize", "transcribe", "roles", "translate", "interpretation", "tags")
FORMAT = 1  # version of the saved figures' layout


def default_cache() -> Path:
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "hearingproc" / "bench"


# -- the hearing --------------------------------------------------------------------------

@dataclass(frozen=True)
class Piece:
    """One recording of the material, and where it came from."""

    path: Path
    duration_s: float


def material(sample: Path, manifest: Path | None) -> tuple[Piece, list[Piece]]:
    """The sample hearing, and the shared clips in the sample's languages (manifest order)."""
    from hearingproc.audio import load_audio

    if not sample.is_file():
        raise FileNotFoundError(f"{sample}: the sample hearing is missing (run hearingproc "
                                "bench from the checkout's root folder)")
    hearing = Piece(sample, load_audio(sample).duration)
    clips: list[Piece] = []
    if manifest is not None and manifest.is_file():
        for entry in json.loads(manifest.read_text(encoding="utf-8")):
            if entry.get("language") in CLIP_LANGUAGES:
                clips.append(Piece(manifest.parent / entry["audio"], float(entry["duration_s"])))
    return hearing, clips


def plan(hearing: Piece, clips: Sequence[Piece], seconds: float) -> list[Piece]:
    """The order of the pieces: the sample hearing, then about ``CLIPS_PER_BLOCK_S`` of clips
    (taken in turn, cycling), again and again until the total reaches ``seconds``."""
    pieces: list[Piece] = []
    total = 0.0
    next_clip = 0

    def add(piece: Piece) -> None:
        nonlocal total
        pieces.append(piece)
        total += piece.duration_s + GAP_S

    while total < seconds:
        add(hearing)
        block = 0.0
        while clips and block < CLIPS_PER_BLOCK_S and total < seconds:
            clip = clips[next_clip % len(clips)]
            next_clip += 1
            add(clip)
            block += clip.duration_s + GAP_S
    return pieces


def build_hearing(minutes: float, folder: Path, sample: Path = SAMPLE_HEARING,
                  manifest: Path | None = SHARED_MANIFEST) -> Path:
    """Write (once; later calls reuse it) a 16 kHz mono WAV of at least ``minutes`` minutes
    and its ``.meta.json`` sidecar into ``folder``; returns the WAV's path."""
    import soundfile

    from hearingproc.audio import load_audio

    hearing, clips = material(sample, manifest)
    pieces = plan(hearing, clips, minutes * 60.0)
    key = hashlib.sha256(json.dumps([str(p.path.resolve()) for p in pieces]).encode())
    target = folder / f"hearing_{minutes:g}min_{key.hexdigest()[:10]}.wav"
    sidecar = target.with_name(target.name + ".meta.json")
    if target.is_file() and sidecar.is_file():
        return target
    folder.mkdir(parents=True, exist_ok=True)
    gap = np.zeros(int(GAP_S * SAMPLE_RATE), np.float32)
    decoded: dict[Path, np.ndarray] = {}
    parts: list[np.ndarray] = []
    for piece in pieces:
        if piece.path not in decoded:
            decoded[piece.path] = load_audio(piece.path).samples
        parts += [decoded[piece.path], gap]
    samples = np.concatenate(parts)
    peak = float(np.max(np.abs(samples))) or 1.0
    partial = target.with_name(target.name + ".partial")
    soundfile.write(partial, samples / max(peak, 1.0), SAMPLE_RATE, subtype="PCM_16",
                    format="WAV")
    sidecar.write_text(json.dumps(SIDECAR, indent=1), encoding="utf-8")
    partial.replace(target)
    return target


# -- one measurement ------------------------------------------------------------------------

def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "hearingproc.cli", *args]


_CODE: dict[str, str] = {}  # PYTHONPATH for the children: another revision's src/, or nothing


def _tree_rss_kib(pid: int) -> int:
    """Resident memory (KiB) of ``pid`` and all its descendants now (0 where /proc cannot
    tell: not Linux, or the process is gone)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                total += next((int(line.split()[1]) for line in status
                               if line.startswith("VmRSS:")), 0)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    todo += [int(p) for p in children.read().split()]
        except (OSError, ValueError):
            continue
    return total


class _TreePeak:
    """The largest resident memory of a process tree, sampled every ``every`` seconds."""

    def __init__(self, pid: int, every: float = 0.1) -> None:
        import threading

        self.kib = 0
        self._pid, self._every = pid, every
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._done.wait(self._every):
            self.kib = max(self.kib, _tree_rss_kib(self._pid))

    def stop(self) -> int:
        self._done.set()
        self._thread.join()
        return self.kib


def _timed_child(args: list[str], log_path: Path | None = None) -> tuple[float, float, int]:
    """Run ``args``; its wall seconds, peak memory (MiB: the most the command and its
    children held resident at once, at least the largest one's ``ru_maxrss``) and exit code."""
    env = {**os.environ, **_CODE}
    started = time.perf_counter()
    with (open(log_path, "w") if log_path else open(os.devnull, "w")) as sink:
        child = subprocess.Popen(args, stdout=sink, stderr=subprocess.STDOUT, env=env)
        tree = _TreePeak(child.pid)
        if hasattr(os, "waitid"):  # wait without reaping: the pid cannot be reused meanwhile
            os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOWAIT)
        tree_kib = tree.stop()
        _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    return wall, max(usage.ru_maxrss, tree_kib) / 1024, child.returncode


def startup() -> dict[str, float]:
    """Seconds of ``hearingproc --help`` and of importing the pipeline's executor."""
    help_s, _, _ = _timed_child(_cli("--help"))
    import_s, _, _ = _timed_child([sys.executable, "-c",
                                   "import hearingproc.cli, hearingproc.pipeline.memory"])
    return {"help_s": round(help_s, 2), "import_s": round(import_s, 2)}


def measure(wav: Path, engine: str, workdir: Path) -> dict[str, Any]:
    """``hearingproc process WAV --engine ENGINE`` in a child: wall seconds, peak memory and
    the transcript's own per-stage timings."""
    from hearingproc.audio import load_audio

    out = Path(tempfile.mkdtemp(prefix="bench-", dir=workdir))
    log_path = out / "process.log"
    wall, peak_mib, code = _timed_child(
        _cli("process", str(wav), "--out", str(out), "--engine", engine), log_path)
    if code != 0:
        tail = log_path.read_text(encoding="utf-8", errors="replace")[-2000:]
        raise RuntimeError(f"hearingproc process {wav} failed ({code}):\n{tail}")
    document = json.loads((out / wav.stem / "transcript.json").read_text(encoding="utf-8"))
    timings = {k: round(float(v), 2)
               for k, v in document.get("pipeline", {}).get("timings", {}).items()}
    audio_s = load_audio(wav).duration
    shutil.rmtree(out, ignore_errors=True)  # kept only when the run failed, for its log
    return {"engine": engine, "audio_s": round(audio_s, 1), "wall_s": round(wall, 1),
            "rtf": round(wall / audio_s, 3), "peak_mib": round(peak_mib),
            "stages": timings, "other_s": round(wall - sum(timings.values()), 1),
            "segments": len(document.get("segments", [])),
            "speakers": len(document.get("speakers", []))}


def run(minutes: float, scales: Sequence[int], engines: Sequence[str], workdir: Path | None = None,
        sample: Path = SAMPLE_HEARING, manifest: Path | None = SHARED_MANIFEST,
        log: Any = None) -> dict[str, Any]:
    """Every (engine, scale) once, each in its own child; the figures as one JSON-able dict."""
    folder = workdir or default_cache()
    folder.mkdir(parents=True, exist_ok=True)
    hearings = {scale: build_hearing(minutes * scale, folder, sample, manifest)
                for scale in scales}  # first: missing material fails at once
    figures: dict[str, Any] = {"format": FORMAT, "minutes": minutes,
                               "revision": _revision(), "cpus": os.cpu_count(),
                               "startup": startup(), "runs": []}
    for scale, wav in hearings.items():
        for engine in engines:
            if log:
                print(f"bench: {engine} on {wav.name} ...", file=log, flush=True)
            row = measure(wav, engine, folder)
            row["scale"] = scale
            figures["runs"].append(row)
            if log:
                print(f"bench: {engine} x{scale}: {row['wall_s']} s, RTF {row['rtf']}",
                      file=log, flush=True)
    return figures


def run_revision(revision: str, minutes: float, scales: Sequence[int], engines: Sequence[str],
                 workdir: Path | None = None, log: Any = None) -> dict[str, Any]:
    """The same benchmark with the code of git ``revision`` (checked out into a temporary
    worktree, removed afterwards; the hearing and this benchmark's own code are today's)."""
    folder = Path(tempfile.mkdtemp(prefix="bench-rev-"))
    tree = folder / "tree"
    added = subprocess.run(["git", "worktree", "add", "--detach", str(tree), revision],
                           capture_output=True, text=True, check=False)
    if added.returncode != 0:
        raise ValueError(f"{revision}: not a file of saved figures nor a git revision "
                         f"({added.stderr.strip()})")
    try:
        _CODE["PYTHONPATH"] = str(tree / "src")
        figures = run(minutes, scales, engines, workdir, log=log)
        figures["revision"] = revision
        return figures
    finally:
        _CODE.clear()
        subprocess.run(["git", "worktree", "remove", "--force", str(tree)], capture_output=True,
                       check=False)


def _revision() -> str | None:
    try:
        done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, timeout=10, check=False)
    except OSError:
        return None
    return done.stdout.strip() or None


# -- the table --------------------------------------------------------------------------------

def _stages(runs: Sequence[dict[str, Any]]) -> list[str]:
    seen = {name for r in runs for name in r["stages"]}
    return [s for s in STAGE_ORDER if s in seen] + sorted(seen - set(STAGE_ORDER))


def _key(row: dict[str, Any]) -> tuple[str, int]:
    return row["engine"], int(row["scale"])


def _ratio(new: float | None, old: float | None) -> str:
    if new is None or old is None or not old:
        return "-"
    return f"{new / old:.2f}"


def _rows(figures: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for r in figures["runs"]:
        yield f"{r['engine']} {r['scale']}x", r


def table(figures: dict[str, Any], before: dict[str, Any] | None = None) -> str:
    """The figures as a Markdown table; with ``before``, its figures and new/old beside them."""
    runs = figures["runs"]
    stages = _stages(runs + (before["runs"] if before else []))
    old = {_key(r): r for r in before["runs"]} if before else {}
    head = ["run", "audio s", "wall s", "RTF", "peak MiB", *[f"{s} s" for s in stages],
            "other s"]
    lines = [" | ".join(head), " | ".join("---" for _ in head)]

    def cells(r: dict[str, Any]) -> list[Any]:
        return [r["audio_s"], r["wall_s"], r["rtf"], r["peak_mib"],
                *[r["stages"].get(s, "-") for s in stages], r.get("other_s", "-")]

    for label, r in _rows(figures):
        lines.append(" | ".join([label, *map(str, cells(r))]))
        prior = old.get(_key(r))
        if prior is not None:
            lines.append(" | ".join([f"{label} before", *map(str, cells(prior))]))
            ratios = [_ratio(n, o) if isinstance(n, int | float) and isinstance(o, int | float)
                      else "-" for n, o in zip(cells(r), cells(prior), strict=True)]
            lines.append(" | ".join([f"{label} new/before", *ratios]))
    out = ["\n".join(lines), ""]
    out.append(_startup_line(figures["startup"], before["startup"] if before else None))
    growth = _growth(runs)
    if growth:
        out += ["", growth]
    engines = _engine_ratio(runs)
    if engines:
        out += ["", engines]
    return "\n".join(out)


def _startup_line(new: dict[str, float], old: dict[str, float] | None) -> str:
    text = f"start-up: hearingproc --help {new['help_s']} s, import of the pipeline " \
           f"{new['import_s']} s"
    if old:
        text += (f" (before: {old['help_s']} s, {old['import_s']} s; new/before "
                 f"{_ratio(new['help_s'], old['help_s'])}, "
                 f"{_ratio(new['import_s'], old['import_s'])})")
    return text


def _growth(runs: Sequence[dict[str, Any]]) -> str:
    """Cost growth per stage: time at scale N over time at the smallest scale, per engine,
    beside the growth of the audio itself."""
    lines = []
    for engine in dict.fromkeys(r["engine"] for r in runs):
        mine = sorted((r for r in runs if r["engine"] == engine), key=lambda r: r["scale"])
        if len(mine) < 2:
            continue
        base = mine[0]
        for r in mine[1:]:
            parts = [f"audio {_ratio(r['audio_s'], base['audio_s'])}",
                     f"wall {_ratio(r['wall_s'], base['wall_s'])}",
                     f"peak memory {_ratio(r['peak_mib'], base['peak_mib'])}"]
            parts += [f"{s} {_ratio(r['stages'].get(s), base['stages'].get(s))}"
                      for s in _stages([base, r])]
            lines.append(f"growth {engine} {r['scale']}x/{base['scale']}x: " + ", ".join(parts))
    return "\n".join(lines)


def _engine_ratio(runs: Sequence[dict[str, Any]]) -> str:
    """openai-whisper over faster-whisper, per scale: how many times faster faster-whisper is."""
    by = {_key(r): r for r in runs}
    lines = []
    for (engine, scale), r in by.items():
        other = by.get(("openai-whisper", scale))
        if engine != "faster-whisper" or other is None:
            continue
        parts = [f"wall {_ratio(other['wall_s'], r['wall_s'])}"]
        parts += [f"{s} {_ratio(other['stages'].get(s), r['stages'].get(s))}"
                  for s in ("transcribe", "translate")]
        lines.append(f"openai-whisper/faster-whisper {scale}x: " + ", ".join(parts))
    return "\n".join(lines)


def load_figures(path: Path) -> dict[str, Any]:
    """Figures saved by ``--save``; a clear error if the file is not such figures."""
    try:
        figures = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"{path}: not readable as saved bench figures ({exc})") from exc
    if not isinstance(figures, dict) or figures.get("format") != FORMAT or "runs" not in figures:
        raise ValueError(f"{path}: not bench figures of format {FORMAT} (write them with "
                         "hearingproc bench --save FILE)")
    return figures


def save_figures(figures: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    partial.replace(path)
