"""Channel-neutral replies: text blocks plus buttons. Each channel renders them its own way."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from bot.core import texts

# A button action's most bytes: compact enough for any channel to carry as a button's payload.
ACTION_MAX_BYTES = 64


@dataclass(frozen=True, slots=True)
class Button:
    """A choice the user can tap. `action` is compact: at most ACTION_MAX_BYTES bytes."""

    label: str
    action: str

    def __post_init__(self) -> None:
        if len(self.action.encode()) > ACTION_MAX_BYTES:
            raise ValueError(f"button action over {ACTION_MAX_BYTES} bytes: {self.action!r}")


@dataclass(frozen=True, slots=True)
class Bullet:
    """A list item with an optional bold lead ("Baclofen: eases muscle stiffness")."""

    text: str
    lead: str = ""


@dataclass(frozen=True, slots=True)
class Source:
    """Where an answer comes from, shown under every topical reply, and which version of the text it is
    (slug and digest: recorded so that admins can tell which text was served when)."""

    title: str
    reviewed: dt.date
    url: str
    slug: str = ""
    digest: str = ""
    review_state: str = "reviewed"  # bot.content.ReviewState: "changed" when edited after the review

    def review_note(self) -> str:
        return texts.reviewed_note(self.reviewed, self.review_state == "changed")

    def line(self) -> str:
        return f"Source: {self.title} ({self.review_note()}) {self.url}"


@dataclass(frozen=True, slots=True)
class Reply:
    """What the bot says: a safety line on top (if any), a title, paragraphs, bullets, its source, a footer and
    rows of buttons."""

    kind: str
    paragraphs: tuple[str, ...] = ()
    title: str = ""
    bullets: tuple[Bullet, ...] = ()
    source: Source | None = None
    footer: str = ""
    buttons: tuple[tuple[Button, ...], ...] = field(default_factory=tuple)
    alert: str = ""  # one safety line shown above everything else (what to do now, the number to call)

    def plain_text(self) -> str:
        """The reply as plain text (terminal, CLI, logs)."""
        parts: list[str] = [self.alert] if self.alert else []
        if self.title:
            parts.append(self.title)
        parts.extend(self.paragraphs)
        if self.bullets:
            parts.append("\n".join(f"• {b.lead}: {b.text}" if b.lead else f"• {b.text}" for b in self.bullets))
        if self.source:
            parts.append(self.source.line())
        if self.footer:
            parts.append(self.footer)
        return "\n\n".join(parts)

    def all_buttons(self) -> list[Button]:
        return [button for row in self.buttons for button in row]
