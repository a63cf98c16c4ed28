"""Write the article-reader fixtures: invented wire stories in every format the readers take.

Run ``python tests/data/articles_fixtures/make_fixtures.py`` after changing a text here; the
files it writes sit beside it and are committed. All stories are invented.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

WIRE_EN = """\
WORLD NEWS
Middle East

Kurdish fighters push towards dam held by militants

Reuters

Published: 14 March 2016

Peshmerga fighters advance along a road north of the dam on Sunday. [Karim Nasser/Reuters]

ERBIL, Iraq, March 14 (Reuters) - Kurdish forces pushed on Monday towards a dam on the
Tigris river held by Islamic State militants, a commander said, after taking three villages
overnight.

Peshmerga   fighters advance along a road north of the dam on Sunday.  [Karim Nasser/Reuters]

The commander said the militants had laid mines along the main road and that engineers were
clearing them before the advance could resume.

Share this article

Read more: Militants lose ground in northern Iraq

Coalition aircraft struck positions near the dam twice in the past week, the coalition said in
a statement.

Leave a comment
Your email address will not be published. Required fields are marked *
250 / 1000
We use cookies to improve your experience. By continuing you accept our cookie policy.
© 2016 Reuters. All rights reserved.
"""

WIRE_FR = """\
INTERNATIONAL

Offensive contre Daech près de Raqqa

Par Jean Martin, avec AFP

Publié le 12 juin 2015 à 09h14

Les Unités de protection du peuple kurde (YPG) ont lancé jeudi une offensive
contre les positions du groupe jihadiste au nord de Raqqa, a indiqué une ONG
basée au Royaume-Uni.

Lire aussi : Les jihadistes reculent dans le nord de la Syrie

Selon cette source, les combattants kurdes ont pris le contrôle de deux villages
au cours de la nuit, appuyés par des frappes aériennes de la coalition.

Partager
Facebook Twitter E-mail

Tous droits réservés
"""

NO_DATE_EN = """\
Militants driven from river town

Government troops drove militants out of a small river town on Tuesday after a week of
fighting, local officials said, adding that many families had fled before the assault.

Officials said engineers were now clearing explosives left in public buildings.
"""

GERMAN = """\
Irakische Truppen erobern Grenzposten zurück

Die irakischen Streitkräfte haben am Freitag einen wichtigen Grenzübergang zu Syrien
zurückerobert, teilte das Kommando für gemeinsame Operationen mit. Die Kämpfer der
Miliz hätten sich in Richtung der syrischen Grenzstadt zurückgezogen.
"""

LATIN1_FR = """\
Reprise d'un village au sud de Mossoul

AFP

Les forces irakiennes ont repris mardi un village situé au sud de Mossoul, a annoncé
l'état-major, précisant que les combats avaient duré près de douze heures.

Un officier a déclaré que la route menant à la ville était désormais sûre.
"""

UTF16_EN = """\
Troops retake airport outside city

AP

Government troops retook the airport outside the city on Wednesday, officials said, after
militants withdrew toward the old quarter overnight.

The army said it would reopen the road to the airport within days.
"""

PAGE_EN = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Army retakes bridge in western Iraq | Desert Gazette</title>
<meta property="og:site_name" content="Desert Gazette">
<meta property="og:title" content="Army retakes bridge in western Iraq">
<meta property="article:published_time" content="2017-10-05T08:30:00+00:00">
<link rel="canonical" href="https://example.org/news/army-retakes-bridge">
<script>document.write("tracking pixel"); window.alert("popup");</script>
<style>.ad { color: red; }</style>
</head>
<body>
<header><nav><a href="/">Home</a> | <a href="/world">World</a> |
<a href="/sport">Sport</a></nav></header>
<div class="ad">Subscribe now and save 50 percent on your first year!</div>
<main>
<article>
<h1>Army retakes bridge in western Iraq</h1>
<p class="byline">By Sarah Cole</p>
<p>The Iraqi army retook a strategic bridge over the Euphrates on Thursday, cutting a supply
route used by militants between two towns in the west of the country, officers said.</p>
<p>Officers said the militants had tried to blow up the bridge before retreating, but engineers
defused most of the charges and the span remained usable for light vehicles.</p>
<script>var injected = "should never reach the text";</script>
<p>The advance brings government forces within twenty kilometres of the last towns still held
by the group in the province, according to a statement from the joint operations command.</p>
</article>
</main>
<aside><h3>Most popular</h3><ul><li>Celebrity chef opens new restaurant</li></ul></aside>
<section id="comments"><h3>Leave a comment</h3>
<form><textarea name="comment"></textarea><button>Post</button></form></section>
<footer><p>© 2017 Desert Gazette. All rights reserved.</p>
<p>We use cookies to improve your experience.</p></footer>
</body>
</html>
"""

PAGE_FR_SMALL = """\
<html lang="fr"><head><title>Brèves</title></head>
<body><nav>Accueil &gt; Monde</nav>
<p>Des combats ont opposé mercredi l'armée syrienne aux jihadistes près de Palmyre,
selon une ONG.</p>
<footer>Mentions légales</footer></body></html>
"""

