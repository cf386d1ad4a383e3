"""The columns of the five tables (SPEC §1), in their order."""

DOCUMENT_COLUMNS = ["doc_id", "path", "title", "publication_date", "n_chars", "n_sentences", "n_organisations",
                    "n_dates", "n_partnerships", "n_goals", "status", "error", "sha256"]
ORGANISATION_COLUMNS = ["doc_id", "org_id", "name", "acronym", "kind", "n_mentions", "mentions", "start", "end",
                        "ror", "wikidata"]
DATE_COLUMNS = ["doc_id", "text", "start", "end", "kind", "value", "sentence"]
PARTNERSHIP_COLUMNS = ["doc_id", "partnership_id", "parties", "party_ids", "kind", "status", "date", "name", "topics",
                       "evidence", "start", "end"]
GOAL_COLUMNS = ["doc_id", "goal_id", "actor", "actor_id", "text", "trigger", "theme", "horizon", "evidence", "start",
                "end"]
TABLES: dict[str, list[str]] = {
    "documents": DOCUMENT_COLUMNS,
    "organisations": ORGANISATION_COLUMNS,
    "dates": DATE_COLUMNS,
    "partnerships": PARTNERSHIP_COLUMNS,
    "goals": GOAL_COLUMNS,
}
