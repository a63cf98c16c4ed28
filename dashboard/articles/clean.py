"""Site boilerplate out, article in: general rules for kickers, agency lines, comment forms.

The rules look at the shape of a line (capitals, length, a bracketed photo credit, a comment
counter) and at stock phrases in French and English, never at one site's exact wording, so a
new site's page loses its furniture without a new rule most of the time.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from dashboard.articles.model import Paragraph, ParagraphKind
from dashboard.articles.published import is_date_line

AGENCIES: dict[str, str] = {
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "dpa": "dpa",
    "efe": "EFE",
    "ansa": "ANSA",
    "xinhua": "Xinhua",
    "anadolu": "Anadolu",
    "anadolu agency": "Anadolu",
    "upi": "UPI",
    "belga": "Belga",
    "ats": "ATS",
    "aps": "APS",
    "irna": "IRNA",
    "sana": "SANA",
    "bloomberg": "Bloomberg",
    "rudaw": "Rudaw",
    "kurdistan24": "Kurdistan24",
}
_AGENCY = "|".join(sorted((re.escape(name) for name in AGENCIES), key=len, reverse=True))
_AGENCY_LIST = re.compile(
    rf"^[(\[]?\s*(?:(?:sources?|avec|with|par|by|credit|crédit)\s*:?\s*)?"
    rf"(?P<names>(?:{_AGENCY})(?:\s*(?:,|/|&|\bet\b|\band\b)\s*(?:{_AGENCY}))*)\s*[)\]]?\.?$",
    re.I,
)
_WITH_AGENCY = re.compile(rf"^.{{1,40}}?\s(?:avec|with|and|et)\s+(?P<names>{_AGENCY})\)?$", re.I)
_DATELINE_AGENCY = re.compile(rf"^[^\n]{{0,100}}?\((?P<name>{_AGENCY})\)\s*[-–—]", re.I)

# Lines that are site furniture wherever they appear (checked on short lines only).
_BOILERPLATE = re.compile(
    r"""^(?:
        \d+\s*(?:commentaires?|comments?|réactions?|replies|réponses?)\s*(?:\(\s*s\s*\))?
      | (?:laissez|laisser|écrire|écrivez|ajouter|ajoutez|poster|postez|publier)
        \s+un\s+commentaire.*
      | (?:leave|post|add|write)\s+a\s+(?:comment|reply).*
      | (?:commentaires?|comments?|réagir|réagissez|votre\s+commentaire|your\s+comment)\s*:?
      | (?:aimez|avez)[- ]vous\s+(?:aimé\s+)?cet\s+article.*
      | vous\s+avez\s+aimé\s+cet\s+article.*
      | (?:did|do)\s+you\s+(?:like|enjoy)\s+this\s+(?:article|story|post).*
      | was\s+this\s+(?:article|story)\s+(?:helpful|useful).*
      | (?:share|partager|partagez)(?:\s+(?:this|cet|l'|l’|sur|on|via|article|story|page|:).*)?
      | (?:(?:à\s+)?lire\s+aussi|lire\s+la\s+suite|lire\s+plus|voir\s+aussi|read\s+(?:more|also)
          |see\s+also|related|en\s+savoir\s+plus|à\s+voir\s+aussi)\b.*
      | (?:publicité|advertisement|advertising|sponsored|contenu\s+sponsorisé|annonce)
      | (?:abonnez-vous|inscrivez-vous|subscribe|sign\s+up|newsletter)\b.*
      | (?:tous\s+droits\s+réservés|all\s+rights\s+reserved).*
      | (?:©|\(c\)|copyright)\s*.*
      | retour\s+en\s+haut|back\s+to\s+top|haut\s+de\s+page
      | \d{1,5}\s*/\s*\d{1,5}(?:\s*(?:caractères|characters|chars)(?:\s+\w+)?)?
    )$""",
    re.I | re.X,
)
# Anywhere in a short line: required-field markers, cookie banners, copyright notices.
_BOILERPLATE_ANYWHERE = re.compile(
    r"""champs?\s+(?:nécessaires?|obligatoires?|requis)
      | required\s+fields?
      | \bcookies?\b.{0,120}\b(?:accept|acceptez|accepter|consent|utilise|uses?|politique|policy)
      | \b(?:accept|acceptez|accepter|consent|utilise|uses?|politique|policy)\b.{0,120}\bcookies?\b
      | tous\s+droits\s+réservés | all\s+rights\s+reserved
      | ^.{0,60}\s\d{1,5}\s*/\s*\d{1,5}$
    """,
    re.I | re.X,
)
_SOCIAL_WORDS = frozenset(
    (
        "facebook", "twitter", "x", "whatsapp", "linkedin", "telegram", "reddit", "email",
        "e-mail", "mail", "courriel", "imprimer", "print", "partager", "share", "tweet",
        "tweeter", "copier", "copy", "le", "lien", "link", "messenger", "pinterest", "sms",
    )
)  # fmt: skip
# Where the article ends and the comment section or link lists begin.
_TAIL = re.compile(
    r"""^(?:
        \d+\s*(?:commentaires?|comments?)\s*(?:\(\s*s\s*\))?
      | (?:laissez|laisser|écrire|ajouter)\s+un\s+commentaire.*
      | (?:leave|post|add)\s+a\s+(?:comment|reply).*
      | (?:aimez|avez)[- ]vous\s+(?:aimé\s+)?cet\s+article.*
      | vous\s+avez\s+aimé\s+cet\s+article.*
      | (?:did|do)\s+you\s+(?:like|enjoy)\s+this\s+(?:article|story|post).*
      | (?:sur\s+le\s+même\s+sujet|articles?\s+(?:similaires|liés|associés)|les\s+plus\s+lus
          |related\s+(?:articles|stories|coverage|news)|most\s+read|more\s+(?:stories|from)
          |recommended(?:\s+for\s+you)?)\s*:?
    )$""",
    re.I | re.X,
)
_CAPTION_CREDIT = re.compile(
    r"(?:\[[^\[\]\n]{1,80}/[^\[\]\n]{1,40}\]|\([^()\n]{1,80}/\s*(?:" + _AGENCY + r")[^()\n]{0,20}\)"
    r"|\((?:photo|crédit|credit|image)[^()\n]{0,80}\))\s*$",
    re.I,
)
_CAPTION_PREFIX = re.compile(r"^(?:photo|crédit photo|photo credit|légende|caption)\s*[:：-]", re.I)
_BYLINE = re.compile(r"^(?:par|by)\s+[^\W\d_][\w.'’ -]{1,60}$", re.I)
_BREADCRUMB = re.compile(r"\S\s+(?:>|»|›|/|\|)\s+\S")
_TERMINAL = ".!?:;…»”\"')]"
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"'})


@dataclass(frozen=True)
class Block:
    """A candidate paragraph from a reader, with the input line it started on when known."""

    text: str
    line: int | None = None


@dataclass(frozen=True)
class CleanBody:
    """What cleaning keeps: headline, paragraphs with kinds, and what the header told us."""

    title: str | None
    paragraphs: tuple[tuple[str, ParagraphKind, int | None], ...]
    source: str | None = None
    date_lines: tuple[str, ...] = ()
    dropped: tuple[str, ...] = field(default=(), repr=False)


def split_plain_text(text: str) -> list[Block]:
    """Blank-line separated blocks, one line per paragraph unless a line was hard-wrapped."""
    blocks: list[Block] = []
    current = ""
    start = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = " ".join(raw.split())
        if current and (not line or not _continues(current, line)):
            blocks.append(Block(current, start))
            current = ""
        if not line:
            continue
        if not current:
            current, start = line, number
        elif re.search(r"\w-$", current):
            current += line  # a word split across lines by hyphenation keeps its hyphen
        else:
            current += " " + line
    if current:
        blocks.append(Block(current, start))
    return blocks


def clean_blocks(blocks: Iterable[Block], *, title: str | None = None) -> CleanBody:
    """Drop boilerplate, find the headline and agency line, mark captions, drop repeats.

    ``title`` comes from metadata when the format has it (HTML, JSON, feeds); plain text finds
    its headline among the first lines after section kickers.
    """
    items = [b for b in (Block(" ".join(b.text.split()), b.line) for b in blocks) if b.text]
    title = " ".join(title.split()) if title else None
    headline: tuple[str, int | None] | None = (title, None) if title else None
    kept: list[tuple[str, ParagraphKind, int | None]] = []
    seen: set[str] = {_key(title)} if title else set()
    source: str | None = None
    date_lines: list[str] = []
    dropped: list[str] = []
    in_header = True
    for index, block in enumerate(items):
        text = block.text
        if _TAIL.match(text) and any(kind == "body" for _, kind, _ in kept):
            dropped.extend(b.text for b in items[index:])
            break
        if _is_boilerplate(text):
            dropped.append(text)
            continue
        if in_header:
            agency = agency_of_line(text)
            if agency:
                source = source or agency
                dropped.append(text)
                continue
            if is_date_line(text):
                date_lines.append(text)
                continue
            if _BYLINE.match(text) and len(text.split()) <= 8:
                dropped.append(text)
                continue
            # A section label needs a headline after it *and* a body after that; in a
            # two-paragraph story the first line is the headline itself.
            following = items[index + 1].text if index + 2 < len(items) else None
            if _is_kicker(text) or (headline is None and following and _is_label(text, following)):
                dropped.append(text)
                continue
            if headline is None and _is_headline(text):
                headline = (text, block.line)
                seen.add(_key(text))
                continue
            in_header = False
        key = _key(text)
        if key in seen:
            dropped.append(text)
            continue
        seen.add(key)
        kind: ParagraphKind = "caption" if is_caption(text) else "body"
        if source is None and kind == "body":
            source = dateline_agency(text)
        kept.append((text, kind, block.line))
    paragraphs = tuple(kept)
    if headline is not None:
        paragraphs = ((headline[0], "headline", headline[1]), *paragraphs)
    return CleanBody(
        title=headline[0] if headline else None,
        paragraphs=paragraphs,
        source=source,
        date_lines=tuple(date_lines),
        dropped=tuple(dropped),
    )


def assemble(
    paragraphs: Sequence[tuple[str, ParagraphKind, int | None]],
) -> tuple[str, tuple[Paragraph, ...]]:
    """Join paragraphs with blank lines, recording each one's span so offsets stay traceable."""
    parts: list[str] = []
    spans: list[Paragraph] = []
    offset = 0
    for text, kind, line in paragraphs:
        if parts:
            offset += 2
        spans.append(Paragraph(offset, offset + len(text), kind, line))
        parts.append(text)
        offset += len(text)
    return "\n\n".join(parts), tuple(spans)


def agency_of_line(line: str) -> str | None:
    """The wire agency when a whole line only credits one (``AFP``, ``(Reuters)``, ``avec AFP``)."""
    stripped = line.strip()
    match = _AGENCY_LIST.match(stripped) or _WITH_AGENCY.match(stripped)
    if match is None:
        return None
    names = re.split(r"\s*(?:,|/|&|\bet\b|\band\b)\s*", match.group("names"), flags=re.I)
    canonical = [AGENCIES[name.lower()] for name in names if name.lower() in AGENCIES]
    return ", ".join(dict.fromkeys(canonical)) or None


def dateline_agency(paragraph: str) -> str | None:
    """The agency named in an opening dateline: ``BAGHDAD, Nov 3 (Reuters) - ...``."""
    match = _DATELINE_AGENCY.match(paragraph)
    return AGENCIES[match.group("name").lower()] if match else None


def is_caption(paragraph: str) -> bool:
    """A photo caption: ends with a bracketed credit (``[Name/AFP]``) or starts ``Photo:``."""
    return bool(_CAPTION_CREDIT.search(paragraph) or _CAPTION_PREFIX.match(paragraph))


def _is_boilerplate(line: str) -> bool:
    if len(line) > 300:
        return False
    if _BOILERPLATE.match(line) or _BOILERPLATE_ANYWHERE.search(line):
        return True
    words = re.findall(r"[\w-]+", line.lower())
    return bool(words) and len(words) <= 12 and all(word in _SOCIAL_WORDS for word in words)


def _is_kicker(line: str) -> bool:
    """A section kicker or breadcrumb above the headline: capitals, or ``Monde > Irak``."""
    letters = [c for c in line if c.isalpha()]
    if not letters or len(line.split()) > 8 or line.endswith("."):
        return False
    if sum(c.isupper() for c in letters) / len(letters) > 0.8 and len(letters) >= 2:
        return True
    return len(line) <= 80 and bool(_BREADCRUMB.search(line)) and len(line.split()) <= 8


def _is_label(line: str, following: str) -> bool:
    """A one-to-three word rubric ("Sécurité") directly above a headline-like line."""
    return (
        len(line.split()) <= 3
        and len(line) <= 30
        and not line.endswith(tuple(_TERMINAL))
        and _is_headline(following)
        and not following.endswith(".")
        and len(following.split()) > len(line.split())
    )


def _is_headline(line: str) -> bool:
    words = len(line.split())
    return words <= 25 and len(line) <= 250 and (not line.endswith(".") or words <= 12)


def _continues(previous: str, line: str) -> bool:
    """Whether ``line`` carries on a hard-wrapped paragraph rather than starting a new one."""
    if previous.endswith(tuple(_TERMINAL)):
        return False
    if previous.endswith((",", "-")) or line[0].islower():
        return True
    return len(previous) >= 50 and len(line) >= 20


def _key(text: str) -> str:
    """Comparison key for repeats: case, spacing and quote style do not make a new passage."""
    folded = unicodedata.normalize("NFC", text).translate(_QUOTES).casefold()
    return " ".join(re.findall(r"\w+|[^\w\s]", folded))
