"""``hearingproc search``, ``stats`` and ``index``: search and counts across every hearing of
an output store (``hearingproc.search``). Each brings the index up to date first (only new
or changed transcripts are read), so it answers for the store as it is on disk."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

import click

from hearingproc.errors import TranscriptError
from hearingproc.search import Query, RefreshReport, SearchIndex, search
from hearingproc.search.query import DEFAULT_LIMIT, iso_date


def _fresh(out_dir: Path, rebuild: bool = False) -> tuple[SearchIndex, RefreshReport]:
    """The store's index, brought up to date; transcripts it could not read are named on
    stderr."""
    from hearingproc.cli.commands import _Bars  # (commands imports this module at its end)

    index = SearchIndex(out_dir)
    bars = _Bars("index", sys.stderr.isatty())
    try:
        report = index.refresh(rebuild=rebuild, progress=bars)
    except BaseException:
        index.close()
        raise
    finally:
        bars.close()
    for message in report.failed.values():
        click.echo(f"hearingproc: warning: left out of the index: {message}", err=True)
    return index, report


@click.command("index")
@click.argument("out_dir", type=click.Path(path_type=Path))
@click.option("--rebuild", is_flag=True, help="Read every transcript again (by default only "
              "new and changed ones are read).")
def index_command(out_dir: Path, rebuild: bool) -> None:
    """Bring the search index of OUT (OUT/.hearingproc/search.sqlite3) up to date."""
    index, report = _fresh(out_dir, rebuild)
    index.close()
    click.echo(f"{index.path}: {report.hearings} hearings ({len(report.indexed)} indexed, "
               f"{report.unchanged} unchanged, {len(report.removed)} removed)")
    if report.failed:
        raise click.exceptions.Exit(TranscriptError.exit_code)


@click.command("search")
@click.argument("out_dir", type=click.Path(path_type=Path))
@click.argument("words", nargs=-1)
@click.option("--tag", "tag_spec", metavar="LABEL[:POLARITY]", default=None,
              help="Only lines inside such a tag (not rejected), e.g. credibility:adverse.")
@click.option("--role", default=None, help="Only lines of this role (judge, interpreter, ...).")
@click.option("--language", default=None, help="Only lines in this language (ISO 639-1).")
@click.option("--hearing-language", default=None,
              help="Only hearings in this (the applicant's) language.")
@click.option("--judge", default=None, help="Only hearings of this judge (part of the name).")
@click.option("--from", "date_from", default=None, metavar="DATE",
              help="Only hearings on or after this date (YYYY-MM-DD).")
@click.option("--to", "date_to", default=None, metavar="DATE",
              help="Only hearings on or before this date (YYYY-MM-DD).")
@click.option("--limit", type=click.IntRange(min=1), default=DEFAULT_LIMIT, show_default=True,
              help="Most hits to print.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit.")
def search_command(out_dir: Path, words: tuple[str, ...], tag_spec: str | None,
                   role: str | None, language: str | None, hearing_language: str | None,
                   judge: str | None, date_from: str | None, date_to: str | None, limit: int,
                   as_json: bool) -> None:
    """Find WORDS (or "a phrase") in the lines and English translations of every hearing in
    OUT; prints recording, Tr. page:line (else the time), role and the line."""
    label, polarity = Query.tag_spec(tag_spec)
    query = Query(text=" ".join(words), tag=label, polarity=polarity, role=role,
                  language=language, hearing_language=hearing_language, judge=judge,
                  date_from=date_from, date_to=date_to, limit=limit)
    index, _ = _fresh(out_dir)
    try:
        result = search(index, query)
    finally:
        index.close()
    for hit in result.hits:
        if as_json:
            click.echo(json.dumps({**asdict(hit), "where": hit.where}, ensure_ascii=False))
            continue
        click.echo(f"{hit.recording}  {hit.where}  {hit.role.upper()}  {hit.text}")
        if hit.translation:
            click.echo(f"    [English: {hit.translation}]")
        if hit.tags:
            click.echo(f"    [tags: {', '.join(hit.tags)}]")
    shown = len(result.hits)
    more = f" (the first {shown}; raise --limit)" if result.total > shown else ""
    click.echo(f"{result.total} lines in {result.hearings} hearings{more}", err=True)


@click.command("stats")
@click.argument("out_dir", type=click.Path(path_type=Path))
@click.option("--csv", "csv_path", type=click.Path(path_type=Path), default=None,
              help="Where to write the counts (default: OUT/stats.csv).")
@click.option("--chart", "chart_path", type=click.Path(path_type=Path), default=None,
              help="Where to write the chart (default: OUT/stats.png).")
@click.option("--from", "date_from", default=None, metavar="DATE",
              help="Only hearings on or after this date (YYYY-MM-DD).")
@click.option("--to", "date_to", default=None, metavar="DATE",
              help="Only hearings on or before this date (YYYY-MM-DD).")
def stats_command(out_dir: Path, csv_path: Path | None, chart_path: Path | None,
                  date_from: str | None, date_to: str | None) -> None:
    """Count the tags (findings, rulings, events) of every hearing in OUT per judge, hearing
    type and language: a CSV and a PNG chart."""
    from hearingproc.search import stats

    date_from, date_to = iso_date(date_from, "date from"), iso_date(date_to, "date to")
    index, _ = _fresh(out_dir)
    try:
        rows = stats.counts(index, date_from, date_to)
        hearings = stats.hearings_counted(index, date_from, date_to)
    finally:
        index.close()
    csv_path = csv_path or out_dir / "stats.csv"
    chart_path = chart_path or out_dir / "stats.png"
    span = " to ".join(d for d in (date_from, date_to) if d)
    stats.write(rows, csv_path, chart_path,
                title=f"Tags in {hearings} hearings{' (' + span + ')' if span else ''}")
    totals: dict[str, int] = {}
    for row in rows:
        totals[row.outcome] = totals.get(row.outcome, 0) + row.tags
    for outcome, count in sorted(totals.items(), key=lambda item: (-item[1], item[0])):
        click.echo(f"{count:6d}  {outcome}")
    click.echo(f"{hearings} hearings; counts: {csv_path}; chart: {chart_path}")
