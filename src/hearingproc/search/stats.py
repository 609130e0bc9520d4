"""Counts across hearings for court-watch research: tags (findings, rulings, events) per judge,
hearing type and language, as a CSV and a chart.

A tag a reviewer rejected is not counted; ``accepted`` says how many of a row's tags a
reviewer confirmed (the rest are the pipeline's, unreviewed). One CSV row per judge, hearing
type, language, label and polarity, with the hearings in that judge/type/language group, so a
rate ("asylum granted in 3 of 8 of this judge's Spanish merits hearings") is one division, and
any other grouping one pivot in a spreadsheet.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import astuple, dataclass, fields
from pathlib import Path

from hearingproc._fsutil import atomic_binary
from hearingproc.search.index import SearchIndex

DIMENSIONS = (("judge", "judge"), ("hearing_type", "hearing type"), ("language", "language"))
MAX_OUTCOMES = 12  # the chart's legend: the most frequent label:polarity pairs, then "other"
# matplotlib's tab10, then three of its lighter tab20 partners: one colour per outcome shown
OUTCOME_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
                   "#bcbd22", "#17becf", "#7f7f7f", "#aec7e8", "#ffbb78", "#98df8a")
CHART_SIZE = (10.0, 11.0)  # inches
CHART_DPI = 100


@dataclass(frozen=True)
class CountRow:
    judge: str
    hearing_type: str
    language: str
    label: str
    polarity: str  # "" where the label has none
    tags: int  # tags not rejected
    accepted: int  # of which a reviewer accepted
    hearings_with_tag: int  # hearings of the group with at least one such tag
    hearings: int  # hearings of the group (judge, hearing type, language)

    @property
    def outcome(self) -> str:
        return f"{self.label}:{self.polarity}" if self.polarity else self.label


def _dates(column: str, date_from: str | None, date_to: str | None) -> tuple[str, list[str]]:
    """The SQL condition keeping hearings dated within [date_from, date_to], and its values."""
    where, args = ["1"], []
    if date_from:
        where.append(f"{column} >= ?")
        args.append(date_from)
    if date_to:
        where.append(f"{column} <= ?")
        args.append(date_to)
    return " AND ".join(where), args


def counts(index: SearchIndex, date_from: str | None = None,
           date_to: str | None = None) -> list[CountRow]:
    """Every (judge, hearing type, language, label, polarity) with its counts, sorted."""
    clause, args = _dates("h.hearing_date", date_from, date_to)
    conn = index.connection
    groups = {tuple(row[:3]): row[3] for row in conn.execute(
        f"SELECT judge, hearing_type, language, count(*) FROM hearings h WHERE {clause} "
        "GROUP BY 1, 2, 3", args)}
    rows = conn.execute(
        "SELECT h.judge, h.hearing_type, h.language, t.label, coalesce(t.polarity, ''), "
        "count(*), sum(t.review = 'accepted'), count(DISTINCT h.id) "
        f"FROM tags t JOIN hearings h ON h.id = t.hearing WHERE t.review != 'rejected' "
        f"AND {clause} GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5", args).fetchall()
    return [CountRow(judge=judge, hearing_type=kind, language=language, label=label,
                     polarity=polarity, tags=int(tags), accepted=int(accepted),
                     hearings_with_tag=int(with_tag), hearings=groups[(judge, kind, language)])
            for judge, kind, language, label, polarity, tags, accepted, with_tag in rows]


def hearings_counted(index: SearchIndex, date_from: str | None = None,
                     date_to: str | None = None) -> int:
    clause, args = _dates("hearing_date", date_from, date_to)
    sql = f"SELECT count(*) FROM hearings WHERE {clause}"
    return int(index.connection.execute(sql, args).fetchone()[0])


def to_csv(rows: list[CountRow]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([f.name for f in fields(CountRow)])
    writer.writerows(astuple(row) for row in rows)
    return buffer.getvalue()


def _totals(rows: list[CountRow], dimension: str) -> dict[str, dict[str, int]]:
    """group value -> outcome -> tags."""
    found: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        found[getattr(row, dimension)][row.outcome] += row.tags
    return found


def chart(rows: list[CountRow], title: str) -> bytes:
    """A PNG: one panel per dimension (judge, hearing type, language), a stacked bar of its
    tags by outcome per group."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    frequency: dict[str, int] = defaultdict(int)
    for row in rows:
        frequency[row.outcome] += row.tags
    ranked = sorted(frequency, key=lambda o: (-frequency[o], o))
    shown = ranked[:MAX_OUTCOMES] + (["other"] if len(ranked) > MAX_OUTCOMES else [])
    colours = {o: "#888888" if o == "other" else OUTCOME_COLOURS[i % len(OUTCOME_COLOURS)]
               for i, o in enumerate(shown)}
    fig = Figure(figsize=CHART_SIZE, dpi=CHART_DPI, layout="constrained")
    FigureCanvasAgg(fig)
    fig.suptitle(title.replace("$", r"\$"))
    axes = fig.subplots(len(DIMENSIONS), 1)
    for ax, (dimension, name) in zip(axes, DIMENSIONS, strict=True):
        totals = _totals(rows, dimension)
        groups = sorted(totals)
        left = [0] * len(groups)
        for outcome in shown:
            widths = [sum(n for o, n in totals[g].items()
                          if o == outcome or (outcome == "other" and o not in shown))
                      for g in groups]
            ax.barh(range(len(groups)), widths, left=left, color=colours[outcome],
                    label=outcome.replace("$", r"\$"))
            left = [a + b for a, b in zip(left, widths, strict=True)]
        ax.set_yticks(range(len(groups)), labels=[g.replace("$", r"\$") for g in groups])
        ax.invert_yaxis()
        ax.set_title(f"tags per {name}")
        ax.set_xlabel("tags (rejected ones not counted)")
        if not groups:
            ax.text(0.5, 0.5, "no tags", transform=ax.transAxes, ha="center")
    if shown:
        axes[0].legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def write(rows: list[CountRow], csv_path: Path, chart_path: Path, title: str) -> None:
    """The CSV and the chart, each written atomically (both rendered first)."""
    text = to_csv(rows).encode("utf-8")
    picture = chart(rows, title)
    for path, blob in ((csv_path, text), (chart_path, picture)):
        with atomic_binary(path) as stream:
            stream.write(blob)
