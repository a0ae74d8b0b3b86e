"""``site_url`` from the deployment (issue 21.4): permalinks, citations, canonical links,
feeds, sitemaps and printed headers are made from it, so mkdocs.yml's example address must not
be published. The Pages workflow sets ``SITE_URL`` from ``actions/configure-pages``'
``base_url``."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)

# mkdocs.yml's default site_url: an example, not an address the site is published at.
EXAMPLE_HOSTS = ("example.github.io", "example.com", "example.org")


def check_site_url(site_url: str | None) -> None:
    """Permalinks, citations, canonical links, feeds and printed headers are made from
    site_url: the example one is a warning (a failure under --strict), and under a GitHub
    Actions workflow an error, whatever the options (the Pages workflow sets SITE_URL from
    actions/configure-pages' base_url)."""
    host = urlsplit(site_url or "").hostname or ""
    if host not in EXAMPLE_HOSTS:
        return
    message = (
        f"site_url is the example {site_url!r}: every permalink, citation, feed and sitemap "
        "would point there; set SITE_URL to the site's address (e.g. SITE_URL=https://"
        "<owner>.github.io/<repo>/ mkdocs build)"
    )
    if os.environ.get("GITHUB_ACTIONS") == "true":
        raise PluginError(
            f"digest: {message} (in the Pages workflow: from actions/configure-pages' base_url)"
        )
    log.warning(message)
