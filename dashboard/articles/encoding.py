"""Bytes to normalised text: BOMs, UTF-8, UTF-16, legacy Western code pages, binary refusal.

Normalisation happens here, before any offset exists, so offsets computed later on ``text``
never drift: NFC, ``\\n`` line endings, ordinary spaces for non-breaking ones.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from dashboard.articles.errors import UnreadableArticle

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029|\x85|\x0b|\x0c")
_SPACES = re.compile(r"[\u00a0\u2007\u202f\u3000]")
_INVISIBLES = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_15", "utf_8"})


def decode_bytes(data: bytes, path: str) -> str:
    """Decode an article file, refusing binary data with a reason instead of producing mojibake."""
    if not data:
        raise UnreadableArticle(path, "the file is empty")
    text = _decode(data, path)
    text = normalise_text(text)
    if _CONTROL.search(text) and len(_CONTROL.findall(text)) > max(2, len(text) // 200):
        raise UnreadableArticle(path, "it looks like a binary file, not text")
    if not _looks_like_words(text):
        # (NUL and 0xFF bytes in turn decode as UTF-16 to a run of "ÿ": text, but no words)
        raise UnreadableArticle(path, "it looks like a binary file, not text (no words in it)")
    if not text.strip():
        raise UnreadableArticle(path, "the file holds only whitespace")
    return text


_WORDS_FROM = 40  # characters; a shorter text may be a bare headline or a single name


def _looks_like_words(text: str) -> bool:
    """Prose has more than a few distinct letters, and spaces between its words unless it is
    written without them (Chinese, Japanese, Thai...)."""
    sample = text[:4096].strip()
    if len(sample) < _WORDS_FROM:
        return True
    if len(set(sample)) < 5:
        return False
    return any(c.isspace() for c in sample) or any(ord(c) >= _UNSPACED_SCRIPTS for c in sample)


_UNSPACED_SCRIPTS = 0x0E00  # Thai and the scripts after it, CJK included, write no spaces


def normalise_text(text: str) -> str:
    """NFC, ``\\n`` line endings, plain spaces; curly quotes stay as written."""
    text = unicodedata.normalize("NFC", text)
    text = _LINE_BREAKS.sub("\n", text)
    text = _SPACES.sub(" ", text)
    text = _INVISIBLES.sub("", text)
    return text.replace("\t", " ")


def _decode(data: bytes, path: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as error:
                raise UnreadableArticle(
                    path, f"it starts with a {encoding} byte-order mark but is not {encoding}"
                ) from error
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise UnreadableArticle(path, "it looks like a binary file (it holds NUL bytes)")
        return utf16
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return _detect(data, path)


def _utf16_without_bom(data: bytes) -> str | None:
    """Text saved as UTF-16 without a BOM shows NULs in every other byte; binary data does not."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0) / (len(data) / 2)
    odd_nuls = data[1::2].count(0) / (len(data) / 2)
    encoding = (
        "utf-16-le"
        if odd_nuls > 0.6 > even_nuls
        else "utf-16-be"
        if even_nuls > 0.6 > odd_nuls
        else ""
    )
    if not encoding:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _detect(data: bytes, path: str) -> str:
    """Legacy encodings, leaning towards Western code pages, which short French text needs.

    charset-normalizer ranks cp1250 or even big5 first for a short latin-1 French paragraph;
    a Western candidate that reads as cleanly wins, and a foreign guess must also look like a
    language before it beats a clean cp1252 decoding.
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    best = matches[0] if matches else None
    if best is not None:
        for match in matches:
            if match.encoding in _WESTERN and match.chaos <= best.chaos + 0.05:
                return str(match)
        if best.coherence >= 0.2:
            return str(best)
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and not _CONTROL.search(text):
        return text
    if best is None:
        raise UnreadableArticle(
            path, "its bytes are not valid in any known text encoding; save it as UTF-8"
        )
    return str(best)
