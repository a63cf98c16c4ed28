"""Run the Dash app under gunicorn: the same server locally and behind the Procfile."""

from __future__ import annotations

from typing import Any

from gunicorn.app.base import BaseApplication

from dashboard.config import Settings


class _Standalone(BaseApplication):  # type: ignore[misc]
    """gunicorn embedded in our own CLI so ``conflictmap serve`` needs no second command."""

    def __init__(self, wsgi_app: Any, options: dict[str, Any]) -> None:
        self._wsgi_app = wsgi_app
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        return self._wsgi_app


def serve(settings: Settings, workers: int = 1, threads: int = 4) -> None:
    """Serve until interrupted. Workers share nothing but the store, so any count behaves alike."""
    from dashboard.web.app import create_app

    app = create_app(settings)
    _Standalone(
        app.server,
        {
            "bind": f"{settings.host}:{settings.port}",
            "workers": workers,
            "threads": threads,
            "worker_class": "gthread",
            "timeout": 120,
            "accesslog": None,
            "errorlog": "-",
            "loglevel": "warning",
        },
    ).run()
