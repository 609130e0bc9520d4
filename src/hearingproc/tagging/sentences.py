"""What the tagger reads: utterances (a transcript's segments, or the lines of a plain-text
transcript) cut into sentences, each with its time span where word times are known."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from hearingproc.errors import TranscriptError
from hearingproc.transcript import ROLES, Transcript, Word

ENGLISH = "en"
# Words whose full stop ends no sentence.
ABBREVIATIONS = {"mr", "ms", "mrs", "dr", "no", "v", "vs", "st", "jr", "sr", "u.s", "u.s.c",
                 "c.f.r", "i.n.a", "sec", "e.g", "i.e", "cf", "id", "ex", "a.m", "p.m"}
SENTENCE_END = re.compile(r"[.!?;]+[\"')\]]*(?=\s|$)")
LINE = re.compile(r"^\s*([A-Za-z][A-Za-z _]*?)\s*:\s*(.*)$")
# Function words that tell English from the Romance languages interpreters render into
# (Spanish, French, Portuguese, Haitian Creole), none of them an English word: a line of a
# plain-text transcript whose words are mostly these renders the court's words to the
# respondent ("el Departamento se reservó el derecho de apelar") and is no English speech.
ROMANCE_WORDS = frozenset(
    "el la los las del que se su sus usted ustedes es por para con una y le les lo des du et "
    "vous est pas ne il elle nous ou au aux mais nao não você ele ela da dos das em na ao "
    "muito porque pero como está esta este cette ce qui sont señor señora monsieur madame "
    "mwen yo li nan pa ki de en sí mi tu je".split())
ENGLISH_WORDS = frozenset(
    "the of and to is was you he she it that we i for on with not your his her be will have "
    "has are this in at by as my they them their would could there what which who do does "
    "did an or but if from been were can".split())
WORD = re.compile(r"[^\W\d_]+")
# a plain-text transcript's note of the language a line is spoken in: "[in Nepali] ..."
LANGUAGE_NOTED = re.compile(r"^\s*\[in (?!english\b)[^\]\d]{2,30}\]", re.IGNORECASE)
# a line this long with none of English's function words is in another language written in
# Latin letters ("Nyayadhishle tapaiko asylum swikrit garnubhayo. Sarkari wakille tis din
# bhitra appeal garna sakchhan."; an English ruling this long has one: "Voluntary departure
# granted, one hundred twenty days from today.")
FOREIGN_LENGTH = 12


@dataclass(frozen=True)
class Utterance:
    id: int  # segment id, or line number of a plain-text transcript
    text: str  # English: the segment's text, or its English translation
    role: str | None
    speaker: str | None = None
    start: float | None = None
    end: float | None = None
    words: tuple[Word, ...] = ()
    parts: tuple[tuple[int, int], ...] = ()  # (segment id, offset in text) when joined

    @property
    def segment_starts(self) -> tuple[tuple[int, int], ...]:
        return self.parts or ((self.id, 0),)


def join_run_ons(utterances: list[Utterance]) -> list[Utterance]:
    """Join consecutive utterances of one speaker where the first stops mid-sentence (ASR
    cuts a segment anywhere: "... political opinion, Asylum" | "is granted.")."""
    out: list[Utterance] = []
    for u in utterances:
        prev = out[-1] if out else None
        if (prev is not None and prev.speaker == u.speaker and prev.role == u.role
                and prev.text.strip() and not SENTENCE_END.search(prev.text.rstrip()[-3:])
                and prev.start is not None and u.start is not None):
            text = prev.text.rstrip() + " " + u.text.strip()
            parts = prev.segment_starts + ((u.id, len(prev.text.rstrip()) + 1),)
            out[-1] = Utterance(prev.id, text, prev.role, prev.speaker, prev.start, u.end,
                                prev.words + u.words, parts)
        else:
            out.append(u)
    return out


@dataclass(frozen=True)
class Sentence:
    utterance: Utterance
    start: int  # character offsets into utterance.text
    end: int

    @property
    def text(self) -> str:
        return self.utterance.text[self.start:self.end]

    @property
    def segments(self) -> tuple[int, ...]:
        """Ids of the segments the sentence's words are in."""
        starts = self.utterance.segment_starts
        ends = [b for _, b in starts[1:]] + [len(self.utterance.text) + 1]
        return tuple(i for (i, a), b in zip(starts, ends, strict=True)
                     if a < self.end and b > self.start)

    @property
    def span(self) -> tuple[float, float] | None:
        """Seconds: from the words inside the sentence, else the whole utterance."""
        u = self.utterance
        if u.start is None or u.end is None:
            return None
        joined = "".join(w.text for w in u.words)
        if not u.words or joined.strip() != u.text.strip():
            return (u.start, u.end)
        shift = (len(joined) - len(joined.lstrip())) - (len(u.text) - len(u.text.lstrip()))
        inside, offset = [], 0
        for word in u.words:
            a, b = offset - shift, offset - shift + len(word.text)
            offset += len(word.text)
            if a < self.end and b > self.start and word.text.strip():
                inside.append(word)
        return (inside[0].start, inside[-1].end) if inside else (u.start, u.end)


