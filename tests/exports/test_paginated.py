"""The paginated transcript (exports/paginated.py) and its PDF and DOCX, read back with pypdf
and python-docx, on the processed sample hearing (tests/data/review), so no model is needed."""

from __future__ import annotations

import io
import itertools
import json
import re
from dataclasses import replace
from pathlib import Path

import docx as python_docx
import pypdf
import pytest

from hearingproc import exports
from hearingproc.config import load_config
from hearingproc.exports import _lines, json_export, paginated, pdf, text
from hearingproc.exports.docx import write_docx
from hearingproc.exports.paginated import (
    INDISCERNIBLE,
    LINE_WIDTH,
    LINES_PER_PAGE,
    PaginateOptions,
    Place,
    Span,
    paginate,
)
from hearingproc.exports.pdf import write_pdf
from hearingproc.transcript import Segment, Tag, Transcript, Word, load_transcript, validate

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "review" / "mock_hearing_es" / \
    "transcript.json"
SIDECAR = {
    "case_number": "A123-456-789",
    "hearing_type": "merits",
    "hearing_date": "2026-03-02",
    "court": "Houston, Texas",
    "expected_language": "es",
    "participants": [
        {"role": "judge", "name": "Anne Carter"},
        {"role": "interpreter", "name": "Elena Ortiz"},
        {"role": "applicant", "name": "Luis Ramirez"},
        {"role": "dhs_counsel", "name": "Mark Delgado"},
        {"role": "respondent_counsel", "name": "Ms. Sarah Collins"},
    ],
}
NUMBERED = re.compile(r"^(\d+)(?: (.*))?$")


@pytest.fixture(scope="module")
def sample() -> Transcript:
    transcript = load_transcript(SAMPLE)
    return replace(transcript, recording=replace(transcript.recording, metadata=SIDECAR))


def _pdf_pages(path: Path) -> list[list[tuple[int, str]]]:
    """Each page's numbered lines as (number, text) in reading order."""
    pages = []
    for page in pypdf.PdfReader(path).pages:
        found = [NUMBERED.match(line) for line in page.extract_text().splitlines()]
        pages.append([(int(m[1]), (m[2] or "").strip()) for m in found if m])
    return pages


def _docx_pages(path: Path) -> list[list[str]]:
    pages: list[list[str]] = []
    for paragraph in python_docx.Document(str(path)).paragraphs:
        if paragraph.text.startswith("Page "):
            assert paragraph.paragraph_format.page_break_before == (len(pages) > 0)
            pages.append([])
        else:
            pages[-1].append(paragraph.text)
    return pages


def test_pdf_has_the_caption_and_25_numbered_lines_a_page(sample: Transcript, tmp_path: Path):
    layout = paginate(sample)
    pages = _pdf_pages(write_pdf(sample, tmp_path / "t.pdf"))
    assert len(pages) == len(layout.pages) == 4  # caption, two of record, closing
    for page, drawn in zip(layout.pages, pages, strict=True):
        assert [n for n, _ in drawn] == list(range(1, LINES_PER_PAGE + 1))
        assert [t for _, t in drawn] == [line.strip() for line in page.lines]
    caption = "\n".join(t for _, t in pages[0])
    for expected in ("UNITED STATES DEPARTMENT OF JUSTICE", "EXECUTIVE OFFICE FOR IMMIGRATION "
                     "REVIEW", "HOUSTON, TEXAS", "Luis Ramirez", "File No.: A123-456-789",
                     "TRANSCRIPT OF MERITS HEARING", "Date of hearing: 2026-03-02",
                     "Before: Anne Carter, Immigration Judge",
                     "On behalf of the Respondent: Ms. Sarah Collins",
                     "On behalf of DHS: Mark Delgado", "Language: Spanish",
                     "Interpreter: Elena Ortiz"):
        assert expected in caption
    closing = "\n".join(t for _, t in pages[-1])
    assert "MACHINE TRANSCRIPT, NOT CERTIFIED" in closing
    assert sample.recording.id in closing  # the recording's SHA-256, whole, on one line


def _runs(page: pypdf.PageObject) -> list[tuple[float, float, str]]:
    """(x, y, text) of each text run drawn on the page, in PDF points from the bottom left."""
    runs: list[tuple[float, float, str]] = []
    page.extract_text(visitor_text=lambda text, cm, tm, font, size: runs.append(
        (round(tm[4], 1), round(tm[5], 1), text.strip())))
    return runs


