"""Navigation: page chrome only before the article's first paragraph or after its last —
menus and breadcrumbs (首页 > 新闻中心, 财经 金融 证券 汽车 科技), the site's name, owner and
phone number, a toolbar with a language or reading-mode switch, an e-paper reader's name, lines
without a Chinese character. chrome.py finds the article's first and last paragraphs and asks
``outside_chrome`` of the lines around them; furniture (chrome anywhere) is chrome.py's.
"""

from __future__ import annotations

import re

from site_builder.content.roles import ROLE_PATTERN

_WIDGET_SEPARATORS = re.compile(r"[\s|｜/·•【】\[\]:：]+")

# Of a site's widgets (chrome.py), the ones that show a line of short items is a site's toolbar
# (智能问答 无障碍浏览 长者模式 数据开放平台), not a menu of the article.
_TOOLBAR_RE = re.compile(
    r"选择语言|语言选择|简体|繁体|english|无障碍|(?:长者|关怀|适老化?|老年|大字)(?:模式|版)|适老化"
)
_NAV_WORDS = re.compile(
    r"首页|主页|新闻|资讯|动态|公开|专题|概况|投稿|往期|报纸|数字报|电子报|登录|注册|搜索|导航"
    r"|版面|目录|返回|政务|服务|互动|要闻|领导|机构|政策|解读|通知|公告|热线|信箱|客户端|微信|微博"
    r"|视频|图片|网站|频道|栏目|法规|文件|规划|统计|财政|人事|办事|留言|地图|订阅|今日"
)
_SITE_NAME_RE = re.compile(
    r"^[\u4e00-\u9fff]{2,16}(?:人民政府|政府网|门户网站|政府门户|新闻网|网站|在线|数字报|电子报"
    r"|电子版|客户端|官网|官方网站|融媒体中心|报社|报业集团)$"
)
# Above the article on a news portal or a paper's page: its owners (某某融媒体中心 主办,
# 某某日报社主管 某某日报社主办), its phone number
# An e-paper reader site's own name (电子报阅读机, 数字报刊平台, 某某电子报阅读器), and the day
# of the week it prints alone under today's date (星期日)
_READER_NAME_RE = re.compile(
    r"^[\u4e00-\u9fff]{0,12}(?:电子报|数字报|电子版|报刊|数字报刊|读报)"
    r"(?:阅读机|阅读器|阅读平台|平台|系统|在线|客户端|网)$"
)
# A portal's column alone above the headline: 政府信息公开, 乡镇动态, 媒体聚焦
_COLUMN_RE = re.compile(
    r"^(?:政府|政务|信息|新闻|乡镇|镇街|部门|工作|媒体|图片|基层|本地|区县|县区)+"
    r"(?:公开|动态|资讯|聚焦|要闻|快讯)$"
)
_WEEKDAY_RE = re.compile(r"^(?:星期|周|礼拜)[一二三四五六日天]$")
_OWNER_RE = re.compile(r"^(?:[\u4e00-\u9fff]{2,20}\s*(?:主管|主办|承办|协办)\s*)+$")
_PHONE_RE = re.compile(r"^(?:电话|热线)?[:：]?\s*[(（]?0\d{2,3}[)）]?[-\s]?\d{7,8}$")
_NO_HAN_RE = re.compile(r"^(?=.*[A-Za-z])[^\u4e00-\u9fff]+$")  # EN, a web address
_DATE_LINE_RE = re.compile(r"^\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}日?(?:\s+[\d:]+)?$")


def widget_items(key: str) -> list[str]:
    return [item for item in _WIDGET_SEPARATORS.split(key.lower()) if item]


def _is_toolbar(key: str) -> bool:
    """智能问答 无障碍浏览 长者模式 数据开放平台: short items, one a language or reading-mode
    switch."""
    items = widget_items(key)
    return (
        len(items) >= 2
        and all(len(item) <= 8 for item in items)
        and any(_TOOLBAR_RE.fullmatch(item) or item.startswith("无障碍") for item in items)
        and not re.search(r"[。，,；;！？]", key)
    )


def is_navigation(key: str) -> bool:
    """首页 > 新闻中心 > 乡镇动态, 今日 首页 -在线投稿 -往期报纸, 财经 金融 证券 汽车 科技 消费:
    short items, with separators or navigation words, or five and more of them."""
    if re.search(r"[。，,；;！？]", key) or len(key) > 100:
        return False
    items = [item for item in re.split(r"[\s>»＞→|｜/·•\-—_]+", key) if item]
    if not items or re.match(rf"[□■●◎▲△◆◇☆★]?\s*(?:{ROLE_PATTERN})", key):
        return False
    if re.search(r"[>»＞→|｜]", key) and all(len(i) <= 12 for i in items):
        return len(items) >= 2 or bool(_NAV_WORDS.search(items[0]))  # 首页>
    if len(items) >= 5 and all(2 <= len(item) <= 4 for item in items):
        return True  # a menu: 财经 金融 证券 汽车 科技 (not 政 府 工 作 报 告)
    if len(items) <= 4 and items[-1] == "正文" and all(len(item) <= 8 for item in items):
        return True  # 新华网 正文: a breadcrumb's steps without separators
    return (
        len(items) >= 3
        and all(len(item) <= 8 for item in items)
        and sum(bool(_NAV_WORDS.search(item)) for item in items) >= 2
    )


def outside_chrome(keys: list[str], index: int, top: bool = False) -> bool:
    """Chrome only before the article's first paragraph or after its last (``top``: the
    page's first line that is not furniture)."""
    key = keys[index]
    if is_navigation(key) or _SITE_NAME_RE.match(key) or _is_toolbar(key):
        return True
    if _OWNER_RE.match(key) or _PHONE_RE.match(key):
        return True
    if _READER_NAME_RE.match(key) or _WEEKDAY_RE.match(key) or _COLUMN_RE.match(key):
        return True
    section, _, site = key.rpartition(" ")
    if section and len(section) <= 8 and _SITE_NAME_RE.match(site):
        return True  # 李家镇 某某新闻网: the section's name, then the site's
    if _NO_HAN_RE.match(key) and not _DATE_LINE_RE.match(key):
        return True  # EN, LANGUAGES, https://www.gov.cn/
    following = next((k for k in keys[index + 1 : index + 3] if k), "")
    if top and re.fullmatch(r"[\u4e00-\u9fff]{2}", key):
        # a portal's section atop the page, above the headline (生活, 地方)
        return 0 < len(following) <= 40 and not re.search(r"[。，,；;]", following)
    # A menu's heading: 财经 above 财经 金融 证券 …, 新闻 above 新闻直播 要闻 …
    return (
        len(key) <= 4
        and " " not in key
        and following.split(" ")[0].startswith(key)  # 新闻 above 新闻直播 要闻 国际 …
        and is_navigation(following)
    )
