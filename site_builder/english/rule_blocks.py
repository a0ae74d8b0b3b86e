"""Blocks that need no translator: a glossary term on its own, a photo credit."""

from __future__ import annotations

from site_builder.content.english_rules import person_name
from site_builder.content.glossary import GlossaryEntry
from site_builder.content.model import Block


def rule_translation(block: Block, glossary: list[GlossaryEntry]) -> Block | None:
    """Blocks that need no translator: a glossary term on its own, a photo credit."""
    for entry in glossary:
        if block.kind in ("heading", "caption") and entry.zh == block.text and not block.sub:
            return Block(block.kind, entry.en)
    if block.kind == "credit":
        credit = english_credit(block.text)
        return Block("credit", credit) if credit else None
    return None


_CREDIT_ROLES = {"文": "Text", "图": "Photo", "摄": "Photo", "摄影": "Photo"}


def english_credit(chinese: str) -> str | None:
    """(张三/文 李四/图) -> (Text: Zhang San; photo: Li Si); None when it does not parse."""
    inner = chinese.strip().strip("()（）").strip()
    credits: list[tuple[str, list[str]]] = []
    names: list[str] = []
    for token in inner.split():
        name, _, role = token.partition("/")
        if not role and name in _CREDIT_ROLES and names:  # 张三 摄
            credits.append((_CREDIT_ROLES[name], names))
            names = []
        elif role in _CREDIT_ROLES:
            credits.append((_CREDIT_ROLES[role], names + [name]))
            names = []
        elif not role:
            names.append(name)
        else:
            return None
    if names or not credits:
        return None
    text = "; ".join(
        f"{role}: {', '.join(person_name(n) for n in people)}" for role, people in credits
    )
    return f"({text})"
