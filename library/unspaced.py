"""The terms of writing without spaces between words: Chinese, Japanese, Thai, Lao, Khmer,
Myanmar. A headline in these is one or two "words" between its punctuation, so two
outlets' rewordings of one event ("東京で大規模な停電、約3万戸に影響" / "東京で大規模停電
3万戸に影響") shared no term and never made one story.

Such a run of one script is cut into overlapping pairs of characters (a character with the combining
marks after it: a Thai vowel sign goes with its consonant), as search engines index these
scripts without a dictionary: "東京で大規模停電" is 東京 京で で大 大規 規模 模停 停電, and
a rewording shares most of its pairs. A run of one character is its own term. Digits and
letters of other scripts inside a run are terms of their own, as between spaces. Korean
is written with spaces, and keeps its words.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

# Each script written without spaces: Thai, Lao, Myanmar, Khmer; hiragana; katakana (its
# long vowel mark too); the ideographs (the iteration mark 々 too, and those of the
# supplementary planes). A run changes words where it changes script: 東京で大規模な停電 is
# 東京, で, 大規模, な, 停電, as Japanese writes a name in katakana, a noun in ideographs
# and grammar in hiragana.
_SCRIPTS = (
    "\u0e00-\u0e7f",
    "\u0e80-\u0eff",
    "\u1000-\u109f",
    "\u1780-\u17ff",
    "\u3040-\u309f",
    "\u30a0-\u30ff\u31f0-\u31ff",
    "\u3005-\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f",
)
UNSPACED = re.compile(f"[{''.join(_SCRIPTS)}]")
_RUNS = re.compile("|".join(f"[{letters}]+" for letters in _SCRIPTS))
_HIRAGANA = re.compile("[\u3040-\u309f]")


def pieces(word: str) -> list[str]:
    """The terms ``word`` (a run of letters and digits) is cut into: itself unless it
    holds a script written without spaces, else the pairs of each run of one such script
    and the other parts whole. Hiragana is grammar ("で", "した", "には"), not news, and is
    left out."""
    if UNSPACED.search(word) is None:
        return [word]
    found: list[str] = []
    end = 0
    for run in _RUNS.finditer(word):
        if run.start() > end:
            found.append(word[end : run.start()])
        end = run.end()
        if _HIRAGANA.match(run[0]):
            continue
        text = run[0]
        if text >= "\u3000":  # kana and ideographs: no combining marks once NFKC composed
            found.extend([text[at : at + 2] for at in range(len(text) - 1)] or [text])
            continue
        letters = _clusters(text)
        if len(letters) == 1:
            found.append(letters[0])
        else:
            found.extend(map("".join, pairwise(letters)))
    if end < len(word):
        found.append(word[end:])
    return found


def _clusters(run: str) -> list[str]:
    """The characters of ``run``, each with the combining marks that follow it."""
    letters: list[str] = []
    for char in run:
        if letters and unicodedata.category(char)[0] == "M":
            letters[-1] += char
        else:
            letters.append(char)
    return letters
