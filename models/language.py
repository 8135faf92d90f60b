"""Language codes as sites write them: ``en``, ``pt-BR``, ``zh_cn``, ``zh-Hant``.

One spelling is kept (lower case, ``-`` between parts), so that ``lang: zh_cn`` in a
post, a site's ``zh_cn/`` folder and ``lang:zh-CN`` in a query are the same language.
Anything else (``language: python`` on a page about code) names no language. Nothing
here imports pydantic: the storing process reads queries with it, and never the parser."""

from __future__ import annotations

import re
from typing import Any

# A language (two or three letters), maybe its script (four) and its region (two letters
# or three digits): the part of BCP 47 that sites and their folders use.
_CODE = re.compile(r"[a-z]{2,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|[0-9]{3}))?")


def language_code(value: Any) -> str | None:
    """``value`` as a language code, or ``None`` when it is not one."""
    if not isinstance(value, str):
        return None
    code = value.strip().lower().replace("_", "-")
    return code if _CODE.fullmatch(code) else None
