"""The redacted copy of the sample hearing with planted identifiers, made with the rules and
the sidecar's names (the entity recognizer's part is in test_redact_cli.py): nothing
identifying is left in any export, one value keeps one placeholder, and the recording is
silent over each redacted word and unchanged elsewhere."""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from tests.redaction._planted import (
    COMMITTED,
    IDENTIFIERS,
    PLANTED,
    RECORDING,
    leaks,
    planted_transcript,
)

from hearingproc.audio import SAMPLE_RATE, load_audio
from hearingproc.cli import main
from hearingproc.redaction.apply import RedactionOptions, redact_transcript
from hearingproc.redaction.audio import WAV_NAME
from hearingproc.redaction.folder import redact_folder
from hearingproc.transcript import load_transcript, to_dict, validate

SILENT_DBFS = -60.0


def dbfs(samples: np.ndarray) -> float:
    rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))) if len(samples) else 0
    return 20 * np.log10(rms) if rms > 0 else float("-inf")


def exported_text(folder: Path) -> dict[str, str]:
    """What a reader of each export sees, the PDF's and DOCX's text included when written."""
    texts = {name: (folder / name).read_text(encoding="utf-8") for name in
             ("transcript.json", "transcript.txt", "transcript.srt", "transcript.vtt",
              "transcript.rttm")}
    if (folder / "transcript.pdf").exists():
        from pypdf import PdfReader

        texts["transcript.pdf"] = "\n".join(page.extract_text() for page in
                                            PdfReader(folder / "transcript.pdf").pages)
    if (folder / "transcript.docx").exists():
        import docx

        document = docx.Document(str(folder / "transcript.docx"))
        texts["transcript.docx"] = "\n".join(p.text for p in document.paragraphs)
    return texts


def test_the_planted_hearing_does_hold_every_identifier() -> None:
    text = json.dumps(to_dict(planted_transcript(load_transcript(COMMITTED / "transcript.json"))),
                      ensure_ascii=False)
    assert sorted(leaks(text)) == sorted([*IDENTIFIERS, "Anne", "Luis", "Mark", "Sarah"])


def test_every_identifier_is_replaced_and_each_value_keeps_its_placeholder() -> None:
    original = planted_transcript(load_transcript(COMMITTED / "transcript.json"))
    redacted = redact_transcript(original, None).transcript
    data = to_dict(redacted)
    validate(data)
    assert leaks(json.dumps(data, ensure_ascii=False)) == []
    segments = redacted.segments
    # one A-number, written four ways in four places: one placeholder
    assert redacted.recording.metadata["case_number"] == "[A-NUMBER]"
    assert segments[9].text == ("My A number is [A-NUMBER], on the notice [A-NUMBER], and my "
                                "phone is [PHONE 1].")
    assert segments[8].text == "Mi número [A-NUMBER], nací el [DATE OF BIRTH]."
    assert segments[8].translation is not None
    assert segments[8].translation.text == "My [A-NUMBER], I was born on [DATE OF BIRTH]."
    assert segments[13].text.startswith("I was born on [DATE OF BIRTH] and I live at [ADDRESS]")
    # each person one number, the same in the text, the quotes and the sidecar
    participants = {p["role"]: p["name"] for p in redacted.recording.metadata["participants"]
                    if isinstance(p, dict)}
    applicant = participants["applicant"]
    assert re.fullmatch(r"\[NAME \d\]", applicant)
    assert f"in the matter of {applicant}" in segments[0].text
    assert segments[16].text.startswith(f"Mr. {applicant}, is your brother")
    assert f"I find {applicant} credible" in redacted.tags[1].quote
    assert participants["judge"] in segments[0].text and participants["judge"] != applicant
    assert len(set(participants.values())) == 4
    assert re.fullmatch(r"\[NAME \d\]", participants["respondent_counsel"])  # "Ms." dropped
    assert "[PHONE 2]" in segments[16].text  # another number, another placeholder
    assert redacted.pipeline == original.pipeline  # settings, not the hearing: as they were


def test_words_carry_the_placeholder_over_the_redacted_words_times() -> None:
    original = planted_transcript(load_transcript(COMMITTED / "transcript.json"))
    result = redact_transcript(original, None, RedactionOptions(margin_s=0.1))
    before, after = original.segments[9], result.transcript.segments[9]
    assert "".join(w.text for w in after.words).strip() == after.text
    a_number = next(w for w in after.words if "[A-NUMBER]" in w.text)
    assert a_number.text == " [A-NUMBER],"  # in place of " A-123-456-789,", its 5th word
    assert (a_number.start, a_number.end) == (before.words[4].start, before.words[4].end)
    number_said = next(w for w in result.transcript.segments[8].words if "[A-NUMBER]" in w.text)
    # "A es 123 456 789,": words 3 to 7 of the Spanish line
    assert number_said.text == " [A-NUMBER],"
    assert (number_said.start, number_said.end) == (original.segments[8].words[2].start,
                                                    original.segments[8].words[6].end)
    assert (round(a_number.start - 0.1, 3), round(a_number.end + 0.1, 3)) in [
        (round(s, 3), round(e, 3)) for s, e in result.silence]
    kinds = {(e.kind, e.where) for e in result.log if e.start is not None}
    assert ("A-NUMBER", "segments[9].words") in kinds and ("NAME", "segments[0].words") in kinds


