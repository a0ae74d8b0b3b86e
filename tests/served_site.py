"""Build a site with MkDocs in-process and serve it under a sub-path on 127.0.0.1.

The project's site is built once per test process (``served_site()`` is cached), so the
browser tests and the link check share one build. The server maps ``/digest/`` to the built
folder and answers 404 for anything else, like a GitHub Pages project site.
"""

from __future__ import annotations

import atexit
import functools
import http.server
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from tests.sites import ROOT, build_site, config_copy

SUBPATH = "/digest/"


class _Handler(http.server.SimpleHTTPRequestHandler):
    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(SUBPATH):
            return str(Path(self.directory) / ".outside-the-sub-path")  # a 404
        return super().translate_path("/" + path[len(SUBPATH) :])

    def end_headers(self) -> None:
        # LinkChecker paces its requests to a host (0.1-0.6 s apart) unless the server
        # answers with this header: our own server may be checked at full speed.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
        pass


@dataclass
class Server:
    base_url: str  # http://127.0.0.1:PORT/digest/
    directory: Path
    httpd: http.server.ThreadingHTTPServer

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def serve(directory: Path) -> Server:
    """Serve ``directory`` at ``http://127.0.0.1:<free port>/digest/`` from a thread."""
    handler = functools.partial(_Handler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    port = httpd.server_address[1]
    return Server(f"http://127.0.0.1:{port}{SUBPATH}", directory, httpd)


@functools.cache
def served_site(*, instant: bool = False) -> Server:
    """The project's site (``mkdocs.yml``), built once, served under ``/digest/``; with
    ``instant``, with Material's ``navigation.instant`` feature on as well.

    The server starts first so that ``site_url`` can name its port.
    """
    folder = Path(tempfile.mkdtemp(prefix="digest-site-"))
    atexit.register(shutil.rmtree, folder, True)
    site_dir = folder / "site"
    site_dir.mkdir()
    server = serve(site_dir)
    atexit.register(server.close)
    config = ROOT / "mkdocs.yml"
    if instant:
        features = ("  features:\n", "  features:\n    - navigation.instant\n")
        config = config_copy(folder, replace=[features])
    build_site(site_dir, config_file=config, site_url=server.base_url, strict=False)
    return server
