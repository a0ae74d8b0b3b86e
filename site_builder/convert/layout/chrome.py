"""Page chrome: the furniture of the web page a report was copied from, not the article.

Two kinds, tested on the Simplified analysis text of each line:

- **furniture**, chrome wherever it stands: breadcrumbs under a label (您当前所在位置: 首页 > …)
  or from the home page (首页 > 政务公开 > …), 发布时间/来源/字号 lines, print and share buttons
  (``打印:``, ``字体:``, ``分享到:`` with an empty value too), bracketed controls (【打印】
  【关闭】 【页面调色: 】 【字体：大 中 小】), QR-code prompts (扫描二维码, 在您的设备上浏览本页),
  上一篇/下一篇, comment boxes, copyright and reprint notices, metadata tables (索 引 号: | …),
  lines of a site's widgets alone (选择语言, 简体 | 繁體 | English, 无障碍 长者模式, 字号：大 中 小,
  打印本页 关闭窗口, 视力保护色);
- **navigation** (navigation.py), chrome only before the article's first paragraph or after
  its last:
  menus and breadcrumbs (首页 > 新闻中心, 财经 金融 证券 汽车 科技), the site's name (after a
  section's: 某某镇 某某新闻网), owner (某某中心 主办) and phone number, a toolbar
  with a language or reading-mode switch among other items (智能问答 无障碍浏览 长者模式 …), lines
  without a Chinese character (EN, a web address).

Everything after an end marker (上一篇, 相关新闻, 网友评论 …) that follows the last paragraph is
chrome too. Chrome is left out of the page body and named in a layout note; it stays in
``source.*``. What it tells of the article (date, paper, edition, issuing office) is read by
chrome_hints.py.
"""

from __future__ import annotations

import re

from site_builder.content.roles import ROLE_PATTERN
from site_builder.convert.layout.navigation import outside_chrome, widget_items
from site_builder.convert.report_names import COPY_LABEL, GENERIC_KIND_RE
from site_builder.convert.structure.metadata import sign_off_length

