"""The product works from an installed wheel, not only from a checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("conflictmap-*.whl")
    return found


def test_wheel_carries_geodata_assets_and_demo_articles(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "dashboard/_bundled/geodata/gazetteer.npz" in names
    assert "dashboard/_bundled/geodata/manifest.json" in names
    assert "dashboard/_bundled/geodata/LICENSES.md" in names
    assert "dashboard/_bundled/geodata/given_names.txt" in names
    assert "dashboard/_bundled/geodata/surnames.txt" in names
    assert "dashboard/_bundled/assets/app.css" in names
    assert any(n.startswith("dashboard/_bundled/assets/glyphs/") for n in names)
    assert any(n.startswith("dashboard/demo/articles/") and n.endswith(".json") for n in names)
    assert any(n.startswith("dashboard/store/migrations/sqlite/") for n in names)


def test_installed_wheel_geocodes_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run(
        [sys.executable, "-m", "dashboard.cli", "geocode", "Deir Ezzor", "--json", "--limit", "1"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    (best,) = json.loads(result.stdout)
    assert best["country"] == "SY" and abs(best["lat"] - 35.336) < 0.1
    where = subprocess.run(
        [sys.executable, "-c", "import dashboard.config as c; print(c.geodata_dir())"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert where.startswith(str(target)), where


def test_help_lists_every_command(capsys) -> None:
    from dashboard.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for command in ("geocode", "parse", "ingest", "demo", "control", "eval", "serve"):
        assert command in out
