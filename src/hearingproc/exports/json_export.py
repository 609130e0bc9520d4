"""``transcript.json``: the schema-v1 JSON, validated before it is written, with each segment's
and each tag's page:line in the paginated transcript (``page_line``, derived, dropped on load)."""

from __future__ import annotations

import json

from hearingproc.exports.paginated import page_line_json, paginate
from hearingproc.transcript import Transcript, to_dict, validate


def render(transcript: Transcript) -> str:
    data = page_line_json(to_dict(transcript), paginate(transcript))
    validate(data)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
