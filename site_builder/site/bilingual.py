"""A report's bilingual view (reports/<slug>/bilingual/): Chinese and English block by block.

Blocks are paired by index (the pages are aligned block by block); the markup is the theme's
digest/bilingual.html.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from site_builder.content.model import Block
from site_builder.site.generated import GeneratedPage, Site, report_title
from site_builder.site.model import Report, lang_url, relative_url
from site_builder.site.strings import text, words
from site_builder.site.templates import Templates


@dataclass
class Row:
    """A row of the view: a pair of blocks (language, block or None), or a photo."""

    kind: str  # the blocks' kind, or 'caption' for a photo with its captions
    sides: tuple[tuple[str, Block | None], ...] = ()
    captions: list[tuple[str, str]] = field(default_factory=list)  # (text, language)
    image: str | None = None


def bilingual_url(report: Report) -> str:
    return f"{report.norm_url}bilingual/"


def bilingual_page(report: Report, site: Site, templates: Templates) -> GeneratedPage:
    """Chinese and English block by block: side by side on wide screens, one after the other
    on phones."""
    lang = site.lang
    norm = bilingual_url(report)
    zh, en = report.page("zh"), report.page("en")
    title, _ = report_title(report, lang)
    others = [(p.lang, str(p.meta.get("title") or "")) for p in (zh, en) if p and p.lang != lang]
    zh_blocks = [pb.block for pb in zh.blocks] if zh else []
    en_blocks = [pb.block for pb in en.blocks] if en else []
    status = None
    if not en:
        status = "missing"
    elif [b.kind for b in zh_blocks] != [b.kind for b in en_blocks]:
        status = "misaligned"
    rows: list[Row] = []
    captions = 0
    for index in range(max(len(zh_blocks), len(en_blocks))):
        zh_block = zh_blocks[index] if index < len(zh_blocks) else None
        en_block = en_blocks[index] if index < len(en_blocks) else None
        kind = (zh_block or en_block).kind  # type: ignore[union-attr]
        if kind == "callout":
            continue
        if kind == "caption":
            captions += 1
            rows.append(_caption_row(report, site, norm, captions, zh_block, en_block))
            continue
        rows.append(Row(kind, sides=(("zh", zh_block), ("en", en_block))))
    body = templates.render(
        "digest/bilingual.html",
        t=words(lang),
        title=text(lang, "bilingual.title", title=title),
        subtitles=[(t, code) for code, t in others if t],
        report_href=site.report_href(report, norm)[0],
        status=status,
        rows=rows,
    )
    meta = {
        "title": text(lang, "bilingual.title", title=title),
        "hide": ["navigation", "toc"],
        "search": {"exclude": True},
    }
    return GeneratedPage(norm, meta, [body])


def _caption_row(
    report: Report,
    site: Site,
    norm: str,
    number: int,
    zh_block: Block | None,
    en_block: Block | None,
) -> Row:
    src = f"{report.norm_url}images/{number}.jpg"
    image = None
    if src in site.assets:
        image = relative_url(site.assets[src], lang_url(norm, site.language))
    captions = [
        (block.text, code)
        for code, block in (("zh", zh_block), ("en", en_block))
        if block is not None and block.text
    ]
    captions.sort(key=lambda caption: caption[1] != site.lang)  # the page's language first
    return Row("caption", captions=captions, image=image)
