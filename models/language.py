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


# ISO 639-1's languages, which a site's folders are named by: a folder is taken for a
# language by its name alone only if it is one of them (``api/``, ``doc/`` and ``img/``
# are three letters too). Left out: codes that are more often a folder's subject.
_ISO_639_1 = """aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs
    cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he
    hi ho hr ht hu hy hz ia id ie ig ii ik is it iu ja jv ka kg ki kj kk kl km kn ko kr ks
    ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk mn mr ms mt my na nb nd ne ng nl nn
    no nr nv ny oc oj om or pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn
    so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr tt tw ty ug uk ur uz ve vi vo wa
    wo xh yi yo za zh zu"""
_LANGUAGES = frozenset(_ISO_639_1.split())


def folder_language(name: str) -> str | None:
    """The language a folder's ``name`` is, if it is one (``ja``, ``pt-BR``, ``zh_cn``)."""
    code = language_code(name)
    return code if code and code.split("-")[0] in _LANGUAGES else None
