"""``conflictmap eval``: every measured figure of the pipeline, in one report.

Three kinds of evidence, kept apart so none hides another: the public geoparsing corpora
(other people's text, other people's annotation), the team's own annotated corpus (dev and
held-out test splits), and the seed article's expected facts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from dashboard.demo import ARTICLES_DIR

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "data" / "gold"
DEFAULT_BENCHMARKS = ROOT.parent / "shared" / "benchmarks" / "geoparsing"
DEFAULT_SEED = ROOT.parent / "shared" / "seeds" / "000_44c6d5d4010a164b.txt"

# What peers report on the public corpora (see peer_scores.md beside them).
PEERS = {
    "geowebnews": "Mordecai 3: Acc@161 94.1 (held-out part, README)",
    "tr_news": "Mordecai 3: Acc@161 87.3 (held-out part, README)",
    "iraq_syria": "no published peer figure",
}


@dataclass(frozen=True)
class SeedCheck:
    what: str
    passed: bool
    found: str


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def _km(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f}"


def geoparsing_table(rows: dict[str, dict[str, Any]]) -> str:
    """Recognition P/R/F1 (exact spans) and resolution accuracy, one line per corpus split."""
    header = (
        f"{'corpus/split':24} {'docs':>5} {'P':>6} {'R':>6} {'F1':>6} "
        f"{'Acc@161':>8} {'id@161':>7} {'mean km':>8} {'median':>7} "
        f"{'gold-span@161':>14} {'unlocated':>9}"
    )
    lines = [header, "-" * len(header)]
    for name, by_split in rows.items():
        for split, scores in by_split.items():
            d = scores.as_dict()
            lines.append(
                f"{name + '/' + split:24} {d.get('documents', 0):>5} {_pct(d.get('P')):>6} "
                f"{_pct(d.get('R')):>6} {_pct(d.get('F1')):>6} "
                f"{_pct(d.get('e2e_acc161')):>8} {_pct(d.get('e2e_id_acc161')):>7} "
                f"{_km(d.get('e2e_mean_km')):>8} {_km(d.get('e2e_median_km')):>7} "
                f"{_pct(d.get('gold_spans_id_acc161')):>14} {d.get('unlocated', 0):>9}"
            )
    return "\n".join(lines)


def events_table(results: list[dict[str, Any]]) -> str:
    header = (
        f"{'split':6} {'events P':>9} {'R':>6} {'F1':>6} {'date acc':>9} {'sides':>6} "
        f"{'claims P':>9} {'R':>6} {'F1':>6}"
    )
    lines = [header, "-" * len(header)]
    for r in results:
        e, c = r["events"], r["claims"]
        lines.append(
            f"{r['split']:6} {_pct(e['precision']):>9} {_pct(e['recall']):>6} "
            f"{_pct(e['f1']):>6} {_pct(e['date_accuracy']):>9} "
            f"{_pct(e['actor_side_exact']):>6} {_pct(c['precision']):>9} "
            f"{_pct(c['recall']):>6} {_pct(c['f1']):>6}"
        )
    return "\n".join(lines)


def seed_checks(seed: Path) -> list[SeedCheck]:
    """The seed article's facts an analyst would check first, against the full pipeline."""
    from dashboard.articles import read_articles
    from dashboard.pipeline import analyse

    analysis = analyse(read_articles(seed)[0])
    claims = analysis.claims
    checks = [
        SeedCheck(
            "publication date 2017-11-03",
            analysis.article.published == date(2017, 11, 3),
            f"{analysis.article.published} ({analysis.article.published_origin})",
        )
    ]

    def claim_check(what: str, match: Callable[[Any], bool]) -> None:
        found = [c for c in claims if match(c)]
        checks.append(
            SeedCheck(
                what,
                bool(found),
                "; ".join(f"{c.place_name} {c.side} {c.kind} from {c.valid_from}" for c in found)
                or "no such claim",
            )
        )

    nov3 = date(2017, 11, 3)
    claim_check(
        "Husaybah crossing -> iraqi_forces on 2017-11-03",
        lambda c: (
            "crossing" in c.place_name.lower() and c.side == "iraqi_forces" and c.valid_from == nov3
        ),
    )
    claim_check(
        "al-Qaim -> iraqi_forces on 2017-11-03 (full or contested)",
        lambda c: c.place_id == "gn:92138" and c.side == "iraqi_forces" and c.valid_from == nov3,
    )
    claim_check(
        "Albu Kamal -> isis as of the article",
        lambda c: c.place_id == "gn:174448" and c.side == "isis",
    )
    claim_check(
        "Deir ez-Zor city -> syrian_government on 2017-11-03",
        lambda c: (
            c.place_id == "gn:170794" and c.side == "syrian_government" and c.valid_from == nov3
        ),
    )
    claim_check(
        "isis holds > 35 % of Deir ez-Zor governorate",
        lambda c: (
            c.side == "isis"
            and c.kind == "partial"
            and (c.fraction or 0) >= 0.35
            and c.precision == "governorate"
            and "zawr" in c.place_name.lower()
        ),
    )
    dated = {(e.type, e.date) for e in analysis.events}
    for day in (date(2017, 11, 2), nov3):
        checks.append(
            SeedCheck(
                f"events dated {day}",
                any(d == day for _, d in dated),
                ", ".join(sorted(t for t, d in dated if d == day)) or "none",
            )
        )
    return checks


