"""Settings: defaults < environment < flags, and clear errors for values that cannot work."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.config import SETTINGS, ConfigError, Settings


def test_defaults_serve_locally_from_the_embedded_store(tmp_path: Path) -> None:
    settings = Settings.from_env({"XDG_DATA_HOME": str(tmp_path)})
    assert (settings.host, settings.port) == ("127.0.0.1", 8050)
    assert settings.store_url == f"sqlite:///{tmp_path / 'conflictmap' / 'conflictmap.db'}"
    assert settings.upload_limit_mb == 10.0


def test_environment_overrides_defaults_and_flags_override_environment() -> None:
    env = {"CONFLICTMAP_PORT": "9000", "CONFLICTMAP_DATABASE_URL": "postgresql://db/x"}
    settings = Settings.from_env(env)
    assert settings.port == 9000 and settings.store_url == "postgresql://db/x"
    flagged = settings.with_overrides(port="9100", database_url=None, host="127.0.0.2")
    assert (flagged.port, flagged.host, flagged.database_url) == (
        9100,
        "127.0.0.2",
        "postgresql://db/x",
    )


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("CONFLICTMAP_PORT", "eighty", "port must be a whole number"),
        ("CONFLICTMAP_PORT", "70000", "between 1 and 65535"),
        ("CONFLICTMAP_UPLOAD_LIMIT_MB", "lots", "number of megabytes"),
        ("CONFLICTMAP_UPLOAD_LIMIT_MB", "500", "between 0 and 100"),
        ("CONFLICTMAP_CONTROL_CACHE", "some", "whole number of series"),
        ("CONFLICTMAP_CONTROL_CACHE", "-1", "between 0 and 16"),
    ],
)
def test_bad_values_name_the_variable(name: str, value: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message) as error:
        Settings.from_env({name: value})
    assert name in str(error.value)


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    missing = [s.env for s in SETTINGS if s.env not in readme]
    assert not missing, f"README does not mention: {missing}"


def test_the_control_cache_can_be_turned_off() -> None:
    assert Settings().control_cache == 2
    assert Settings.from_env({"CONFLICTMAP_CONTROL_CACHE": "0"}).control_cache == 0
