"""The language stage over a whole page (DESIGN.md §5).

Long blocks first: one pooled detector call per script gives the page's language for it, and
only the blocks the gate (:mod:`.gate`) finds something against are detected on their own.
Then page priors label the short blocks, inline runs and chrome; the article's language (its
blocks) and the page's language (html ``lang``, else its chrome) are kept apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Run
from .detect import CANDIDATES, candidate_table, get_detector
from .gate import may_differ
from .nonling import blank
from .runs import foreign_spans
from .script import direction_of, dominant_script
from .tag import Priors, Tag, page_priors, tag_text

RTL_LANGS = frozenset({"ar", "fa", "ur", "he", "ps", "sd", "ug", "yi", "ckb", "dv"})
# Below these many letters a block (or an inline run) takes the page's prior for its script
# rather than a detector's guess; measured by bench/lang_bench.py (bench/RESULTS.md).
BLOCK_PRIOR_LETTERS = 40
RUN_PRIOR_LETTERS = 25
POOL_CHARS = 300  # pooled sample handed to the detector (langdetect time grows with length)


@dataclass(frozen=True, slots=True)
class PageTags:
    blocks: tuple[Tag, ...]
    runs: tuple[tuple[Run, ...], ...]
    removed: tuple[Tag, ...]
    language: str
    direction: str
    page_language: str


def _html_dir(lang: str | None) -> str | None:
    """The direction a language tag implies (its primary subtag), or None when it says nothing."""
    if not lang:
        return None
    return "rtl" if lang.split("-")[0].lower() in RTL_LANGS else "ltr"


def _dominant(tags: list[Tag], texts: list[str]) -> str | None:
    weights: dict[str, int] = {}
    for tag, text in zip(tags, texts):
        if tag.lang != "zxx":
            weights[tag.lang] = weights.get(tag.lang, 0) + dominant_script(text)[1]
    return max(sorted(weights), key=weights.__getitem__) if weights else None


def _runs(text: str, tag: Tag, priors: Priors, detector, min_letters: int) -> tuple[Run, ...]:
    """Inline runs of other scripts; ``priors`` are the page's :meth:`Priors.embedded` ones."""
    if tag.script in ("Zyyy", "Zzzz"):
        return ()
    out = []
    for start, end, script in foreign_spans(text, tag.script):
        sub = tag_text(text[start:end], detector, priors, tag.dir, min_letters, RUN_PRIOR_LETTERS)
        if sub.lang != tag.lang or sub.dir != tag.dir:
            out.append(Run(start, end, sub.lang, sub.dir, script))
    return tuple(out)


