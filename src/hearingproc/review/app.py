"""The review web app: FastAPI routes over a :class:`~hearingproc.review.library.Library`.

Pages are rendered on the server (Jinja2 templates shipped in the package); a small script
(``static/review.js``) plays the audio and sends each change as JSON to ``/api/...``. Every
file the browser loads is served from the package itself: no external script, font or request.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any, Literal
from urllib.parse import quote

import jinja2
from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field

from hearingproc.errors import ConfigError, HearingProcError
from hearingproc.exports import WRITERS
from hearingproc.review import edits, search_page, views
from hearingproc.review.edits import ConflictError, EditError, NotFoundError
from hearingproc.review.library import Library
from hearingproc.review.options import (
    MAX_REVIEWER_CHARS,
    ReviewOptions,
    clean_reviewer,
    is_loopback,
)
from hearingproc.review.security import Guard
from hearingproc.review.store import Change, StoreBusyError
from hearingproc.transcript import Transcript

EXPORTS = {"json": ("transcript.json", "application/json"),
           "txt": ("transcript.txt", "text/plain"),
           "srt": ("transcript.srt", "application/x-subrip"),
           "vtt": ("transcript.vtt", "text/vtt"),
           "pdf": ("transcript.pdf", "application/pdf"),  # paginated, page:line
           "docx": ("transcript.docx", "application/vnd.openxmlformats-officedocument."
                                       "wordprocessingml.document")}
ERROR_STATUS = ((NotFoundError, 404), (ConflictError, 409), (EditError, 400), (ConfigError, 400),
                (StoreBusyError, 503))


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reviewer: str | None = Field(default=None, max_length=MAX_REVIEWER_CHARS)


class ReviewBody(_Body):
    status: Literal["accepted", "rejected", "unreviewed"]


class TagEditBody(_Body):
    label: str = Field(max_length=64)
    polarity: str | None = Field(default=None, max_length=32)
    first: int
    last: int


class TagAddBody(_Body):
    label: str = Field(max_length=64)
    polarity: str | None = Field(default=None, max_length=32)
    first: int
    last: int | None = None
    quote: str | None = Field(default=None, max_length=edits.MAX_TEXT_CHARS)


class RoleBody(_Body):
    role: str = Field(max_length=32)


class TextBody(_Body):
    text: str = Field(max_length=edits.MAX_TEXT_CHARS)


def _templates() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("hearingproc.review", "templates"),
                              autoescape=True, undefined=jinja2.StrictUndefined)


def create_app(options: ReviewOptions) -> Guard:
    """The ASGI app (the FastAPI app behind its guard); ``.app.state.library`` holds the data."""
    library = Library(options)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        library.close()

    api = FastAPI(title="hearingproc review", docs_url=None, redoc_url=None, openapi_url=None,
                  lifespan=lifespan)
    api.state.library = library
    api.state.options = options
    static = resources.files("hearingproc.review").joinpath("static")
    api.mount("/static", StaticFiles(directory=str(static)), name="static")
    _add_error_handlers(api)
    env = _templates()
    env.globals["default_reviewer"] = options.reviewer
    _add_pages(api, library, env)
    search_page.add_routes(api, library, env, _page)
    _add_api(api, library, options)
    return Guard(api, token=options.token, loopback_only=is_loopback(options.host))


def _add_error_handlers(api: FastAPI) -> None:
    async def on_error(request: Request, exc: Exception) -> Response:
        status = next((code for cls, code in ERROR_STATUS if isinstance(exc, cls)), 500)
        return JSONResponse({"error": str(exc)}, status_code=status)

    api.add_exception_handler(HearingProcError, on_error)


def _page(env: jinja2.Environment, request: Request, name: str, **context: Any) -> HTMLResponse:
    html = env.get_template(name).render(csrf_token=request.state.csrf_token, **context)
    return HTMLResponse(html)


def _add_pages(api: FastAPI, library: Library, env: jinja2.Environment) -> None:
    def view(name: str) -> dict[str, Any]:
        transcript = library.transcript(name)
        return views.transcript_page(name, transcript, library.history(name),
                                     has_audio=library.audio(name) is not None)

    @api.get("/", response_class=HTMLResponse)
    def index(request: Request) -> HTMLResponse:
        rows = []
        for name in library.names():
            try:
                rows.append(views.summary(name, library.transcript(name), library.history(name)))
            except HearingProcError as exc:  # one unreadable transcript does not hide the rest
                rows.append({"name": name, "error": str(exc)})
        return _page(env, request, "index.html", rows=rows, root=str(library.root))

    @api.get("/r/{name}", response_class=HTMLResponse)
    def transcript_page(request: Request, name: str) -> HTMLResponse:
        return _page(env, request, "transcript.html", page=view(name))

    @api.get("/r/{name}/panels", response_class=HTMLResponse)
    def panels(request: Request, name: str) -> HTMLResponse:
        return _page(env, request, "_panels.html", page=view(name))

    @api.api_route("/r/{name}/audio", methods=["GET", "HEAD"])
    def audio(name: str) -> FileResponse:
        found = library.audio(name)
        if found is None:
            raise NotFoundError(f"no audio found for {name}")
        return FileResponse(found.path, media_type=found.media_type)

    @api.get("/r/{name}/export/{fmt}")
    def export(name: str, fmt: str) -> Response:
        if fmt not in EXPORTS:
            raise NotFoundError(f"no export format {fmt!r}")
        file_name, media_type = EXPORTS[fmt]
        content = WRITERS[file_name](library.transcript(name))
        download = quote(f"{name}.{fmt}")
        if isinstance(content, str):
            media_type += "; charset=utf-8"
        return Response(content, media_type=media_type, headers={
            "content-disposition": f"attachment; filename*=UTF-8''{download}"})


def _add_api(api: FastAPI, library: Library, options: ReviewOptions) -> None:
    def apply(name: str, body: _Body, make: Callable[[Transcript], edits.Edit]) -> dict[str, Any]:
        reviewer = clean_reviewer(body.reviewer) if body.reviewer else options.reviewer
        return _change_json(library.change(name, reviewer, make))

    @api.post("/api/r/{name}/tags/{tag_id}/review")
    def review_tag(name: str, tag_id: int, body: ReviewBody) -> dict[str, Any]:
        return apply(name, body, lambda t: edits.review_tag(t, tag_id, body.status))

    @api.post("/api/r/{name}/tags/{tag_id}")
    def edit_tag(name: str, tag_id: int, body: TagEditBody) -> dict[str, Any]:
        return apply(name, body, lambda t: edits.edit_tag(t, tag_id, body.label, body.polarity,
                                                         body.first, body.last))

    @api.post("/api/r/{name}/tags")
    def add_tag(name: str, body: TagAddBody) -> dict[str, Any]:
        last = body.first if body.last is None else body.last
        return apply(name, body, lambda t: edits.add_tag(t, body.first, last, body.label,
                                                        body.polarity, body.quote))

    @api.post("/api/r/{name}/speakers/{speaker}/role")
    def speaker_role(name: str, speaker: str, body: RoleBody) -> dict[str, Any]:
        return apply(name, body, lambda t: edits.set_speaker_role(t, speaker, body.role))

    @api.post("/api/r/{name}/segments/{segment_id}/role")
    def segment_role(name: str, segment_id: int, body: RoleBody) -> dict[str, Any]:
        return apply(name, body, lambda t: edits.set_segment_role(t, segment_id, body.role))

    @api.post("/api/r/{name}/segments/{segment_id}/text")
    def segment_text(name: str, segment_id: int, body: TextBody) -> dict[str, Any]:
        return apply(name, body, lambda t: edits.correct_text(t, segment_id, body.text))

    @api.post("/api/r/{name}/segments/{segment_id}/translation")
    def segment_translation(name: str, segment_id: int, body: TextBody) -> dict[str, Any]:
        return apply(name, body, lambda t: edits.correct_translation(t, segment_id, body.text))

    @api.post("/api/r/{name}/undo/{change_id}")
    def undo(name: str, change_id: int, body: _Body) -> dict[str, Any]:
        reviewer = clean_reviewer(body.reviewer) if body.reviewer else options.reviewer
        return _change_json(library.undo(name, change_id, reviewer))

    @api.get("/api/r/{name}/history")
    def history(name: str) -> dict[str, Any]:
        return {"changes": [_change_json(c)["change"] for c in library.history(name)]}


def _change_json(change: Change) -> dict[str, Any]:
    return {"ok": True, "change": {**change.history_entry(), "before": change.before,
                                   "after": change.after}}