def test_pdf_lines_sit_on_a_fixed_grid(sample: Transcript, tmp_path: Path):
    """Each number and its line share a baseline; baselines are 24 pt apart on every page."""
    reader = pypdf.PdfReader(write_pdf(sample, tmp_path / "t.pdf"))
    for page in reader.pages:
        runs = _runs(page)
        numbers = {text: y for x, y, text in runs if x < pdf.RULE_X and text}
        assert list(numbers) == [str(n) for n in range(1, LINES_PER_PAGE + 1)]
        baselines = [pdf.PAGE_HEIGHT - pdf.FIRST_BASELINE - pdf.LINE_PITCH * i
                     for i in range(LINES_PER_PAGE)]
        assert list(numbers.values()) == baselines
        text_runs = [(x, y) for x, y, text in runs if text and x == pdf.TEXT_X]
        assert all(y in baselines or y > baselines[0] for _, y in text_runs)  # or the head


def test_known_lines_fall_on_their_page_and_line(sample: Transcript, tmp_path: Path):
    pages = _pdf_pages(write_pdf(sample, tmp_path / "t.pdf"))
    # page 2 opens the record: the judge's two segments, then the interpreter's oath answer
    assert pages[1][0] == (1, "JUDGE:  This is immigration judge and Carter, in the matter")
    assert pages[1][4] == (5, "INTERPRETER:  I do!")
    assert pages[1][5][1].startswith("MARK DELGADO:")  # no title in the sidecar: none guessed
    assert pages[1][7][1].startswith("MS. COLLINS:  Sir Collins, for the respondent")
    assert pages[1][9][1].startswith("INTERPRETER (in Spanish):")
    assert pages[1][10][1].startswith("[English translation: Why did I kill one")
    assert pages[2][19] == (20, "JUDGE:  Appeal is reserved, it is due within 30 days.")
    data = json.loads(json_export.render(sample))
    validate(data)
    by_id = {s["id"]: s["page_line"] for s in data["segments"]}
    assert by_id[5] == {"start": [2, 5], "end": [2, 5], "cite": "Tr. 2:5"}
    assert by_id[8]["cite"] == "Tr. 2:10-11"  # the Spanish and its English, set off below
    assert by_id[26]["cite"] == "Tr. 3:20"
    sworn = next(t for t in data["tags"] if t["label"] == "interpreter_sworn")
    assert sworn["page_line"]["cite"] == "Tr. 2:3-4"
    assert load_transcript(_written(tmp_path, data)) == sample  # page_line is not read back


def _written(folder: Path, data: dict) -> Path:
    path = folder / "transcript.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_long_caption_entries_wrap_within_the_line(sample: Transcript):
    meta = {**SIDECAR, "case_name": "Maria de los Angeles Gutierrez Fernandez de la Cruz and "
            "her two minor children", "case_number": "A123-456-789, A123-456-790, A123-456-791"}
    layout = paginate(replace(sample, recording=replace(sample.recording, metadata=meta)))
    caption = layout.pages[0].lines
    assert all(len(line) <= LINE_WIDTH for line in caption)
    assert "her two minor children" in " ".join(" ".join(caption).split())
    assert any(line.endswith("A123-456-791") for line in caption)


def test_MR_label_only_with_a_title():
    assert paginated.counsel_label("Ms. Sarah Collins") == "MS. COLLINS"
    assert paginated.counsel_label("mr Mark Delgado") == "MR. DELGADO"
    assert paginated.counsel_label("Mark Delgado") == "MARK DELGADO"


def test_doubtful_words_are_indiscernible_and_the_json_keeps_them(sample: Transcript,
                                                                    tmp_path: Path):
    first = sample.segments[0]
    doubtful = [w.text.strip() for w in first.words if w.probability < 0.1]
    assert doubtful == ["embarrassing"]
    pdf_text = "\n".join(t for page in _pdf_pages(write_pdf(sample, tmp_path / "t.pdf"))
                         for _, t in page)
    assert f"of Luis Ramirez {INDISCERNIBLE} the respondents" in pdf_text
    assert "embarrassing" not in pdf_text
    docx_text = "\n".join(line for page in _docx_pages(write_docx(sample, tmp_path / "t.docx"))
                          for line in page)
    assert INDISCERNIBLE in docx_text and "embarrassing" not in docx_text
    data = json.loads(json_export.render(sample))
    assert "embarrassing" in data["segments"][0]["text"]
    # threshold 0: every word printed; a higher one hides more
    assert "embarrassing" in "\n".join(
        line for page in paginate(sample, PaginateOptions(0.0)).pages for line in page.lines)
    loose = paginate(sample, PaginateOptions(0.5))
    assert sum(line.count(INDISCERNIBLE) for page in loose.pages for line in page.lines) > 3


