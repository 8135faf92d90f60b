"""The picture a blogging tool heads a post with, under the name that tool gives it.

lede's own documents list ``images``; blogs name one picture each in their own way, and
their posts showed none on ``i``.
"""

from __future__ import annotations

from typing import Any

# Each tool's key, the most widely written first: Jekyll's SEO tag and many themes'
# ``image``, Forem's (dev.to) ``cover_image``, wordpress-export-to-markdown's and
# Hashnode's ``coverImage``, Hashnode's backups' and Hugo themes' ``cover``, Ghost's
# ``feature_image``, Gatsby's and Hugo themes' ``featured_image``/``featuredImage``, and
# Astro's blog template's ``heroImage``.
COVER_KEYS = (
    "image",
    "cover_image",
    "coverImage",
    "cover",
    "feature_image",
    "featured_image",
    "featuredImage",
    "heroImage",
)
# Where a picture given as a mapping keeps its address: Jekyll's SEO tag's ``path``,
# Hugo themes' ``cover: {image: …}``.
_ADDRESS_KEYS = ("path", "url", "src", "image")


def cover_image(data: dict[str, Any]) -> str:
    """The address of the post's picture under the first of ``COVER_KEYS`` it gives
    ('' when none does)."""
    if data.keys().isdisjoint(COVER_KEYS):  # most posts: one look, not one for each key
        return ""
    for key in COVER_KEYS:
        if (value := data.get(key)) and (address := _address(value)):
            return address
    return ""


def _address(value: Any) -> str:
    if isinstance(value, dict):
        value = next((value[key] for key in _ADDRESS_KEYS if isinstance(value.get(key), str)), "")
    return value.strip() if isinstance(value, str) else ""
