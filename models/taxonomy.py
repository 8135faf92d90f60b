"""A topic taxonomy entry as written in ``taxonomy: topic`` YAML files."""

from __future__ import annotations

from pydantic import Field

from models.article import LedeModel
from models.fields import Line


class Topic(LedeModel):
    """One entry of a topic taxonomy: a name, an optional parent and descriptions."""

    name: Line
    id: Line = Field(default="", alias="_id")
    shortname: Line = ""
    parent: Line = ""
    description: Line = ""
