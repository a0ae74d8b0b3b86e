"""What a page's chrome tells of the article: its date, paper and edition, and the township
of the office that issued the page (from a breadcrumb or a 来源 line). chrome.py decides
which lines are chrome; this reads them.
"""

from __future__ import annotations

import re

from site_builder.content.model import Metadata
from site_builder.convert.layout.chrome import DATE_AND_SITE, EDITOR_AND_DATE, LOCATION_LABEL
from site_builder.convert.structure.metadata import iso_date
from site_builder.convert.structure.region import place_candidates

# 中广网 2012-08-13: the site's name and the date
_SITE_AND_DATE_RE = re.compile(r"^(?P<site>[\u4e00-\u9fff]{2,10}(?:网|报|社|台|新闻))\s+\d{4}-")
# An e-paper reader's header fields: the paper's name, the page (版面:第A03版:综合)
_PAPER_FIELD_RE = re.compile(r"(?:当前)?(?:报纸|报刊)名称\s*[:：]\s*([\u4e00-\u9fff]{2,10}?报)")
# (版次:03 without 第; 第a02b版:东南亚 上一版, a page label with its links)
_EDITION_FIELD_RE = re.compile(
    r"^(?:(?:版面|版次)\s*[:：]\s*)?第\s*([0-9A-Za-z]{1,5})\s*版|^(?:版面|版次)\s*[:：]\s*([0-9A-Za-z]{1,4})\b"
)
# A newspaper archive's record: 【日期】= 1994.02.01, 【版次】= 01
_RECORD_EDITION_RE = re.compile(r"^【版次】\s*=\s*([0-9A-Za-z]{1,4})$")
_PAPER_IN_NAME_RE = re.compile(
    r"^([\u4e00-\u9fff]{2,8}(?:日报|晚报|时报|报))(?:数字报|电子报|电子版)"
)
# The value ends at a space, a bar or the line's end: in 信息来源： 发布时间：… the field is
# empty and what follows is the next label, not a source.
_SOURCE_RE = re.compile(r"(?:信息)?来源\s*[:：]\s*([^\s|｜:：]{2,20})(?=$|[\s|｜])")
_DATE_IN_CHROME_RE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_NOT_A_SOURCE = {
    "本站", "本网", "原创", "网络", "本站原创", "本网原创", "网友投稿", "未知", "未知来源", "不详", "佚名"
}  # fmt: skip
_DATE_AND_SITE_RE = re.compile(DATE_AND_SITE.lstrip("|"))
_EDITOR_AND_DATE_RE = re.compile(EDITOR_AND_DATE)


def chrome_hints(keys: list[str], hints: Metadata) -> bool:
    """A publication date and source read from chrome lines (发布时间:…, 来源:…, 某某日报数字报,
    an e-paper reader's 报纸名称: and 版面: fields, which give the edition too).

    A date under a publication label (发布时间, 发布日期, 刊发时间, 日期:) is the article's and
    wins over a date elsewhere in the page's furniture (a crawl or print date, 今天是…); the
    answer says whether the date came from such a label."""
    labelled_date = next(
        (date for key in keys if _PUBLISHED_RE.search(key) and (date := _chrome_date(key))), None
    )
    for key in keys:
        # an e-paper's 版次: line carries the paper's date too (版次:01 作者:2023年10月21日)
        labelled = re.search(
            r"(?:发布|发表|更新)?(?:时间|日期)\s*[:：]|(?:发布|更新)于\s*\d|^(?:版面|版次)\s*[:：]",
            key,
        )
        site = _SITE_AND_DATE_RE.match(key) or _DATE_AND_SITE_RE.match(key)
        posted = _EDITOR_AND_DATE_RE.match(key)
        if hints.date is None and (
            labelled or site or posted or re.match(r"\d{4}-\d{1,2}-\d{1,2}\s", key)
        ):
            hints.date = _chrome_date(key)
        if hints.publication is None and site:
            hints.publication = site.group("site")
        if hints.publication is None and (source := _SOURCE_RE.search(key)):
            if source.group(1) not in _NOT_A_SOURCE:
                hints.publication = source.group(1)
        if hints.publication is None and (paper := _PAPER_IN_NAME_RE.match(key)):
            hints.publication = paper.group(1)
        if hints.publication is None and (paper := _PAPER_FIELD_RE.match(key)):
            hints.publication = paper.group(1)
        if hints.edition is None and (page := _EDITION_FIELD_RE.match(key)):
            hints.edition = f"第{page.group(1) or page.group(2)}版"
        if hints.edition is None and (page := _RECORD_EDITION_RE.match(key)):
            hints.edition = f"第{page.group(1)}版"
        if hints.region is None:
            hints.region = _office_in(key)
    if labelled_date:
        hints.date = labelled_date
    return labelled_date is not None


