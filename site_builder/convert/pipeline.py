"""A raw report converted: decode -> read its form (sources/) -> layout repairs (layout/) ->
structure (structure/) -> key figures and their labels, metrics and periods (figures/).
Plain data in and out, no disk access (importer.py reads and writes).
"""

from __future__ import annotations

from site_builder.content.errors import InputError
from site_builder.content.metrics import Vocabulary
from site_builder.content.model import Article, Block, KeyFigure
from site_builder.convert.characters import analysis_texts
from site_builder.convert.decode import decode_bytes
from site_builder.convert.figures import describe_figures, find_key_figures
from site_builder.convert.layout import normalise
from site_builder.convert.review import review_article
from site_builder.convert.sources import read_source
from site_builder.convert.structure.parse import parse_normalised


def convert(
    data: bytes, path: object = "<input>", vocabulary: Vocabulary | None = None
) -> tuple[Article, str]:
    """Bytes of a raw report -> (Article with key figures, source extension).

    decode -> read the input form -> normalise -> parse -> key figures. With a metric
    ``vocabulary`` (content/metrics.yml), figures that measure one of its indicators get its
    id as ``metric``.
    """
    text = decode_bytes(data, path)
    source = read_source(text, path)
    normalised = normalise(source.lines)
    normalised.set_aside[:0] = source.set_aside
    normalised.notes[:0] = source.notes
    article = parse_normalised(normalised, source.meta, header=source.read_header)
    if not any(block.kind == "paragraph" for block in article.blocks):
        raise InputError(path, "no article text found")
    article.key_figures = key_figures_as_printed(article)
    describe_figures(article, vocabulary)
    review_article(article)
    return article, source.extension


convert_report = convert


def key_figures_as_printed(article: Article) -> list[KeyFigure]:
    """Key figures found in the Simplified text, with ``text`` as printed (萬 stays 萬).

    The analysis text has the same length as the printed one, so a figure's offset in one
    is its offset in the other; figures come in text order within a block.
    """
    keys = analysis_texts([block.text for block in article.blocks])
    analysed = Article(
        meta=article.meta,
        blocks=[
            Block(block.kind, key, block.lead, block.sub, block.line)
            for block, key in zip(article.blocks, keys, strict=True)
        ],
    )
    figures = find_key_figures(analysed)
    cursor: dict[int, int] = {}
    for figure in figures:
        key = analysed.blocks[figure.block].text
        start = key.find(figure.text, cursor.get(figure.block, 0))
        if start < 0:
            start = key.find(figure.text)
        printed = article.blocks[figure.block].text
        figure.text = printed[start : start + len(figure.text)]
        cursor[figure.block] = start + len(figure.text)
    return figures
