"""Hearing roles as a pure function: segments built from the sample hearing's exact reference
turns (real hearing text, as perfect diarization and ASR would give them), then changed the
way diarization fails (an interpreter split in two, merged into the judge), an English-only
calendar hearing, and metadata sidecars that change the outcome or are malformed."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from hearingproc.config import load_config
from hearingproc.errors import ConfigError
from hearingproc.pipeline.memory import read_sidecar
from hearingproc.sidecar import parse_metadata
from hearingproc.stages.roles import RoleOptions, assign_roles
from hearingproc.transcript import Segment, Speaker

SAMPLE = Path(__file__).resolve().parents[2] / "sample_audio"
REFERENCE = json.loads((SAMPLE / "mock_hearing_es.reference.json").read_text(encoding="utf-8"))
VOICE_ROLE = {t["speaker"]: t["role"] for t in REFERENCE}


def _segments(turns: list[dict], speaker_of=lambda t: t["speaker"]) -> list[Segment]:
    return [Segment(i + 1, t["start"], t["end"], t["text"], t["language"], 0.9,
                    speaker=speaker_of(t)) for i, t in enumerate(turns)]


def _speakers(segments: list[Segment]) -> list[Speaker]:
    talk: dict[str, float] = {}
    for s in segments:
        if s.speaker:
            talk[s.speaker] = talk.get(s.speaker, 0.0) + s.end - s.start
    return [Speaker(who, talk_time=seconds) for who, seconds in talk.items()]


def _roles(result) -> dict[str, str]:
    return {s.id: s.role for s in result.speakers}


def _right_share(segments, turns) -> float:
    right = sum(s.end - s.start for s, t in zip(segments, turns, strict=False)
                if s.role == t["role"])
    return right / sum(t["end"] - t["start"] for t in turns)


def test_typical_hearing_every_voice_and_segment():
    segments = _segments(REFERENCE)
    speakers = _speakers(segments)
    result = assign_roles(segments, speakers)
    assert _roles(result) == VOICE_ROLE
    assert [s.role for s in result.segments] == [t["role"] for t in REFERENCE]
    assert all(s.role is None for s in segments)  # inputs untouched
    assert [s.id for s in result.segments] == [s.id for s in segments]
    by_role = {s.role: s for s in result.speakers}
    for speaker in result.speakers:
        assert 0.0 <= speaker.role_confidence <= 1.0 and speaker.role_evidence
    assert by_role["judge"].role_confidence > 0.9
    evidence = {role: " | ".join(s.role_evidence) for role, s in by_role.items()}
    assert "speaks en and es (the only bilingual voice)" in evidence["interpreter"]
    assert "says 'I do' to the oath to interpret" in evidence["interpreter"]
    assert "says 'Immigration Judge'" in evidence["judge"]
    assert "'Assistant Chief Counsel'" in evidence["dhs_counsel"]
    assert "'for the respondent'" in evidence["respondent_counsel"]
    assert "speaks only es" in evidence["applicant"]
    assert "speaks right after the interpreter 3 times" in evidence["applicant"]


def test_interpreter_split_into_one_voice_per_language():
    def split(turn: dict) -> str:
        if turn["role"] == "interpreter":
            return f"interpreter_{turn['language']}"
        return turn["speaker"]

    segments = _segments(REFERENCE, split)
    result = assign_roles(segments, _speakers(segments))
    roles = _roles(result)
    assert roles["interpreter_es"] == roles["interpreter_en"] == "interpreter"
    assert roles["applicant_espeak_m3"] == "applicant"
    assert [s.role for s in result.segments] == [t["role"] for t in REFERENCE]
    spanish = next(s for s in result.speakers if s.id == "interpreter_es")
    assert any("switches language from the voice before" in e for e in spanish.role_evidence)


def test_interpreter_renderings_inside_the_judges_voice():
    """Diarization gave the interpreter's English to the judge: the renderings of the
    applicant's answers still read as the interpreter's."""
    def merged(turn: dict) -> str:
        if turn["role"] == "interpreter" and turn["language"] == "en":
            return "judge_flite_slt"
        return turn["speaker"]

    segments = _segments(REFERENCE, merged)
    result = assign_roles(segments, _speakers(segments))
    assert _roles(result)["judge_flite_slt"] == "judge"
    renderings = [s for s, t in zip(result.segments, REFERENCE, strict=False)
                  if t["role"] == "interpreter" and t["language"] == "en" and t["text"] != "I do."]
    assert len(renderings) == 3 and all(s.role == "interpreter" for s in renderings)
    judge_own = [s for s, t in zip(result.segments, REFERENCE, strict=False)
                 if t["role"] == "judge"]
    assert all(s.role == "judge" for s in judge_own)
    assert _right_share(result.segments, REFERENCE) > 0.95
    judge = next(s for s in result.speakers if s.id == "judge_flite_slt")
    assert "3 of its segments are the interpreter's by turn order" in judge.role_evidence


def test_moved_segments_carry_their_own_lower_confidence():
    """A segment a turn-order rule moved away from its voice's role carries the confidence of
    the evidence the move read (its language, the turn before it and that turn's role), below
    its voice's; segments keeping their voice's role carry none of their own, unless their
    voice lost segments to another role (two people in one voice): then the voice's confidence
    times the share of its segments it kept."""
    def merged(turn: dict) -> str:
        if turn["role"] == "interpreter" and turn["language"] == "en":
            return "judge_flite_slt"
        return turn["speaker"]

    segments = _segments(REFERENCE, merged)
    result = assign_roles(segments, _speakers(segments))
    voice = {s.id: s for s in result.speakers}
    moved = [s for s in result.segments if s.role != voice[s.speaker].role]
    kept = [s for s in result.segments if s.role == voice[s.speaker].role]
    assert moved and kept
    shared = {s.speaker for s in moved}
    assert all(s.role_confidence is None for s in kept if s.speaker not in shared)
    for who in shared:
        mine = [s for s in result.segments if s.speaker == who]
        share = sum(s.role == voice[who].role for s in mine) / len(mine)
        assert all(s.role_confidence == pytest.approx(voice[who].role_confidence * share,
                                                      abs=1e-3)
                   for s in kept if s.speaker == who)
    for s in moved:
        assert s.role_confidence is not None
        assert 0 < s.role_confidence < voice[s.speaker].role_confidence
        before = result.segments[s.id - 2]  # the turn before (ids are in time order)
        sure = (before.role_confidence if before.role_confidence is not None
                else voice[before.speaker].role_confidence)
        assert s.role_confidence == pytest.approx(0.9 * 0.9 * sure, abs=1e-3)


CALENDAR = [  # an English-only master calendar hearing: nobody is interpreted
    ("IJ", "This is Immigration Judge Ruth Olsen. We are on the record in removal proceedings."),
    ("DHS", "Good morning. Tom Reyes, Assistant Chief Counsel, for the Department."),
    ("RC", "Good morning, Your Honor. Dana Webb on behalf of the respondent."),
    ("IJ", "Counsel, does the respondent concede proper service of the Notice to Appear?"),
    ("RC", "Yes, Your Honor. We admit the allegations and concede the charge."),
    ("IJ", "The Court finds removability established. What relief will the respondent seek?"),
    ("RC", "Asylum, withholding of removal and protection under the Convention Against Torture."),
    ("DHS", "The Department has no objection to a merits date, Your Honor."),
    ("IJ", "The case is continued to the next hearing on the merits. We are off the record."),
]


def _calendar(extra: list[tuple[str, str, str]] = ()) -> list[Segment]:
    segments, start = [], 1.0
    for who, text in CALENDAR:
        end = start + 0.07 * len(text)
        segments.append(Segment(len(segments) + 1, start, end, text, "en", 0.95, speaker=who))
        start = end + 0.8
    for who, language, text in extra:
        segments.append(Segment(len(segments) + 1, start, start + 1.0, text, language, 0.5,
                                speaker=who))
        start += 1.8
    return segments


def test_english_only_calendar_hearing_has_no_interpreter_or_applicant():
    # a second of speech Whisper took for Portuguese is no interpretation
    segments = _calendar([("IJ", "pt", "Obrigado.")])
    result = assign_roles(segments, _speakers(segments))
    assert _roles(result) == {"IJ": "judge", "DHS": "dhs_counsel", "RC": "respondent_counsel"}
    assert {s.role for s in result.segments} == {"judge", "dhs_counsel", "respondent_counsel"}


def test_sidecar_participants_change_the_outcome():
    """Two Spanish-only voices answer after the interpreter: without a sidecar the second
    is a witness; a sidecar that expects no witness leaves it unknown."""
    witness = [{"start": 100.0 + i * 4, "end": 102.0 + i * 4, "speaker": s, "role": r,
                "language": lang, "text": text} for i, (s, r, lang, text) in enumerate([
                    ("judge_flite_slt", "judge", "en", "Please call your witness."),
                    ("interpreter_espeak_f2", "interpreter", "es", "Por favor, diga su nombre."),
                    ("cousin", "witness", "es", "Me llamo Marta Ramírez, soy su prima."),
                    ("interpreter_espeak_f2", "interpreter", "en", "My name is Marta Ramirez, "
                     "I am his cousin.")])]
    turns = REFERENCE + witness
    segments = _segments(turns)
    assert _roles(assign_roles(segments, _speakers(segments)))["cousin"] == "witness"
    expected = parse_metadata({"expected_language": "es", "participants": [
        "judge", "interpreter", "applicant", "dhs_counsel", "respondent_counsel"]})
    result = assign_roles(segments, _speakers(segments), expected)
    assert _roles(result)["cousin"] == "unknown"
    assert _roles(result)["applicant_espeak_m3"] == "applicant"


def test_sidecar_names_decide_between_two_counsel():
    lines = [("IJ", "en", "This is Immigration Judge Ruth Olsen, on the record."),
             ("A", "en", "Good morning, Your Honor. Tom Reyes."),
             ("B", "en", "Dana Webb, Your Honor."),
             ("IJ", "en", "Thank you both. Is there any objection?"),
             ("A", "en", "No objection."), ("B", "en", "None, Your Honor.")]
    segments = [Segment(i + 1, i * 4.0, i * 4.0 + 3.0, text, lang, 0.9, speaker=who)
                for i, (who, lang, text) in enumerate(lines)]
    speakers = _speakers(segments)

    def roles(dhs: str, counsel: str) -> dict[str, str]:
        meta = parse_metadata({"participants": [
            "judge", {"role": "dhs_counsel", "name": dhs},
            {"role": "respondent_counsel", "name": counsel}]})
        return _roles(assign_roles(segments, speakers, meta))

    assert roles("Tom Reyes", "Dana Webb") == {"IJ": "judge", "A": "dhs_counsel",
                                               "B": "respondent_counsel"}
    assert roles("Dana Webb", "Tom Reyes") == {"IJ": "judge", "A": "respondent_counsel",
                                               "B": "dhs_counsel"}


def test_expected_language_english_means_no_interpreter():
    segments = _segments(REFERENCE)
    result = assign_roles(segments, _speakers(segments),
                          parse_metadata({"expected_language": "en"}))
    assert "interpreter" not in _roles(result).values()
    assert _roles(result)["judge_flite_slt"] == "judge"


def test_no_voices_and_voices_without_speech():
    segments = [Segment(1, 0.0, 2.0, "Hello.", "en", 0.9)]
    result = assign_roles(segments, [Speaker("SPEAKER_07", talk_time=0.2)])
    assert result.segments[0].role == "unknown"
    assert result.speakers[0].role == "unknown"
    assert result.speakers[0].role_evidence == ("no transcribed speech",)
    assert assign_roles([], []).segments == ()


@pytest.mark.parametrize(("content", "problem"), [
    ('{"participants": ["judge", "clerk"]}', "participants\\[1\\] has role 'clerk'"),
    ('{"participants": "judge"}', "participants must be a list"),
    ('{"expected_language": "Spanish"}', "expected_language must be a language code"),
    ('{"participants": [{"role": "judge", "title": "IJ"}]}', "participants\\[0\\] must be"),
    ('{"case_number": ["A1"]}', "case_number must be a string"),
    ('["judge"]', "must be a JSON object"),
    ('{"participants": [', "cannot read metadata sidecar"),
])
def test_bad_sidecar_error_names_the_file(tmp_path: Path, content: str, problem: str):
    audio = tmp_path / "hearing.wav"
    sidecar = tmp_path / "hearing.wav.meta.json"
    sidecar.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=f"{sidecar.name}.*{problem}"):
        read_sidecar(audio)
    other = tmp_path / "case.json"
    other.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=f"{other.name}.*{problem}"):
        read_sidecar(audio, other)


def test_good_sidecar_is_kept_whole(tmp_path: Path):
    audio = tmp_path / "hearing.wav"
    data = {"case_number": "A123-456-789", "expected_language": "ES", "court_room": 4,
            "participants": ["judge", {"role": "applicant", "name": "Luis Ramirez"}]}
    (tmp_path / "hearing.wav.meta.json").write_text(json.dumps(data), encoding="utf-8")
    assert read_sidecar(audio) == data
    meta = parse_metadata(data)
    assert meta.expected_language == "es" and meta.participants[1].name == "Luis Ramirez"
    assert read_sidecar(tmp_path / "other.wav") == {}


def test_role_options_validated_and_read_from_config(tmp_path: Path):
    with pytest.raises(ConfigError, match="temperature"):
        RoleOptions(temperature=0)
    with pytest.raises(ConfigError, match="bilingual_share"):
        RoleOptions(bilingual_share=0.8)
    config = tmp_path / "c.toml"
    config.write_text('[roles]\nunknown_score = 2.5\n', encoding="utf-8")
    assert load_config(config).roles == replace(RoleOptions(), unknown_score=2.5)
    config.write_text('[roles]\nmin_speakers = 2\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[roles\].*min_speakers"):
        load_config(config)
