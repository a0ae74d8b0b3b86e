"""Translation backends behind one small interface: ``none`` and ``openai``.

A backend turns one Chinese block (its Markdown) into English Markdown. ``translate.py``
checks every reply (kind, figures, leftover Chinese) and retries or leaves the block pending.

Configuring ``openai`` (any OpenAI-compatible ``/v1/chat/completions`` server: llama.cpp,
Ollama, vLLM or a hosted one). Environment variables win over ``mkdocs.yml``:

    SITE_BUILDER_OPENAI_BASE_URL   e.g. http://127.0.0.1:8080/v1 (up to and including /v1)
    SITE_BUILDER_OPENAI_MODEL      e.g. qwen2.5-7b-instruct
    SITE_BUILDER_OPENAI_API_KEY    optional; sent as a Bearer token
    SITE_BUILDER_OPENAI_TIMEOUT    seconds per request (default 60)
    SITE_BUILDER_OPENAI_RETRIES    retries after a timeout, refused connection or 5xx (default 2)

or, in ``mkdocs.yml`` next to the content folder (keys are never stored there, only the
name of the variable that holds one)::

    extra:
      translate:
        backend: openai            # the default for `site-builder translate`
        base_url: http://127.0.0.1:11434/v1
        model: qwen2.5:7b
        api_key_env: MY_KEY_VARIABLE
        timeout: 60
        retries: 2

A reply is used only if it passes ``translate.accept_reply`` (the block's figures, no Chinese
left, the lead sentence kept); each block gets three replies before it is left pending.
"""

from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import yaml

from site_builder.content.errors import SiteBuilderError
from site_builder.content.glossary import GlossaryEntry
from site_builder.content.placeholders import placeholder


class BackendError(SiteBuilderError):
    """The backend cannot work at all: misconfigured, or the server is down."""


class ReplyError(Exception):
    """One reply that cannot be used (malformed JSON, empty); worth another attempt."""


@dataclass
class TranslationContext:
    """What a translator needs besides the block itself."""

    kind: str  # heading | paragraph | caption | credit | title | subtitle | label
    before: str = ""  # the previous Chinese block, for context only
    after: str = ""  # the next Chinese block
    terms: list[GlossaryEntry] = field(default_factory=list)  # glossary entries it uses
    figures: list[tuple[str, str]] = field(default_factory=list)  # (Chinese, English by rule)
    feedback: str = ""  # why the previous reply was rejected


class Backend(Protocol):
    name: str
    status: str  # the translation status of its output: "pending" or "machine"

    def translate(self, block: str, context: TranslationContext) -> str:
        """English Markdown for one Chinese block."""
        ...


class NoneBackend:
    """Writes clearly marked placeholders: the marker, then the Chinese text."""

    name = "none"
    status = "pending"

    def translate(self, block: str, context: TranslationContext) -> str:
        return placeholder(block)


SYSTEM_PROMPT = """\
You translate Chinese local-government newspaper reports into English for researchers.
Faithful first, then readable: keep every clause and every figure, never summarise, never round.
Render officialese in plain English; split long sentences rather than dropping content.
Use the glossary renderings exactly. People's names in pinyin, surname first (Wang Maozheng).
Write figures as given in the figure list (digits, thousands separators, million/billion).
Use American spelling. Reply with the English Markdown of the block only, in the same form:
'## ' for a heading (keep ' — ' between its two lines), '**lead sentence.**' kept as bold,
no notes, no quotation marks around the whole reply, no Chinese characters."""


