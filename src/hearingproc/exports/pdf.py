"""``transcript.pdf``: the paginated transcript (:mod:`hearingproc.exports.paginated`) drawn
with fpdf2, one US-letter page per layout page, each of its lines at a fixed place.

The lines are already broken by the layout; this module only places them, so the PDF shows the
same page:line as ``transcript.json`` and the DOCX. The font is DejaVu Sans Mono (shipped with
matplotlib, a dependency already) embedded in the file, so accented and non-Latin letters print
and every character takes the same width; DejaVu Sans fills in letters the monospace font lacks.
Chinese, Japanese and Korean letters come from a CJK system font (:data:`CJK_FONT_FILES`);
a letter no font has prints as an empty box (counted in a warning, never logged itself), while
the DOCX keeps it for Word's own fonts.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from hearingproc.exports._lines import columns
from hearingproc.exports.paginated import (
    LINES_PER_PAGE,
    Layout,
    PaginateOptions,
    created_at,
    paginate,
    write_layout,
)
from hearingproc.transcript import Transcript

if TYPE_CHECKING:
    from fpdf import FPDF

log = logging.getLogger(__name__)

FONT = "DejaVuSansMono"
FALLBACK_FONT = "DejaVuSans"  # for letters the monospace font lacks
FONT_SIZE = 11  # points; 0.6 em per character: 64 characters take 422 pt
PAGE_WIDTH, PAGE_HEIGHT = 612.0, 792.0  # US letter, in points
FIRST_BASELINE = 108.0  # 1.5 inch from the top
LINE_PITCH = 24.0  # double spacing, as court transcripts are set: 25 lines take 600 pt
NUMBER_RIGHT = 96.0  # line numbers end here
RULE_X = 102.0  # the vertical rule between the numbers and the text
TEXT_X = 108.0
HEAD_BASELINE = 66.0  # the running head: case number left, page number right
RIGHT_MARGIN = PAGE_WIDTH - 54.0


# Chinese, Japanese and Korean letters: the first of these system fonts that is installed
# (scripts/setup.sh installs Debian's fonts-wqy-microhei); each takes two monospace columns in
# the layout and is drawn 1 em wide, inside the 1.2 em those columns give it.
CJK_FONT = "CJK"
CJK_FONT_FILES = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
)


def _cjk_font_file() -> Path | None:
    return next((path for path in CJK_FONT_FILES if path.is_file()), None)


def _font_file(name: str) -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf" / f"{name}.ttf"


class _NoGlyphList(logging.Filter):
    """Drops fpdf2's warning that lists the characters a font lacks: they are transcript text."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "missing the following glyphs" not in str(record.msg)


@contextmanager
def _glyphs_unlogged() -> Iterator[None]:
    logger, quiet = logging.getLogger("fpdf.output"), _NoGlyphList()
    logger.addFilter(quiet)
    try:
        yield
    finally:
        logger.removeFilter(quiet)


def _page(pdf: FPDF, number: int, lines: tuple[str, ...], case: str) -> None:
    pdf.add_page()
    pdf.set_font(FONT, size=FONT_SIZE - 1)
    if case:
        pdf.text(TEXT_X, HEAD_BASELINE, f"File No. {case}")
    head = f"Page {number}"
    pdf.text(RIGHT_MARGIN - pdf.get_string_width(head), HEAD_BASELINE, head)
    pdf.set_font(FONT, size=FONT_SIZE)
    last = FIRST_BASELINE + LINE_PITCH * (LINES_PER_PAGE - 1)
    pdf.line(RULE_X, FIRST_BASELINE - LINE_PITCH / 2 - 4, RULE_X, last + LINE_PITCH / 2)
    for index, line in enumerate(lines):
        y = FIRST_BASELINE + LINE_PITCH * index
        label = str(index + 1)
        pdf.text(NUMBER_RIGHT - pdf.get_string_width(label), y, label)
        if line:
            _draw_line(pdf, y, line)


def _draw_line(pdf: FPDF, y: float, line: str) -> None:
    """One layout line, each character at its monospace column. fpdf2's ``text`` never falls
    back to another font, so a run of letters the monospace font lacks is drawn in the first
    fallback font that has them, starting at the column the layout gave it (a wide character
    takes two columns: :func:`~hearingproc.exports._lines.columns`)."""
    main = pdf.fonts[FONT.lower()]
    if all(ord(c) in main.cmap for c in line):  # type: ignore[union-attr]
        pdf.text(TEXT_X, y, line)
        return
    column = pdf.get_string_width(" ")
    at, runs = 0, list[tuple[int, str, str]]()  # (column, font, text)
    for char in line:
        font = FONT.lower()  # fpdf2's font keys are the family names in lower case
        if ord(char) not in main.cmap:  # type: ignore[union-attr]
            font = pdf.get_fallback_font(char) or font
        if runs and runs[-1][1] == font:
            runs[-1] = (runs[-1][0], runs[-1][1], runs[-1][2] + char)
        else:
            runs.append((at, font, char))
        at += columns(char)
    for start, font, text in runs:
        pdf.set_font(font, size=FONT_SIZE)
        pdf.text(TEXT_X + start * column, y, text)
    pdf.set_font(FONT, size=FONT_SIZE)


def _beyond_dejavu(pdf: FPDF, layout: Layout) -> bool:
    """Whether a letter of the layout is in neither DejaVu font (already added to ``pdf``)."""
    mono, sans = (getattr(pdf.fonts[f.lower()], "cmap", {}) for f in (FONT, FALLBACK_FONT))
    return any(ord(c) not in mono and ord(c) not in sans
               for page in layout.pages for line in page.lines for c in line)


def render_layout(layout: Layout, transcript: Transcript) -> bytes:
    """The PDF of an already paginated transcript."""
    from fpdf import FPDF

    pdf = FPDF(orientation="portrait", unit="pt", format="letter")
    pdf.set_auto_page_break(False)
    pdf.add_font(FONT, fname=_font_file(FONT))
    pdf.add_font(FALLBACK_FONT, fname=_font_file(FALLBACK_FONT))
    fallbacks = [FALLBACK_FONT]
    cjk = _cjk_font_file()
    if cjk is not None and _beyond_dejavu(pdf, layout):
        # only when some letter needs it: the CJK font takes ten times as long to read and
        # embed as both DejaVu fonts, and a review edit writes the PDF again
        pdf.add_font(CJK_FONT, fname=cjk)
        fallbacks.append(CJK_FONT)
    pdf.set_fallback_fonts(fallbacks, exact_match=False)
    pdf.set_creation_date(created_at(transcript))
    pdf.set_title(f"Transcript of hearing {layout.case}".strip())
    pdf.set_creator("hearingproc")
    for page in layout.pages:
        _page(pdf, page.number, page.lines, layout.case)
    with _glyphs_unlogged():
        blob = bytes(pdf.output())
    missing = {c for font in pdf.fonts.values() for c in getattr(font, "missing_glyphs", ())}
    if missing:
        log.warning("transcript.pdf: %d distinct characters have no glyph in the embedded fonts "
                    "and print as empty boxes; transcript.docx keeps them", len(missing))
    return blob


def render(transcript: Transcript) -> bytes:
    return render_layout(paginate(transcript), transcript)


def write_pdf(transcript: Transcript, path: str | Path,
              options: PaginateOptions | None = None) -> Path:
    """Write the paginated transcript as a PDF at ``path`` (atomically); returns the path."""
    return write_layout(render_layout, transcript, path, options)
