"""Wiring for stories: authoring in the drawer, presenting on the stage, files in and out.

The story document lives in the browser's local storage, never in a worker's memory. A
presented step reaches the map through the shared-URL path (a query string handed to the URL
restore callback), so a step shows exactly what its link would. Drawer, key handling and full
screen are clientside (``assets/story.js``).
"""

from __future__ import annotations

from typing import Any

from dash import ALL, ClientsideFunction, Dash, Input, Output, State, ctx, dcc, no_update
from dash.exceptions import PreventUpdate

from dashboard.errors import ConflictmapError
from dashboard.export.story import StoryInvalid, dumps_story, story_from_dict
from dashboard.web import ids
from dashboard.web import story_layout as sl
from dashboard.web.queries import StoreAccess
from dashboard.web.viewstate import day_date

# Exports render every step in a browser: keep a request well inside the server's timeout.
EXPORT_MAX_STEPS = 40
EXPORT_TIMEOUT_S = 60.0


def _js(name: str) -> ClientsideFunction:
    return ClientsideFunction(namespace="story", function_name=name)


def _all(kind: str, prop: str) -> tuple[dict[str, Any], str]:
    return {"type": kind, "index": ALL}, prop


def _typed(doc: Any, title: Any, captions: Any) -> dict[str, Any]:
    return sl.with_texts(doc, title, captions)