def test_threshold_comes_from_the_config_the_transcript_was_made_with(sample: Transcript,
                                                                      tmp_path: Path):
    toml = tmp_path / "hearingproc.toml"
    toml.write_text("[paginate]\nindiscernible_below = 0.5\n", encoding="utf-8")
    options = load_config(toml).public_options()
    made = replace(sample, pipeline=replace(sample.pipeline, options=options))
    assert paginate(made) == paginate(sample, PaginateOptions(0.5)) != paginate(sample)
    toml.write_text("[paginate]\nindiscernible_below = 2\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"\[paginate\].*between 0 and 1"):
        load_config(toml)


def test_docx_has_the_same_pages_and_lines(sample: Transcript, tmp_path: Path):
    layout = paginate(sample)
    pages = _docx_pages(write_docx(sample, tmp_path / "t.docx"))
    assert len(pages) == len(layout.pages)
    for page, written in zip(layout.pages, pages, strict=True):
        assert len(written) == LINES_PER_PAGE
        for number, (line, paragraph) in enumerate(zip(page.lines, written, strict=True), 1):
            assert re.match(rf"^ ?{number}(  |$)", paragraph)
            assert paragraph[4:] == line.rstrip()
    assert pages[0][1].endswith("EXECUTIVE OFFICE FOR IMMIGRATION REVIEW")
    assert pages[1][4] == " 5       INTERPRETER:  I do!"
    assert any("File No.: A123-456-789" in line for line in pages[0])
    assert any(sample.recording.id in line for line in pages[-1])


def test_same_transcript_paginates_and_renders_identically(sample: Transcript, tmp_path: Path):
    assert paginate(sample) == paginate(sample)
    reloaded = load_transcript(_written(tmp_path, json.loads(json_export.render(sample))))
    assert paginate(reloaded) == paginate(sample)
    assert exports.pdf.render(sample) == exports.pdf.render(reloaded)  # byte for byte
    twice = [write_pdf(sample, tmp_path / f"{i}.pdf") for i in range(2)]
    assert _pdf_pages(twice[0]) == _pdf_pages(twice[1])
    docs = [_docx_pages(write_docx(sample, tmp_path / f"{i}.docx")) for i in range(2)]
    assert docs[0] == docs[1]


def _long(transcript: Transcript, copies: int) -> Transcript:
    """The sample's record repeated, ids renumbered: a hearing of many pages."""
    n = len(transcript.segments)
    segments = tuple(replace(s, id=s.id + k * n) for k in range(copies)
                     for s in transcript.segments)
    tags = tuple(replace(t, id=t.id + k * len(transcript.tags),
                         segments=tuple(i + k * n for i in t.segments))
                 for k in range(copies) for t in transcript.tags)
    return replace(transcript, segments=segments, tags=tags)


def test_a_long_hearing_breaks_pages_at_25_lines_and_cites_across_them(sample: Transcript):
    layout = paginate(_long(sample, 7))
    assert len(layout.pages) > 8
    assert all(len(page.lines) == LINES_PER_PAGE for page in layout.pages)
    assert all(len(line) <= LINE_WIDTH for page in layout.pages for line in page.lines)
    spans = list(layout.segments.values())
    assert all(a.start <= b.start and a.end <= b.end for a, b in itertools.pairwise(spans))
    across = [s for s in spans if s.start.page != s.end.page]
    assert across and re.fullmatch(r"Tr\. \d+:\d+-\d+:\d+", across[0].cite)
    for span in spans:  # every segment's first line is a line of the record
        assert layout.pages[span.start.page - 1].kind == "record"
        assert layout.pages[span.start.page - 1].lines[span.start.line - 1].strip()


def test_cite_forms():
    assert Span(Place(14, 3), Place(14, 9)).cite == "Tr. 14:3-9"
    assert Span(Place(14, 3), Place(14, 3)).cite == "Tr. 14:3"
    assert Span(Place(14, 20), Place(15, 4)).cite == "Tr. 14:20-15:4"


def test_a_word_longer_than_a_line_is_cut_and_a_tag_without_segments_has_no_span(
        sample: Transcript):
    word = "x" * (LINE_WIDTH * 2)
    segment = Segment(1, 0.0, 1.0, word, "en", 0.9, (Word(0.0, 1.0, " " + word, 0.9),),
                      role="judge")
    tag = Tag(1, "ruling", None, None, (), "", 0.5, "test")
    layout = paginate(replace(sample, segments=(segment,), tags=(tag,)))
    record = [line for line in layout.pages[1].lines if line]
    assert "".join(record).replace(" ", "").endswith(word) and len(record) == 3
    assert layout.tags == {}
    data = paginated.page_line_json({"segments": [{"id": 1}], "tags": [{"id": 1}]}, layout)
    assert data["tags"][0]["page_line"] is None


def test_text_transcript_tags_cite_page_and_line(sample: Transcript):
    rendered = text.render(sample)
    assert re.search(r"\(Tr\. 2:3-4\) INTERPRETER SWORN - JUDGE", rendered)
    assert "(Tr. 3:15-16) CREDIBILITY: positive" in rendered


def test_characters_without_a_glyph_are_counted_never_logged(sample: Transcript, caplog):
    # Myanmar script: in none of the embedded fonts nor the CJK system font.
    segment = replace(sample.segments[0], text="我叫李明 Ծրագիր မြန်မာ", words=())
    chinese = replace(sample, segments=(segment,))
    with caplog.at_level("DEBUG"):
        blob = exports.pdf.render(chinese)
    assert blob.startswith(b"%PDF")
    assert re.search(r"\b\d+ distinct characters have no glyph", caplog.text)
    assert not any(c in caplog.text for c in "我叫李明Ծրագիրမြန်မာ")
    docx_text = python_docx.Document(io.BytesIO(exports.docx.render(chinese))).paragraphs[27].text
    assert "我叫李明 Ծրագիր" in docx_text


@pytest.mark.skipif(pdf._cjk_font_file() is None,
                    reason="no CJK system font (scripts/setup.sh installs fonts-wqy-microhei)")
def test_a_mandarin_passage_prints_and_fits_its_lines(sample: Transcript, tmp_path: Path):
    """Mandarin, unspaced, is cut into lines of at most LINE_WIDTH columns (a Chinese character
    takes two) and drawn with the CJK font: the PDF's text holds the characters, not boxes."""
    passage = "我是从中国来的。我害怕回去，因为警察会再次抓我并且打我。" * 4
    segment = replace(sample.segments[0], text=passage, language="zh", words=())
    mandarin = replace(sample, segments=(segment,), tags=())
    lines = [line for line in paginate(mandarin).pages[1].lines if line]
    spoken = [line for line in lines if any("\u4e00" <= c <= "\u9fff" for c in line)]
    assert len(spoken) >= 3
    assert all(_lines.columns(line) <= LINE_WIDTH for line in lines)
    assert "".join(line.strip() for line in spoken).endswith(passage)
    printed = "".join(text for _, text in _pdf_pages(write_pdf(mandarin, tmp_path / "zh.pdf"))[1])
    assert passage[:20] in printed.replace(" ", "")
    # the CJK font is embedded only where a letter needs it (it is ten times as slow to embed)
    cjk_name = _cjk_font_name()
    assert cjk_name and cjk_name not in exports.pdf.render(sample)
    assert cjk_name in (tmp_path / "zh.pdf").read_bytes()


def _cjk_font_name() -> bytes:
    """The name the CJK font is embedded under (its full name without spaces, as fpdf2 writes
    it)."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(pdf._cjk_font_file()), fontNumber=0, lazy=True)
    return str(font["name"].getBestFullName()).replace(" ", "").encode()


def test_a_tag_cites_the_lines_of_its_quote(sample: Transcript, tmp_path: Path):
    asylum = next(t for t in sample.tags if t.label == "asylum")  # segments 22 and 23
    assert paginate(sample).segments[22].cite == "Tr. 3:16-17"

    def cite(quote: str) -> str:
        return paginate(replace(sample, tags=(replace(asylum, quote=quote),))).tags[asylum.id].cite

    assert cite("asylum is granted.") == "Tr. 3:17-18"  # the words' lines, not the segments'
    assert cite("He has a well-found … is granted") == "Tr. 3:16-18"  # elided: first to last
    assert cite("asylum was denied") == "Tr. 3:16-18"  # not found word for word: the segments
    pages = _pdf_pages(write_pdf(sample, tmp_path / "t.pdf"))
    assert pages[2][16][1].endswith("asylum is") and pages[2][17][1].startswith("granted.")
