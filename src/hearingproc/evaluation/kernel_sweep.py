"""The same evaluation under every CPU kernel set this machine offers, and the spread of each
thresholded figure across them (``hearingproc eval --isa-sweep``).

CTranslate2 picks its kernels from the CPU: the instruction set (``CT2_FORCE_CPU_ISA``:
AVX2, AVX512, ...) and the GEMM backend (Intel MKL on Intel CPUs, oneDNN elsewhere;
``CT2_USE_MKL``). Kernels round differently, beam search can turn a difference in the last bit
into another word, and a threshold that holds under one set may fail under the next CI
machine's. Each set runs ``hearingproc eval`` in its own process (the variables are read when
CTranslate2 loads) with the thread counts of torch and the BLAS libraries fixed, and a check
passes the sweep only when it passes under every set.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hearingproc._fsutil import atomic_write_text
from hearingproc.errors import EvaluationError
from hearingproc.evaluation import fmt

THREADS = "2"  # torch, OpenMP and BLAS threads in every run, so only the kernels differ


@dataclass(frozen=True)
class KernelSet:
    name: str
    env: dict[str, str]  # set for the run (on top of the fixed thread counts)


def cpu_flags(cpuinfo: Path = Path("/proc/cpuinfo")) -> tuple[str, set[str]]:
    """The CPU vendor id and its feature flags (Linux; empty elsewhere)."""
    vendor = ""
    flags: set[str] = set()
    try:
        text = cpuinfo.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return vendor, flags
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "vendor_id" and not vendor:
            vendor = value.strip()
        elif key.strip() == "flags" and not flags:
            flags = set(value.split())
    return vendor, flags


# CTranslate2's instruction sets, best first, with the CPU flags each needs
ISAS = (("AVX512", {"avx512f", "avx512bw", "avx512vl"}), ("AVX2", {"avx2", "fma"}),
        ("AVX", {"avx"}))


def kernel_sets(vendor: str, flags: set[str]) -> list[KernelSet]:
    """The default kernels (the best instruction set the CPU has), each lesser instruction
    set it has (AVX2, AVX), and the GEMM backend the default does not use (MKL off on Intel
    CPUs, on elsewhere)."""
    sets = [KernelSet("default", {})]
    offered = [name for name, needs in ISAS if needs <= flags]
    sets += [KernelSet(name, {"CT2_FORCE_CPU_ISA": name}) for name in offered[1:]]
    if vendor == "GenuineIntel":
        sets.append(KernelSet("oneDNN", {"CT2_USE_MKL": "0"}))
    else:
        sets.append(KernelSet("MKL", {"CT2_USE_MKL": "1"}))
    return sets


def _run_env(kernels: KernelSet) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CT2_")}
    env.update({name: THREADS for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS",
                                            "OPENBLAS_NUM_THREADS")})
    env.update(kernels.env)
    return env


def run_sweep(eval_args: Sequence[str], out_dir: Path, sets: Sequence[KernelSet]) -> dict[str, Any]:
    """``hearingproc eval <eval_args> --out out_dir/<set>`` under each kernel set; the reports'
    checks side by side. ``eval_args`` hold the manifest and options, not --out."""
    runs = []
    for kernels in sets:
        folder = out_dir / kernels.name
        command = [sys.executable, "-m", "hearingproc.cli", "eval", *eval_args, "--out",
                   str(folder)]
        print(f"isa-sweep: {kernels.name} {' '.join(f'{k}={v}' for k, v in kernels.env.items())}",
              file=sys.stderr, flush=True)
        done = subprocess.run(command, env=_run_env(kernels), stdin=subprocess.DEVNULL)
        report_path = folder / "report.json"
        if done.returncode not in (0, 6) or not report_path.is_file():
            raise EvaluationError(f"the eval under kernel set {kernels.name} failed (exit code "
                                  f"{done.returncode}); see the lines above")
        report = json.loads(report_path.read_text(encoding="utf-8"))
        runs.append({"kernels": kernels.name, "env": kernels.env, "exit_code": done.returncode,
                     "checks": report.get("checks", []), "rtf": report["overall"]["rtf"]})
    return {"runs": runs, "spread": spread(runs)}


def spread(runs: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per check: its value under each kernel set, min/median/max, and whether it passed
    under all of them."""
    rows = []
    for position, check in enumerate(runs[0]["checks"] if runs else []):
        results = [run["checks"][position] for run in runs]
        values = [r["value"] for r in results if r["value"] is not None]
        rows.append({
            "name": check["name"], "metric": check["metric"],
            "bound": ("<= " if "max" in check else ">= ") + str(check.get("max", check.get("min"))),
            "values": {run["kernels"]: r["value"] for run, r in zip(runs, results, strict=True)},
            "min": min(values) if values else None,
            "median": statistics.median(values) if values else None,
            "max": max(values) if values else None,
            "passed_everywhere": all(r["passed"] for r in results),
        })
    return rows


def render_markdown(sweep: dict[str, Any]) -> str:
    names = [run["kernels"] for run in sweep["runs"]]
    lines = ["# Thresholded figures across CPU kernel sets", "",
             "| kernels | variables | exit | RTF |", "|---|---|---|---|"]
    for run in sweep["runs"]:
        variables = " ".join(f"{k}={v}" for k, v in run["env"].items()) or "-"
        lines.append(f"| {run['kernels']} | {variables} | {run['exit_code']} | {fmt(run['rtf'])} |")
    lines += ["", "| check | metric | bound | " + " | ".join(names) + " | min | median | max | "
              "all pass |", "|---" * (len(names) + 7) + "|"]
    for row in sweep["spread"]:
        cells = [fmt(row["values"][name]) for name in names]
        lines.append(f"| {row['name']} | {row['metric']} | {row['bound']} | " + " | ".join(cells)
                     + f" | {fmt(row['min'])} | {fmt(row['median'])} | {fmt(row['max'])} | "
                     f"{'yes' if row['passed_everywhere'] else '**NO**'} |")
    return "\n".join(lines) + "\n"


def write_sweep(sweep: dict[str, Any], out_dir: Path) -> None:
    """``sweep.json`` and ``sweep.md`` in ``out_dir``, each written atomically."""
    out_dir.mkdir(parents=True, exist_ok=True)
    atomic_write_text(out_dir / "sweep.json", json.dumps(sweep, indent=2) + "\n")
    atomic_write_text(out_dir / "sweep.md", render_markdown(sweep))