BROKEN_HTML = """\
<html><head><title>Convoy attacked near Tikrit</title>
<body><div><h1>Convoy attacked near Tikrit
<p>A military convoy was attacked on Saturday on the road north of Tikrit, security sources
said, and two vehicles were destroyed.
<p>The road was closed for several hours while soldiers searched nearby farms
<div><span>unclosed
"""

JSONL_RECORDS = [
    {
        "headline": "Militants withdraw from desert outpost",
        "body": "Militants withdrew from a desert outpost near the border on Friday, a "
        "monitoring group said.\n\nThe group said aircraft had struck the outpost twice.",
        "datePublished": "2017-11-03T09:00:00Z",
        "link": "https://example.org/a/1",
        "publisher": "Example Wire",
        "lang": "en",
    },
    {
        "title": "L'armée avance vers la frontière",
        "content": "<p>L'armée a avancé vendredi vers la frontière syrienne, selon un "
        "communiqué du ministère de la Défense.</p><p>Partager</p>",
        "pubDate": "Fri, 03 Nov 2017 10:00:00 +0000",
        "url": "https://example.org/a/2",
        "source": {"name": "AFP"},
        "language": "fr",
    },
    {
        "title": "Checkpoint reopened",
        "text": "A checkpoint on the main road south of the city reopened on Sunday after "
        "being closed for a week, police said.",
    },
]

MISSING_TEXT = [
    {"title": "Has text", "text": "Troops entered the town on Monday, officials said today."},
    {"title": "No text here", "url": "https://example.org/a/9"},
]

RSS = """\
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Frontline Dispatches</title>
<link>https://example.org/</link>
<description>Invented feed for tests</description>
<language>en</language>
<item>
<title>Town retaken after two-day battle</title>
<link>https://example.org/rss/1</link>
<pubDate>Tue, 17 Oct 2017 06:00:00 +0000</pubDate>
<description>Short summary only.</description>
<content:encoded><![CDATA[<p>Government forces retook the town on Monday after a two-day battle,
the military said.</p><script>alert("x")</script><p>Residents began returning on Tuesday.</p>
<p>Share this</p>]]></content:encoded>
</item>
<item>
<title>Road to the border reopens</title>
<link>https://example.org/rss/2</link>
<pubDate>Wed, 18 Oct 2017 07:30:00 +0000</pubDate>
<description>&lt;p&gt;The road to the border reopened on Wednesday, the transport ministry
said, after engineers cleared mines.&lt;/p&gt;</description>
</item>
</channel>
</rss>
"""

ATOM = """\
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
<title>Dépêches du front</title>
<id>urn:example:feed</id>
<updated>2016-10-20T12:00:00Z</updated>
<entry>
<title>Les forces avancent vers Mossoul</title>
<id>urn:example:entry:1</id>
<link href="https://example.org/atom/1"/>
<published>2016-10-20T08:00:00Z</published>
<updated>2016-10-20T09:00:00Z</updated>
<content type="html">&lt;p&gt;Les forces irakiennes ont avancé jeudi vers Mossoul, a indiqué
l'état-major, après avoir repris plusieurs villages à l'est de la ville.&lt;/p&gt;</content>
</entry>
</feed>
"""


def write_all() -> None:
    """Every fixture, in the encodings and shapes the reader tests need."""
    (HERE / "wire_en.txt").write_text(WIRE_EN, encoding="utf-8")
    (HERE / "wire_fr_hardwrapped.txt").write_text(WIRE_FR.replace("\n", "\r\n"), encoding="utf-8")
    (HERE / "no_date_en.txt").write_text(NO_DATE_EN, encoding="utf-8")
    (HERE / "german.txt").write_text(GERMAN, encoding="utf-8")
    (HERE / "latin1_fr.txt").write_bytes(LATIN1_FR.encode("latin-1"))
    (HERE / "utf16_bom_en.txt").write_bytes(UTF16_EN.encode("utf-16"))  # writes a BOM
    (HERE / "page_en.html").write_text(PAGE_EN, encoding="utf-8")
    (HERE / "page_fr_small.html").write_text(PAGE_FR_SMALL, encoding="utf-8")
    (HERE / "broken.html").write_text(BROKEN_HTML, encoding="utf-8")
    (HERE / "records.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in JSONL_RECORDS), encoding="utf-8"
    )
    (HERE / "missing_text.json").write_text(json.dumps(MISSING_TEXT, indent=1), encoding="utf-8")
    (HERE / "feed_rss.xml").write_text(RSS, encoding="utf-8")
    (HERE / "feed_atom.xml").write_text(ATOM, encoding="utf-8")
    (HERE / "binary.bin").write_bytes(bytes(range(256)) * 4)
    (HERE / "empty.txt").write_bytes(b"")
    (HERE / "whitespace.txt").write_text(" \n\t\n   \n", encoding="utf-8")


if __name__ == "__main__":
    write_all()
