"""How fast the search index is on a large store: generate N processed hearings, then time
the index build, the refresh a search does first, an incremental update, and searches.

    python -m hearingproc.evaluation.search_benchmark --hearings 1000

The hearings are generated (seeded), not transcribed: each ``OUT/<name>/transcript.json`` has
the shape ``hearingproc process`` writes (segments with word timings, roles, languages,
English translations of the non-English lines, page:line, tags, a sidecar with judge, hearing
type, date and language), and ``--segments`` lines on average (a two-hour merits hearing under
consecutive interpretation has 1,000 to 2,000; a master calendar hearing under 100). Words are
drawn from a Zipf-distributed vocabulary, so common and rare words are both searched.
Figures are printed, not asserted: a speed target belongs in a benchmark, not in a test.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hearingproc.search import Query, Result, SearchIndex, search
from hearingproc.search.index import index_path

JUDGES = ("Anne Carter", "David Brooks", "Maria Okafor", "Samuel Lindqvist", "Grace Huang",
          "Robert Mendel", "Teresa Alvarado", "Kenji Watanabe", "Paul Ferreira", "Laura Kim",
          "Omar Haddad", "Helen Novak")
HEARING_TYPES = ("master calendar", "merits", "merits", "bond")
LANGUAGES = ("es", "es", "es", "pt", "zh", "ht", "fr", "ru")
ROLES = ("judge", "interpreter", "applicant", "interpreter", "dhs_counsel", "interpreter",
         "respondent_counsel")
OUTCOMES = (("credibility", ("positive", "adverse")), ("asylum", ("granted", "denied")),
            ("withholding", ("granted", "denied")), ("nexus", ("established", "not_established")),
            ("appeal", ("reserved", "waived")), ("interpreter_sworn", (None,)),
            ("removal_order", (None,)), ("continuance", (None,)))
LEGAL_WORDS = ("asylum", "persecution", "credible", "testimony", "gang", "police", "threat",
               "extortion", "political", "opinion", "religion", "Honduras", "Guatemala",
               "Venezuela", "corroboration", "affidavit", "removal", "withholding", "torture",
               "detention", "family", "church", "party", "soldiers", "village", "border")
WORDS_PER_LINE = 12
SEED = 19


def _vocabulary(rng: random.Random, size: int = 20_000) -> list[str]:
    syllables = ["ka", "lo", "mi", "ne", "ra", "to", "su", "pe", "di", "an", "el", "or", "va",
                 "ri", "co", "ma", "te", "sa", "po", "li", "de", "no", "gu", "ba"]
    words = set(LEGAL_WORDS)
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    ordered = list(LEGAL_WORDS) + sorted(words - set(LEGAL_WORDS))
    return ordered


def _transcript(index: int, rng: random.Random, vocabulary: list[str],
                weights: list[float], segments: int) -> dict[str, Any]:
    language = rng.choice(LANGUAGES)
    count = max(10, int(rng.gauss(segments, segments / 3)))
    lines, clock = [], 0.0
    chosen = rng.choices(vocabulary, weights, k=count * WORDS_PER_LINE)
    for number in range(1, count + 1):
        role = ROLES[number % len(ROLES)]
        spoken = language if role == "applicant" or (role == "interpreter" and number % 2) \
            else "en"
        text_words = chosen[(number - 1) * WORDS_PER_LINE:number * WORDS_PER_LINE]
        start = clock
        words = []
        for word in text_words:
            words.append({"start": round(clock, 3), "end": round(clock + 0.3, 3),
                          "text": " " + word, "probability": round(rng.uniform(0.5, 1), 3)})
            clock += 0.35
        page, row = divmod(number + 24, 25)
        segment: dict[str, Any] = {
            "id": number, "start": round(start, 3), "end": round(clock, 3),
            "text": " ".join(text_words), "language": spoken, "language_probability": 0.97,
            "words": words, "speaker": f"SPEAKER_{ROLES.index(role):02d}", "role": role,
            "avg_logprob": -0.3, "no_speech_prob": 0.01, "compression_ratio": 1.4,
            "translation": None, "flags": [], "overlap_speakers": [],
            "page_line": {"start": [page + 1, row + 1], "end": [page + 1, row + 1],
                          "cite": f"Tr. {page + 1}:{row + 1}"}}
        if spoken != "en":
            segment["translation"] = {"text": " ".join(rng.choices(vocabulary, weights,
                                                                   k=WORDS_PER_LINE)),
                                      "engine": "whisper-translate:whisper-base"}
        lines.append(segment)
        clock += 0.8
    tags = []
    for tag_id in range(1, rng.randint(3, 8) + 1):
        label, polarities = rng.choice(OUTCOMES)
        first = rng.randint(1, count - 1)
        tags.append({"id": tag_id, "label": label, "start": lines[first - 1]["start"],
                     "end": lines[first]["end"], "segments": [first, first + 1],
                     "quote": lines[first - 1]["text"], "confidence": 0.9,
                     "source": "benchmark", "polarity": rng.choice(polarities),
                     "speaker": "SPEAKER_00", "role": "judge", "attributes": {},
                     "review": rng.choice(("unreviewed", "unreviewed", "accepted", "rejected"))})
    year, day = 2024 + index % 3, 1 + index % 28
    return {
        "schema_version": 1,
        "recording": {"id": f"{index:064x}", "source": f"hearing_{index:05d}.wav",
                      "duration": round(clock, 3), "sample_rate": 16000,
                      "source_sample_rate": 16000, "channels": 1, "format": "wav",
                      "metadata": {"case_number": f"A{index:09d}",
                                   "hearing_type": rng.choice(HEARING_TYPES),
                                   "hearing_date": f"{year}-{1 + index % 12:02d}-{day:02d}",
                                   "expected_language": language,
                                   "participants": [{"role": "judge",
                                                     "name": rng.choice(JUDGES)}]}},
        "pipeline": {"engines": {}, "models": [], "options": {}, "versions": {},
                     "created_at": "2026-11-30T00:00:00+00:00", "timings": {}},
        "speakers": [], "turns": [], "segments": lines, "tags": tags,
        "interpretation_checks": [], "review_history": []}


def generate(out: Path, hearings: int, segments: int) -> int:
    """Write ``hearings`` transcripts into ``out``; returns the bytes written."""
    rng = random.Random(SEED)
    vocabulary = _vocabulary(rng)
    weights = [1.0 / rank for rank in range(1, len(vocabulary) + 1)]
    total = 0
    for index in range(hearings):
        folder = out / f"hearing_{index:05d}"
        folder.mkdir(parents=True, exist_ok=True)
        blob = json.dumps(_transcript(index, rng, vocabulary, weights, segments),
                          ensure_ascii=False, indent=1).encode("utf-8")
        (folder / "transcript.json").write_bytes(blob)
        total += len(blob)
    return total


def _timed(action: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


QUERIES = (
    ("a common word", Query(text="asylum")),
    ("a rarer word", Query(text="corroboration")),
    ("a phrase", Query(text='"gang police"')),
    ("a prefix", Query(text="persecu*")),
    ("two words, a judge, dates", Query(text="threat family", judge="carter",
                                        date_from="2025-01-01", date_to="2025-12-31")),
    ("a tag and polarity", Query(tag="credibility", polarity="adverse")),
    ("words in a tag, a language", Query(text="police", tag="asylum", hearing_language="es")),
    ("words, role, line language", Query(text="soldiers village", role="applicant",
                                         language="es")),
)


def _latencies(out: Path, repeats: int) -> list[tuple[str, float, float, int]]:
    """Per query: median seconds of the query alone, and of the refresh a search does first
    plus the query (as ``hearingproc search`` and the review page run them), and hits."""
    rows = []
    with SearchIndex(out) as index:
        for name, query in QUERIES:
            alone, with_refresh = [], []
            total = 0
            def refreshed(q: Query = query) -> Result:
                index.refresh()
                return search(index, q)

            for _ in range(repeats):
                seconds, result = _timed(functools.partial(search, index, query))
                alone.append(seconds)
                total = result.total
                seconds, _ = _timed(refreshed)
                with_refresh.append(seconds)
            rows.append((name, statistics.median(alone), statistics.median(with_refresh),
                         total))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hearings", type=int, default=1000)
    parser.add_argument("--segments", type=int, default=300,
                        help="lines per hearing, on average")
    parser.add_argument("--repeats", type=int, default=5, help="runs of each query")
    parser.add_argument("--out", type=Path, default=None,
                        help="where to generate (default: a temporary folder, removed after); "
                        "hearings a run left there are used again")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="hearingproc-search-bench-"))
    try:
        made = [out / f"hearing_{i:05d}" / "transcript.json" for i in range(args.hearings)]
        if args.out is not None and all(path.is_file() for path in made):
            size = sum(path.stat().st_size for path in made)
            print(f"reusing {args.hearings} hearings in {out} ({size / 1e6:.0f} MB)")
        else:
            seconds, size = _timed(lambda: generate(out, args.hearings, args.segments))
            print(f"generated {args.hearings} hearings ({size / 1e6:.0f} MB of transcript.json) "
                  f"in {seconds:.1f} s")
        index_path(out).unlink(missing_ok=True)
        with SearchIndex(out) as index:
            build, report = _timed(index.refresh)
            lines = index.connection.execute("SELECT count(*) FROM lines").fetchone()[0]
            nothing, _ = _timed(index.refresh)
            for name in sorted(report.indexed)[:10]:  # ten hearings reviewed meanwhile
                path = out / name / "transcript.json"
                data = json.loads(path.read_text("utf-8"))
                data["segments"][0]["text"] += " reviewed"
                path.write_text(json.dumps(data), encoding="utf-8")
            changed, again = _timed(index.refresh)
        megabytes = index_path(out).stat().st_size / 1e6
        print(f"index build: {build:.1f} s for {report.hearings} hearings, {lines} lines "
              f"({report.hearings / build:.0f} hearings/s); index {megabytes:.0f} MB")
        print(f"refresh with nothing changed (done before each search): {nothing * 1000:.0f} ms")
        print(f"refresh after 10 hearings changed: {changed:.2f} s "
              f"({len(again.indexed)} indexed)")
        print(f"\n{'query':32} {'query ms':>9} {'+refresh ms':>12} {'lines':>8}")
        for name, alone, with_refresh, total in _latencies(out, args.repeats):
            print(f"{name:32} {alone * 1000:9.1f} {with_refresh * 1000:12.1f} {total:8d}")
        command = [sys.executable, "-m", "hearingproc.cli", "search", str(out), "police",
                   "--tag", "credibility:adverse", "--limit", "20"]
        seconds, done = _timed(lambda: subprocess.run(command, capture_output=True, text=True))
        print(f"\nhearingproc search (the whole command, Python start included): "
              f"{seconds:.2f} s, exit {done.returncode}")
    finally:
        if args.out is None:
            shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