def _pooled(texts: list[str], detector, known: dict, min_letters: int, with_confidence: bool = False) -> dict:
    """One detector call per script not in ``known``, on that script's texts pooled (the first
    ``POOL_CHARS`` characters, a share from each text): {script: lang} or {script: (lang, p)}."""
    pools: dict[str, list[str]] = {}
    for text in texts:
        script, letters = dominant_script(text)
        if script in CANDIDATES and script not in known and letters:
            pools.setdefault(script, []).append(text)
    found = dict(known)
    for script, pool in sorted(pools.items()):
        share = max(POOL_CHARS // len(pool), 100)
        sample = "\n".join(t[:share] for t in pool)[:POOL_CHARS]
        if dominant_script(sample)[1] >= min_letters:
            hit = detector.detect(sample, script)
            if hit:
                found[script] = hit if with_confidence else hit[0]
    return found


def _long_blocks(
    texts: list[str], letters: list[int], detector, min_letters: int, stable: list[bool]
) -> list[Tag | None]:
    """Tags for the blocks of at least ``BLOCK_PRIOR_LETTERS`` letters (None for the others);
    ``stable``: which texts are their own :func:`blank` (see :func:`_blanked`).

    One pooled detector call per script gives the page's language for it; a block the gate finds
    nothing against takes that language (source ``pooled``), any other gets its own detector call.
    """
    scripts = [dominant_script(t)[0] for t in texts]
    long_ = [i for i, n in enumerate(letters) if n >= BLOCK_PRIOR_LETTERS]
    page = _pooled([texts[i] for i in long_], detector, {}, min_letters, with_confidence=True)
    out: list[Tag | None] = [None] * len(texts)
    for i in long_:
        hit = page.get(scripts[i])
        if hit and not may_differ(texts[i], scripts[i], hit[0], letters[i]):
            out[i] = Tag(hit[0], direction_of(scripts[i]) or "ltr", scripts[i], "pooled", hit[1])
        else:
            out[i] = tag_text(texts[i], detector, Priors(), "auto", min_letters, blank_stable=stable[i])
    return out


def _blanked(texts: list[str]) -> tuple[list[str], list[bool]]:
    """:func:`blank` of each text, and whether it is the text itself (no span: then blanking the
    blanked text again would change nothing either, and :func:`tag_text` need not scan it)."""
    out = [blank(t) for t in texts]
    return out, [b is t for b, t in zip(out, texts)]


def _chrome_tag(text: str, priors: Priors, detector, min_letters: int, stable: bool) -> Tag:
    """Chrome takes the prior of its script outright; the detector only where there is none."""
    script, letters = dominant_script(text)
    prior = priors.for_script(script) if letters else None
    if prior:
        return Tag(prior[0], direction_of(script) or "ltr", script, prior[1], 0.5)
    return tag_text(text, detector, priors, "auto", min_letters, blank_stable=stable)


def tag_page(
    block_texts: list[str],
    removed_texts: list[str],
    html_lang: str | None,
    detector_name: str = "langdetect",
    min_letters: int = 12,
    candidates: tuple[str, ...] = (),
) -> PageTags:
    """Tag a page's blocks, their inline runs and its removed chrome (DESIGN.md §5).

    The detector sees each block of at least ``BLOCK_PRIOR_LETTERS`` letters; shorter blocks take
    the page prior for their script (the detector only where the page has none); chrome takes
    the priors too, with one pooled detector call per script the article does not cover.
    ``candidates`` are the languages the detector chooses among (default: :data:`CANDIDATES`),
    the page's ``html_lang`` added. Scripts and languages are judged on the text without its
    non-linguistic spans (:mod:`.nonling`); inline runs are found on the text itself.
    """
    detector = get_detector(detector_name, candidate_table(candidates, html_lang))
    originals = block_texts
    block_texts, stable = _blanked(originals)
    removed_texts, removed_stable = _blanked(removed_texts)
    letters = [dominant_script(t)[1] for t in block_texts]
    first = _long_blocks(block_texts, letters, detector, min_letters, stable)
    priors = page_priors([(tag, n) for tag, n in zip(first, letters) if tag is not None], html_lang)
    long_tags = [t for t in first if t is not None]
    long_texts = [t for t, tag in zip(block_texts, first) if tag is not None]
    language = _dominant(long_tags, long_texts) or "und"
    lang_script = next((t.script for t in long_tags if t.lang == language), "Zyyy")
    direction = direction_of(lang_script) or _html_dir(html_lang) or "ltr"
    blocks = tuple(
        tag
        if tag is not None
        else tag_text(t, detector, priors, direction, min_letters, BLOCK_PRIOR_LETTERS, fixed)
        for tag, t, fixed in zip(first, block_texts, stable)
    )
    language = _dominant(list(blocks), block_texts) or language
    direction = direction_of(next((t.script for t in blocks if t.lang == language), "Zyyy")) or direction
    embedded = priors.embedded()
    runs = tuple(_runs(t, tag, embedded, detector, min_letters) for tag, t in zip(blocks, originals))
    chrome_langs = _pooled(removed_texts, detector, priors.by_script, min_letters)
    chrome_prior = Priors(
        by_script=chrome_langs,
        html_lang=html_lang,
        pooled=frozenset(chrome_langs.keys() - priors.by_script.keys()),
    )
    removed_first = [
        _chrome_tag(t, chrome_prior, detector, min_letters, fixed)
        for t, fixed in zip(removed_texts, removed_stable)
    ]
    page_language = html_lang or _dominant(removed_first, removed_texts) or language
    page_dir = (
        direction_of(next((t.script for t in removed_first if t.lang == page_language), "Zyyy"))
        or _html_dir(page_language)
        or direction
    )
    removed = tuple(
        Tag(t.lang, page_dir, t.script, t.source, t.confidence) if t.lang == "zxx" else t
        for t in removed_first
    )
    return PageTags(blocks, runs, removed, language, direction, page_language)