# A breadcrumb's label: 当前位置: 您现在的位置: 您当前所在位置: 你所在的位置: (not 位置: alone)
LOCATION_LABEL = r"(?=[您你当现目所])(?:您|你)?(?:当前|现在|目前)?(?:所在|所处)?的?位置\s*[:：]"
# Lines that are page furniture wherever they stand (tested on the Simplified text): what
# starts such a line (matched at its start) and what marks it anywhere in it.
_CHROME_START_RE = re.compile(
    rf"{LOCATION_LABEL}|"
    r"(?:信息)?来源\s*[:：]|(?:作者|供稿|撰稿|稿源)\s*[:：]\s*\S{0,12}$|(?:时间|日期)\s*[:：]\s*\d{4}"
    r"|(?:责任编辑|编辑|责编|审核|校对|终审|初审|一审|二审|三审|签发)\s*[:：]\s*\S{0,12}$"
    r"|(?:打印本页|列印本页|关闭窗口|关闭视窗|返回顶部|返回首页|打印|列印|关闭|收藏本页|加入收藏"
    r"|设为首页|返回列表)$"
    # a furniture label with an empty value: 打印: 字体: 分享到:
    r"|(?:打印|列印|字体|字号|分享|分享到|分享至|收藏|关闭|纠错|相关附件|扫一扫|打印本页|页面调色"
    r"|背景色|朗读|语音播报|手机版|微信|微博|复制链接|链接|评论|点赞|搜索|文章搜索|站内搜索|全文检索)\s*[:：]?\s*$"
    r"|(?:上一篇|下一篇|上一条|下一条|上一版|下一版|前一篇|后一篇|上篇|下篇)\s*[:：]?"
    r"|分享(?:到|至)|扫一扫|(?:微信|手机)扫一扫[^，,。；;！？\s]{0,12}$|(?:相关新闻|相关阅读|相关链接|相关文章|相关推荐|推荐阅读|热点新闻"
    r"|热门文章|延伸阅读)\s*[:：]?$"
    r"|评论\s*[(（]|(?:提交|重置|用户名|匿名)$|主办\s*[:：]|承办\s*[:：]|地址\s*[:：]"
    r"|(?:索引号|发文机关|发文字号|主题分类|主题词|成文日期|发布机构|生成日期|公开日期|公开方式"
    r"|文号|有效性|内容概述|组配分类|信息分类|文件编号|效力状况|标题)\s*[:：|]"
    r"|今天是\s*[:：]?|(?:您好|欢迎(?:您|光临|访问))"
    r"|原标题\s*[:：]"  # a reposting site's note of the title the article first had
    r"|【[\u4e00-\u9fff]{2,4}】\s*="  # an archive record's field: 【日期】= 1994.02.01
    # an e-paper reader's header fields: 当前报纸名称:某某日报 日期:11-08 版面:第A03版:综合
    r"|(?:当前)?(?:报纸|报刊)名称\s*[:：]|(?:版面|版次)\s*[:：]\s*(?:第|[A-Za-z]?\d)"
    # a page label with its links (第a02b版:东南亚 上一版)
    r"|第\s*[0-9A-Za-z]{1,5}\s*版\s*[:：]\s*\S{0,10}\s+(?:上一版|下一版|上一篇|下一篇)"
    # skip links, a link back to a home page, a collapsed menu's label
    r"|(?:跳转|跳|跳过|略过)(?:到|至)?(?:主要|页面)?(?:内容|正文|导航|路径导航栏|主导航|页脚|底部)"
    r"(?:内容|区域|栏)?$|返回[\u4e00-\u9fff]{0,10}首页$|(?:导航菜单|网站导航|主导航|导航栏|主菜单)$"
    r"|日期\s*[:：]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?$"
    r"|\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?$"  # 03-03 09:54: a portal's time stamp
    r"|(?:(?:无障碍|长者|关怀)(?:浏览|模式|版)|登录|注册|简体|繁体|繁體|English)(?:\s|$)",
    re.IGNORECASE,
)
_CHROME_ANY_RE = re.compile(
    r"(?:发布|发表|更新|录入|上传|来源|刊发)(?:时间|日期)\s*[:：]|(?:发布|发表|更新)于\s*\d{4}年"
    r"|(?:浏览|阅读|点击|访问)(?:次数|量|数)\s*[:：]?"
    r"|字号\s*[:：]?\s*[【\[]?\s*[大中小]|字体\s*[:：]?\s*[【\[]?\s*[大中小]"
    r"|[【\[]\s*(?:打印|列印|关闭|打印本页|列印本页|打印文章|关闭窗口|关闭视窗|收藏|返回顶部|返回"
    r"|大|中|小|默认|纠错|分享|推荐|朗读|页面调色|调色|背景色|护眼模式)\s*[】\]]"
    # a bracketed control with an empty value or size choices: 【页面调色: 】 【字体：大 中 小】
    r"|[【\[]\s*[\u4e00-\u9fff]{2,6}\s*[:：]\s*(?:[大中小默认超]{1,2}\s*)*[】\]]"
    r"|链接已复制|复制链接|扫描二维码|扫码(?:阅读|关注|分享|查看)|二维码分享"
    r"|在(?:您的|你的)?(?:手机|移动设备|设备)上(?:浏览|阅读|打开|查看)"
    r"|此处隐藏|下载后查看|我要投稿|我要纠错|转载请|原创文章|未经(?:许可|授权)|免责声明|版权声明"
    r"|原文链接|网友评论|发表评论|我要评论|条评论|验证码"
    # a copyright or reposting notice: 不允许二次传播, 严禁转载, 谢绝镜像
    r"|二次(?:传播|转载|转发|分发)|(?:不得|禁止|严禁|谢绝)(?:任何)?(?:形式的?)?(?:转载|镜像)"
    r"|^\d+\s*(?:浏览|阅读|点击|点赞)\s+评论\s*\d+\s*条?$"  # 0浏览 评论0条: a post's counters
    r"|版权所有|Copyright|©|ICP备|ICP证|公网安备|网站标识码|技术支持\s*[:：]|主办单位\s*[:：]"
    r"|承办单位\s*[:：]|联系电话\s*[:：]|邮编\s*[:：]|建议使用.{0,20}浏览器|分辨率"
    # a notice to readers with an old browser (请更新您的浏览器)
    r"|(?:请|建议您?)(?:更新|升级)(?:您的)?浏览器|浏览器版本(?:较旧|过低|太低|过旧)",
    re.IGNORECASE,
)
# A breadcrumb without a label, from the home page: 首页 > 政务公开 > …街道办事处 > 计划总结,
# 位置：首页 › 政务公开 (its steps may be long: an office's full name).
_HOME_PATH_RE = re.compile(r"^(?:位置\s*[:：]\s*)?(?:网站)?首页\s*(?:>{1,2}|＞{1,2}|»|→|›|/)\s*\S")
# A site's widgets, the items of a toolbar line: language selectors (选择语言, 简体 | 繁體 |
# English), reading modes (无障碍, 长者模式, 关怀版), font size (字号：大 中 小), print and close
# (打印本页 关闭窗口), eye-care colours (视力保护色). A line of these alone is chrome anywhere.
_WIDGET_RE = re.compile(
    r"选择语言|语言选择|(?:切换)?语言|切换(?:简体|繁体)|(?:简体|繁体)(?:中文|版)?|中文版?|(?:english|en)版?"
    r"|无障碍(?:浏览|阅读|模式|通道|服务|版)?|(?:长者|关怀|适老化?|老年|大字)(?:模式|版)|适老化|读屏"
    r"|(?:语音)?(?:朗读|播报)|(?:字体|字号|文字)(?:大小)?|[大中小]|默认|超大|特大|a[+-]?"
    r"|打印(?:本页|文章|此页)?|关闭(?:窗口|本页)?|(?:加入)?收藏(?:本页)?|(?:我要)?纠错|分享|返回(?:顶部)?"
    r"|(?:视力)?保护(?:视力)?色|护眼(?:模式)?|页面调色|背景色"
)
# In a short line without sentences, a 来源: after a date is the source line too:
# 2021-08-01 10:51 来源: 新华社
# http://news.example.cn  2024年03月06日09:15  某某网: the page's address, time and site
DATE_AND_SITE = (
    r"|^(?:https?://\S+\s+)?\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}:\d{2}\s+"
    r"(?P<site>[\u4e00-\u9fff]{1,10}(?:网|报|社|台|新闻))$"
)
# 本站小编 某某网/2018-01-12, 网站编辑:某某文库 2018-01-12: a site's editor (or site) and the
# posting date (chrome_hints reads the date when nothing else gives one)
EDITOR_AND_DATE = (
    r"^(?:本站|本网|网站)?(?:小编|编辑|责编|录入|管理员|发布人|发布者)\s*[:：]?\s*"
    r"[\u4e00-\u9fffA-Za-z0-9]{0,12}\s*[/／|｜]?\s*"
    r"(?P<date>\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})日?(?:\s+[\d:]+)?$"
)
_SHORT_CHROME_RE = re.compile(
    r"(?:^|\s)(?:信息)?来源\s*[:：]|^\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}\s"
    r"|^[\u4e00-\u9fff]{2,10}(?:网|报|社|台|新闻)\s+\d{4}-\d{1,2}-\d{1,2}(?:\s+[\d:]+)?$"
    + DATE_AND_SITE
    + "|"
    + EDITOR_AND_DATE
)
_SPACED_RE = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff](?:\s|[:：]))")
ROLE_RE = re.compile(ROLE_PATTERN)  # a byline's role: 本报记者, 通讯员 …
_BULLETS = "•·◆◇▪▶►➤ -"  # - 时间:2023-02-24: a list item of the page's header
# After these, the article is over: what follows is navigation, related links, comments.
_END_RE = re.compile(
    r"^(?:\d{1,2}\s*(?=上一篇|下一篇))?(?:上一篇|下一篇|上一条|下一条|前一篇|后一篇|上篇|下篇|相关新闻|相关阅读|相关链接|相关文章"
    r"|相关推荐|推荐阅读|延伸阅读|网友评论|发表评论|我要评论|分享到|分享至)"
    r"|[【\[]\s*(?:打印|列印|关闭)|版权所有|Copyright|©"
)
ARTICLE_MIN = 40  # a paragraph of the article is at least this long and has clause punctuation


