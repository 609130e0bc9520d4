"""What a tag says beyond its label and polarity: the basis of a credibility finding, the
protected ground, the party and due date of an appeal, the country of removal, the kind of
CAT protection, the date of a continued hearing.

Each extractor reads the original text (country names keep their capitals) and returns a
dict of attributes, empty when the text states none.
"""

from __future__ import annotations

import re
from typing import Any

from hearingproc.tagging.lexicon import normalise

BASIS = {
    "demeanor": r"demeano(?:u)?r",
    "consistency": r"\b(?:in)?consisten\w*|contradict\w*|discrepanc\w*",
    "plausibility": r"\b(?:im)?plausib\w*",
    "detail": r"\bdetail\w*|\bspecific\w*|\bvague\w*",
    "corroboration": r"\bcorroborat\w*",
    "responsiveness": r"\b(?:non ?)?responsive\w*|\bevasive\w*",
}
GROUNDS = {
    "political_opinion": r"politic\w*",
    "religion": r"\breligio\w*|\bfaith\b",
    "race": r"\brace\b|\bracial\b|\bethnic\w*",
    "nationality": r"\bnationality\b",
    "particular_social_group": r"particular social group|\bsocial group\b|\bpsg\b",
}
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December)")
DATE = re.compile(rf"\b{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?")
# the month alone, as a continuance is told again: "Then we're adjourned until September."
MONTH_ONLY = re.compile(rf"\b(?:until|till|to|in) ({_MONTH})\b")
DUE_DAYS = re.compile(r"\b(?:within|in) (thirty|30) (?:calendar )?days\b", re.IGNORECASE)
DUE_BY = re.compile(rf"\b(?:due|filed|received|file it)\b[^.]{{0,40}}?"
                    rf"\b(?:by|on|before) ({DATE.pattern})")
COUNTRY = re.compile(r"\b(?:removed|deported|removal|deportation|returned|return) to "
                     r"(?:the )?((?:[A-Z][a-z]+)(?: (?:and )?[A-Z][a-z]+)?)")
NOT_COUNTRIES = {"The", "This", "His", "Her", "Their", "Section", "Your", "Me"}
DHS = re.compile(r"\b(?:department|dhs|government|the service|ice)\b")
# (the respondent's own lawyer, as the judge names him to the respondent: "Your lawyer is
# appealing, sir")
RESPONDENT = re.compile(r"\b(?:respondent|applicant|my client|the defense|respondent's counsel|"
                        r"your (?:lawyer|attorney))\b")
BOTH = re.compile(r"\b(?:both (?:parties|sides)|(?:each|either) (?:party|side)|the parties)\b")


def _found(table: dict[str, str], norm: str) -> list[str]:
    return [name for name, pattern in table.items() if re.search(pattern, norm)]


def credibility(text: str) -> dict[str, Any]:
    basis = _found(BASIS, normalise(text))
    return {"basis": basis} if basis else {}


def nexus(text: str) -> dict[str, Any]:
    norm = normalise(text)
    grounds = _found(GROUNDS, norm)
    out: dict[str, Any] = ({"ground": grounds[0]} if len(grounds) == 1
                           else {"grounds": grounds} if grounds else {})
    if grounds and "imputed" in norm:
        out["imputed"] = True
    return out


def appeal_parties(text: str, role: str | None) -> list[str]:
    """Who reserves or waives: named in the sentence, else the speaking counsel's side;
    empty when neither says."""
    norm = normalise(text)
    if BOTH.search(norm):
        return ["respondent", "dhs"]
    named = [p for p, pattern in (("dhs", DHS), ("respondent", RESPONDENT)) if pattern.search(norm)]
    if len(named) == 1:
        return named
    if role == "dhs_counsel":
        return ["dhs"]
    if role in ("respondent_counsel", "applicant", "interpreter"):
        return ["respondent"]  # the interpreter renders the respondent's own answer
    return []


def appeal_due(text: str) -> str | None:
    """"30 days" or the stated date the appeal is due."""
    if DUE_DAYS.search(text):
        return "30 days"
    m = DUE_BY.search(text)
    return m.group(1) if m else None


def removal(text: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for m in COUNTRY.finditer(text):
        if m.group(1).split()[0] not in NOT_COUNTRIES:
            out["country"] = m.group(1)
            break
    if re.search(r"\balternat\w*", normalise(text)):
        out["alternate"] = True
    return out


def cat(text: str) -> dict[str, Any]:
    norm = normalise(text)
    if "deferral" in norm:
        return {"cat_type": "deferral"}
    if re.search(r"withholding (?:of (?:removal|deportation) )?under", norm):
        return {"cat_type": "withholding"}
    return {}


def continuance(text: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    m = DATE.search(text) or MONTH_ONLY.search(text)
    if m:
        out["date"] = m.group(m.lastindex or 0)
    if "good cause" in normalise(text):
        out["reason"] = "good cause"
    return out


def termination(text: str) -> dict[str, Any]:
    norm = normalise(text)
    if re.search(r"administrative(?:ly)? clos", norm):
        return {"kind": "administrative_closure"}
    if "dismiss" in norm:
        return {"kind": "dismissed"}
    return {"kind": "terminated"}


EXTRACTORS = {"credibility": credibility, "nexus": nexus, "removal_order": removal,
              "cat_protection": cat, "continuance": continuance, "termination": termination}


def extract(label: str, text: str) -> dict[str, Any]:
    """The attributes of a ``label`` tag supported by ``text`` (appeal: see appeal_parties)."""
    extractor = EXTRACTORS.get(label)
    return extractor(text) if extractor else {}
