"""A PostGIS server for the whole test run, started with scripts/pg-test-server.sh."""

from __future__ import annotations

import socket
import subprocess
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import psycopg

PG_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "pg-test-server.sh"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class PgServer:
    """A PostGIS server for the test run; ``data_dir`` is None when it is someone else's."""

    url: str
    data_dir: str | None
    schemas: list[str] = field(default_factory=list)

    @property
    def owned(self) -> bool:
        return self.data_dir is not None

    def control(self, action: str) -> None:
        assert self.data_dir is not None
        subprocess.run(["bash", str(PG_SCRIPT), action, self.data_dir], check=True, timeout=90)

    def schema_url(self) -> str:
        """A fresh, empty schema searched first (PostGIS stays reachable in ``public``)."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {name}")
        self.schemas.append(name)
        sep = "&" if "?" in self.url else "?"
        return f"{self.url}{sep}options={quote(f'-csearch_path={name},public', safe='')}"