class OpenAIBackend:
    """An OpenAI-compatible chat-completions endpoint, via urllib (no extra dependency)."""

    name = "openai"
    status = "machine"

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None = None,
        timeout: float = 60.0,
        retries: int = 2,
        backoff: float = 0.5,
    ) -> None:
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.model = model
        self.api_key = api_key
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff

    def translate(self, block: str, context: TranslationContext) -> str:
        payload = {
            "model": self.model,
            "temperature": 0,
            "messages": [
                {"role": "system", "content": SYSTEM_PROMPT},
                {"role": "user", "content": build_prompt(block, context)},
            ],
        }
        reply = self._post(payload)
        try:
            content = reply["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            raise ReplyError("the reply has no choices[0].message.content") from None
        if not isinstance(content, str) or not content.strip():
            raise ReplyError("the reply is empty")
        return _strip_wrapping(content)

    def _post(self, payload: dict[str, Any]) -> Any:
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        data = json.dumps(payload).encode("utf-8")
        problem = ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * attempt)
            request = urllib.request.Request(self.url, data=data, headers=headers, method="POST")
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    body = response.read()
            except urllib.error.HTTPError as exc:
                problem = f"HTTP {exc.code} {exc.reason}"
                if exc.code in (408, 429) or exc.code >= 500:
                    continue  # overloaded or restarting: worth another try
                hint = " (check SITE_BUILDER_OPENAI_API_KEY)" if exc.code in (401, 403) else ""
                raise BackendError(
                    self.url, f"translation server refused: {problem}{hint}"
                ) from None
            except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
                reason = getattr(exc, "reason", exc)
                problem = f"not reachable ({reason})"
                continue
            try:
                return json.loads(body)
            except (json.JSONDecodeError, UnicodeDecodeError):
                raise ReplyError("the reply is not JSON") from None
        tries = self.retries + 1
        raise BackendError(self.url, f"translation server {problem} after {tries} tries")


def build_prompt(block: str, context: TranslationContext) -> str:
    """The user message: glossary terms, figures by rule, neighbours, then the block."""
    parts = [f"Translate this {context.kind} into English."]
    if context.terms:
        lines = [f"- {t.zh} → {t.en}" for t in context.terms]
        parts.append("Glossary (use these renderings):\n" + "\n".join(lines))
    if context.figures:
        lines = [f"- {zh} → {en}" for zh, en in context.figures]
        parts.append("Figures (keep every one, written like this):\n" + "\n".join(lines))
    if context.before:
        parts.append(f"Previous block, for context only (do not translate):\n{context.before}")
    if context.after:
        parts.append(f"Next block, for context only (do not translate):\n{context.after}")
    if context.feedback:
        parts.append(f"Your previous reply was rejected: {context.feedback}. Fix that.")
    parts.append(f"The {context.kind} to translate:\n{block}")
    return "\n\n".join(parts)


def make_backend(name: str | None, content: Path) -> Backend:
    """The backend chosen by ``--backend``, else by mkdocs.yml's extra.translate, else none."""
    settings = _mkdocs_settings(content)
    chosen = name or str(settings.get("backend") or "none")
    if chosen == "none":
        return NoneBackend()
    if chosen != "openai":
        raise SiteBuilderError("--backend", f"unknown backend '{chosen}' (none | openai)")
    env = os.environ
    base_url = env.get("SITE_BUILDER_OPENAI_BASE_URL") or settings.get("base_url")
    model = env.get("SITE_BUILDER_OPENAI_MODEL") or settings.get("model")
    key_variable = str(settings.get("api_key_env") or "SITE_BUILDER_OPENAI_API_KEY")
    api_key = env.get("SITE_BUILDER_OPENAI_API_KEY") or env.get(key_variable)
    timeout = env.get("SITE_BUILDER_OPENAI_TIMEOUT") or settings.get("timeout") or 60
    retries = env.get("SITE_BUILDER_OPENAI_RETRIES") or settings.get("retries", 2)
    if not base_url or not model:
        raise SiteBuilderError(
            "openai backend",
            "set SITE_BUILDER_OPENAI_BASE_URL and SITE_BUILDER_OPENAI_MODEL "
            "(e.g. http://127.0.0.1:8080/v1 and qwen2.5-7b-instruct), or extra.translate in mkdocs.yml",
        )
    try:
        seconds, tries = float(timeout), int(retries)
    except ValueError:
        raise SiteBuilderError(
            "openai backend", f"timeout and retries must be numbers: {timeout!r}, {retries!r}"
        ) from None
    return OpenAIBackend(str(base_url), str(model), api_key, timeout=seconds, retries=tries)


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its !!python/name or !ENV tags."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _mkdocs_settings(content: Path) -> Mapping[str, Any]:
    config = content.resolve().parent / "mkdocs.yml"
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_LenientLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    extra = data.get("extra") if isinstance(data, dict) else None
    settings = extra.get("translate") if isinstance(extra, dict) else None
    return settings if isinstance(settings, dict) else {}


def _strip_wrapping(reply: str) -> str:
    """Models like to wrap replies in code fences; the block is what is inside."""
    text = reply.strip()
    if text.startswith("```") and text.endswith("```"):
        text = text.split("\n", 1)[1] if "\n" in text else ""
        text = text.rsplit("```", 1)[0]
    return text.strip()
