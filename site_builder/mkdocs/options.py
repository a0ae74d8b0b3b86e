"""The options of the `digest` plugin, with MkDocs' config classes and their checks."""

from __future__ import annotations

from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from site_builder.content.layout import GLOSSARY_FILE, METRICS_FILE


class DigestConfig(base.Config):
    """Options of the `digest` plugin (all optional)::

    plugins:
      - digest:
          glossary: glossary.yml    # in docs_dir
          metrics: metrics.yml      # the metric vocabulary, in docs_dir
          home_limit: 30            # newest reports shown as cards on the home page; 0 = all
          section_limit: 6          # figures in a per-section callout
          metric_rows: 40           # rows of a metric page's tables; more go to /2/, /3/, …
          about_page: about/        # where readers learn how to report an error
          cache_dir: .cache/digest  # parsed front matter between builds, beside mkdocs.yml;
                                    # '' = no cache on disk
          drafts: null              # show drafts (with a banner)? null: in `mkdocs serve`
                                    # and with DIGEST_DRAFTS=1 only
    """

    glossary = c.Type(str, default=GLOSSARY_FILE)
    metrics = c.Type(str, default=METRICS_FILE)
    home_limit = c.Type(int, default=30)
    section_limit = c.Type(int, default=6)
    # 40 rows in each of two tables keep a page's first view under 400 KB (issue 21)
    metric_rows = c.Type(int, default=40)
    key_figures = c.Deprecated(
        message="digest: '{}' is no longer used: key-figures/ lists metrics, and every figure "
        "is in key-figures.csv and key-figures.json; remove the option"
    )
    about_page = c.Type(str, default="about/")
    cache_dir = c.Type(str, default=".cache/digest")
    drafts = c.Optional(c.Type(bool))

    def validate(self) -> tuple[list[Any], list[Any]]:
        failed, warnings = super().validate()
        if not failed and self.home_limit < 0:
            failed.append(
                ("home_limit", c.ValidationError("use 0 for all reports or a count, e.g. 30"))
            )
        if not failed and self.section_limit < 1:
            failed.append(("section_limit", c.ValidationError("must be 1 or more, e.g. 6")))
        if not failed and self.metric_rows < 10:
            failed.append(("metric_rows", c.ValidationError("must be 10 or more, e.g. 40")))
        if not failed and not (self.about_page == "" or self.about_page.endswith("/")):
            failed.append(
                ("about_page", c.ValidationError("a page URL ending in '/', e.g. about/"))
            )
        return failed, warnings