def _ends_here(text: str, match: re.Match[str]) -> bool:
    before = text[:match.start()].split()
    word = before[-1].lower().rstrip(".") if before else ""
    abbreviation = word in ABBREVIATIONS or len(word) == 1 and word.isalpha()
    if word == "no":  # "No. 12" is a number; "Asylum? No. It is denied." is an answer
        abbreviation = bool(re.match(r"\s*\d", text[match.end():]))
    return not (match.group().startswith(".") and abbreviation)


def sentences_of(utterance: Utterance) -> list[Sentence]:
    """The sentences of an utterance (a semicolon also ends one), blank ones left out."""
    text, out, begin = utterance.text, [], 0
    for m in SENTENCE_END.finditer(text):
        if _ends_here(text, m):
            out.append((begin, m.end()))
            begin = m.end()
    out.append((begin, len(text)))
    result = []
    for a, b in out:
        while a < b and text[a].isspace():
            a += 1
        if text[a:b].strip():
            result.append(Sentence(utterance, a, b))
    return result


def reads_as_english(text: str) -> bool:
    """Whether ``text`` is English as far as the tagger can tell: not noted as spoken in
    another language ("[in Nepali] ..."), not a long line with none of English's function
    words, not mostly in a non-Latin script, and not more Romance function words
    than English ones (two at least)."""
    if LANGUAGE_NOTED.match(text):
        return False
    words = [w.lower() for w in WORD.findall(text)]
    english = sum(w in ENGLISH_WORDS for w in words)
    if len(words) >= FOREIGN_LENGTH and not english:
        return False
    letters = [c for w in words for c in w]
    if letters and sum(not ("a" <= c <= "z" or c in "áéíóúñüàâçèêëîïôûœ") for c in letters) \
            > len(letters) / 2:
        return False
    romance = sum(w in ROMANCE_WORDS for w in words)
    return romance < 2 or romance <= english


def utterances_of(transcript: Transcript) -> list[Utterance]:
    """English segments as they are, others by their English translation (untranslated
    non-English speech is left out: the lexicon is English)."""
    out = []
    for s in transcript.segments:
        if s.language == ENGLISH:
            text, words = s.text, s.words
        elif s.translation is not None:
            text, words = s.translation.text, ()
        else:
            continue
        out.append(Utterance(s.id, text, s.role, s.speaker, s.start, s.end, words))
    return out


def _role(name: str) -> str | None:
    role = "_".join(name.lower().split())
    return role if role in ROLES else None


def read_text_transcript(path: Path) -> list[Utterance]:
    """A plain-text transcript, one utterance per line as ``ROLE: words`` (roles as in the
    transcript schema, any case, spaces for underscores); the id is the line number.
    Blank lines and lines starting with ``#`` are skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise TranscriptError(f"{path}: cannot read transcript text ({exc})") from exc
    utterances = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = LINE.match(line)
        role = _role(m.group(1)) if m else None
        if m is None or role is None:
            found = m.group(1) if m else line.strip()[:30]
            raise TranscriptError(f"{path}:{number}: expected 'ROLE: words' with ROLE one of "
                                  f"{', '.join(ROLES)}; got {found!r}")
        utterances.append(Utterance(number, m.group(2).strip(), role, speaker=role))
    if not utterances:
        raise TranscriptError(f"{path}: no 'ROLE: words' lines")
    return utterances
