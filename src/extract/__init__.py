"""Organisations, dates, partnerships and strategic goals from French higher-education and research texts."""

__version__ = "0.1.0"