# 发布时间: / 发布日期: / 刊发时间: / 日期: at a line's start — when the article was published
_PUBLISHED_RE = re.compile(
    r"(?:发布|发表|刊发|刊登|见报)(?:时间|日期)\s*[:：]|^日期\s*[:：]|^【日期】\s*=|发布于\s*\d"
)


def _chrome_date(key: str) -> str | None:
    date = _DATE_IN_CHROME_RE.search(key)
    return iso_date(*(int(part) for part in date.groups())) if date else None


# The steps of a breadcrumb: 您当前所在位置: 首页 > 机构专页 > … > 政府工作报告
_LABEL_RE = re.compile(rf"^{LOCATION_LABEL}|^位置\s*[:：]")
_STEP_SEPARATOR_RE = re.compile(r"\s*(?:>{1,2}|＞{1,2}|»|→|›)\s*")
# What an office adds to its place's name: 番禺区人民政府市桥街道办事处 -> 番禺区市桥街道
_OFFICE_WORDS_RE = re.compile(r"人民政府|办事处|党工委|党委")
# A township with the units above it, back to back: [芷溪市][岚溪区][芷桥街道]
_TOWNSHIP_PATH_RE = re.compile(
    r"(?:[\u4e00-\u9fff]{2,7}?(?:省|自治区|市|州|盟|地区|区|县|旗))*"
    r"(?P<name>[\u4e00-\u9fff]{2,4}?)(?:街道|镇|乡)"
)
_NOT_A_NAME_START = set("各全本该我此每其这那所")


def office_region(value: str) -> str | None:
    """The township named by a breadcrumb's step or a 来源 value, with the units above it when
    given: 番禺区人民政府市桥街道办事处 -> 番禺区市桥街道, 汀兰镇人民政府 -> 汀兰镇, 桂花坪街道 ->
    桂花坪街道; None for anything else (乡镇动态, 镇政府(街道办事处), a county's 某某区人民政府).

    An office's name (…人民政府, …办事处) vouches for its place's name, which may begin with a
    rank's character (市桥街道); a bare name must pass the region finder's tests (区属街道 and
    各镇 do not)."""
    name = _OFFICE_WORDS_RE.sub("", value.strip())
    township = _TOWNSHIP_PATH_RE.fullmatch(name)
    if township is None or township.group("name")[0] in _NOT_A_NAME_START:
        return None
    if name != value.strip():
        return name
    unit = name[township.start("name") :]
    candidates = place_candidates(name)
    return name if any(end == len(name) and n == unit for _, end, n, _ in candidates) else None


def _office_in(key: str) -> str | None:
    """The issuing office's township in a breadcrumb (its deepest step that names one) or in a
    来源 value."""
    if source := _SOURCE_RE.search(key):
        return office_region(source.group(1))
    path = _LABEL_RE.sub("", key)
    if not _STEP_SEPARATOR_RE.search(path):
        return None
    steps = _STEP_SEPARATOR_RE.split(path.strip())
    return next((region for step in reversed(steps) if (region := office_region(step))), None)
