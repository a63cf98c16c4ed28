"""Sentence segmentation with character offsets into ``Article.text``."""

from dashboard.text.sentences import Sentence, split_article, split_sentences

__all__ = ["Sentence", "split_article", "split_sentences"]
