"""The metadata sidecar of a recording (``AUDIO.meta.json`` or ``--meta FILE``), validated.

A JSON object; every key is optional and keys not listed here are kept in the transcript
unchanged (other tools may add their own)::

    {
      "case_number": "A123-456-789",
      "hearing_type": "merits",
      "hearing_date": "2026-03-02",
      "court_language": "en",
      "expected_language": "es",
      "participants": ["judge", "interpreter", {"role": "applicant", "name": "Luis Ramirez"},
                       {"role": "dhs_counsel", "name": "Mark Delgado"}]
    }

``expected_language`` is the applicant's language (ISO 639-1); equal to ``court_language``
(default ``en``) it says the hearing is not interpreted. ``participants`` lists who is
expected to speak, one entry per person, each a role name or ``{"role": ..., "name": ...}``;
when given, only the listed roles are assigned (as many speakers per role as listed; an
interpreter split by diarization into one voice per language still counts once) and every
other voice is ``unknown``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hearingproc.errors import ConfigError
from hearingproc.transcript import ROLES

LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")  # ISO 639-1 (or 639-3 where no 639-1 exists)
TEXT_KEYS = ("case_number", "hearing_type", "hearing_date")
PARTICIPANT_ROLES = tuple(r for r in ROLES if r != "unknown")  # roles a participant may have


@dataclass(frozen=True)
class Participant:
    role: str  # one of PARTICIPANT_ROLES
    name: str | None = None  # as the person would introduce themself, e.g. "Anne Carter"


@dataclass(frozen=True)
class HearingMetadata:
    case_number: str | None = None
    hearing_type: str | None = None  # e.g. "master calendar", "merits"
    hearing_date: str | None = None  # as written in the sidecar, shown in the text export
    court_language: str | None = None  # the language of the record; None: the default (en)
    expected_language: str | None = None  # the applicant's language; None: find it
    participants: tuple[Participant, ...] | None = None  # None: not known


def _language(data: dict[str, Any], key: str, where: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not LANGUAGE_CODE.match(value.strip().lower()):
        raise ConfigError(f"{where}: {key} must be a language code such as \"es\", got {value!r}")
    return value.strip().lower()


def _participant(item: Any, index: int, where: str) -> Participant:
    if isinstance(item, str):
        item = {"role": item}
    if not isinstance(item, dict) or set(item) - {"role", "name"}:
        raise ConfigError(f"{where}: participants[{index}] must be a role name or an object "
                          f"with \"role\" and optional \"name\", got {item!r}")
    role, name = item.get("role"), item.get("name")
    if role not in PARTICIPANT_ROLES:
        raise ConfigError(f"{where}: participants[{index}] has role {role!r}; choose one of "
                          f"{', '.join(PARTICIPANT_ROLES)}")
    if name is not None and (not isinstance(name, str) or not name.strip()):
        raise ConfigError(f"{where}: participants[{index}] name must be a non-empty string")
    return Participant(role, name.strip() if name else None)


def parse_metadata(data: dict[str, Any], source: str | Path = "metadata") -> HearingMetadata:
    """The known keys of a sidecar, checked; ``source`` (the file) names it in any error."""
    where = str(source)
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: metadata sidecar must be a JSON object")
    for key in TEXT_KEYS:
        if data.get(key) is not None and not isinstance(data[key], (str, int)):
            raise ConfigError(f"{where}: {key} must be a string, got {data[key]!r}")
    participants = data.get("participants")
    if participants is not None:
        if not isinstance(participants, list):
            raise ConfigError(f"{where}: participants must be a list, got {participants!r}")
        participants = tuple(_participant(p, i, where) for i, p in enumerate(participants))
    return HearingMetadata(
        **{key: None if data.get(key) is None else str(data[key]) for key in TEXT_KEYS},
        court_language=_language(data, "court_language", where),
        expected_language=_language(data, "expected_language", where),
        participants=participants,
    )


def speaker_bounds(metadata: HearingMetadata) -> tuple[int, int] | None:
    """(min, max) number of voices diarization may find, from ``participants``; None when the
    sidecar lists none. At most one voice per listed person, plus one where an interpreter is
    listed (diarization may split an interpreter into one voice per language); at least all
    but two of them (a listed counsel or witness may never speak), and at least one."""
    if not metadata.participants:
        return None
    listed = len(metadata.participants)
    interpreted = any(p.role == "interpreter" for p in metadata.participants)
    return max(1, listed - 2), listed + interpreted
