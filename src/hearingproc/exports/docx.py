"""``transcript.docx``: the paginated transcript (:mod:`hearingproc.exports.paginated`) as a
Word document (python-docx) an attorney can quote from.

Each layout page is a running head (``Page N``) and 25 paragraphs ``" 1  text"`` in Courier New
at an exact line pitch, the first starting a new page. Lines are at most
:data:`~hearingproc.exports.paginated.LINE_WIDTH` characters, which fits the text column, so
Word never re-breaks them and the DOCX keeps the PDF's page:line.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from hearingproc.exports.paginated import (
    Layout,
    PaginateOptions,
    created_at,
    paginate,
    write_layout,
)
from hearingproc.transcript import Transcript

if TYPE_CHECKING:
    from docx.document import Document

FONT = "Courier New"
FONT_SIZE = 11  # points; 0.6 em a character: a numbered line (4 + 64) takes 449 of 468 pt
LINE_PITCH = 22  # points, exact: a running head and 25 lines take 572 of the page's 648 pt
NUMBER_WIDTH = 2  # line numbers right-aligned in two columns, then two spaces
MARGIN_INCHES = 1.0  # all round: the text column is 6.5 inches (468 pt) wide


def line_text(number: int, text: str) -> str:
    """A numbered line as the DOCX holds it, e.g. ``" 3  JUDGE:  ..."``."""
    return f"{number:>{NUMBER_WIDTH}}  {text}".rstrip()


def _setup(document: Document) -> None:
    from docx.shared import Inches, Pt

    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    section.top_margin = section.bottom_margin = Inches(MARGIN_INCHES)
    section.left_margin = section.right_margin = Inches(MARGIN_INCHES)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(FONT_SIZE)
    fmt = style.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(LINE_PITCH)
    fmt.widow_control = False


def render_layout(layout: Layout, transcript: Transcript) -> bytes:
    """The DOCX of an already paginated transcript."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING

    document = docx.Document()
    _setup(document)
    props = document.core_properties
    props.title = f"Transcript of hearing {layout.case}".strip()
    props.author = "hearingproc (machine transcript, not certified)"
    props.created = props.modified = created_at(transcript).replace(tzinfo=None)
    for page in layout.pages:
        head = document.add_paragraph(f"Page {page.number}")
        head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        head.paragraph_format.page_break_before = page.number > 1
        for number, text in enumerate(page.lines, start=1):
            paragraph = document.add_paragraph(line_text(number, text))
            paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render(transcript: Transcript) -> bytes:
    return render_layout(paginate(transcript), transcript)


def write_docx(transcript: Transcript, path: str | Path,
               options: PaginateOptions | None = None) -> Path:
    """Write the paginated transcript as a DOCX at ``path`` (atomically); returns the path."""
    return write_layout(render_layout, transcript, path, options)