def test_redacted_folder_exports_nothing_identifying_and_silences_each_word(
        planted_folder: Path) -> None:
    target = redact_folder(planted_folder)
    assert target == planted_folder.with_name("mock_hearing_es.redacted")
    texts = exported_text(target)
    assert {name: leaks(text) for name, text in texts.items() if leaks(text)} == {}
    assert "[A-NUMBER]" in texts["transcript.txt"] and "[NAME " in texts["transcript.srt"]
    # counsel's speaker label in the paginated transcript: the placeholder, not "MS. 4]"
    assert re.search(r"\[NAME \d\]:", texts["transcript.pdf"])
    assert not re.search(r"M[RS]\. \d\]", texts["transcript.pdf"] + texts["transcript.docx"])
    data = json.loads(texts["transcript.json"])
    validate(data)
    entry = data["recording"]["metadata"]["redaction"]
    assert leaks(json.dumps(entry)) == [] and entry["log"]
    assert data["recording"]["source"] == WAV_NAME
    # the audio: silent over every redacted word, every other sample as it was
    before = load_audio(RECORDING).samples
    after = load_audio(target / WAV_NAME)
    assert after.sha256 == data["recording"]["id"]
    words = [(e["start"], e["end"]) for e in entry["log"] if "start" in e]
    assert len(words) >= len(PLANTED) + 4
    spoken = 0
    for start, end in words:
        first, last = int(start * SAMPLE_RATE), int(end * SAMPLE_RATE)
        assert dbfs(after.samples[first:last]) < SILENT_DBFS, (start, end)
        spoken += dbfs(before[first:last]) > -40  # there was speech to hide
    assert spoken >= len(words) // 2
    kept = np.ones(len(before), dtype=bool)
    for start, end in entry["audio"]["silenced"]:
        kept[int(np.floor(start * SAMPLE_RATE)):int(np.ceil(end * SAMPLE_RATE))] = False
    assert len(after.samples) == len(before)
    assert np.array_equal(after.samples[kept], before[kept])
    assert 0.01 < (~kept).mean() < 0.2  # a few seconds of 98, not the whole recording
    assert (planted_folder / "transcript.json").read_text(encoding="utf-8").count("Ramirez") > 3


def _listing(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def test_a_missing_folder_or_transcript_is_named_and_nothing_is_left(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "out" / "nowhere"
    (tmp_path / "out").mkdir()
    assert main(["redact", str(missing)]) == 5
    assert f"{missing}: no such folder" in capsys.readouterr().err
    empty = tmp_path / "out" / "empty"
    empty.mkdir()
    assert main(["redact", str(empty)]) == 5
    assert f"{empty / 'transcript.json'}: no such file" in capsys.readouterr().err
    assert _listing(tmp_path / "out") == ["empty"]


def test_the_original_is_never_the_target_and_a_wrong_recording_is_refused(
        planted_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = planted_folder.parent
    before = {p.name: p.read_bytes() for p in planted_folder.iterdir()}
    assert main(["redact", str(planted_folder), "--out", str(planted_folder)]) == 2
    assert "never over or into the original" in capsys.readouterr().err
    other = out / "notes"
    other.mkdir()
    (other / "keep.txt").write_text("mine")
    assert main(["redact", str(planted_folder), "--out", str(other)]) == 2
    assert "is not a redacted copy" in capsys.readouterr().err
    wrong = tmp_path / "other.wav"
    wrong.write_bytes(RECORDING.read_bytes()[:-2000])
    assert main(["redact", str(planted_folder), "--audio", str(wrong)]) == 3
    assert f"{wrong}: is not the recording of" in capsys.readouterr().err
    assert _listing(out) == ["mock_hearing_es", "notes"]
    assert (other / "keep.txt").read_text() == "mine"
    assert {p.name: p.read_bytes() for p in planted_folder.iterdir()} == before


def test_a_placeholder_is_no_cue_for_the_next_date() -> None:
    """"[DATE OF BIRTH]" holds the word BIRTH: the hearing's own date after it stays, and the
    copy is still made."""
    transcript = load_transcript(COMMITTED / "transcript.json")
    segments = list(transcript.segments)
    segments[9] = replace(segments[9], words=(), text="I was born on March 3, 1990 and the "
                                                      "hearing is on March 5.")
    result = redact_transcript(replace(transcript, segments=tuple(segments)), None)
    assert result.transcript.segments[9].text == ("I was born on [DATE OF BIRTH] and the "
                                                  "hearing is on March 5.")


def test_a_failure_while_writing_leaves_nothing_behind(
        planted_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The recording named by the transcript (its sha256 is the recording id) turns out not to
    be audio: the error names it, and neither the copy nor its staging folder is left."""
    not_audio = tmp_path / "hearing.wav"
    not_audio.write_bytes(b"not a recording " * 100)
    data = json.loads((planted_folder / "transcript.json").read_text(encoding="utf-8"))
    data["recording"]["source"] = str(not_audio)
    data["recording"]["id"] = hashlib.sha256(not_audio.read_bytes()).hexdigest()
    (planted_folder / "transcript.json").write_text(json.dumps(data), encoding="utf-8")
    assert main(["redact", str(planted_folder)]) == 3
    assert f"{not_audio}: cannot decode audio" in capsys.readouterr().err
    assert _listing(planted_folder.parent) == ["mock_hearing_es"]


def test_a_failure_inside_the_staging_folder_leaves_nothing_behind(
        planted_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The redacted audio is written, then the exports fail (a full disk, say): neither the
    copy nor its staging folder with the audio is left."""
    from hearingproc.redaction import folder as redaction_folder

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(redaction_folder, "_write_exports", full_disk)
    with pytest.raises(OSError, match="No space left"):
        redact_folder(planted_folder)
    assert _listing(planted_folder.parent) == ["mock_hearing_es"]
