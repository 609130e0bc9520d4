"""``timeline.png``: who spoke when, one row per speaker, overlapping speech shaded.

:func:`layout` is a pure function from the transcript to what the picture shows (rows, bars,
overlap regions, ticks); :func:`draw` turns that into PNG bytes with matplotlib's Agg canvas
(no pyplot, no display). The figure size and dpi are fixed and the PNG carries no metadata
(no software version, no timestamp), so the same transcript always gives the same bytes.
"""

from __future__ import annotations

import io
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from hearingproc.exports._time import speaker_label
from hearingproc.transcript import Transcript

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.typing import RcKeyType

FIGSIZE = (12.0, 4.5)  # inches, width x height
DPI = 100
IMAGE_SIZE = (round(FIGSIZE[0] * DPI), round(FIGSIZE[1] * DPI))  # pixels: 1200 x 450
MAX_TICKS = 12  # at most this many labelled ticks on the time axis
# Tick spacings in seconds, smallest first: the first that gives <= MAX_TICKS intervals wins.
NICE_STEPS = (1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600)
HOUR = 3600
MIN_BAR_PX = 1.0  # a turn shorter than one pixel is still drawn one pixel wide
HATCH_MIN_PX = 6.0  # overlaps narrower than this many pixels are filled, not hatched
OVERLAP_COLOR = "#444444"
BAND_COLOR = "#eeeeee"  # the overlap shading behind every row
OVERLAP_LABEL = "overlap"
NO_SPEECH = "no speech"
# matplotlib's tab10 then its lighter tab20 partners: one colour per speaker, cycled after 20
PALETTE = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5",
    "#c49c94", "#f7b6d2", "#c7c7c7", "#dbdb8d", "#9edae5",
)
# Only what the picture depends on is pinned, so a user's matplotlibrc cannot change it.
_RC: dict[RcKeyType, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 9.0,
    "text.usetex": False,
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "hatch.color": OVERLAP_COLOR,
    "hatch.linewidth": 0.8,
    "path.simplify": True,
}

Span = tuple[float, float]  # (start, width) in seconds, as matplotlib's broken_barh wants


@dataclass(frozen=True)
class Row:
    speaker: str  # diarization id, e.g. "SPEAKER_00"
    label: str  # the y-axis label: role (else id) and languages, e.g. "JUDGE (en)"
    color: str  # "#rrggbb"
    bars: tuple[Span, ...]  # this speaker's turns, in time order


@dataclass(frozen=True)
class Layout:
    title: str
    duration: float  # x-axis extent in seconds: the recording, or the last turn if later
    rows: tuple[Row, ...]  # speakers, top to bottom in order of first speech
    overlaps: tuple[Span, ...]  # where two or more different speakers talk at once
    ticks: tuple[float, ...]  # seconds
    tick_labels: tuple[str, ...]
    time_format: str  # of the tick labels: "mm:ss", or "h:mm:ss" when the axis reaches an hour

    @property
    def has_speech(self) -> bool:
        return any(row.bars for row in self.rows)


def tick_step(duration: float) -> int:
    """Seconds between ticks: the smallest nice step giving at most ``MAX_TICKS`` intervals."""
    for step in NICE_STEPS:
        if duration <= step * MAX_TICKS:
            return step
    return HOUR * math.ceil(duration / (HOUR * MAX_TICKS))


def axis_clock(seconds: float, with_hours: bool) -> str:
    """``mm:ss``, or ``h:mm:ss`` when ``with_hours``."""
    minutes, secs = divmod(int(round(seconds)), 60)
    if not with_hours:
        return f"{minutes:02d}:{secs:02d}"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


def overlap_regions(turns: list[tuple[float, float, str]]) -> tuple[Span, ...]:
    """(start, width) of the stretches where at least two different speakers are active.

    ``turns`` are ``(start, end, speaker)``; a speaker's own overlapping turns count once and
    turns that only touch (one ends where the next starts) do not overlap.
    """
    # at equal times, ends (0) sort before starts (1)
    events = sorted([(s, 1, who) for s, e, who in turns if e > s] +
                    [(e, 0, who) for s, e, who in turns if e > s])
    active: Counter[str] = Counter()
    regions: list[Span] = []
    opened: float | None = None
    for time, is_start, who in events:
        active[who] += 1 if is_start else -1
        if active[who] == 0:
            del active[who]
        if len(active) >= 2 and opened is None:
            opened = time
        elif len(active) < 2 and opened is not None:
            if time > opened:
                if regions and math.isclose(sum(regions[-1]), opened):
                    regions[-1] = (regions[-1][0], time - regions[-1][0])
                else:
                    regions.append((opened, time - opened))
            opened = None
    return tuple(regions)


def _languages(transcript: Transcript) -> dict[str, tuple[str, ...]]:
    """Speaker id -> languages: from ``speakers`` when given, else from their segments."""
    found: dict[str, dict[str, None]] = {}
    for segment in transcript.segments:
        if segment.speaker:
            found.setdefault(segment.speaker, {})[segment.language] = None
    result = {who: tuple(langs) for who, langs in found.items()}
    result.update({s.id: s.languages for s in transcript.speakers if s.languages})
    return result


