"""A sidecar that names the applicant's language restricts language identification to it and
the court language, unless the user fixed the language or the candidates, or turned it off."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hearingproc.config import PipelineConfig
from hearingproc.pipeline.stages import _sidecar_languages


@pytest.mark.parametrize(("metadata", "candidates"), [
    ({"expected_language": "es"}, ("en", "es")),
    ({"court_language": "fr", "expected_language": "ar"}, ("fr", "ar")),
    ({"expected_language": "en"}, ("en",)),  # not interpreted: English only
    ({"case_number": "A123"}, ()),  # no applicant's language named: identified freely
    ({}, ()),
    (None, ()),
])
def test_sidecar_languages_become_the_candidates(metadata, candidates):
    config = _sidecar_languages(PipelineConfig(), metadata)
    assert config.transcribe.language_candidates == candidates
    assert config.transcribe.language == "auto"


@pytest.mark.parametrize("change", [
    {"language": "zh"}, {"language_candidates": ("en", "pt")}, {"sidecar_languages": False}])
def test_what_the_user_set_wins(change):
    config = PipelineConfig()
    config = replace(config, transcribe=replace(config.transcribe, **change))
    assert _sidecar_languages(config, {"expected_language": "es"}) == config
