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
