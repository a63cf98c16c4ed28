"""conflictmap: news articles to places, dates, events, territorial control and frontlines."""

__version__ = "0.4.0"
