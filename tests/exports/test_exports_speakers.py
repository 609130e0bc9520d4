"""Speaker exports: RTTM, the timeline picture, overlap marks in the text, and the atomic writer."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from matplotlib.image import imread
from pyannote.core import Segment as PySegment
from pyannote.database.util import load_rttm

from hearingproc import exports
from hearingproc.exports import rttm, text, timeline, vtt
from hearingproc.transcript import (
    PipelineInfo,
    Recording,
    Segment,
    Speaker,
    SpeakerTurn,
    Transcript,
    load_transcript,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
ALL_OUTPUTS = ("transcript.json", "transcript.txt", "transcript.srt", "transcript.vtt",
               "transcript.rttm", "timeline.png", "transcript.pdf",
               "transcript.docx")
TURNS = (
    SpeakerTurn(0.5, 6.25, "SPEAKER_00"),
    SpeakerTurn(6.0, 9.1234, "SPEAKER_01"),  # overlaps the judge for 0.25 s
    SpeakerTurn(9.5, 14.0, "SPEAKER_02"),
    SpeakerTurn(13.0, 20.0, "SPEAKER_01"),  # overlaps the applicant for 1 s
    SpeakerTurn(21.0, 28.5, "SPEAKER_00"),
)


def _transcript(turns: tuple[SpeakerTurn, ...] = TURNS, duration: float = 30.0,
                source: str = "/hearings/mock hearing 01.wav") -> Transcript:
    return Transcript(
        recording=Recording(id="c" * 64, source=source, duration=duration, sample_rate=16_000,
                            source_sample_rate=16_000, channels=1, format="wav"),
        pipeline=PipelineInfo(engines={"asr": "faster-whisper"}, models=(), options={},
                              versions={"hearingproc": "0.1.0"},
                              created_at="2026-11-26T12:00:00+00:00"),
        speakers=(
            Speaker("SPEAKER_00", role="judge", languages=("en",), talk_time=13.25),
            Speaker("SPEAKER_01", role="interpreter", languages=("en", "es"), talk_time=10.12),
            Speaker("SPEAKER_02", role="unknown", languages=("es",), talk_time=4.5),
        ),
        turns=turns,
        segments=(
            Segment(1, 0.5, 6.25, "Please state your name.", "en", 0.99, speaker="SPEAKER_00",
                    role="judge", flags=("overlapping_speech",), overlap_speakers=("SPEAKER_01",)),
            Segment(2, 9.5, 14.0, "Me llamo Ana.", "es", 0.95, speaker="SPEAKER_02",
                    flags=("low_confidence", "overlapping_speech"),
                    overlap_speakers=("SPEAKER_01", "SPEAKER_09")),
            Segment(3, 21.0, 28.5, "Thank you.", "en", 0.98, flags=("speaker_unknown",)),
        ),
    )


# --- RTTM -------------------------------------------------------------------------------

def test_rttm_round_trips_through_pyannote(tmp_path: Path):
    shuffled = TURNS[::-1]  # the writer sorts by time
    rendered = rttm.render(_transcript(shuffled))
    lines = rendered.splitlines()
    assert lines[0] == "SPEAKER mock_hearing_01 1 0.500 5.750 <NA> <NA> SPEAKER_00 <NA> <NA>"
    assert lines[1] == "SPEAKER mock_hearing_01 1 6.000 3.123 <NA> <NA> SPEAKER_01 <NA> <NA>"
    path = tmp_path / "t.rttm"
    path.write_text(rendered, encoding="utf-8")
    loaded = load_rttm(str(path))
    assert list(loaded) == ["mock_hearing_01"]
    got = sorted((round(seg.start, 3), round(seg.end, 3), label)
                 for seg, _, label in loaded["mock_hearing_01"].itertracks(yield_label=True))
    want = sorted((t.start, round(t.end, 3), t.speaker) for t in TURNS)
    assert got == want
    annotation = loaded["mock_hearing_01"]
    assert annotation.label_duration("SPEAKER_01") == pytest.approx(3.123 + 7.0, abs=1e-6)
    overlap = annotation.get_overlap()
    assert overlap.duration() == pytest.approx(0.25 + 1.0, abs=1e-6)
    assert PySegment(13.0, 14.0) in overlap


def test_rttm_empty_turns_and_odd_names():
    assert rttm.render(_transcript(())) == ""
    odd = _transcript((SpeakerTurn(1.0, 1.0, "A"), SpeakerTurn(2.0, 3.0, "two words")), source="")
    assert odd.turns and rttm.render(odd) == (
        "SPEAKER recording 1 2.000 1.000 <NA> <NA> two_words <NA> <NA>\n")


# --- timeline ---------------------------------------------------------------------------

def test_timeline_layout_rows_labels_and_overlaps():
    plan = timeline.layout(_transcript())
    assert [row.speaker for row in plan.rows] == ["SPEAKER_00", "SPEAKER_01", "SPEAKER_02"]
    assert [row.label for row in plan.rows] == ["JUDGE (en)", "INTERPRETER (en, es)",
                                                "SPEAKER_02 (es)"]
    assert len({row.color for row in plan.rows}) == 3
    assert [x for bar in plan.rows[1].bars for x in bar] == pytest.approx([6.0, 3.1234, 13.0, 7.0])
    assert [x for span in plan.overlaps for x in span] == pytest.approx([6.0, 0.25, 13.0, 1.0])
    assert plan.duration == 30.0 and plan.time_format == "mm:ss"
    assert plan.tick_labels == ("00:00", "00:05", "00:10", "00:15", "00:20", "00:25", "00:30")
    assert plan.title == "mock hearing 01.wav — 00:30 (3 speakers)"


def test_timeline_layout_same_role_twice_and_speaker_without_turns():
    base = _transcript()
    speakers = base.speakers[:2] + (Speaker("SPEAKER_02", role="interpreter"),
                                    Speaker("SPEAKER_03", role="witness"))
    plan = timeline.layout(Transcript(base.recording, base.pipeline, speakers=speakers,
                                      turns=base.turns))
    assert [row.label for row in plan.rows] == [
        "JUDGE (en)", "INTERPRETER · SPEAKER_01 (en, es)", "INTERPRETER · SPEAKER_02", "WITNESS"]
    assert plan.rows[3].bars == ()


def test_overlap_regions_rules():
    same_speaker = [(0.0, 5.0, "A"), (2.0, 6.0, "A")]
    assert timeline.overlap_regions(same_speaker) == ()
    touching = [(0.0, 5.0, "A"), (5.0, 8.0, "B")]
    assert timeline.overlap_regions(touching) == ()
    handover = [(0.0, 10.0, "A"), (2.0, 5.0, "B"), (5.0, 7.0, "C")]  # B hands to C over A
    assert timeline.overlap_regions(handover) == ((2.0, 5.0),)
    three = [(0.0, 4.0, "A"), (1.0, 3.0, "B"), (2.0, 6.0, "C")]
    assert timeline.overlap_regions(three) == ((1.0, 3.0),)


@pytest.mark.parametrize(("duration", "step", "first_labels"), [
    (30.0, 5, ("00:00", "00:05")),
    (98.0, 10, ("00:00", "00:10")),
    (600.0, 60, ("00:00", "01:00")),
    (3599.0, 300, ("00:00", "05:00")),
    (7200.0, 600, ("0:00:00", "0:10:00")),
    (5 * 3600.0, 1800, ("0:00:00", "0:30:00")),
])
def test_timeline_ticks_adapt_to_length(duration: float, step: int, first_labels: tuple[str, str]):
    assert timeline.tick_step(duration) == step
    turns = (SpeakerTurn(0.0, min(duration, 20.0), "SPEAKER_00"),)
    plan = timeline.layout(_transcript(turns, duration=duration))
    assert plan.tick_labels[:2] == first_labels
    assert 2 <= len(plan.ticks) <= timeline.MAX_TICKS + 1
    assert plan.ticks[-1] <= duration < plan.ticks[-1] + step


def test_long_hearing_ticks_and_labels():
    turns = tuple(SpeakerTurn(float(t), t + 25.0, f"SPEAKER_0{(t // 30) % 3}")
                  for t in range(0, 7200, 30))
    plan = timeline.layout(_transcript(turns, duration=7205.0))  # just over 12 x 10 min
    assert plan.time_format == "h:mm:ss"
    assert plan.tick_labels == ("0:00:00", "0:15:00", "0:30:00", "0:45:00", "1:00:00", "1:15:00",
                                "1:30:00", "1:45:00", "2:00:00")
    assert plan.title == "mock hearing 01.wav — 2:00:05 (3 speakers)"
    assert sum(len(row.bars) for row in plan.rows) == 240 and plan.overlaps == ()


def _pixels(png: bytes):
    assert png.startswith(PNG_SIGNATURE)
    return imread(io.BytesIO(png), format="png")


def test_timeline_png_fixed_size_deterministic_no_timestamp():
    first = timeline.render(_transcript())
    assert first == timeline.render(_transcript())
    image = _pixels(first)
    width, height = timeline.IMAGE_SIZE
    assert image.shape[:2] == (height, width)
    assert b"tEXt" not in first and b"tIME" not in first and b"iTXt" not in first
    # the interpreter's colour is really drawn
    r, g, b = (int(timeline.PALETTE[1][i:i + 2], 16) / 255 for i in (1, 3, 5))
    assert ((abs(image[..., 0] - r) < 0.01) & (abs(image[..., 1] - g) < 0.01)
            & (abs(image[..., 2] - b) < 0.01)).sum() > 1000


def test_timeline_png_long_hearing_and_no_speech():
    turns = tuple(SpeakerTurn(t * 1.7, t * 1.7 + 2.0, f"SPEAKER_0{t % 4}") for t in range(4000))
    long_png = timeline.render(_transcript(turns, duration=7200.0))
    assert _pixels(long_png).shape[:2] == timeline.IMAGE_SIZE[::-1]
    empty = _transcript((), duration=0.0)
    assert not timeline.layout(empty).has_speech
    empty_png = timeline.render(empty)
    assert _pixels(empty_png).shape[:2] == timeline.IMAGE_SIZE[::-1]
    assert empty_png != timeline.render(_transcript((), duration=0.0, source="other.wav"))
    # mathtext-looking names are drawn literally rather than failing
    assert _pixels(timeline.render(_transcript(TURNS, source="fee $5 $6.wav"))).size


# --- text and VTT -------------------------------------------------------------------------

def test_text_names_overlapping_speakers_once():
    lines = text.render(_transcript()).splitlines()
    assert ("[00:00:00] JUDGE: Please state your name. "
            "[overlapping speech: INTERPRETER]") in lines
    assert ("[00:00:09] SPEAKER_02 (es): Me llamo Ana. [low confidence] "
            "[overlapping speech: INTERPRETER, SPEAKER_09]") in lines
    assert "[00:00:21] UNIDENTIFIED SPEAKER: Thank you. [speaker unknown]" in lines
    assert sum(line.count("overlapping speech") for line in lines) == 2


def test_text_overlap_without_flag_or_names():
    seg = Segment(1, 0.0, 1.0, "Yes.", "en", 0.9, overlap_speakers=("SPEAKER_03",))
    assert text.flag_marks(seg, {}) == ["[overlapping speech: SPEAKER_03]"]
    seg = Segment(1, 0.0, 1.0, "Yes.", "en", 0.9, flags=("overlapping_speech",))
    assert text.flag_marks(seg, {}) == ["[overlapping speech]"]


def test_vtt_voice_span_stays_valid():
    seg = Segment(1, 0.0, 1.0, "a --> b", "en", 0.9, speaker="odd\nname <&>")
    assert vtt.cue_text(seg) == "<v odd name &lt;&amp;&gt;><lang en>a --&gt; b</lang>"
    blank_speaker = Segment(1, 0.0, 1.0, "hi", "en", 0.9, speaker=" \n")
    assert vtt.cue_text(blank_speaker) == "<lang en>hi</lang>"


# --- write_outputs --------------------------------------------------------------------------

def test_write_outputs_writes_all_formats(tmp_path: Path):
    target = tmp_path / "out"
    written = exports.write_outputs(_transcript(), target)
    assert [p.name for p in written] == list(ALL_OUTPUTS)
    assert sorted(p.name for p in target.iterdir()) == sorted(ALL_OUTPUTS)
    assert (target / "timeline.png").read_bytes() == timeline.render(_transcript())
    assert (target / "transcript.rttm").read_text(encoding="utf-8") == rttm.render(_transcript())
    assert load_transcript(target / "transcript.json").turns == tuple(
        SpeakerTurn(t.start, round(t.end, 3), t.speaker) for t in TURNS)
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no staging left behind


def test_write_outputs_leaves_nothing_when_a_renderer_fails(tmp_path: Path, monkeypatch):
    def broken(transcript: Transcript) -> bytes:
        raise RuntimeError("renderer broke")

    fresh = tmp_path / "fresh"
    monkeypatch.setitem(exports.WRITERS, "timeline.png", broken)
    with pytest.raises(RuntimeError, match="renderer broke"):
        exports.write_outputs(_transcript(), fresh)
    assert list(tmp_path.iterdir()) == []

    monkeypatch.undo()
    earlier = tmp_path / "earlier"
    exports.write_outputs(_transcript(), earlier)
    before = {p.name: p.read_bytes() for p in earlier.iterdir()}
    monkeypatch.setitem(exports.WRITERS, "transcript.rttm", lambda t: 42)
    with pytest.raises(TypeError, match="transcript.rttm"):
        exports.write_outputs(_transcript(()), earlier)
    assert {p.name: p.read_bytes() for p in earlier.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["earlier"]


def test_write_outputs_fails_while_writing(tmp_path: Path, monkeypatch):
    """A failure inside the staged folder (disk full, say) also leaves the old output alone."""
    target = tmp_path / "out"
    exports.write_outputs(_transcript(), target)
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    real = Path.write_bytes

    def failing(self: Path, data: bytes) -> int:
        if self.name == "timeline.png":
            raise OSError("disk full")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing)
    with pytest.raises(OSError, match="disk full"):
        exports.write_outputs(_transcript(TURNS[:2]), target)
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
