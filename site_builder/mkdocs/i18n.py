"""The site's languages, as mkdocs-static-i18n builds them: one map for both plugins.

static-i18n builds the default language at the site's root and every other language under
its ``link`` (``/zh/``), one nested MkDocs build per language, in its ``on_post_build``. Its
documented options (``languages`` with ``locale``, ``name``, ``default``, ``build``,
``link``) give the map; which language a build is making is read through compat.py.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from site_builder.mkdocs import compat
from site_builder.site.model import Language


def site_languages(config: MkDocsConfig) -> list[Language]:
    """The languages built (default first, with ''), else the theme's language alone."""
    i18n = config.plugins.get("i18n")
    languages = []
    for option in getattr(getattr(i18n, "config", None), "languages", None) or []:
        if not option.build or option.locale == "null":
            continue
        link = "" if option.default else (option.link or f"/{option.locale}/").strip("/")
        prefix = link + "/" if link else ""
        languages.append(Language(option.locale, option.name, prefix, bool(option.default)))
    if not languages:
        locale = str(config.theme.get("language") or "en")
        languages = [Language(locale, locale, "", True)]
    return sorted(languages, key=lambda lang: not lang.default)


def building(config: MkDocsConfig, languages: list[Language]) -> Language:
    """The language this (possibly nested) build is making."""
    locale = compat.language_being_built(config)
    return next((lang for lang in languages if lang.locale == locale), languages[0])
