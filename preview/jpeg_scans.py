"""Whether libjpeg decodes a JPEG a band of rows at a time, which its header tells.

A sequential JPEG whose first scan holds every component is decoded in one pass, at as
little as an eighth of each side, holding a few rows: its size on screen is what it
costs. Any other (progressive, or a scan a component) is decoded in several passes over
every block's coefficients, kept for the whole image whatever size it is drawn at: its
own size is what it costs, and a header that claims billions of pixels is a bomb.
"""

from __future__ import annotations

SEQUENTIAL = frozenset((0xC0, 0xC1))  # baseline and extended sequential, Huffman-coded
NOT_FRAMES = frozenset((0xC4, 0xC8, 0xCC))  # tables and a reserved marker among the SOFs
SCAN = 0xDA
UNSIZED = frozenset((0x01, *range(0xD0, 0xDA)))  # markers without a length that follows


def decoded_in_one_pass(data: bytes) -> bool:
    """Whether ``data`` is a sequential JPEG whose first scan holds every component."""
    components = 0
    at = 2  # past the start of image
    while at + 4 < len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        if marker == 0xFF or marker in UNSIZED:  # a fill byte, or a marker alone
            at += 1 if marker == 0xFF else 2
            continue
        if marker == SCAN:
            return 0 < components == data[at + 4]
        if marker in SEQUENTIAL and at + 9 < len(data):
            components = data[at + 9]
        elif 0xC0 <= marker <= 0xCF and marker not in NOT_FRAMES:
            return False  # progressive, lossless, hierarchical or arithmetic-coded
        at += 2 + int.from_bytes(data[at + 2 : at + 4], "big")
    return False
