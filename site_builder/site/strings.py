"""The site's own words in each language: page texts, link labels, glossary kinds.

Plain data; the templates and page functions look words up with ``text``.
"""

from __future__ import annotations

import functools

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "home.title": "Reports",
        "home.lead": "Year-end development records from Chinese local Party newspapers, "
        "in Chinese and English, with their key figures.",
        "home.more": "All {count} reports in the archive",
        "archive.title": "Archive",
        "archive.by_year": "By year",
        "archive.by_region": "By region",
        "archive.undated": "Undated",
        "archive.unknown_region": "Region not stated",
        "figures.title": "Key figures",
        "figures.report": "Report",
        "figures.region": "Region",
        "figures.period": "Period",
        "figures.metric": "Indicator",
        "figures.value": "Value",
        "figures.unit": "Unit",
        "glossary.title": "Glossary",
        "glossary.lead": "Places, organizations and terms of Chinese local government, with the "
        "English used throughout this site.",
        "glossary.zh": "Chinese",
        "glossary.pinyin": "Pinyin",
        "glossary.en": "English",
        "glossary.note": "Note",
        "glossary.empty": "The glossary is empty.",
        "glance": "At a glance",
        "section": "Figures in this section",
        "meta.label": "About this report",
        "meta.publication": "Publication",
        "meta.date": "Date",
        "meta.edition": "Edition",
        "meta.byline": "Byline",
        "meta.region": "Region",
        "meta.period": "Period",
        "link.bilingual": "Read side by side with the Chinese",
        "link.source": "Original text",
        "link.report": "Report page",
        "link.read": "Read the report",
        "link.only": "Chinese only",
        "photo.missing": "Photo not available",
        "note.title": "Editor's note",
        "note.layout": "Notes on the print layout (for editors)",
        "note.report_error": "Spotted a mistake? See how to report an error.",
        "bilingual.title": "{title} (side by side)",
        "bilingual.lead": "Each paragraph of the Chinese report next to its English translation.",
        "bilingual.missing": "The English translation of this report is not available yet.",
        "bilingual.misaligned": "The English page does not have the same paragraphs as the "
        "Chinese page; the paragraphs below may not match.",
        "translation.status": "Translation: {status}",
        "status.reviewed": "reviewed",
        "status.draft": "draft",
        "status.machine": "machine translation, not yet reviewed",
        "status.pending": "pending",
        "headline": "Headline figures",
        "reports.count": "Reports: {count}",
        "metrics.lead": "Indicators that reports give, compared across regions and years. Each "
        "has a page with a chart and a table of its values; every key figure of every report "
        "is in the downloads.",
        "metrics.unmatched": "Of the {figures} key figures in the reports, {unmatched} do not "
        "correspond to any listed indicator; they are on each report's page and in the "
        "downloads.",
        "metric.metric": "Indicator",
        "metric.unit": "Unit",
        "metric.reports": "Reports",
        "metric.regions": "Regions",
        "metric.newest": "Latest value",
        "metric.index": "All indicators",
        "metric.download_csv": "Download all key figures (CSV)",
        "metric.download_json": "Download all key figures (JSON)",
        "metric.facts": "Reports that give it: {reports}. Regions they cover: {regions}.",
        "metric.levels": "Values",
        "metric.changes": "Year-on-year change",
        "metric.qualifier": "Qualifier",
        "metric.printed": "As reported",
        "metric.table": "{title}, {unit}",
        "metric.rows": "Rows {first}–{last} of {total}",
        "metric.pages": "Pages of this table",
        "metric.page": "{name} (page {page})",
        "metric.more": "The chart shows all {total} values; the table lists them page by page.",
        "chart.title.levels": "{name} by region",
        "chart.title.changes": "{name}: year-on-year change by region",
        "chart.desc": "Values in {unit}. {values}.",
        "chart.more": "The chart shows the {shown} largest of {total} values; the table lists all.",
        "chart.more_lines": "The chart shows {shown} of {total} regions; the table lists all.",
        "chart.fallback": "The table below gives the same values.",
    },
    "zh": {
        "home.title": "报道",
        "home.lead": "地方党报年终发展纪实报道的中英文摘编，附关键数据。",
        "home.more": "在存档中查看全部 {count} 篇报道",
        "archive.title": "存档",
        "archive.by_year": "按年份",
        "archive.by_region": "按地区",
        "archive.undated": "未注明日期",
        "archive.unknown_region": "未注明地区",
        "figures.title": "关键数据",
        "figures.report": "报道",
        "figures.region": "地区",
        "figures.period": "时期",
        "figures.metric": "指标",
        "figures.value": "数值",
        "figures.unit": "单位",
        "glossary.title": "术语表",
        "glossary.lead": "地名、机构和政策术语，以及本站使用的英文译法。",
        "glossary.zh": "中文",
        "glossary.pinyin": "拼音",
        "glossary.en": "英文",
        "glossary.note": "说明",
        "glossary.empty": "术语表暂无条目。",
        "glance": "数据速览",
        "section": "本节数据",
        "meta.label": "报道信息",
        "meta.publication": "出处",
        "meta.date": "日期",
        "meta.edition": "版面",
        "meta.byline": "作者",
        "meta.region": "地区",
        "meta.period": "时期",
        "link.bilingual": "中英对照阅读",
        "link.source": "原文",
        "link.report": "报道页面",
        "link.read": "阅读报道",
        "link.only": "仅中文版",
        "photo.missing": "暂无图片",
        "note.title": "编者注",
        "note.layout": "版面排版说明（供编辑参考）",
        "note.report_error": "发现错误？请参阅如何报告错误。",
        "bilingual.title": "{title}（中英对照）",
        "bilingual.lead": "中文原文与英文译文逐段对照。",
        "bilingual.missing": "本篇报道的英文译文尚未完成。",
        "bilingual.misaligned": "英文页面与中文页面的段落结构不一致，下列段落可能无法一一对应。",
        "translation.status": "译文状态：{status}",
        "status.reviewed": "已审校",
        "status.draft": "草稿",
        "status.machine": "机器翻译，未审校",
        "status.pending": "待翻译",
        "headline": "主要数据",
        "reports.count": "{count} 篇报道",
        "metrics.lead": "各篇报道给出的统计指标，按地区和年份对照。每个指标有一页图表和数值表；"
        "全部报道的全部关键数据均可下载。",
        "metrics.unmatched": "{reports} 篇报道的 {figures} 项关键数据中，有 {unmatched} 项不属于指标表中"
        "的指标，见各篇报道页面和下载文件。",
        "metric.metric": "指标",
        "metric.unit": "单位",
        "metric.reports": "报道数",
        "metric.regions": "地区数",
        "metric.newest": "最新数值",
        "metric.index": "全部指标",
        "metric.download_csv": "下载全部关键数据（CSV）",
        "metric.download_json": "下载全部关键数据（JSON）",
        "metric.facts": "共 {reports} 篇报道、{regions} 个地区给出此项指标。",
        "metric.levels": "数值",
        "metric.changes": "同比增减",
        "metric.qualifier": "限定词",
        "metric.printed": "原文表述",
        "metric.table": "{title}（{unit}）",
        "metric.rows": "第 {first}—{last} 行，共 {total} 行",
        "metric.pages": "分页",
        "metric.page": "{name}（第 {page} 页）",
        "metric.more": "图表显示全部 {total} 个数值；表格分页列出。",
        "chart.title.levels": "{name}（按地区）",
        "chart.title.changes": "{name}同比增减（按地区）",
        "chart.desc": "单位：{unit}。{values}。",
        "chart.more": "图表显示 {total} 个数值中最大的 {shown} 个；表格列出全部。",
        "chart.more_lines": "图表显示 {total} 个地区中的 {shown} 个；表格列出全部。",
        "chart.fallback": "下表列出相同的数值。",
    },
}

