"""The language stage over a whole page: long blocks first (detector), then page priors for
the short ones, inline runs, and the article versus page language."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Run
from .detect import get_detector
from .runs import foreign_spans
from .script import direction_of, dominant_script
from .tag import Priors, Tag, page_priors, tag_text


@dataclass(frozen=True, slots=True)
class PageTags:
    blocks: tuple[Tag, ...]
    runs: tuple[tuple[Run, ...], ...]
    removed: tuple[Tag, ...]
    language: str
    direction: str
    page_language: str


def _dominant(tags: list[Tag], texts: list[str]) -> str | None:
    weights: dict[str, int] = {}
    for tag, text in zip(tags, texts):
        if tag.lang != "zxx":
            weights[tag.lang] = weights.get(tag.lang, 0) + dominant_script(text)[1]
    return max(sorted(weights), key=weights.__getitem__) if weights else None


def _runs(text: str, tag: Tag, priors: Priors, detector, min_letters: int) -> tuple[Run, ...]:
    if tag.script in ("Zyyy", "Zzzz"):
        return ()
    out = []
    for start, end, script in foreign_spans(text, tag.script):
        sub = tag_text(text[start:end], detector, priors, tag.dir, min_letters)
        if sub.lang != tag.lang or sub.dir != tag.dir:
            out.append(Run(start, end, sub.lang, sub.dir, script))
    return tuple(out)


def tag_page(block_texts: list[str], removed_texts: list[str], html_lang: str | None,
             detector_name: str = "langdetect", min_letters: int = 12) -> PageTags:
    detector = get_detector(detector_name)
    first = [tag_text(t, detector, Priors(), "auto", min_letters) for t in block_texts]
    priors = page_priors([(tag, dominant_script(t)[1]) for tag, t in zip(first, block_texts)], html_lang)
    language = _dominant(first, block_texts) or "und"
    lang_script = next((t.script for t in first if t.lang == language), "Zyyy")
    direction = direction_of(lang_script) or "ltr"
    blocks = tuple(
        tag if tag.source == "detector" else tag_text(t, detector, priors, direction, min_letters)
        for tag, t in zip(first, block_texts)
    )
    language = _dominant(list(blocks), block_texts) or language
    runs = tuple(_runs(t, tag, priors, detector, min_letters) for tag, t in zip(blocks, block_texts))
    chrome_prior = Priors(by_script=priors.by_script, html_lang=html_lang)
    removed_first = [tag_text(t, detector, chrome_prior, "auto", min_letters) for t in removed_texts]
    page_language = html_lang or _dominant(removed_first, removed_texts) or language
    page_dir = direction_of(next((t.script for t in removed_first if t.lang == page_language), "Zyyy")) \
        or ("rtl" if page_language in ("ar", "fa", "ur", "he") else direction)
    removed = tuple(Tag(t.lang, page_dir, t.script, t.source, t.confidence) if t.lang == "zxx" else t
                    for t in removed_first)
    return PageTags(blocks, runs, removed, language, direction, page_language)
