"""The admin's files (intents.yaml, content/*.md), the snapshot built from them, reload and check."""