# Drafts, the preview's editor panel, and reports not yet translated.
STRINGS["en"] |= {
    "draft.banner": "Draft — not published. Only the preview shows this report.",
    "editor.title": "For the editor (preview only)",
    "editor.review": "What the converter was unsure of",
    "editor.layout": "What the converter repaired or left out",
    "untranslated.notice": "Not yet translated — this report is in Chinese.",
    "machine.notice": "Machine translation, not yet reviewed.",
    "draft_translation.notice": "Translation not yet reviewed.",
}
STRINGS["zh"] |= {
    "draft.banner": "草稿，未发布。只有预览中显示本报道。",
    "editor.title": "供编辑参考（仅预览可见）",
    "editor.review": "转换程序不确定之处",
    "editor.layout": "转换程序修复或略去的内容",
    "untranslated.notice": "尚未翻译，本报道仅有中文。",
    "machine.notice": "机器翻译，尚未审校。",
    "draft_translation.notice": "译文尚未审校。",
}


KIND_NAMES = {
    "en": {
        "place": "Places",
        "organisation": "Organizations",
        "person_title": "People and titles",
        "policy_term": "Policy terms",
        "slogan": "Slogans",
        "metric": "Indicators",
    },
    "zh": {
        "place": "地名",
        "organisation": "机构",
        "person_title": "人物与职务",
        "policy_term": "政策术语",
        "slogan": "口号",
        "metric": "指标",
    },
}


def text(lang: str, key: str, **values: object) -> str:
    """The site's word for ``key`` in ``lang`` (English when a language lacks it)."""
    table = STRINGS.get(lang) or STRINGS["en"]
    template = table.get(key) or STRINGS["en"][key]
    return template.format(**values) if values else template


@functools.cache  # the same table for every page of a language
def words(lang: str) -> dict[str, str]:
    """Every word of the site in ``lang`` by key, as ``text`` gives it (for the templates)."""
    table = STRINGS.get(lang) or STRINGS["en"]
    return {key: table.get(key) or english for key, english in STRINGS["en"].items()}
