"""Cross validation of the diarization defaults (tools/tune_diarization.py), on synthetic
score tables: folds, the choice made on the other folds, and the held-out figures."""

from __future__ import annotations

import pytest
from tools.tune_diarization import (
    Params,
    Result,
    assign_folds,
    cross_validate,
    meets_targets,
    pooled_der,
    select,
    summary,
)

IDS = [f"rec{k}" for k in range(7)]
LOW = Params("average", 0.2, 1, 0.0)
HIGH = Params("average", 0.5, 1, 0.0)


def test_folds_cover_every_recording_once_and_are_balanced():
    folds = assign_folds(IDS, 3, seed=1)
    assert sorted(folds) == sorted(IDS)
    sizes = sorted(list(folds.values()).count(f) for f in range(3))
    assert sizes == [2, 2, 3]
    assert assign_folds(IDS, 3, seed=1) == folds  # deterministic for a seed
    assert assign_folds(list(reversed(IDS)), 3, seed=1) == folds  # whatever the input order


@pytest.mark.parametrize("k", [1, 8])
def test_impossible_fold_counts_are_refused(k: int):
    with pytest.raises(ValueError, match="folds"):
        assign_folds(IDS, k)


def test_pooled_der_weighs_by_reference_speech():
    rows = [Result(1.0, 10.0, 2, 2), Result(9.0, 10.0, 1, 2), Result(0.0, 0.0, 0, 0)]
    assert pooled_der(rows) == pytest.approx(0.5)
    assert pooled_der([]) == 0.0


def test_each_fold_is_scored_with_parameters_chosen_without_it():
    # LOW is right on rec0 only, HIGH on every other recording: the fold holding rec0 alone
    # must not get LOW (chosen on the others, HIGH wins), so rec0's held-out DER is HIGH's.
    table = {
        LOW: {rid: Result(0.0 if rid == "rec0" else 5.0, 10.0, 2, 2) for rid in IDS},
        HIGH: {rid: Result(8.0 if rid == "rec0" else 1.0, 10.0, 2, 2) for rid in IDS},
    }
    folds = {rid: (0 if rid == "rec0" else 1 + k % 2) for k, rid in enumerate(IDS)}
    chosen = cross_validate(table, folds)
    assert chosen[0] == HIGH
    assert select(table, ["rec0"]) == LOW  # what an in-sample choice would have taken


def test_ties_go_to_more_voices_right():
    table = {LOW: {"a": Result(1.0, 10.0, 3, 2)}, HIGH: {"a": Result(1.0, 10.0, 2, 2)}}
    assert select(table, ["a"]) == HIGH


def test_summary_and_targets():
    rows = {"a": Result(1.0, 10.0, 2, 2), "b": Result(5.0, 10.0, 1, 2)}
    s = summary(rows)
    assert s["der"] == pytest.approx(0.3)
    assert s["worst_file"] == "b" and s["worst_der"] == pytest.approx(0.5)
    assert s["voices_right"] == 1 and s["voices_right_share"] == pytest.approx(0.5)
    assert meets_targets(s) == {"der": False, "worst_file": False, "voices": False}
    good = summary({"a": Result(1.0, 10.0, 2, 2)})
    assert meets_targets(good) == {"der": True, "worst_file": True, "voices": True}


def test_eval_quotes_the_committed_held_out_figure():
    from hearingproc.evaluation.speakers import cross_validated, cross_validated_line

    cv = cross_validated()
    assert cv is not None and cv["held_out"]["files"] == len(cv["held_out"]["files_detail"])
    # every recording's held-out DER comes from the fold that did not choose its parameters
    assert set(cv["held_out"]["fold_of"]) == {row["id"] for row in cv["held_out"]["files_detail"]}
    line = cross_validated_line(cv)
    assert line is not None and f"pooled DER {cv['held_out']['der']:.3f}" in line
    assert cross_validated_line(None) is None
