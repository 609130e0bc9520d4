"""Rules for the identifiers that have a shape: A-numbers, phone numbers, dates of birth,
street addresses and ID numbers, as people say them and as Whisper writes them.

Each rule gives :class:`Found` spans of a text; ``key`` says which value a span is (the same
A-number written "A-123-456-789" and "A number 123 456 789" has one key), so that one value
gets one placeholder everywhere. Keys and matched text stay in memory; nothing here logs.
The rules work on English and Spanish wording (the applicant's language in most hearings);
numbers ASR spells out in words ("two zero eight ...") are not matched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The kinds of identifier, in the order a conflict is settled (an A-number wins over a phone
# number read in the same digits); each is also the word of its placeholder, "[A-NUMBER]".
A_NUMBER = "A-NUMBER"
ID_NUMBER = "ID NUMBER"
PHONE = "PHONE"
DATE_OF_BIRTH = "DATE OF BIRTH"
ADDRESS = "ADDRESS"
NAME = "NAME"
KINDS = (A_NUMBER, ID_NUMBER, PHONE, DATE_OF_BIRTH, ADDRESS, NAME)


@dataclass(frozen=True)
class Found:
    kind: str  # one of KINDS
    start: int  # character offsets in the text searched
    end: int
    key: str  # which value this is (normalised), never written anywhere
    detector: str  # e.g. "rule:a-number", "ner:spacy-en-core-web-sm", "sidecar"


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


# An alien registration number: A + 8 or 9 digits, written A-123-456-789, A123456789,
# "A number 123 456 789" or "alien number ..."; EOIR's case number is the same number. A bare
# ###-###-### is one too (no phone or SSN has that shape).
_A_NUMBER = re.compile(
    r"(?<![\w-])(?:a|alien)(?:[\s-]*(?:registration\s+)?(?:number|no\.?|num\.?|n[uú]mero|#))?"
    r"(?:\s+(?:is|es|was))?[\s:#.-]*(?P<digits>\d(?:[\s.-]?\d){7,8})(?![\w-])"
    r"|(?<![\w-])(?P<bare>\d{3}-\d{3}-\d{3})(?![\w-])", re.IGNORECASE)
# A North American number: (212) 555-0147, 212-555-0147, 212 555 0147, +1 212.555.0147.
_PHONE = re.compile(r"(?<![\w+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-]?)\d{3}[\s.-]?\d{4}"
                    r"(?![\w-])")
# An ID number: a US social security number's shape, or digits (letters allowed) after a word
# that names an identity document.
_ID_NUMBER = re.compile(
    r"(?<![\w-])(?P<ssn>\d{3}-\d{2}-\d{4})(?![\w-])"
    r"|\b(?:social\s+security|seguro\s+social|ssn|passport|pasaporte|licen[cs]e|licencia|"
    r"identi(?:ty|fication|dad)|I\.?D\.?|receipt|recibo|I-94|DNI|c[eé]dula)"
    r"(?:\s+(?:card|tarjeta))?(?:\s+(?:number|no\.?|n[uú]mero|#))?(?:\s+(?:is|es|was))?"
    r"[\s:#-]*(?P<value>(?-i:[A-Z]{0,3})[\s-]?\d(?:[\s-]?\d){4,14})(?![\w-])", re.IGNORECASE)

_MONTHS = (r"(?:january|february|march|april|may|june|july|august|september|october|november|"
           r"december|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|"
           r"octubre|noviembre|diciembre|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?)")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_DATE = (rf"(?:{_MONTHS}\s+(?:the\s+)?{_DAY}(?:,?\s+(?:of\s+)?{_YEAR})?"
         rf"|(?:the\s+)?{_DAY}\s+(?:of\s+|de\s+)?{_MONTHS}(?:,?\s+(?:of\s+|de(?:l)?\s+)?{_YEAR})?"
         rf"|\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:{_YEAR}|\d{{2}})|{_YEAR}-\d{{2}}-\d{{2}}"
         rf"|{_MONTHS}\s+(?:of\s+|de\s+)?{_YEAR}|{_YEAR})")
# A date of birth: a date within a few words after what says so.
_BIRTH_CUE = (r"\b(?:born|birth|birthday|d\.?o\.?b\.?|nac[ií](?:d[oa])?|naci[oó]|nacimiento|"
              r"cumplea[ñn]os)\b")
_DATE_OF_BIRTH = re.compile(rf"{_BIRTH_CUE}(?:\W+\w+){{0,6}}?\W+(?P<date>{_DATE})(?![\w])",
                            re.IGNORECASE)

_STREET = (r"(?:street|st\.?|avenue|ave\.?|road|rd\.?|boulevard|blvd\.?|drive|dr\.?|lane|ln\.?|"
           r"way|court|ct\.?|place|pl\.?|terrace|circle|parkway|pkwy\.?|highway|hwy\.?)")
_UNIT = r"(?:,?\s*(?:apartment|apt\.?|unit|suite|ste\.?|#|n[uú]mero|number)\s*[\w-]+)?"
_US_STATE = (r"(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|"
             r"Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|"
             r"Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|"
             r"Nebraska|Nevada|New\s+Hampshire|New\s+Jersey|New\s+Mexico|New\s+York|"
             r"North\s+Carolina|North\s+Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|"
             r"Rhode\s+Island|South\s+Carolina|South\s+Dakota|Tennessee|Texas|Utah|Vermont|"
             r"Virginia|Washington|West\s+Virginia|Wisconsin|Wyoming|[A-Z]{2})")
# City and state as written (capitalised: matched case-sensitively), then a ZIP code.
_CITY_STATE_ZIP = (rf"(?-i:(?:,?\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){{0,2}},?\s+{_US_STATE}\.?)?)"
                   r"(?:,?\s+\d{5}(?:-\d{4})?)?")
# A street address: house number, up to four words of street name and a street type, then
# an optional unit, city, state and ZIP code; or a Spanish "calle/avenida/colonia ..." address.
_ADDRESS = re.compile(
    rf"(?<![\w-])\d{{1,6}}\s+(?:[\w.'-]+\s+){{1,4}}?{_STREET}(?![\w]){_UNIT}{_CITY_STATE_ZIP}"
    r"|\b(?:calle|avenida|av\.|colonia|col\.|barrio|residencial|pasaje)\s+"
    r"(?:[\wáéíóúñÁÉÍÓÚÑ.'-]+\s*){1,4}?(?:,?\s*(?:n[uú]mero|no\.?|#)\s*\d+[\w-]*)"
    r"|\b(?:calle|avenida|colonia|barrio)\s+(?:[A-ZÁÉÍÓÚÑ][\wáéíóúñ.'-]*\s*){1,4}",
    re.IGNORECASE)


_MONTH_NUMBERS = {name: number for number, names in enumerate((
    ("jan", "ene"), ("feb",), ("mar",), ("apr", "abr"), ("may",), ("jun",), ("jul",),
    ("aug", "ago"), ("sep", "set"), ("oct",), ("nov",), ("dec", "dic")), 1) for name in names}


def _date_key(text: str) -> str:
    """One key per date however it is said: "March 3, 1990", "3 de marzo de 1990" and
    "03/03/1990" (US order) are all 1990-03-03; a part not said is "?"."""
    lower = text.lower()
    numeric = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})", lower)
    if numeric:
        month, day, year = numeric.groups()
        return f"{year.zfill(4)}-{int(month):02d}-{int(day):02d}"
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", lower)
    if iso:
        return "-".join(iso.groups())
    month = next((n for name, n in _MONTH_NUMBERS.items()
                  if re.search(rf"\b{name}[a-z]*\b", lower)), None)
    year = re.search(rf"\b{_YEAR}\b", lower)
    day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", lower)
    return (f"{year.group() if year else '?'}-{f'{month:02d}' if month else '?'}-"
            f"{f'{int(day.group(1)):02d}' if day else '?'}")


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def find_rules(text: str) -> list[Found]:
    """Every identifier the rules find in ``text`` (possibly overlapping; see :func:`settle`)."""
    found: list[Found] = []
    for match in _A_NUMBER.finditer(text):
        digits = _digits(match.group("digits") or match.group("bare"))
        found.append(Found(A_NUMBER, match.start(), match.end(), digits.zfill(9),
                           "rule:a-number"))
    for match in _ID_NUMBER.finditer(text):
        value = match.group("ssn") or match.group("value")
        start = match.start("ssn") if match.group("ssn") else match.start("value")
        found.append(Found(ID_NUMBER, start, match.end(), re.sub(r"\W", "", value).upper(),
                           "rule:id-number"))
    for match in _PHONE.finditer(text):
        digits = _digits(match.group())
        found.append(Found(PHONE, match.start(), match.end(), digits[-10:], "rule:phone"))
    for match in _DATE_OF_BIRTH.finditer(text):
        found.append(Found(DATE_OF_BIRTH, match.start("date"), match.end("date"),
                           _date_key(match.group("date")), "rule:date-of-birth"))
    for match in _ADDRESS.finditer(text):
        value = match.group().rstrip(" ,.")
        found.append(Found(ADDRESS, match.start(), match.start() + len(value), _key(value),
                           "rule:address"))
    return found


def settle(found: list[Found]) -> list[Found]:
    """Non-overlapping spans in text order: where two overlap, the kind earlier in
    :data:`KINDS` wins, then the longer span."""
    rank = {kind: number for number, kind in enumerate(KINDS)}
    kept: list[Found] = []
    for item in sorted(found, key=lambda f: (rank[f.kind], -(f.end - f.start), f.start)):
        if all(item.end <= other.start or item.start >= other.end for other in kept):
            kept.append(item)
    return sorted(kept, key=lambda f: f.start)
