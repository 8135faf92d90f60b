"""Copies of one report: articles whose signatures are the same, found without their terms.

Grouping finds an article's neighbours through its rarest terms, and a term held by too
many articles (``COMMON`` of the corpus, or ``CROWDED`` in the window) finds no one. The
copies of one wire story share every term, so past that many copies none of their terms
found another: 40 copies among 1,000 articles were one story, 60 were 60 rows. Copies
are what comparing would join (their cosine is 1), so an article that found no story by
its terms joins that of the latest article with its very signature, if the story would
still span the window.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

COPY_TERMS = 4  # a signature's terms for its copies to find each other whatever their count


class _Story(Protocol):
    copies: list[str]

    def spans(self, published: int) -> bool: ...


Story = TypeVar("Story", bound=_Story)


class Copies(dict[str, Story]):
    """The story of the latest article with each signature, while the story is held."""

    def story_of(self, signature: str, published: int) -> Story | None:
        """The story that an article of this signature published then would join, if any."""
        story = self.get(signature)
        return story if story is not None and story.spans(published) else None

    def note(self, signature: str, terms: int, story: Story) -> None:
        """Let later copies of ``signature`` find ``story``: only a signature of
        ``COPY_TERMS`` ``terms`` or more, as a short title alone ("Weekly update") says
        too little to tell one report from another."""
        if terms >= COPY_TERMS and self.get(signature) is not story:
            self[signature] = story
            story.copies.append(signature)

    def forget(self, story: Story) -> None:
        """Let go of a story that no later article can join."""
        for signature in story.copies:
            if self.get(signature) is story:
                del self[signature]