def register(app: Dash, access: StoreAccess) -> None:
    app.clientside_callback(
        _js("drawer"),
        Output(ids.STORY_PANEL, "hidden"),
        Input(ids.STORY_BUTTON, "n_clicks"),
        Input(ids.STORY_CLOSE, "n_clicks"),
        State(ids.STORY_PANEL, "hidden"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        _js("capture"),
        Output(ids.STORY_CAPTURE, "data"),
        Input(ids.STORY_ADD, "n_clicks"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        _js("deck"),
        Output(ids.STORY_DECK, "data"),
        Input(ids.STORY_PRESENT, "n_clicks"),
        Input(ids.STORY_KEY, "data"),
        State(ids.STORY_DECK, "data"),
        State(ids.STORY, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        _js("stage"),
        Output(ids.STORY_STAGE, "hidden"),
        Input(ids.STORY_DECK, "data"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.STORY_BODY, "children"),
        Output(ids.STORY_RENDERED, "data"),
        Input(ids.STORY, "data"),
        State(ids.STORY_RENDERED, "data"),
        State(ids.STORY_TITLE, "value"),
        State(*_all(ids.STORY_CAPTION, "value")),
    )
    def show_story(
        doc: dict[str, Any] | None, rendered: Any, title: Any, captions: list[Any] | None
    ) -> tuple[list[Any], Any]:
        """Re-render the drawer only when its steps change or a loaded file brings other
        texts: re-rendering after each typed caption replaced the input being typed in next,
        and what was typed there was lost."""
        layout = sl.layout_of(doc)
        if layout == rendered and sl.shows_texts(doc, title, captions):
            raise PreventUpdate
        return sl.story_body(doc), layout

    @app.callback(
        Output(ids.STORY, "data"),
        Output(ids.STORY_MESSAGE, "children"),
        Input(ids.STORY_CAPTURE, "data"),
        Input(*_all(ids.STORY_UP, "n_clicks")),
        Input(*_all(ids.STORY_DOWN, "n_clicks")),
        Input(*_all(ids.STORY_DELETE, "n_clicks")),
        Input(*_all(ids.STORY_CAPTION, "value")),
        Input(ids.STORY_TITLE, "value"),
        Input(ids.STORY_LOAD, "contents"),
        State(ids.STORY_LOAD, "filename"),
        State(ids.DATE_SLIDER, "value"),
        State(ids.DATE_SLIDER, "max"),
        State(ids.RANGE, "data"),
        State(ids.SELECTED_EVENT, "data"),
        State(ids.STORY, "data"),
        prevent_initial_call=True,
    )
    def edit(*args: Any) -> tuple[Any, Any]:
        """One place for every change to the document, so two edits never race each other."""
        capture, _up, _down, _delete, captions, title, contents, filename = args[:8]
        day, last, rng, event, doc = args[8:]
        trigger = ctx.triggered_id
        clicked = bool(ctx.triggered and ctx.triggered[0].get("value"))
        if trigger == ids.STORY_LOAD:
            loaded, problems = sl.document_from_upload(contents, filename)
            if loaded is None:
                return no_update, sl.problems_list(
                    f"{filename or 'The file'} was not loaded:", problems
                )
            count = len(loaded["steps"])
            return loaded, f"Loaded {filename}: {count} step{'s' * (count != 1)}."
        new = _typed(doc, title, captions)
        if trigger == ids.STORY_CAPTURE and capture:
            shown = day_date(day if day is not None else last)
            step = sl.step_from_view(shown, rng, capture, event)
            new = sl.add_step(new, step)
            return new, f"Step {len(new['steps'])} added: {sl.step_stamp(step)}."
        if isinstance(trigger, dict) and clicked:
            index = int(trigger.get("index", -1))
            if trigger.get("type") == ids.STORY_UP:
                new = sl.move_step(new, index, -1)
            elif trigger.get("type") == ids.STORY_DOWN:
                new = sl.move_step(new, index, 1)
            elif trigger.get("type") == ids.STORY_DELETE:
                new = sl.delete_step(new, index)
        if new == sl.normalise_story(doc):
            raise PreventUpdate
        return new, ""

    @app.callback(
        Output(ids.STORY_DOWNLOAD, "data"),
        Output(ids.STORY_MESSAGE, "children", allow_duplicate=True),
        Input(ids.STORY_SAVE, "n_clicks"),
        State(ids.STORY, "data"),
        State(ids.STORY_TITLE, "value"),
        State(*_all(ids.STORY_CAPTION, "value")),
        prevent_initial_call=True,
    )
    def save(clicks, doc, title, captions):
        """Save through the story module's own serialisation: the CLI reads the same file."""
        if not clicks:
            raise PreventUpdate
        try:
            story = story_from_dict(_typed(doc, title, captions), source="this story")
        except StoryInvalid as exc:
            return no_update, sl.problems_list("Nothing to save yet:", exc.problems)
        name = sl.story_filename(story.title, "json")
        return dcc.send_string(dumps_story(story, name=name), name), f"Saved {name}."

    @app.callback(
        Output(ids.STORY_EXPORT_DOWNLOAD, "data"),
        Output(ids.STORY_MESSAGE, "children", allow_duplicate=True),
        Input(ids.STORY_PDF, "n_clicks"),
        Input(ids.STORY_HTML, "n_clicks"),
        State(ids.STORY, "data"),
        State(ids.STORY_TITLE, "value"),
        State(*_all(ids.STORY_CAPTION, "value")),
        prevent_initial_call=True,
    )
    def export(_pdf, _html, doc, title, captions):
        """PDF and standalone HTML from the export module, bounded in steps and time."""
        if not (ctx.triggered and ctx.triggered[0].get("value")):
            raise PreventUpdate
        try:
            story = story_from_dict(_typed(doc, title, captions), source="this story")
        except StoryInvalid as exc:
            return no_update, sl.problems_list("Nothing to export yet:", exc.problems)
        if len(story.steps) > EXPORT_MAX_STEPS:
            return no_update, (
                f"The app exports stories of up to {EXPORT_MAX_STEPS} steps; save the story "
                "and run `conflictmap story` for a longer one."
            )
        from dashboard.export.engine import ExportEngine
        from dashboard.export.story_export import story_html, story_pdf

        try:
            if ctx.triggered_id == ids.STORY_HTML:
                name = sl.story_filename(story.title, "html")
                return dcc.send_string(story_html(access.store, story), name), f"Exported {name}."
            name = sl.story_filename(story.title, "pdf")
            with ExportEngine(timeout=EXPORT_TIMEOUT_S) as engine:
                data = story_pdf(access.store, story, engine)
            return dcc.send_bytes(data, name), f"Exported {name}."
        except ConflictmapError as exc:
            return no_update, sl.problems_list("The export failed:", [str(exc)])

    @app.callback(
        Output(ids.URL_PENDING, "data", allow_duplicate=True),
        Output(ids.FLY_TO, "data", allow_duplicate=True),
        Output(ids.STORY_STAGE_TITLE, "children"),
        Output(ids.STORY_STAGE_COUNTER, "children"),
        Output(ids.STORY_STAGE_CAPTION, "children"),
        Input(ids.STORY_DECK, "data"),
        State(ids.STORY, "data"),
        State(ids.STORY_TITLE, "value"),
        State(*_all(ids.STORY_CAPTION, "value")),
        State(ids.URL, "search"),
        State(ids.DATE_SLIDER, "max"),
        prevent_initial_call=True,
    )
    def present(deck, doc, title, captions, search, last):
        """Show a step: its view goes through the URL restore path, its words onto the stage."""
        if not deck or not deck.get("on"):
            raise PreventUpdate
        typed = _typed(doc, title, captions)
        steps = typed["steps"]
        if not steps:
            raise PreventUpdate
        index = min(max(int(deck.get("index") or 0), 0), len(steps) - 1)
        step = steps[index]
        try:
            query, view = sl.step_target(step, search, day_date(last))
        except (KeyError, TypeError, ValueError):
            raise PreventUpdate from None
        nonce = deck.get("at", 0)
        fly = no_update
        if view.map_view is not None:
            mv = view.map_view
            fly = {"lat": mv.lat, "lon": mv.lon, "zoom": mv.zoom, "rev": f"story-{nonce}"}
        return (
            {"search": query, "story": index, "at": nonce},
            fly,
            step.get("title") or typed.get("title") or "",
            f"{index + 1} / {len(steps)}",
            step.get("caption") or "",
        )
