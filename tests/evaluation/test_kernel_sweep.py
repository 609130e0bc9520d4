"""`hearingproc eval --isa-sweep`: the evaluation under each CPU kernel set, and the spread."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hearingproc.evaluation.kernel_sweep import KernelSet, cpu_flags, kernel_sets, spread

AMD_AVX2 = {"fpu", "sse4_2", "avx", "avx2", "fma"}
INTEL_AVX512 = AMD_AVX2 | {"avx512f", "avx512bw", "avx512vl", "avx512_vnni", "amx_tile"}


def test_kernel_sets_follow_the_cpu():
    # the default is the best instruction set the CPU has; the lesser ones are forced
    assert kernel_sets("AuthenticAMD", AMD_AVX2) == [
        KernelSet("default", {}), KernelSet("AVX", {"CT2_FORCE_CPU_ISA": "AVX"}),
        KernelSet("MKL", {"CT2_USE_MKL": "1"})]
    names = [k.name for k in kernel_sets("GenuineIntel", INTEL_AVX512)]
    assert names == ["default", "AVX2", "AVX", "oneDNN"]
    assert [k.name for k in kernel_sets("", set())] == ["default", "MKL"]


def test_cpu_flags_read_from_cpuinfo(tmp_path):
    info = tmp_path / "cpuinfo"
    info.write_text("processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: fpu avx2 avx512f\n"
                    "processor\t: 1\nvendor_id\t: GenuineIntel\nflags\t\t: fpu\n")
    assert cpu_flags(info) == ("GenuineIntel", {"fpu", "avx2", "avx512f"})
    assert cpu_flags(tmp_path / "missing") == ("", set())


def test_spread_takes_the_worst_of_every_set():
    def run(name, cer, lid):
        return {"kernels": name, "checks": [
            {"name": "Mandarin", "metric": "cer", "max": 0.2, "value": cer, "passed": cer <= 0.2},
            {"name": "LID", "metric": "lid_accuracy", "min": 1.0, "value": lid,
             "passed": lid >= 1.0}]}

    rows = spread([run("default", 0.185, 1.0), run("AVX2", 0.241, 1.0), run("MKL", 0.25, 0.979)])
    mandarin, lid = rows
    assert (mandarin["min"], mandarin["median"], mandarin["max"]) == (0.185, 0.241, 0.25)
    assert mandarin["bound"] == "<= 0.2" and not mandarin["passed_everywhere"]
    assert mandarin["values"] == {"default": 0.185, "AVX2": 0.241, "MKL": 0.25}
    assert lid["min"] == 0.979 and not lid["passed_everywhere"]
    assert spread([run("default", 0.1, 1.0)])[0]["passed_everywhere"]


@pytest.mark.slow
@pytest.mark.models
def test_isa_sweep_runs_every_set_and_gives_the_same_words(shared_data, tmp_path):
    """Two short clips (English, Spanish) under each kernel set of this CPU, decoded in
    float32: every run writes its report, the checks pass under all of them, and the figures
    are the same whatever the kernels."""
    from hearingproc.cli import main

    entries = json.loads((shared_data / "manifest.json").read_text(encoding="utf-8"))
    chosen = [{**e, "audio": str(shared_data / e["audio"])} for e in entries
              if e["id"] in ("en_spkanon_eval_1988-24833-0000", "es_cheetah_test_es")]
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps(chosen), encoding="utf-8")
    thresholds = tmp_path / "thresholds.toml"
    thresholds.write_text('[[check]]\nname = "English"\nmetric = "wer_normalised"\n'
                          'language = "en"\nmax = 0.08\nids = ["en_spkanon_eval_1988-24833-0000"]\n'
                          '\n[[check]]\nname = "Spanish language"\nmetric = "lid_accuracy"\n'
                          'min = 1.0\nids = ["es_cheetah_test_es"]\n', encoding="utf-8")
    config = tmp_path / "float32.toml"
    config.write_text('[asr]\ncompute_type = "float32"\n', encoding="utf-8")
    out = tmp_path / "sweep"
    code = main(["eval", str(manifest), "--out", str(out), "--thresholds", str(thresholds),
                 "--config", str(config), "--isa-sweep"])
    sweep = json.loads((out / "sweep.json").read_text(encoding="utf-8"))
    names = [k.name for k in kernel_sets(*cpu_flags())]
    assert [run["kernels"] for run in sweep["runs"]] == names
    for name in names:
        assert (Path(out) / name / "report.json").is_file()
    assert code == 0 and all(row["passed_everywhere"] for row in sweep["spread"])
    for row in sweep["spread"]:
        assert row["min"] == row["max"], row
    assert "| English | wer_normalised |" in (out / "sweep.md").read_text(encoding="utf-8")
