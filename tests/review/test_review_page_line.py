"""The review app shows each line's and each tag's "Tr. page:line", and an edit re-paginates:
transcript.json, transcript.pdf and the page agree afterwards."""

from __future__ import annotations

import io
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from fastapi.testclient import TestClient

from hearingproc.review import ReviewOptions, create_app

NAME = "mock_hearing_es"
ORIGIN = "http://127.0.0.1"
CSRF = re.compile(r'<meta name="csrf-token" content="([0-9a-f]{64})">')


@pytest.fixture()
def root(committed_output: Path, tmp_path: Path) -> Path:
    shutil.copytree(committed_output, tmp_path / "out" / NAME)
    return tmp_path / "out"


@pytest.fixture()
def client(root: Path) -> Iterator[TestClient]:
    with TestClient(create_app(ReviewOptions(root, reviewer="Pat")), base_url=ORIGIN) as c:
        yield c


def _cite(page: str, element_id: str) -> str:
    item = re.search(rf'id="{element_id}".*?</li>', page, re.S)
    assert item, element_id
    found = re.search(r'<span class="cite"[^>]*>(Tr\. [0-9:-]+)</span>', item[0])
    assert found, item[0]
    return found[1]


def test_lines_and_tags_show_page_and_line_and_follow_an_edit(client: TestClient, root: Path):
    page = client.get(f"/r/{NAME}").text
    assert _cite(page, "line-5") == "Tr. 2:5"
    assert _cite(page, "line-8") == "Tr. 2:10-11"
    assert _cite(page, "tag-1") == "Tr. 2:3-4"  # interpreter sworn, segments 3 and 4
    longer = "I do, Your Honor. " * 12
    token = CSRF.search(page)[1]
    answer = client.post(f"/api/r/{NAME}/segments/5/text", json={"text": longer},
                         headers={"origin": ORIGIN, "x-csrf-token": token})
    assert answer.status_code == 200, answer.text
    page = client.get(f"/r/{NAME}").text
    moved = _cite(page, "line-8")
    assert moved != "Tr. 2:10-11" and _cite(page, "line-5") == "Tr. 2:5-8"
    saved = json.loads((root / NAME / "transcript.json").read_text(encoding="utf-8"))
    assert next(s for s in saved["segments"] if s["id"] == 8)["page_line"]["cite"] == moved
    drawn = pypdf.PdfReader(root / NAME / "transcript.pdf").pages[1].extract_text().splitlines()
    assert "INTERPRETER:  I do, Your Honor." in next(x for x in drawn if x.startswith("5 "))


def test_pdf_and_docx_download_from_the_review_page(client: TestClient):
    page = client.get(f"/r/{NAME}").text
    for fmt, magic, kind in (("pdf", b"%PDF", "application/pdf"),
                             ("docx", b"PK", "application/vnd.openxmlformats")):
        assert f'href="/r/{NAME}/export/{fmt}"' in page
        answer = client.get(f"/r/{NAME}/export/{fmt}")
        assert answer.status_code == 200 and answer.content.startswith(magic)
        assert answer.headers["content-type"].startswith(kind)
        assert "charset" not in answer.headers["content-type"]
        assert f"{NAME}.{fmt}" in answer.headers["content-disposition"]
    reader = pypdf.PdfReader(io.BytesIO(client.get(f"/r/{NAME}/export/pdf").content))
    assert "5      INTERPRETER:  I do!" in reader.pages[1].extract_text()
