"""WSGI entry point for gunicorn (see Procfile): settings come from ``CONFLICTMAP_*`` variables."""

from dashboard.config import Settings
from dashboard.web.app import create_app

server = create_app(Settings.from_env()).server
