"""Which class words the relaxed pass still reads (issue 12).

The relaxed pass runs when the strict pass found no article: usually a class or id word cut
the article's own wrapper ("widget", "hidden", a post's taxonomy classes such as "tag-…").
Trusting no class word anywhere then keeps every comment thread, sidebar and footer the class
words named rightly. A class word is evidence weighed against the prose it would cut, never a
verdict on its own: so the relaxed pass distrusts class words only on the elements that hold
the article's prose as the structure sees it — the blocks of the run the page's headline opens
(:mod:`.headed`), else of the second opinion's heaviest run (:mod:`.second`), and their
ancestors — and reads them as the strict pass does everywhere else. A run shorter than ``STORY``
(a post of a title and a photo, a blog's tagline) vouches for nothing: there the relaxed pass
trusts no class word at all, as the cues may have cut a post whose prose is too short to find.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from .cues import region_cue, structure_cue
from .second import Opinion

STORY = 600  # unlinked prose characters a run needs to vouch for where the article is

Cue = Callable[[etree._Element], "tuple[str, str] | None"]


def vouched(opinion: Opinion, lead: tuple | None) -> set[etree._Element]:
    """The blocks of the story's run (the headline's, else the heaviest) and their ancestors;
    none when that run is too short to say where the article is."""
    run = lead[1] if lead is not None else opinion.best
    if run is None or run.weight < STORY:
        return set()
    found: set[etree._Element] = set()
    for block in run.blocks:
        found.add(block)
        for anc in block.iterancestors():
            if anc in found:
                break
            found.add(anc)
    return found


def relaxed_cue(trusted: set[etree._Element]) -> Cue:
    """The relaxed pass's cue: structure only on ``trusted`` elements, every cue elsewhere."""
    if not trusted:
        return structure_cue

    def cue(el: etree._Element) -> tuple[str, str] | None:
        return structure_cue(el) if el in trusted else region_cue(el)

    return cue
