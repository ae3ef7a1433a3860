"""Edits that the canvas and the panels share, as pure functions from one snapshot to the next."""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from layout.model import Document


def link_frames(doc: Document, source_id: str, target_id: str) -> Optional[Document]:
    """`source_id` linked on to `target_id` 续排 ("" unlinks), or None when nothing changes or the
    link would close a loop (the engine refuses loops).

    The target shows the source's story from where the source stops; a frame that fed the
    target before lets go of it. The target's former story stays in the document, unplaced.
    """
    found = doc.find_block(source_id)
    if found is None or source_id == target_id:
        return None
    src = found[1]
    if not target_id:
        return doc.replace_block(replace(src, next_block="")) if src.next_block else None
    tgt = doc.find_block(target_id)
    if tgt is None or src.next_block == target_id:
        return None
    nxt, seen = target_id, set()
    while nxt and nxt not in seen:  # the target's chain must not lead back to the source
        if nxt == source_id:
            return None
        seen.add(nxt)
        f = doc.find_block(nxt)
        nxt = f[1].next_block if f else ""
    after = doc
    for p in doc.pages:
        for b in p.blocks:
            if b.next_block == target_id and b.id != source_id:
                after = after.replace_block(replace(b, next_block=""))
    after = after.replace_block(replace(src, next_block=target_id))
    return after.replace_block(replace(tgt[1], story_id=src.story_id))


def with_phrase(doc: Document, source: str, target: str) -> Document:
    """The document with its phrase dictionary holding source → target (replacing an entry for
    the same source); an empty target removes the entry."""
    pairs = [(s, t) for s, t in doc.phrases if s != source]
    if target:
        pairs.append((source, target))
    return replace(doc, phrases=tuple(pairs))
