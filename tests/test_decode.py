"""Decoding raw reports: encodings, line ends, spaces, full-width digits, bad input."""

from __future__ import annotations

import codecs

import pytest

from site_builder.content.errors import InputError
from site_builder.convert.decode import decode_bytes, text_lines

SAMPLE = "２０２１年12月31日\r\n\u3000\u3000钢山街道\t完成财政收入4.7亿元。\u00a0\r\n"


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        SAMPLE.encode("gb18030"),
        SAMPLE.replace("\u00a0", " ").encode("gbk"),
        SAMPLE.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"),
        SAMPLE.replace("\r\n", "\r").encode("utf-8"),
        SAMPLE.encode("utf-16-le"),  # without BOM, as some export tools write it
        SAMPLE.encode("utf-16-be"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "gb18030",
        "gbk",
        "utf16le",
        "utf16be",
        "cr",
        "utf16le-nobom",
        "utf16be-nobom",
    ],  # fmt: skip
)
def test_every_encoding_gives_the_same_lines(data):
    lines = text_lines(decode_bytes(data, "x.txt"))
    assert lines[:2] == ["2021年12月31日", "钢山街道 完成财政收入4.7亿元。"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\r\n ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"\x80\x80\x80\xff\xfe\x81", "undecodable"),
    ],
)
def test_bad_input_names_the_file(data, reason):
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "reports/bad.txt")
    assert str(caught.value).startswith("reports/bad.txt: ")
    assert reason in str(caught.value)


TRADITIONAL = "楓原鎮全年完成財政收入3000餘萬元,同比增長12.4%;完成固定資產投資81.59億元。\n"
SIMPLIFIED = "枫原镇全年完成财政收入3000余万元,同比增长12.4%;完成固定资产投资81.59亿元。\n"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (TRADITIONAL, "big5hkscs"),
        (TRADITIONAL, "big5"),
        (TRADITIONAL, "gb18030"),  # Traditional characters in a GB18030 file
        (SIMPLIFIED, "gb18030"),
        (SIMPLIFIED, "gbk"),
    ],
)
def test_big5_and_gb18030_are_told_apart(text, encoding):
    assert decode_bytes(text.encode(encoding), "x.txt") == text


def test_declared_big5_charset_is_honoured():
    page = f'<html><head><meta charset="big5"></head><body><p>{TRADITIONAL}</p></body></html>'
    assert TRADITIONAL in decode_bytes(page.encode("big5"), "x.html")
