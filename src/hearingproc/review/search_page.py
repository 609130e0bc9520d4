"""The review app's search page (``/search``): the store's search index
(:mod:`hearingproc.search`) from the browser. Each hit links to its line on the recording's
page (``/r/NAME#line-ID``), which selects it and plays the audio from it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse

from hearingproc.errors import HearingProcError
from hearingproc.review.edits import known_labels
from hearingproc.review.library import Library
from hearingproc.search import Query, SearchIndex, search
from hearingproc.transcript import ROLES

FIELDS = ("q", "tag", "role", "language", "hearing_language", "judge", "from", "to")

Page = Callable[..., HTMLResponse]  # app._page: (env, request, template, **context)


def _query(form: dict[str, str]) -> Query:
    label, polarity = Query.tag_spec(form["tag"] or None)
    return Query(text=form["q"], tag=label, polarity=polarity, role=form["role"] or None,
                 language=form["language"] or None,
                 hearing_language=form["hearing_language"] or None,
                 judge=form["judge"] or None, date_from=form["from"] or None,
                 date_to=form["to"] or None)


def _results(library: Library, form: dict[str, str]) -> dict[str, Any]:
    """Hits (or the error) for the page; nothing when nothing was asked."""
    if not any(form.values()):
        return {"asked": False, "hits": [], "error": None, "total": 0, "hearings": 0,
                "failed": []}
    try:
        query = _query(form)
        with SearchIndex(library.root) as index:
            report = index.refresh()
            result = search(index, query)
    except HearingProcError as exc:
        return {"asked": True, "hits": [], "error": str(exc), "total": 0, "hearings": 0,
                "failed": []}
    return {"asked": True, "error": None, "total": result.total, "hearings": result.hearings,
            "failed": sorted(report.failed.values()),
            "hits": [{**asdict(hit), "where": hit.where} for hit in result.hits]}


def add_routes(api: FastAPI, library: Library, env: jinja2.Environment, page: Page) -> None:
    tag_choices = sorted(f"{label}:{p}" if p else label
                         for label, polarities in known_labels().items()
                         for p in (polarities or (None,)))

    @api.get("/search", response_class=HTMLResponse)
    def search_page(request: Request) -> HTMLResponse:
        form = {name: request.query_params.get(name, "").strip() for name in FIELDS}
        return page(env, request, "search.html", form=form, roles=ROLES,
                    tag_choices=tag_choices, **_results(library, form))
