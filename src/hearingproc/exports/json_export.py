"""``transcript.json``: the schema-v1 JSON, validated before it is written."""

from __future__ import annotations

import json

from hearingproc.transcript import Transcript, to_dict, validate


def render(transcript: Transcript) -> str:
    data = to_dict(transcript)
    validate(data)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
