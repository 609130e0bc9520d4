"""The tag stage: the development set scored by `hearingproc eval` against its thresholds,
the rules that make words no finding (speaker role, questions, quoted standards, negation),
the co-occurrence checks, `hearingproc tag` on text and bad input, and the committed sample
hearing's credibility finding, ruling and appeal tagged at the judge's words."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from tests.tagging._tag_helpers import _found, _tags, _tags_and_notes

from hearingproc.cli import main
from hearingproc.errors import ConfigError
from hearingproc.stages.tag import TagOptions
from hearingproc.tagging.lexicon import normalise
from hearingproc.transcript import load_transcript

REPO = Path(__file__).resolve().parents[2]
DEV = REPO / "tests" / "data" / "tagging"
TRAINING = REPO / "src" / "hearingproc" / "data" / "tag_training.jsonl"
SAMPLE_MANIFEST = REPO / "sample_audio" / "manifest.json"


# --- the development set --------------------------------------------------------------------

def test_dev_set_meets_tag_thresholds(tmp_path: Path):
    code = main(["eval", str(DEV / "manifest.json"), "--out", str(tmp_path),
                 "--thresholds", str(DEV / "thresholds.toml")])
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert code == 0, report["checks"]
    assert report["tags"]["files"] == len(json.loads((DEV / "manifest.json").read_text())) >= 12
    assert report["tags"]["overall"]["f1"] >= 0.9
    # every label of the dev set's references is scored, and the report shows the table
    expected = {t["label"] for e in json.loads((DEV / "manifest.json").read_text())
                for t in e["reference_tags"]}
    assert expected <= set(report["tags"]["labels"])
    assert "## Tags" in (tmp_path / "report.md").read_text(encoding="utf-8")


def test_classifier_never_saw_the_measured_sentences():
    def sentences(text: str) -> set[str]:
        return {" ".join(re.findall(r"[a-z0-9']+", normalise(s)))
                for s in re.split(r"(?<=[.?!;])\s+", text) if len(s.split()) >= 4}

    training = set()
    for line in TRAINING.read_text(encoding="utf-8").splitlines():
        training |= sentences(json.loads(line)["text"])
    for path in DEV.rglob("*.txt"):
        measured = sentences("\n".join(line.split(":", 1)[1]
                                       for line in path.read_text().splitlines()))
        assert not measured & training, path.name


def test_thresholds_fail_when_tags_are_wrong(tmp_path: Path):
    """A reference that expects the opposite polarity must fail the threshold (the check
    is not satisfied by any output)."""
    (tmp_path / "t.txt").write_text("judge: The respondent's application for asylum is granted.\n")
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps([{"id": "e_flip", "transcript": "t.txt", "reference_tags": [
        {"label": "asylum", "polarity": "denied", "segments": [1]}]}]))
    thresholds = tmp_path / "th.toml"
    thresholds.write_text('[[check]]\nname = "tags"\nmetric = "tag_f1"\nmin = 0.9\n'
                          'id_prefixes = ["e"]\n')
    assert main(["eval", str(manifest), "--out", str(tmp_path / "r"),
                 "--thresholds", str(thresholds)]) == 6
    report = json.loads((tmp_path / "r" / "report.json").read_text())
    assert report["tags"]["overall"] == {"tp": 0, "fp": 1, "fn": 1,
                                         "precision": 0.0, "recall": 0.0, "f1": 0.0}


# --- scope, role and negation ---------------------------------------------------------------

@pytest.mark.models  # the tagger loads the sentence classifier
def test_speaker_role_decides_what_is_a_finding():
    tags = _tags(
        ("interpreter", "The judge believed me and I was given asylum in my heart."),
        ("respondent_counsel",
         "In closing, my client testified credibly and asylum should be granted."),
        ("dhs_counsel", "Isn't it true that you were never harmed?"),
        ("applicant", "I reserve nothing, I just want to be safe."),
        ("judge", "Having heard everyone, I accept the respondent's testimony as truthful."),
        ("respondent_counsel", "My client will reserve his right to appeal."),
    )
    assert _found(tags) == {("credibility", "positive"), ("appeal", "reserved")}
    appeal = next(t for t in tags if t.label == "appeal")
    assert appeal.attributes["party"] == "respondent" and appeal.segments == (6,)


@pytest.mark.models  # the tagger loads the sentence classifier
def test_negation_and_quoted_standards():
    tags = _tags(
        ("judge", "A respondent must show that the harm rises to the level of persecution."),
        ("judge", "The issue is whether her testimony was credible."),
        ("judge", "I am unable to find that the respondent testified credibly about the raid."),
        ("judge", "The beating he suffered in 2019 does not rise to the level of persecution."),
        ("judge", "Counsel, was asylum ever granted to your client's brother?"),
    )
    by_segment = {t.segments: (t.label, t.polarity) for t in tags}
    assert by_segment == {(3,): ("credibility", "adverse"),
                          (4,): ("past_persecution", "not_established")}


@pytest.mark.models  # the tagger loads the sentence classifier
def test_split_ruling_and_co_occurrence_checks():
    tags, notes = _tags_and_notes(
        ("judge", "Her asylum claim is denied as untimely, but withholding of removal is granted."),
        ("judge", "Does the government wish to appeal?"),
        ("dhs_counsel", "We will reserve."),
    )
    assert _found(tags) >= {("asylum", "denied"), ("withholding_of_removal", "granted"),
                            ("appeal", "reserved")}
    withholding = next(t for t in tags if t.label == "withholding_of_removal")
    assert "removal_order" in withholding.attributes["missing"]
    appeal = next(t for t in tags if t.label == "appeal")
    assert appeal.attributes["party"] == "dhs" and "due" in appeal.attributes["missing"]
    assert {n["check"] for n in notes} >= {"withholding_without_removal_order",
                                           "appeal_without_deadline"}


def test_tag_options_are_validated():
    with pytest.raises(ConfigError):
        TagOptions(min_probability=0)
    with pytest.raises(ConfigError):
        TagOptions(merge_gap=-1)


# --- hearingproc tag ------------------------------------------------------------------------

def test_tag_command_on_plain_text(tmp_path: Path):
    source = tmp_path / "hearing.txt"
    source.write_text("JUDGE: Good morning.\n\nDHS Counsel: The Department waives appeal.\n"
                      "judge: The respondent is ordered removed to Peru.\n", encoding="utf-8")
    out = tmp_path / "tags.json"
    assert main(["tag", str(source), "--out", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    got = {(t["label"], t["polarity"], tuple(t["segments"])) for t in doc["tags"]}
    assert got == {("appeal", "waived", (3,)), ("removal_order", None, (4,))}
    removal = next(t for t in doc["tags"] if t["label"] == "removal_order")
    assert removal["attributes"]["country"] == "Peru" and removal["start"] is None
    assert removal["review"] == "unreviewed"
    assert removal["quote"] == "The respondent is ordered removed to Peru."


def test_tag_command_rejects_a_bad_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    source = tmp_path / "bad.txt"
    source.write_text("judge: Good morning.\nclerk: Please rise.\n", encoding="utf-8")
    out = tmp_path / "tags.json"
    assert main(["tag", str(source), "--out", str(out)]) == 5
    err = capsys.readouterr().err
    assert f"{source}:2" in err and "clerk" in err
    assert not out.exists()
    assert main(["tag", str(tmp_path / "missing.json"), "--out", str(out)]) == 5
    assert not out.exists()


# --- the sample hearing (roles not yet assigned: every speaker's role is unknown) -----------

def _reference_span(*needles: str) -> tuple[float, float]:
    """Start of the first and end of the last reference turn holding one of ``needles``."""
    segments = json.loads(SAMPLE_MANIFEST.read_text(encoding="utf-8"))[0]["reference_segments"]
    hits = [s for s in segments if any(n in s["text"] for n in needles)]
    return min(s["start"] for s in hits), max(s["end"] for s in hits)


def test_sample_hearing_tags(sample_output: Path):
    transcript = load_transcript(sample_output / "transcript.json")
    tags = {(t.label, t.polarity): t for t in transcript.tags}
    tolerance = 1.0  # seconds: ASR word times against the synthetic voices' exact turns
    for key, needles in {("credibility", "positive"): ("I find the respondent credible",),
                         ("well_founded_fear", "established"): ("well-founded fear",),
                         ("asylum", "granted"): ("Asylum is granted",),
                         ("appeal", "reserved"): ("reserves appeal", "Appeal is reserved")}.items():
        assert key in tags, sorted(tags)
        start, end = _reference_span(*needles)
        tag = tags[key]
        assert start - tolerance <= tag.start < tag.end <= end + tolerance, (
            key, tag.start, tag.end)
        spoken = " ".join(s.text.strip() for s in transcript.segments)
        assert all(part in spoken for part in tag.quote.split(" … ")), tag.quote  # exact words
    assert tags[("appeal", "reserved")].attributes["party"] == "dhs"
    assert tags[("appeal", "reserved")].attributes["due"] == "30 days"
    basis = tags[("credibility", "positive")].attributes["basis"]
    assert {"detail", "consistency", "plausibility"} <= set(basis)
    assert "tag" in transcript.pipeline.timings and transcript.pipeline.engines["tagger"]
    text = (sample_output / "transcript.txt").read_text(encoding="utf-8")
    assert "CREDIBILITY: positive" in text and "ASYLUM: granted" in text


def test_shipped_classifier_is_the_one_the_training_file_gives():
    """The packaged weights are stamped with the training file's sha256 and equal a fresh
    training run on it (so editing the training file without retraining is caught)."""
    import hashlib

    import numpy as np

    from hearingproc.models.sentence_encoder import load_sentence_encoder
    from hearingproc.tagging import classifier

    text = TRAINING.read_text(encoding="utf-8")
    shipped = classifier._shipped_weights(hashlib.sha256(text.encode("utf-8")).hexdigest())
    assert shipped is not None, "run: python -m hearingproc.tagging.classifier"
    classes, weights, bias = shipped
    examples = classifier.read_examples(text)
    assert classes == sorted({e.cls for e in examples})
    x = load_sentence_encoder().encode([e.text for e in examples])
    w, b = classifier.train(x, np.array([classes.index(e.cls) for e in examples]), len(classes))
    np.testing.assert_allclose(weights, w, atol=1e-3)
    np.testing.assert_allclose(bias, b, atol=1e-3)


def test_testimony_is_not_embedded(monkeypatch):
    """The classifier reads only sentences whose tags it can change: the judge's (and
    counsel's) that pass a label's gate, and any with a lexicon hit; the witness's account
    of events is not embedded."""
    from hearingproc.stages.tag import TagOptions, tag_utterances
    from hearingproc.tagging import classifier as classifier_module
    from hearingproc.tagging.sentences import Utterance

    embedded: list[str] = []
    real = classifier_module.TagClassifier.probabilities

    def spy(self, sentences):
        embedded.extend(sentences)
        return real(self, sentences)

    monkeypatch.setattr(classifier_module.TagClassifier, "probabilities", spy)
    turns = [("applicant", "They came to my house at night. My brother ran away."),
             ("interpreter", "Then the soldiers took me to the station."),
             ("judge", "I find the respondent credible. Let us take a short break."),
             ("applicant", "I want to appeal.")]
    utterances = [Utterance(i, text, role, speaker=role) for i, (role, text) in enumerate(turns, 1)]
    tags, _ = tag_utterances(utterances, TagOptions())
    assert embedded == ["I find the respondent credible.", "I want to appeal."]
    assert {(t.label, t.polarity) for t in tags} == {("credibility", "positive")}
