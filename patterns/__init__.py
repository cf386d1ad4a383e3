"""The rule files (JSON Lines, see README.md here), shipped with the package as ``extract.patterns``."""
