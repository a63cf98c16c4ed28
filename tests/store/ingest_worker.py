"""Ingests articles ``first``..``first+count-1`` into a store, printing one line per article.

Run as a separate process by the crash and concurrency tests:
``python tests/store/ingest_worker.py URL FIRST COUNT EVENTS_PER_ARTICLE``
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[2]), str(Path(__file__).resolve().parent)]

from factories import make_bundle  # noqa: E402

from dashboard.store import open_store  # noqa: E402

CLAIMS = 4


def main(argv: list[str]) -> int:
    url, first, count, events = argv[0], int(argv[1]), int(argv[2]), int(argv[3])
    with open_store(url) as store:
        for i in range(first, first + count):
            b = make_bundle(i, events=events, claims=CLAIMS)
            outcome = store.replace_article(b.article, b.mentions, b.events, b.claims)
            print(f"{i} {outcome}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
