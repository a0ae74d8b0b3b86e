"""The one list of the words that name a report at the end of its title (Simplified; match the
analysis text): the kinds run into a text's first line (…工作总结2023年上半年,…) and the
endings a title line has (…工作报告, …情况汇报, …发展纪实, …的通报)."""

from __future__ import annotations

import re

# Whole names: a title run into the text is split after one of these.
REPORT_NAMES = (
    "工作总结", "工作报告", "政府工作报告", "自评报告", "述职报告", "述职述廉报告", "调研报告",
    "考察报告", "情况报告", "专题报告", "工作汇报", "情况汇报", "工作要点", "工作计划",
    "工作安排", "发展纪实", "工作纪实", "纪实",
)  # fmt: skip
# Endings: a short line ending in one of these names a report.
REPORT_ENDINGS = (
    "报告", "总结", "汇报", "纪实", "通报", "公报", "综述", "要点", "计划", "安排", "回眸",
    "巡礼", "侧记", "调研记", "述评", "全文",
)  # fmt: skip
REPORT_TITLE_RE = re.compile(rf"(?:{'|'.join(REPORT_ENDINGS)})$")
# A report's kind with nothing of its own (no place's name, no year): a doc site's tag line
# (乡镇半年工作总结, 个人年终总结, 单位述职报告范文), not the article's title or a caption.
_WHO = r"乡镇|乡|镇|街道|社区|村|县|市|区|单位|部门|机关|个人|学校|企业|公司|镇政府|乡镇政府|街道办"
_WHEN = r"年度|年终|年中|半年|上半年|下半年|全年|月度|前三季度|第?[一二三四]季度"
_KIND = r"述职|自查|自评|调研|考察|专题"
COPY_LABEL = r"范文|精选|大全|模板|范例"
GENERIC_KIND_RE = re.compile(
    rf"^(?:{_WHO})(?:{_WHEN})?(?:工作)?(?:情况)?(?:{_KIND})?(?:{'|'.join(REPORT_ENDINGS)})"
    rf"(?:{COPY_LABEL})?$"
)