def run(benchmarks: Path | None, seed: Path | None, out: Callable[[str], None] = print) -> int:
    """Print the whole report; returns the number of seed checks that failed."""
    from dashboard.events.evaluate import EXTRA_DIR, evaluate_events
    from dashboard.gazetteer import load_gazetteer
    from dashboard.geoparse.evaluate import PUBLIC_CORPORA, evaluate_own, evaluate_public

    gazetteer = load_gazetteer()
    out("== Geoparsing: the team's corpus (literal scheme; test split held out) ==")
    out(geoparsing_table({"own": evaluate_own(ARTICLES_DIR, GOLD_DIR, gazetteer, nlp=None)}))
    out("")
    out("== Events and claims: the team's corpus, gold places as input ==")
    extra = [
        {**evaluate_events(split, corpus=EXTRA_DIR), "split": f"x-{split}"}
        for split in ("dev", "test")
    ]
    out(events_table([evaluate_events("dev"), evaluate_events("test"), *extra]))
    out(
        "  x-dev, x-test: articles on other episodes of the war (tests/data/gold_extra); "
        "x-dev is read to find what rules miss, x-test never is"
    )
    out("")
    if benchmarks is not None and benchmarks.is_dir():
        out(f"== Geoparsing: public corpora in {benchmarks} (inclusive scheme) ==")
        rows = {
            name: evaluate_public(name, benchmarks, gazetteer, scheme="inclusive", nlp=None)
            for name in PUBLIC_CORPORA
            if (benchmarks / PUBLIC_CORPORA[name]).is_file()
        }
        out(geoparsing_table(rows))
        for name in rows:
            out(f"  peer on {name}: {PEERS.get(name, '-')}")
        out(
            "  P/R/F1: exact character spans. Acc@161: share of correctly recognised "
            "toponyms within 161 km; id@161 also counts the gold GeoNames id as 0 km; "
            "gold-span@161 resolves every gold span (unresolvable ones count as misses); "
            "unlocated: correctly recognised streets and buildings no gazetteer can place, "
            "left out of Acc@161."
        )
        out("")
    else:
        out("(public corpora not found: pass --benchmarks DIR to score GeoWebNews and TR-News)")
        out("")
    failed = 0
    if seed is not None and seed.is_file():
        out(f"== Seed article {seed.name} ==")
        for check in seed_checks(seed):
            failed += not check.passed
            out(f"  [{'ok' if check.passed else 'FAIL'}] {check.what}: {check.found}")
    else:
        out("(seed article not found: pass --seed FILE)")
    return failed