# Page furniture that is never a title, a heading or a caption, as a whole line: an edition's
# headline list (02:要闻, 本版新闻列表), a column label (栏目语), a PDF page marker (- 7页,
# Page 120, 第3页), a doc-sharing site's widgets (VIP专免, 999+, 29.09KB, 海报, 侵权投诉), a share
# widget (复制链接), navigation words alone (首页, 返回), an empty image ![](), a bare image
# file name (1---副本.jpg).
FURNITURE_RE = re.compile(
    r"^(?:\d{1,2}\s*[:：]\s*[\u4e00-\u9fff]{2,4}|本版(?:新闻)?(?:列表|导航|目录)|栏目语|编者按|导读"
    r"|[-—–]?\s*\d{1,4}\s*页\s*[-—–]?|第\s*\d{1,4}\s*页(?:\s*[/／]?\s*共\s*\d+\s*页)?"
    r"|(?i:page)\s*\d{1,4}(?:\s*(?i:of)\s*\d+)?|复制链接|分享|首页|返回|返回顶部|返回列表|打印|关闭"
    # a page's labels of the article and its media: 文章, 正文, 图集, 关注某某网
    r"|文章|正文|详情|文章详情|新闻详情|正文内容|图集|组图|关注[\u4e00-\u9fff]{2,10}"
    r"|\d+(?:\.\d+)?\s*(?:KB|MB|GB|kb|mb|K|M)|[\d.]+万?\+|VIP\S{0,6}|会员专享|海报|侵权投诉|举报|立即下载"
    r"|!\[[^\]]*\]\([^)]*\)\s*\|?|[\w\-. ]{1,40}\.(?:jpe?g|png|gif|webp|bmp))$"
)


