"""Reading level of texts a reply can show, measured with `textstat`."""

from __future__ import annotations

import textstat

TARGET_GRADE = 8.0  # health-literacy guidance: about an 8th-grade reading level


def grade(text: str) -> float:
    """Flesch-Kincaid grade level of `text` (0 for empty text)."""
    return float(textstat.flesch_kincaid_grade(text)) if text.strip() else 0.0
