"""``hearingproc stats``: tags counted per judge, hearing type and language, checked against
the tags of each transcript; the CSV and the PNG chart are written."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import matplotlib.image
from tests.search._hearings import HEARINGS

from hearingproc.cli import main


def _expected(store: Path) -> tuple[Counter, Counter, Counter]:
    """From the transcripts themselves: tags (not rejected) and accepted ones per (judge,
    hearing type, language, label, polarity), and hearings per (judge, type, language)."""
    tags: Counter = Counter()
    accepted: Counter = Counter()
    hearings: Counter = Counter()
    for hearing in HEARINGS:
        data = json.loads((store / hearing.name / "transcript.json").read_text("utf-8"))
        group = (hearing.judge, hearing.hearing_type, hearing.language)
        hearings[group] += 1
        for tag in data["tags"]:
            key = (*group, tag["label"], tag["polarity"] or "")
            if tag["review"] != "rejected":
                tags[key] += 1
                accepted[key] += tag["review"] == "accepted"
    return tags, accepted, hearings


def test_stats_counts_and_writes_csv_and_chart(store: Path, tmp_path: Path, capsys) -> None:
    data = json.loads((store / HEARINGS[0].name / "transcript.json").read_text("utf-8"))
    data["tags"][-1]["review"] = "accepted"  # a reviewer confirmed the appeal tag
    (store / HEARINGS[0].name / "transcript.json").write_text(json.dumps(data), "utf-8")
    tags, accepted, hearings = _expected(store)
    csv_path, chart_path = tmp_path / "counts.csv", tmp_path / "chart.png"

    code = main(["stats", str(store), "--csv", str(csv_path), "--chart", str(chart_path)])
    out = capsys.readouterr().out
    assert code == 0
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    found = {(r["judge"], r["hearing_type"], r["language"], r["label"], r["polarity"]): r
             for r in rows}
    assert len(found) == len(rows) == len(tags)
    for key, count in tags.items():
        row = found[key]
        assert int(row["tags"]) == count
        assert int(row["accepted"]) == accepted[key]
        assert int(row["hearings"]) == hearings[key[:3]]
    # the rejected adverse finding is not counted; Carter's two merits hearings: one adverse
    assert ("David Brooks", "merits", "es", "credibility", "adverse") not in found
    carter = found[("Anne Carter", "merits", "es", "credibility", "adverse")]
    assert (carter["tags"], carter["hearings_with_tag"], carter["hearings"]) == ("1", "1", "2")
    assert found[("Anne Carter", "merits", "es", "appeal", "reserved")]["accepted"] == "1"
    assert "     2  credibility:adverse" in out and "     2  asylum:denied" in out
    assert "4 hearings" in out

    picture = matplotlib.image.imread(chart_path)
    assert picture.shape[0] >= 800 and picture.shape[1] >= 800  # a real chart, not a stub
    assert chart_path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_stats_by_date_and_bad_dates(store: Path, capsys) -> None:
    code = main(["stats", str(store), "--from", "2026-05-01"])
    out = capsys.readouterr().out
    assert code == 0 and "2 hearings" in out
    rows = list(csv.DictReader((store / "stats.csv").open(encoding="utf-8", newline="")))
    assert {r["judge"] for r in rows} == {"David Brooks"}
    assert (store / "stats.png").is_file()
    code = main(["stats", str(store), "--to", "yesterday"])
    assert code == 2 and "date to must be a date" in capsys.readouterr().err


def test_stats_of_an_empty_store(tmp_path: Path, capsys) -> None:
    (tmp_path / "out").mkdir()
    code = main(["stats", str(tmp_path / "out")])
    assert code == 0 and "0 hearings" in capsys.readouterr().out
    assert (tmp_path / "out" / "stats.csv").read_text("utf-8").startswith("judge,hearing_type")
