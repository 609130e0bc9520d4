"""The caption page (court, case, hearing, judge, appearances, language, interpreter) and the
closing page (machine transcript, not certified, the recording's SHA-256) of the paginated
transcript, from the transcript and its sidecar metadata."""

from __future__ import annotations

from hearingproc.exports._lines import LINE_WIDTH, centered, wrap
from hearingproc.exports._time import clock
from hearingproc.transcript import Transcript

RECORD_LANGUAGE = "en"
INDISCERNIBLE = "(indiscernible)"
# names of the languages heard in immigration courts most often; others show their code
LANGUAGE_NAMES = {
    "en": "English", "es": "Spanish", "pt": "Portuguese", "fr": "French", "ht": "Haitian Creole",
    "zh": "Chinese", "ar": "Arabic", "ru": "Russian", "uk": "Ukrainian", "hi": "Hindi",
    "pa": "Punjabi", "bn": "Bengali", "tr": "Turkish", "vi": "Vietnamese", "ko": "Korean",
    "ro": "Romanian", "fa": "Persian", "ps": "Pashto", "ur": "Urdu", "ne": "Nepali",
    "am": "Amharic", "ti": "Tigrinya", "so": "Somali", "sw": "Swahili", "tl": "Tagalog",
    "ka": "Georgian", "hy": "Armenian", "uz": "Uzbek", "kk": "Kazakh", "de": "German",
    "it": "Italian", "ja": "Japanese", "my": "Burmese",
}


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def participant_names(transcript: Transcript) -> dict[str, list[str]]:
    """role -> the names the sidecar gives for it."""
    names: dict[str, list[str]] = {}
    for item in transcript.recording.metadata.get("participants") or ():
        if isinstance(item, dict) and isinstance(item.get("name"), str) and item["name"].strip():
            names.setdefault(str(item.get("role")), []).append(item["name"].strip())
    return names


def _pair(left: str, right: str) -> list[str]:
    """``left`` and ``right`` on one line, ``right`` flush right; on lines of their own when
    they do not fit together."""
    gap = LINE_WIDTH - len(left) - len(right)
    if gap >= 2:
        return [left + " " * gap + right]
    return wrap(left, "    ", "    ") + [line.rjust(LINE_WIDTH) for line in wrap(right)]


def caption_lines(transcript: Transcript) -> list[str]:
    meta = transcript.recording.metadata
    names = participant_names(transcript)

    def named(role: str, absent: str = "(not named)") -> str:
        return ", ".join(names.get(role, ())) or absent

    def given(key: str) -> str:
        value = meta.get(key)
        return str(value).strip() if value not in (None, "") else "(not given)"

    lines = centered("UNITED STATES DEPARTMENT OF JUSTICE")
    lines += centered("EXECUTIVE OFFICE FOR IMMIGRATION REVIEW")
    lines += centered("IMMIGRATION COURT")
    if meta.get("court"):
        lines += centered(str(meta["court"]).upper())
    lines.append("")
    respondent = str(meta.get("case_name") or "") or named("applicant", "(name not given)")
    lines.append("In the Matter of:")
    lines += _pair("    " + respondent, f"File No.: {given('case_number')}")
    lines.append("                        Respondent")
    lines.append("")
    hearing = given("hearing_type")
    lines += centered(f"TRANSCRIPT OF {hearing.upper()} HEARING" if hearing != "(not given)"
                       else "TRANSCRIPT OF HEARING")
    lines += wrap(f"Date of hearing: {given('hearing_date')}")
    lines += wrap(f"Before: {named('judge')}, Immigration Judge")
    lines.append("")
    lines.append("APPEARANCES:")
    lines += wrap(f"On behalf of the Respondent: {named('respondent_counsel')}", "    ", "      ")
    lines += wrap(f"On behalf of DHS: {named('dhs_counsel')}", "    ", "      ")
    lines.append("")
    spoken = [c for c in transcript.languages if c != RECORD_LANGUAGE]
    expected = meta.get("expected_language")
    if not spoken and isinstance(expected, str) and expected != RECORD_LANGUAGE:
        spoken = [expected]
    lines += wrap(f"Language: {', '.join(map(language_name, spoken)) or 'English'}")
    interpreted = any(s.role == "interpreter" for s in transcript.segments) or "interpreter" in {
        p if isinstance(p, str) else p.get("role") for p in meta.get("participants") or ()
        if isinstance(p, (str, dict))}
    interpreter = named("interpreter", "present (not named)" if interpreted else "none")
    lines += wrap(f"Interpreter: {interpreter}")
    lines += wrap(f"Recording: {_file_name(transcript.recording.source)} "
                   f"({clock(transcript.recording.duration)[:8]})")
    return lines


def _file_name(source: str) -> str:
    return source.replace("\\", "/").rsplit("/", 1)[-1]


def closing_lines(transcript: Transcript, indiscernible_below: float) -> list[str]:
    from hearingproc.exports.text import review_note  # text cites page:line: imports this

    rec = transcript.recording
    lines = centered("NOTICE: MACHINE TRANSCRIPT, NOT CERTIFIED")
    lines.append("")
    lines += wrap(
        "This transcript was made by a machine (hearingproc) from the audio recording named "
        "below. It is not a certified transcript: no transcriber, reporter or court has "
        "certified it, and words may be wrong or missing. Check every citation against the "
        f"recording. Status: {review_note(transcript)}.")
    lines.append("")
    lines += wrap(
        f"Words the recogniser was less than {indiscernible_below:.0%} sure of are "
        f"shown as {INDISCERNIBLE}; transcript.json keeps its guess. English translations "
        "are machine translations.")
    lines.append("")
    lines += wrap(f"Recording: {_file_name(rec.source)}, {clock(rec.duration)}")
    lines.append("SHA-256:")
    lines.append(rec.id)
    asr = transcript.pipeline.engines.get("asr", "")
    lines += wrap(f"Produced {transcript.pipeline.created_at}" + (f" ({asr})" if asr else ""))
    return lines
