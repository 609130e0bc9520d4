"""``hearingproc search`` and ``index`` over several processed hearings: tags by label and
polarity, phrases in translations, the filters, page:line, and an index that follows the
files (incremental, removals, unreadable transcripts)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from tests.search._hearings import (
    ADVERSE_TEXT,
    CREDIBILITY_LINE,
    HEARINGS,
    POLICE_LINE,
    TRANSLATION_PHRASE,
    cite,
    committed,
    transcript_for,
    write_hearing,
)

from hearingproc.cli import main
from hearingproc.search import Query, SearchIndex, search
from hearingproc.search.query import fts_expression


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _hits(out: str) -> list[list[str]]:
    """Each hit's head line split into recording, where, role and text."""
    return [line.split("  ", 3) for line in out.splitlines() if not line.startswith("    ")]


def test_a_tag_by_label_and_polarity_across_recordings(store: Path, capsys) -> None:
    code, out, err = _run(capsys, "search", store, "--tag", "credibility:adverse")
    assert code == 0, err
    # adverse in three hearings, but a reviewer rejected it in brooks_2026_06_es
    assert [(h[0], h[2], h[3]) for h in _hits(out)] == [
        ("carter_2026_04_es", "JUDGE", ADVERSE_TEXT), ("brooks_2026_05_pt", "JUDGE", ADVERSE_TEXT)]
    assert all(h[1] == "0:01:15" for h in _hits(out))  # the line's time: no page:line there
    assert "[tags: credibility:adverse (unreviewed)]" in out
    assert "2 lines in 4 hearings" in err

    code, out, _ = _run(capsys, "search", store, "--tag", "credibility:positive")
    assert [(h[0], h[1]) for h in _hits(out)] == [("carter_2026_03_es", cite(CREDIBILITY_LINE))]
    code, out, _ = _run(capsys, "search", store, "--tag", "asylum")  # any polarity: 2 lines each
    assert len(_hits(out)) == 2 * len(HEARINGS)
    code, out, _ = _run(capsys, "search", store, "--tag", "asylum:denied", "--judge", "BROOKS")
    assert {h[0] for h in _hits(out)} == {"brooks_2026_05_pt"}
    code, out, _ = _run(capsys, "search", store, "credible", "--tag", "credibility:adverse",
                        "--hearing-language", "pt")
    assert [h[0] for h in _hits(out)] == ["brooks_2026_05_pt"]


def test_a_phrase_in_a_translation(store: Path, capsys) -> None:
    code, out, err = _run(capsys, "search", store, f'"{TRANSLATION_PHRASE}"')
    assert code == 0, err
    hits = _hits(out)
    assert [(h[0], h[2]) for h in hits] == [("carter_2026_04_es", "APPLICANT")]
    assert hits[0][3] == next(s["text"] for s in committed()["segments"]
                              if s["id"] == POLICE_LINE).strip()  # the Spanish line itself
    assert f"[English: Yes, twice, but the {TRANSLATION_PHRASE}.]" in out
    # a phrase is the words in that order; the words alone are in any order
    code, out, _ = _run(capsys, "search", store, '"complaint the ignored officers"')
    assert _hits(out) == []
    code, out, _ = _run(capsys, "search", store, "complaint", "officers", "ignored")
    assert [h[0] for h in _hits(out)] == ["carter_2026_04_es"]


def test_accents_prefixes_and_either_word(store: Path, capsys) -> None:
    code, out, _ = _run(capsys, "search", store, "policia", "--limit", "100")
    # "policía" in lines 18 (interpreter) and 19 (applicant) of each hearing; "police" in the
    # English lines is another word
    assert sorted(h[0] for h in _hits(out)) == sorted(h.name for h in HEARINGS for _ in "12")
    assert {h[2] for h in _hits(out)} == {"APPLICANT", "INTERPRETER"}
    code, out, _ = _run(capsys, "search", store, "persecut*", "--judge", "carter")
    assert {h[0] for h in _hits(out)} == {"carter_2026_03_es", "carter_2026_04_es"}
    code, out, _ = _run(capsys, "search", store, "Honduras", "OR", "extortion")
    # the interpreter's "extortion", and the applicant's "extorsión" through its translation
    assert {h[3].split()[-1] for h in _hits(out)} == {"Honduras?", "extortion.", "extorsión."}


def test_filters_role_language_and_dates(store: Path, capsys) -> None:
    code, out, _ = _run(capsys, "search", store, "police", "--role", "interpreter",
                        "--language", "en", "--from", "2026-04-01", "--to", "2026-05-31")
    assert sorted({h[0] for h in _hits(out)}) == ["brooks_2026_05_pt", "carter_2026_04_es"]
    assert {h[2] for h in _hits(out)} == {"INTERPRETER"}
    code, out, err = _run(capsys, "search", store, "police", "--from", "March 2026")
    assert code == 2 and "date from must be a date such as 2026-03-02" in err
    code, out, err = _run(capsys, "search", store)
    assert code == 2 and "give words to search for" in err


def test_page_line_where_the_segment_carries_it(store: Path) -> None:
    with SearchIndex(store) as index:
        index.refresh()
        result = search(index, Query(text="respondent credible", tag="credibility"))
    where = {hit.recording: hit.where for hit in result.hits}
    assert where["carter_2026_03_es"] == cite(CREDIBILITY_LINE)  # page_line given
    assert where["carter_2026_04_es"] == "0:01:15"  # none: the time


