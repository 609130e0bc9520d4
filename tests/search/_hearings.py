"""Several processed hearings, made from the sample hearing's real output
committed in ``tests/data/review/`` (no model runs): each copy gets its own sidecar facts
(judge, hearing type, date, language), and some their own findings and words, as a reviewed
or re-processed hearing would have them."""

from __future__ import annotations

import copy
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
COMMITTED = REPO / "tests" / "data" / "review" / "mock_hearing_es"
SAMPLE_AUDIO = REPO / "sample_audio"
CREDIBILITY_LINE = 21  # "I find the respondent credible, ..." (tag 2, credibility:positive)
RULING_LINE = 23  # "is granted." (tag 5, asylum:granted, lines 22-23)
POLICE_LINE = 19  # the applicant: "Sí, los jueces, pero la policía no hizo nada."
ADVERSE_TEXT = "I find the respondent not credible, his testimony was vague and inconsistent."
TRANSLATION_PHRASE = "officers ignored the complaint about the gang"


@dataclass(frozen=True)
class Hearing:
    name: str
    judge: str
    hearing_type: str
    date: str
    language: str
    credibility: str  # the credibility tag's polarity
    credibility_review: str = "unreviewed"
    asylum: str = "granted"
    translation: str | None = None  # a new English translation of POLICE_LINE
    page_lines: bool = False  # keeps page_line (else processed before the paginated transcript)


HEARINGS = (
    Hearing("carter_2026_03_es", "Anne Carter", "merits", "2026-03-02", "es", "positive",
            page_lines=True),
    Hearing("carter_2026_04_es", "Anne Carter", "merits", "2026-04-10", "es", "adverse",
            asylum="denied", translation=f"Yes, twice, but the {TRANSLATION_PHRASE}."),
    Hearing("brooks_2026_05_pt", "David Brooks", "master calendar", "2026-05-20", "pt",
            "adverse", asylum="denied"),
    Hearing("brooks_2026_06_es", "David Brooks", "merits", "2026-06-01", "es", "adverse",
            credibility_review="rejected"),
)


def committed() -> dict[str, Any]:
    """The committed transcript, its recording's path pointed at this checkout's audio."""
    data = json.loads((COMMITTED / "transcript.json").read_text(encoding="utf-8"))
    data["recording"]["source"] = str(SAMPLE_AUDIO / Path(data["recording"]["source"]).name)
    return data


def cite(segment_id: int) -> str:
    """The committed transcript's page:line citation of a segment, e.g. "Tr. 3:15-16"."""
    return next(s["page_line"]["cite"] for s in committed()["segments"] if s["id"] == segment_id)


def transcript_for(hearing: Hearing) -> dict[str, Any]:
    data = copy.deepcopy(committed())
    data["recording"]["metadata"] = {
        "case_number": f"A000-000-{HEARINGS.index(hearing):03d}",
        "hearing_type": hearing.hearing_type, "hearing_date": hearing.date,
        "expected_language": hearing.language,
        "participants": [{"role": "judge", "name": hearing.judge}, "interpreter",
                         {"role": "applicant", "name": "Luis Ramirez"}]}
    segments = {s["id"]: s for s in data["segments"]}
    tags = {t["label"]: t for t in data["tags"]}
    tags["credibility"]["polarity"] = hearing.credibility
    tags["credibility"]["review"] = hearing.credibility_review
    if hearing.credibility == "adverse":
        segments[CREDIBILITY_LINE]["text"] = ADVERSE_TEXT
        segments[CREDIBILITY_LINE]["words"] = []
        tags["credibility"]["quote"] = ADVERSE_TEXT
    tags["asylum"]["polarity"] = hearing.asylum
    if hearing.asylum != "granted":
        segments[RULING_LINE]["text"] = f"is {hearing.asylum}."
        segments[RULING_LINE]["words"] = []
    if hearing.translation:
        segments[POLICE_LINE]["translation"]["text"] = hearing.translation
    if not hearing.page_lines:
        for item in data["segments"] + data["tags"]:
            item.pop("page_line", None)
    return data


def write_hearing(root: Path, name: str, data: dict[str, Any]) -> Path:
    """``root/name/`` as ``hearingproc process`` leaves it (the other exports copied as they
    are: the index reads transcript.json only)."""
    folder = root / name
    if not folder.exists():
        shutil.copytree(COMMITTED, folder)
    (folder / "transcript.json").write_text(json.dumps(data, ensure_ascii=False, indent=1),
                                            encoding="utf-8")
    return folder