_IMAGE_RE = re.compile(
    r"^(?:!\[[^\]]*\]\([^)]*\)\s*\|?|[\w\-. ]{1,40}\.(?:jpe?g|png|gif|webp|bmp))$"
)


def is_image(key: str) -> bool:
    """An empty image ![]() or a bare image file name: where a photo stood."""
    return _IMAGE_RE.match(key.strip()) is not None


def is_furniture(key: str) -> bool:
    """A whole line of page furniture (see FURNITURE_RE)."""
    return FURNITURE_RE.match(key.strip()) is not None


def is_widget_line(key: str) -> bool:
    """选择语言 / 简体 | 繁體 | English / 无障碍 长者模式 / 字号：大 中 小 / 打印本页 关闭窗口:
    a line made only of a site's widgets (the Simplified text), one of them a word."""
    items = widget_items(key)
    return (
        bool(items)
        and all(_WIDGET_RE.fullmatch(item) for item in items)
        and any(len(item) >= 2 and re.search(r"[\u4e00-\u9fff]", item) for item in items)
    )


# 打?。?span id="printapp">: what is left of a page's markup around a control (its < lost
# with a mis-decoded character); few words. Attributes are ASCII: a<b 和 c>d is text.
_TAG_RE = re.compile(
    r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[\x20-\x3b\x3d\x3f-\x7e]*)?/?>"
    r"|\b[a-z]+\s+(?:id|class|style|href|src)\s*=\s*\"[\x20-\x21\x23-\x7e]*\"\s*/?>"
)
MAX_TAGGED_HAN = 10


def _markup_debris(key: str) -> bool:
    """A line holding an HTML tag and at most a few Chinese characters: the page's markup."""
    return (
        ">" in key
        and _TAG_RE.search(key) is not None
        and len(re.findall(r"[\u4e00-\u9fff]", _TAG_RE.sub("", key))) <= MAX_TAGGED_HAN
    )


def is_chrome_line(key: str) -> bool:
    """A line that is page furniture wherever it stands (the Simplified text)."""
    if len(key) > 120 and "。" in key:
        return False  # a paragraph of the article, however it begins
    key = key.lstrip(_BULLETS)
    if _furniture(key) or is_furniture(key) or _markup_debris(key):
        return True
    if len(key) > 120 or re.search("[。，,；;]", key):
        return False
    if len(key) <= 60 and _SHORT_CHROME_RE.search(key):
        return True
    # 索 引 号: | … — a metadata table with its labels spaced out
    return " " in key and _furniture(_SPACED_RE.sub("", key))


def _furniture(key: str) -> bool:
    return (
        _CHROME_START_RE.match(key) is not None
        or _CHROME_ANY_RE.search(key) is not None
        or _HOME_PATH_RE.match(key) is not None
        or is_widget_line(key)
    )


def _is_article_line(key: str) -> bool:
    """Long, with clause marks and Chinese (a page's JSON or script has commas too)."""
    return (
        len(key) >= ARTICLE_MIN
        and bool(re.search(r"[，,。；]", key))
        and re.search(r"[\u4e00-\u9fff]", key) is not None
    )


