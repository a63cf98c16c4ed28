"""Settings, declared once: defaults < ``CONFLICTMAP_*`` environment < command-line flags.

Nothing here changes at import time; callers build a :class:`Settings` and pass it down.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
_CHECKOUT_DIR = _PACKAGE_DIR.parent


class ConfigError(ValueError):
    """A setting has a value the program cannot use; the message names the setting."""


def _bundled_dir(name: str) -> Path:
    """Locate shipped data both in a checkout and in an installed wheel.

    The wheel carries ``geodata/`` and ``assets/`` under ``dashboard/_bundled/``; a checkout
    (editable install or plain ``PYTHONPATH``) has them beside the package.
    """
    for candidate in (_PACKAGE_DIR / "_bundled" / name, _CHECKOUT_DIR / name):
        if candidate.is_dir():
            return candidate
    raise ConfigError(
        f"cannot find the shipped '{name}/' folder (looked in {_PACKAGE_DIR / '_bundled'} and "
        f"{_CHECKOUT_DIR}); reinstall conflictmap or run it from a complete checkout"
    )


def geodata_dir() -> Path:
    """Folder of shipped geodata layers and the gazetteer."""
    return _bundled_dir("geodata")


def assets_dir() -> Path:
    """Folder of Dash static files (css, clientside js, topojson, map style)."""
    return _bundled_dir("assets")


def default_data_dir(env: Mapping[str, str] | None = None) -> Path:
    """Where the embedded store lives unless the user says otherwise.

    Follows the XDG base-directory convention so the store survives reinstalls.
    """
    env = os.environ if env is None else env
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "conflictmap"


@dataclass(frozen=True)
class Setting:
    """One user-facing setting: its environment variable and the help text shown everywhere."""

    name: str
    env: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("data_dir", "CONFLICTMAP_DATA_DIR", "folder holding the embedded store"),
    Setting(
        "database_url",
        "CONFLICTMAP_DATABASE_URL",
        "store URL: sqlite:///path/file.db (default under the data folder) or "
        "postgresql://user@host/db for PostGIS",
    ),
    Setting("host", "CONFLICTMAP_HOST", "address the web server listens on"),
    Setting("port", "CONFLICTMAP_PORT", "port the web server listens on"),
    Setting(
        "upload_limit_mb",
        "CONFLICTMAP_UPLOAD_LIMIT_MB",
        "largest article file the web app accepts, in megabytes",
    ),
    Setting(
        "control_cache",
        "CONFLICTMAP_CONTROL_CACHE",
        "control series each web worker keeps in memory so an upload recomputes only what it "
        "changes (0: rebuild from the store each time, for large stores short of memory)",
    ),
)


@dataclass(frozen=True)
class Settings:
    data_dir: Path = field(default_factory=default_data_dir)
    database_url: str | None = None
    host: str = "127.0.0.1"
    port: int = 8050
    upload_limit_mb: float = 10.0
    control_cache: int = 2

    @property
    def store_url(self) -> str:
        """The store to open: an explicit URL, else the default embedded file."""
        return self.database_url or f"sqlite:///{self.data_dir / 'conflictmap.db'}"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        values: dict[str, object] = {}
        for setting in SETTINGS:
            raw = env.get(setting.env)
            if raw is None or raw == "":
                continue
            values[setting.name] = _coerce(setting, raw)
        if "data_dir" not in values:
            values["data_dir"] = default_data_dir(env)
        return cls(**values)  # type: ignore[arg-type]

    def with_overrides(self, **overrides: object) -> Settings:
        """Apply command-line values; ``None`` means the flag was not given."""
        given = {k: v for k, v in overrides.items() if v is not None}
        for name, raw in list(given.items()):
            setting = next((s for s in SETTINGS if s.name == name), None)
            if setting is not None and isinstance(raw, str):
                given[name] = _coerce(setting, raw)
        return replace(self, **given)  # type: ignore[arg-type]


def _coerce(setting: Setting, raw: str) -> object:
    if setting.name == "port":
        try:
            port = int(raw)
        except ValueError:
            raise ConfigError(f"{setting.env}: port must be a whole number, got {raw!r}") from None
        if not 0 < port < 65536:
            raise ConfigError(f"{setting.env}: port must be between 1 and 65535, got {port}")
        return port
    if setting.name == "upload_limit_mb":
        try:
            limit = float(raw)
        except ValueError:
            raise ConfigError(
                f"{setting.env}: expected a number of megabytes, got {raw!r}"
            ) from None
        if not 0 < limit <= 100:
            raise ConfigError(f"{setting.env}: must be between 0 and 100 megabytes, got {raw}")
        return limit
    if setting.name == "control_cache":
        try:
            kept = int(raw)
        except ValueError:
            raise ConfigError(
                f"{setting.env}: expected a whole number of series, got {raw!r}"
            ) from None
        if not 0 <= kept <= 16:
            raise ConfigError(f"{setting.env}: must be between 0 and 16, got {kept}")
        return kept
    if setting.name == "data_dir":
        return Path(raw).expanduser()
    return raw
