"""The sidecar's participants as bounds on the number of voices diarization may find."""

from __future__ import annotations

from pathlib import Path

import pytest

from hearingproc.audio import load_audio
from hearingproc.evaluation.speakers import read_rttm, score_diarization
from hearingproc.sidecar import parse_metadata, speaker_bounds
from hearingproc.stages.diarize import DiarizeOptions, bounded_by_participants, diarize

REPO = Path(__file__).resolve().parents[2]
# who speaks in sample_audio/mock_hearing_es.wav (five voices, one per person)
HEARING = {"participants": ["judge", "interpreter", {"role": "applicant", "name": "Luis Ramirez"},
                            "dhs_counsel", "respondent_counsel"]}


@pytest.mark.parametrize(("participants", "bounds"), [
    (["judge", "interpreter", "applicant", "dhs_counsel", "respondent_counsel"], (3, 6)),
    (["judge", "applicant", "dhs_counsel"], (1, 3)),  # not interpreted: no extra voice
    (["judge"], (1, 1)),
])
def test_bounds_from_participants(participants: list[str], bounds: tuple[int, int]):
    assert speaker_bounds(parse_metadata({"participants": participants})) == bounds


def test_no_participants_no_bounds():
    assert speaker_bounds(parse_metadata({"case_number": "A1"})) is None
    assert bounded_by_participants(DiarizeOptions(), {"case_number": "A1"}) == DiarizeOptions()
    assert bounded_by_participants(DiarizeOptions(), None) == DiarizeOptions()


def test_bounds_apply_only_when_the_user_gave_none():
    bounded = bounded_by_participants(DiarizeOptions(), HEARING)
    assert (bounded.min_speakers, bounded.max_speakers) == (3, 6)
    for given in (DiarizeOptions(num_speakers=2), DiarizeOptions(max_speakers=4),
                  DiarizeOptions(min_speakers=2)):
        assert bounded_by_participants(given, HEARING) == given


def test_sample_hearing_with_its_participants_keeps_five_voices():
    audio = load_audio(REPO / "sample_audio" / "mock_hearing_es.wav")
    result = diarize(audio, bounded_by_participants(DiarizeOptions(), HEARING))
    scores = score_diarization(read_rttm(REPO / "sample_audio" / "mock_hearing_es.rttm"),
                               result.turns, audio.duration)
    assert scores["hypothesis_speakers"] == scores["reference_speakers"] == 5
    assert scores["der"] <= 0.02
