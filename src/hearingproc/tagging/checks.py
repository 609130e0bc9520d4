"""Legal co-occurrence checks over a transcript's tags: what a ruling implies that the
record does not state.

Each note goes into the ``attributes`` of the tag that raises it, as ``missing`` (labels or
attributes the record lacks) and ``notes`` (one sentence each), so the transcript schema
needs no new field; :func:`run_checks` also returns them as a list for reports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from hearingproc.transcript import Tag

Note = tuple[str, str, str]  # (check name, what is missing, message)
MERITS_RULINGS = ("asylum", "withholding_of_removal", "cat_protection")


def _has(tags: list[Tag], label: str, polarity: str | None = None) -> bool:
    return any(t.label == label and (polarity is None or t.polarity == polarity) for t in tags)


def _withholding(tag: Tag, tags: list[Tag]) -> list[Note]:
    granted = (tag.polarity == "granted"
               and tag.label in ("withholding_of_removal", "cat_protection"))
    if granted and not _has(tags, "removal_order"):
        return [("withholding_without_removal_order", "removal_order",
                 f"{tag.label.replace('_', ' ')} granted but no order of removal stated (a grant "
                 "of withholding or deferral comes with an order of removal to the country)")]
    return []


def _voluntary_departure(tag: Tag, tags: list[Tag]) -> list[Note]:
    if (tag.label == "voluntary_departure" and tag.polarity == "granted"
            and not _has(tags, "removal_order")):
        return [("voluntary_departure_without_alternate_order", "removal_order",
                 "voluntary departure granted but no alternate order of removal stated")]
    return []


def _appeal_deadline(tag: Tag, tags: list[Tag]) -> list[Note]:
    if tag.label == "appeal" and tag.polarity == "reserved" and not tag.attributes.get("due"):
        return [("appeal_without_deadline", "due",
                 "appeal reserved but its deadline is not stated (Form EOIR-26 is due at the "
                 "Board within 30 calendar days of the decision)")]
    return []


def _appeal_party(tag: Tag, tags: list[Tag]) -> list[Note]:
    if tag.label == "appeal" and not tag.attributes.get("party"):
        return [("appeal_without_party", "party", "appeal event without the party that "
                 "reserved or waived it")]
    return []


def _credibility(tag: Tag, tags: list[Tag]) -> list[Note]:
    decided = tag.label in MERITS_RULINGS and tag.polarity in ("granted", "denied")
    first = next((t for t in tags
                  if t.label in MERITS_RULINGS and t.polarity in ("granted", "denied")), None)
    if decided and tag is first and not _has(tags, "credibility"):
        return [("ruling_without_credibility_finding", "credibility",
                 "merits ruling with no explicit credibility finding (absent one, the "
                 "applicant is presumed credible on appeal)")]
    return []


def _asylum_and_removal(tag: Tag, tags: list[Tag]) -> list[Note]:
    if tag.label != "removal_order" or tag.attributes.get("alternate"):
        return []
    notes: list[Note] = []
    if _has(tags, "asylum", "granted") and not _has(tags, "asylum", "denied"):
        notes.append(("removal_order_with_asylum_granted", "",
                      "order of removal stated although asylum was granted"))
    if not tag.attributes.get("country"):
        notes.append(("removal_order_without_country", "country",
                      "order of removal without the country of removal"))
    return notes


def _conflicting_appeal(tag: Tag, tags: list[Tag]) -> list[Note]:
    if tag.label != "appeal" or tag.polarity != "waived":
        return []
    party = tag.attributes.get("party")
    if party and any(t.label == "appeal" and t.polarity == "reserved"
                     and t.attributes.get("party") == party for t in tags):
        return [("appeal_reserved_and_waived", "", f"appeal both reserved and waived by {party}")]
    return []


CHECKS: list[Callable[[Tag, list[Tag]], list[Note]]] = [
    _withholding, _voluntary_departure, _appeal_deadline, _appeal_party, _credibility,
    _asylum_and_removal, _conflicting_appeal]


def run_checks(tags: list[Tag]) -> tuple[list[Tag], list[dict[str, Any]]]:
    """The tags with each check's notes in their attributes, and all notes as dicts
    (``check``, ``tag``, ``missing``, ``message``)."""
    out, notes = [], []
    for tag in tags:
        found = [note for check in CHECKS for note in check(tag, tags)]
        if found:
            extra = {"missing": [m for _, m, _ in found if m],
                     "notes": [msg for _, _, msg in found]}
            tag = replace(tag, attributes={**tag.attributes, **extra})
            notes += [{"check": name, "tag": tag.id, "missing": m or None, "message": msg}
                      for name, m, msg in found]
        out.append(tag)
    return out, notes