def test_the_index_is_built_incrementally(store: Path, capsys) -> None:
    code, out, _ = _run(capsys, "index", store)
    assert code == 0 and "4 hearings (4 indexed, 0 unchanged, 0 removed)" in out
    code, out, _ = _run(capsys, "index", store)
    assert "4 hearings (0 indexed, 4 unchanged, 0 removed)" in out

    changed = transcript_for(HEARINGS[0])
    changed["segments"][0]["text"] = "This is immigration judge Anne Carter, zanzibar."
    write_hearing(store, HEARINGS[0].name, changed)
    same = store / HEARINGS[1].name / "transcript.json"
    same.write_bytes(same.read_bytes())  # rewritten, same content: not indexed again
    shutil.rmtree(store / HEARINGS[2].name)
    with SearchIndex(store) as index:
        report = index.refresh()
        assert report.indexed == [HEARINGS[0].name]
        assert report.unchanged == 2 and report.removed == [HEARINGS[2].name]
        assert [h.recording for h in search(index, Query(text="zanzibar")).hits] == [
            HEARINGS[0].name]
        assert search(index, Query(text="policia", limit=100)).hearings == 3
    code, out, _ = _run(capsys, "index", store, "--rebuild")
    assert "3 hearings (3 indexed, 0 unchanged, 0 removed)" in out


def test_an_unreadable_transcript_is_named_and_the_rest_indexed(store: Path, capsys) -> None:
    broken = store / "broken_hearing"
    broken.mkdir()
    (broken / "transcript.json").write_text('{"schema_version": 1, "segments": [', "utf-8")
    code, out, err = _run(capsys, "index", store)
    assert code == 5
    assert f"{broken / 'transcript.json'}: not JSON" in err
    assert "4 hearings (4 indexed" in out
    code, out, err = _run(capsys, "search", store, "--tag", "credibility:positive")
    assert code == 0 and "left out of the index" in err and len(_hits(out)) == 1
    no_segments = committed()
    del no_segments["segments"]
    (broken / "transcript.json").write_text(json.dumps(no_segments), "utf-8")
    code, out, err = _run(capsys, "index", store)
    assert code == 5 and "not a transcript the index can read (KeyError: 'segments')" in err
    code, out, err = _run(capsys, "search", store / "missing", "police")
    assert code == 1 and "not a folder of processed recordings" in err
    assert not (store / "missing").exists()


def test_what_a_person_types_becomes_a_safe_fts_query() -> None:
    assert fts_expression('gang "did nothing" persecut* OR -') == \
        '"gang" "did nothing" "persecut"*'
    assert fts_expression("don't AND (x") == '"don\'t" "AND" "(x"'
    assert fts_expression('新疆 "a""b"') == '" 新  疆 " "a" "b"'
    assert fts_expression("?? !! -") is None


def test_a_folder_linking_outside_the_store_is_not_indexed(store: Path, tmp_path: Path) -> None:
    """As in the review app: the search page must not show transcripts from elsewhere."""
    elsewhere = tmp_path / "elsewhere"
    write_hearing(elsewhere, "private", transcript_for(HEARINGS[1]))
    (store / "linked").symlink_to(elsewhere / "private", target_is_directory=True)
    with SearchIndex(store) as index:
        report = index.refresh()
        assert sorted(report.indexed) == sorted(h.name for h in HEARINGS)
        assert index.update("linked") is False
        assert {h.recording for h in search(index, Query(tag="asylum", limit=100)).hits} == {
            h.name for h in HEARINGS}


def test_a_redacted_copy_is_not_a_second_hearing(store: Path) -> None:
    """``hearingproc redact`` writes OUT/NAME.redacted beside OUT/NAME: the same hearing, so
    neither search nor stats count it again."""
    from hearingproc.redaction.folder import SUFFIX
    from hearingproc.search.index import REDACTED_SUFFIX

    assert REDACTED_SUFFIX == SUFFIX
    shutil.copytree(store / HEARINGS[1].name, store / f"{HEARINGS[1].name}{SUFFIX}")
    with SearchIndex(store) as index:
        assert sorted(index.refresh().indexed) == sorted(h.name for h in HEARINGS)
        assert {h.recording for h in search(index, Query(tag="asylum", limit=100)).hits} == {
            h.name for h in HEARINGS}


def test_json_hits(store: Path, capsys) -> None:
    code, out, _ = _run(capsys, "search", store, "--tag", "credibility", "--json")
    hits = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(hits) == 3  # positive, adverse, adverse (the rejected one left out)
    first = hits[0]
    assert (first["recording"], first["segment"], first["role"]) == (
        "carter_2026_03_es", CREDIBILITY_LINE, "judge")
    assert first["where"] == cite(CREDIBILITY_LINE) and first["judge"] == "Anne Carter"
    assert first["hearing_date"] == "2026-03-02"
    assert [h["tags"] for h in hits[1:]] == [["credibility:adverse (unreviewed)"]] * 2


def test_a_word_inside_chinese_text(store: Path) -> None:
    """Chinese is written without spaces: a two-character word is found inside a sentence,
    and its characters the other way round are not."""
    data = transcript_for(HEARINGS[2])
    line = next(s for s in data["segments"] if s["id"] == POLICE_LINE)
    line.update(text="我在新疆拍摄了拘留设施。", language="zh", words=[])
    write_hearing(store, HEARINGS[2].name, data)
    with SearchIndex(store) as index:
        index.refresh()
        found = search(index, Query(text="新疆"))
        assert [(h.recording, h.segment) for h in found.hits] == [(HEARINGS[2].name, POLICE_LINE)]
        assert search(index, Query(text="疆新")).total == 0
        assert search(index, Query(text="新疆 police", language="zh")).total == 1  # translation
