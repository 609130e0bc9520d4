"""Shared fixtures: the real speech in ../shared/data, the embedded models loaded once per
session, and a session-wide evaluation run that several tests read.

The fast lane is ``pytest -m "not models"``. Which tests belong to the slow one is decided by
rules here, not by lists: a test is marked ``models`` when it uses a fixture that loads a model
or runs the pipeline (:data:`MODEL_FIXTURES`), when its code calls what loads one
(:data:`MODEL_CALLS`), and when it is marked ``slow``. So that the rules cannot silently rot,
a test without the mark that loads an embedded model anyway fails at once
(:func:`_refuse_models_unless_marked`).
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from hearingproc._env import apply_private_defaults

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample_audio"
SHARED = Path(os.environ.get("HEARINGPROC_SHARED_DATA", REPO.parent / "shared" / "data"))

apply_private_defaults()

# Fixtures (here or in test modules) that load a model or run the pipeline: every test that
# uses one, directly or through another fixture, is marked ``models``.
MODEL_FIXTURES = frozenset({"fw_engine", "shared_eval", "sample_output"})
# A test whose own code (or a helper or fixture of its module that it names) runs one of
# these loads an embedded model: the CLI's commands that run stages, the stages that need a
# model, the executors and the loaders themselves.
MODEL_CALLS = re.compile(
    r"""main\(\[\s*"(?:process|eval|tag)"|"hearingproc(?:\.cli)?",\s*"(?:process|eval|tag)"|"""
    r"""\b(?:load_engine|load_pipeline|load_sentence_encoder|load_resemblyzer_embedding|"""
    r"""segmentation_checkpoint|diarize|transcribe|process_audio|process_file|run_all|run_stage|"""
    r"""tag_utterances|tag_transcript|process_exchange)\(""")
# The loaders of the embedded models, which a test not marked ``models`` may not call:
# (module, loader). The modules up to ALWAYS_IMPORTED are light and imported by the guard;
# the others are guarded once something has imported them (their embedded loaders also go
# through ``segmentation_checkpoint``, which is always guarded).
GUARDED_LOADERS = (
    ("hearingproc.models.whisper", "load_engine"),
    ("hearingproc.models.bundle", "segmentation_checkpoint"),
    ("hearingproc.models.sentence_encoder", "load_sentence_encoder"),
    ("hearingproc.stages.diarize", "load_pipeline"),
    ("hearingproc.models.speaker_embedding", "load_resemblyzer_embedding"),
)
ALWAYS_IMPORTED = 3


def _source(function: Callable[..., object]) -> str:
    try:
        return inspect.getsource(function)
    except (OSError, TypeError):
        return ""


def _helpers_named(function: Callable[..., object]) -> list[Callable[..., object]]:
    """The functions of the test's module (not tests) that the test's code calls by name."""
    module = inspect.getmodule(function)
    if module is None:
        return []
    code = _source(function)
    return [value for name, value in vars(module).items()
            if inspect.isfunction(value) and value.__module__ == module.__name__
            and not name.startswith("test") and re.search(rf"\b{name}\(", code)]


def _runs_a_model(item: pytest.Item) -> bool:
    """Whether the test's code, the module-level helpers it names and the fixtures of test
    modules it uses call one of :data:`MODEL_CALLS`."""
    function = getattr(item, "function", None)
    if function is None:
        return False
    code = [function, *_helpers_named(function)]
    fixtures = getattr(item, "_fixtureinfo", None)
    for definitions in (fixtures.name2fixturedefs.values() if fixtures else ()):
        code += [d.func for d in definitions
                 if Path(inspect.getfile(d.func)).name.startswith("test_")]
    return any(MODEL_CALLS.search(_source(f)) for f in code)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark ``models`` every test that loads a model (:data:`MODEL_FIXTURES`,
    :data:`MODEL_CALLS`) and every ``slow`` test: the fast lane, ``-m "not models"``, must
    stay under a minute."""
    for item in items:
        if item.get_closest_marker("models"):
            continue
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & MODEL_FIXTURES or item.get_closest_marker("slow") or _runs_a_model(item):
            item.add_marker(pytest.mark.models)


def _refuse(*args: object, _loader: str = "a model loader", **kwargs: object) -> None:
    raise RuntimeError(
        f"{_loader} loads a model in a test that is not marked 'models': mark it (or use a "
        "fixture of tests/conftest.py's MODEL_FIXTURES) so that the fast lane stays fast")


@pytest.fixture(autouse=True)
def _refuse_models_unless_marked(request: pytest.FixtureRequest,
                                 monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """In a test not marked ``models``, the model loaders raise instead of loading.

    The loader's code is swapped rather than the module attribute, so that the modules that
    imported the loader by name (``from ... import load_engine``) are guarded as well. CLI
    processes a test starts are not guarded: :data:`MODEL_CALLS` names the CLI's commands.
    """
    if request.node.get_closest_marker("models"):
        yield
        return
    for number, (module_name, name) in enumerate(GUARDED_LOADERS):
        module = (importlib.import_module(module_name) if number < ALWAYS_IMPORTED
                  else sys.modules.get(module_name))
        if module is None:
            continue
        function = inspect.unwrap(getattr(module, name))
        monkeypatch.setattr(function, "__code__", _refuse.__code__)
        monkeypatch.setattr(function, "__defaults__", None)
        monkeypatch.setattr(function, "__kwdefaults__", {"_loader": f"{module_name}.{name}"})
    yield


def _require_shared() -> Path:
    if not (SHARED / "manifest.json").is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{SHARED}/manifest.json is missing; CI must have ../shared/data")
        pytest.skip(f"real-speech data not found at {SHARED} (set HEARINGPROC_SHARED_DATA)")
    return SHARED


@pytest.fixture(scope="session")
def shared_data() -> Path:
    return _require_shared()


@pytest.fixture(scope="session")
def shared_manifest(shared_data: Path) -> dict[str, dict]:
    entries = json.loads((shared_data / "manifest.json").read_text(encoding="utf-8"))
    return {e["id"]: e for e in entries}


@pytest.fixture(scope="session")
def audio_path(shared_data: Path, shared_manifest: dict[str, dict]):
    def path(recording_id: str) -> Path:
        return shared_data / shared_manifest[recording_id]["audio"]
    return path


@pytest.fixture(scope="session")
def fw_engine():
    from hearingproc.models.whisper import load_engine

    return load_engine("faster-whisper")


@pytest.fixture(scope="session")
def shared_eval(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[int, dict]:
    """`hearingproc eval` over all of ../shared/data with the repository's thresholds."""
    from hearingproc.cli import main

    out = tmp_path_factory.mktemp("eval-shared")
    code = main(["eval", str(shared_data / "manifest.json"), "--out", str(out),
                 "--thresholds", str(REPO / "tests" / "thresholds.toml")])
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert (out / "report.md").is_file()
    return code, report


@pytest.fixture(scope="session")
def sample_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed sample hearing processed by the CLI, as in README."""
    from hearingproc.cli import main

    out = tmp_path_factory.mktemp("sample-out")
    assert main(["process", str(SAMPLE / "mock_hearing_es.wav"), "--out", str(out)]) == 0
    return out / "mock_hearing_es"


CHROMIUM = Path(os.environ.get("HEARINGPROC_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--autoplay-policy=no-user-gesture-required",  # play() from a click handler in headless
    "--mute-audio",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",  # no network but the app
]


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium per test module, shared by the module's browser tests: Playwright's
    sync API cannot start while another of its sessions is open in the same thread, and while
    one is open it holds an event loop running in the main thread, in which no later test could
    call ``asyncio.run`` (``hearingproc review`` does): a session-wide one failed
    test_cli_reports_a_busy_port whenever a browser module ran before it
    (``pytest tests/search tests/review``)."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.is_file():
        message = f"{CHROMIUM} not found: install Debian's chromium (scripts/setup.sh does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with playwright_api.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