def _roles(transcript: Transcript) -> dict[str, str]:
    """Speaker id -> role: from ``speakers``, else the first role its segments carry."""
    roles: dict[str, str] = {}
    for segment in transcript.segments:
        if segment.speaker and segment.role and segment.role != "unknown":
            roles.setdefault(segment.speaker, segment.role)
    roles.update({s.id: s.role for s in transcript.speakers if s.role != "unknown"})
    return roles


def _labels(ids: list[str], transcript: Transcript) -> list[str]:
    roles, languages = _roles(transcript), _languages(transcript)
    names = [speaker_label(roles.get(who), who) for who in ids]
    repeated = {name for name, count in Counter(names).items() if count > 1}
    labels = []
    for who, name in zip(ids, names, strict=True):
        if name in repeated and name != who:
            name = f"{name} · {who}"  # two interpreters: keep them apart
        langs = languages.get(who, ())
        labels.append(f"{name} ({', '.join(langs)})" if langs else name)
    return labels


def layout(transcript: Transcript) -> Layout:
    """What the picture shows, computed without matplotlib."""
    turns = sorted((t.start, t.end, t.speaker) for t in transcript.turns)
    first: dict[str, float] = {}
    for start, _, who in turns:
        first.setdefault(who, start)
    silent = [s.id for s in transcript.speakers if s.id not in first]
    ids = sorted(first, key=lambda who: (first[who], who)) + list(dict.fromkeys(silent))
    labels = _labels(ids, transcript)
    rows = tuple(
        Row(who, label, PALETTE[index % len(PALETTE)],
            tuple((s, e - s) for s, e, w in turns if w == who and e > s))
        for index, (who, label) in enumerate(zip(ids, labels, strict=True)))
    duration = max([transcript.recording.duration] + [e for _, e, _ in turns])
    with_hours = duration >= HOUR
    step = tick_step(duration)
    ticks = tuple(float(step * k) for k in range(int(duration // step) + 1))
    name = PurePath(transcript.recording.source.replace("\\", "/")).name or "recording"
    return Layout(
        title=f"{name} — {axis_clock(duration, with_hours)} "
              f"({len(rows)} speaker{'s' if len(rows) != 1 else ''})",
        duration=duration,
        rows=rows,
        overlaps=overlap_regions(turns),
        ticks=ticks,
        tick_labels=tuple(axis_clock(t, with_hours) for t in ticks),
        time_format="h:mm:ss" if with_hours else "mm:ss",
    )


def _plain(text: str) -> str:
    """Text matplotlib must not read as mathtext."""
    return text.replace("$", r"\$")


def draw(plan: Layout) -> bytes:
    """The PNG for ``plan``: ``IMAGE_SIZE`` pixels, identical bytes for identical input."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with rc_context(_RC):
        fig = Figure(figsize=FIGSIZE, dpi=DPI, layout="constrained")
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        ax.set_title(_plain(plan.title))
        xmax = plan.duration if plan.duration > 0 else 1.0
        ax.set_xlim(0, xmax)
        ax.set_xticks(plan.ticks, labels=plan.tick_labels)
        ax.set_xlabel(f"time ({plan.time_format})")
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        if not plan.has_speech:
            ax.set_yticks([])
            ax.text(0.5, 0.5, NO_SPEECH, transform=ax.transAxes, ha="center", va="center",
                    fontsize=16, color="#666666")
        else:
            _draw_rows(ax, plan, min_width=xmax * MIN_BAR_PX / IMAGE_SIZE[0])
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _draw_rows(ax: Axes, plan: Layout, min_width: float) -> None:
    """The overlap row on top, then one row of bars per speaker."""
    labels = [OVERLAP_LABEL] + [_plain(row.label) for row in plan.rows]
    height = 0.7
    ax.broken_barh(plan.overlaps, (-0.5, len(labels)), facecolors=BAND_COLOR,
                   edgecolor="none", zorder=0.3)
    # hatching is slow per patch and invisible when narrow: thin overlaps are drawn solid
    wide = [span for span in plan.overlaps if span[1] >= HATCH_MIN_PX * min_width]
    thin = [(start, max(width, min_width)) for start, width in plan.overlaps
            if width < HATCH_MIN_PX * min_width]
    ax.broken_barh(wide, (-height / 2, height), facecolors="white",
                   edgecolor=OVERLAP_COLOR, linewidth=0.5, hatch="////")
    ax.broken_barh(thin, (-height / 2, height), facecolors=OVERLAP_COLOR, edgecolor="none")
    for y, row in enumerate(plan.rows, start=1):
        bars = [(start, max(width, min_width)) for start, width in row.bars]
        ax.broken_barh(bars, (y - height / 2, height), facecolors=row.color,
                       edgecolor="none")
    ax.set_yticks(range(len(labels)), labels=labels)
    ax.set_ylim(len(labels) - 0.5, -0.5)


def render(transcript: Transcript) -> bytes:
    return draw(layout(transcript))
