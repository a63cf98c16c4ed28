"""Why an input could not become an article, in words the user can act on."""

from __future__ import annotations

from dashboard.errors import ConflictmapError


class UnreadableArticle(ConflictmapError):
    """A file (or record in it) cannot be read as an article: empty, binary, undecodable, malformed.

    The message names the file so a batch run can report each failure on one line.
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"cannot read {path}: {reason}")


class ArticleTooLarge(UnreadableArticle):
    """A file over the size limit, refused before reading so a stray dump cannot eat memory."""

    def __init__(self, path: str, size: int, limit: int) -> None:
        self.size = size
        self.limit = limit
        super().__init__(
            path,
            f"it is {size / 1_000_000:.1f} MB, over the {limit / 1_000_000:.0f} MB limit for one "
            "article file; split it or pass only the articles you need",
        )
