"""Pipeline options: validation on creation and loading from TOML."""

from __future__ import annotations

import pytest

from hearingproc.config import AsrOptions, load_config
from hearingproc.errors import ConfigError
from hearingproc.stages.transcribe import TranscribeOptions


def test_toml_config(tmp_path):
    path = tmp_path / "hearingproc.toml"
    path.write_text('[asr]\nengine = "openai-whisper"\n'
                    '[transcribe]\nlanguage_candidates = ["en", "es"]\n'
                    'chinese_script = "traditional"\n[transcribe.vad]\nmin_silence_s = 0.6\n')
    config = load_config(path)
    assert config.asr.engine == "openai-whisper"
    assert config.transcribe.language_candidates == ("en", "es")
    assert config.transcribe.vad.min_silence_s == 0.6
    assert config.with_overrides(engine="faster-whisper", language="es").transcribe.language == "es"


@pytest.mark.parametrize("text,message", [
    ('[asr]\nengin = "x"\n', "unknown option"),
    ('[asr]\nengine = "whisper.cpp"\n', "unknown ASR engine"),
    ('[transcribe]\nchinese_script = "pinyin"\n', "chinese_script"),
    ('[output]\n', "unknown section"),
    ('[asr\n', "cannot read config"),
])
def test_bad_config_is_named(tmp_path, text, message):
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_config(path)


def test_conflicting_options_fail_early():
    with pytest.raises(ConfigError):
        TranscribeOptions(language="es", language_candidates=("en", "es"))
    with pytest.raises(ConfigError):
        AsrOptions(device="tpu")
