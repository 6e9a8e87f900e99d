"""Markdown: hide the markup, keep the offsets.

markdown-it-py parses the file; every character that is not content (``#``,
``**``, ``[``, ``](url)``, list bullets, ``>``, fences, HTML) is replaced by a
space in a copy of the text of the same length.  Segmentation and matching read
that copy, so every offset still points into the file itself.
"""
from __future__ import annotations


def mask_markdown(text: str) -> str:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    tokens = md.parse(text)
    keep = bytearray(len(text))  # 1 = content
    line_starts = [0]
    for k, ch in enumerate(text):
        if ch == "\n":
            line_starts.append(k + 1)
    line_starts.append(len(text) + 1)

    def line_range(mp: list[int] | None) -> tuple[int, int]:
        if not mp:
            return 0, 0
        a = line_starts[min(mp[0], len(line_starts) - 1)]
        b = line_starts[min(mp[1], len(line_starts) - 1)] - 1
        return a, min(b, len(text))

    for tok in tokens:
        if tok.type == "inline" and tok.map:
            lo, hi = line_range(tok.map)
            cursor = lo
            for child in tok.children or []:
                if child.type in ("text", "code_inline") and child.content:
                    at = text.find(child.content, cursor, hi)
                    if at < 0:
                        continue
                    keep[at:at + len(child.content)] = b"\x01" * len(child.content)
                    cursor = at + len(child.content)
                elif child.type == "image":
                    # keep the alt text, which is prose (a caption)
                    alt = child.content
                    at = text.find(alt, cursor, hi) if alt else -1
                    if at >= 0:
                        keep[at:at + len(alt)] = b"\x01" * len(alt)
                        cursor = at + len(alt)
        elif tok.type in ("fence", "code_block") and tok.map:
            lo, hi = line_range(tok.map)
            body = tok.content
            at = text.find(body, lo, hi + 1) if body else -1
            if at >= 0:
                keep[at:at + len(body)] = b"\x01" * len(body)
        elif tok.type == "hr" and tok.map:
            # a separator stays visible as such (it is boilerplate, not lost)
            lo, hi = line_range(tok.map)
            keep[lo:hi] = b"\x01" * (hi - lo)
    return "".join(ch if (keep[k] or ch == "\n") else " " for k, ch in enumerate(text))