def find_chrome(keys: list[str]) -> set[int]:
    """Indexes of the lines (Simplified text, blanks as "") that are page chrome.

    Furniture lines anywhere; navigation, site names and lines without Chinese before the
    article's first paragraph and after its last; everything after an end marker
    (上一篇, 相关新闻, 网友评论 …) that follows the last paragraph.
    """
    furniture = [bool(key) and is_chrome_line(key) for key in keys]
    article = [i for i, key in enumerate(keys) if not furniture[i] and _is_article_line(key)]
    first = article[0] if article else len(keys)
    last = article[-1] if article else -1
    chrome: set[int] = set()
    sign_off = _sign_off_lines(keys, last)
    top = next((i for i, key in enumerate(keys) if key and not furniture[i]), None)
    for index, key in enumerate(keys):
        if not key:
            continue
        outside = (index < first or index > last) and index not in sign_off
        if furniture[index] or (outside and outside_chrome(keys, index, index == top)):
            chrome.add(index)
        elif top is not None and _generic_tag(key, keys[top]):
            chrome.add(index)
    for index in [i for i, key in enumerate(keys) if _HEADLINES_RE.match(key)]:
        # 本版新闻列表 / 乡村振兴结硕果 / 一图读懂…: the edition's other headlines
        following = index + 1
        while following < len(keys) and keys[following] and _is_headline(keys[following]):
            chrome.add(following)
            following += 1
    chrome.update(_reader_dates(keys, first))
    ended = next((i for i in range(last + 1, len(keys)) if _END_RE.search(keys[i])), None)
    if ended is not None:
        chrome.update(i for i in range(ended, len(keys)) if keys[i])
    return chrome


def _generic_tag(key: str, title: str) -> bool:
    """乡镇半年工作总结 under another title: a doc site's tag naming only a report's kind. The
    title itself may be generic (镇政府上半年工作总结), and so may its repeats (…总结范文)."""
    if not GENERIC_KIND_RE.match(key):
        return False
    return re.sub(f"(?:{COPY_LABEL})$", "", key) != re.sub(f"(?:{COPY_LABEL})$", "", title)


# An e-paper reader's 日期: field gives the article's day without its year (日期:12-23)
_READER_DAY_RE = re.compile(r"^日期\s*[:：]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})日?$")
_FULL_DATE_RE = re.compile(
    r"^\d{4}\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})日?(?:\s*(?:星期|周)[一二三四五六日天])?$"
)


def _reader_dates(keys: list[str], first: int) -> set[int]:
    """Date lines above the article whose day is not the one of the reader's 日期: field
    (2026-03-22 above 日期:12-23): the reader site's today, not the paper's date."""
    days = {(int(m.group(1)), int(m.group(2))) for key in keys if (m := _READER_DAY_RE.match(key))}
    if not days:
        return set()
    return {
        index
        for index, key in enumerate(keys[:first])
        if (m := _FULL_DATE_RE.match(key)) and (int(m.group(1)), int(m.group(2))) not in days
    }


def _sign_off_lines(keys: list[str], last: int) -> set[int]:
    """The lines after the article's last paragraph that sign the document off (某某镇人民政府 /
    2023年1月10日): the issuing office is not the site's name."""
    after = [index for index in range(last + 1, len(keys)) if keys[index]]
    lines = [keys[index] for index in after]  # once: built per position, it was quadratic
    found: set[int] = set()
    for position in range(len(after)):
        length = sign_off_length(lines, position)
        found.update(after[position : position + length])
    return found


# An edition's list of its headlines: what follows is other articles' titles.
_HEADLINES_RE = re.compile(
    r"^(?:本版(?:新闻)?(?:列表|导航|目录|导读)|本期导读|本版要闻|同版新闻)\s*[:：]?$"
)


def _is_headline(key: str) -> bool:
    """A headline of the list: short, no sentence, not a byline (the list ends at a blank)."""
    return len(key) <= 30 and not re.search("[。，,；;]", key) and not ROLE_RE.match(key)


# 来源:… 发布时间:… — the page's record of the article, printed right under its title
_SOURCE_LINE_RE = re.compile(
    r"(?:信息)?来源\s*[:：]|(?:发布|发表|刊发|更新)(?:时间|日期)\s*[:：]|^(?:时间|日期)\s*[:：]\s*\d{4}"
)


def is_source_line(key: str) -> bool:
    """来源:本网 发布时间:2024-01-17 …, 发布日期：…, 日期：2023-05-12: the page's line that
    says where and when the article was published (it stands under the title)."""
    return _SOURCE_LINE_RE.search(key) is not None
