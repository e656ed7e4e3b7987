"""The only resources the PDF writer may fetch: files inside dpagen's own templates folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..errors import DpagenError
from ..resources import templates_dir


class FetchRefused(DpagenError):
    """A stylesheet or the HTML asked for a resource outside dpagen's templates folder."""


def local_path(url: str, root: Path | None = None) -> Path:
    """The file a ``file:`` URL names, if it lies inside ``root`` (our templates); else FetchRefused."""
    root = (root or templates_dir()).resolve()
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        raise FetchRefused(f"refused to fetch '{url}': only dpagen's own template files may be loaded")
    path = Path(unquote(parts.path)).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        raise FetchRefused(f"refused to fetch '{url}': only dpagen's own template files may be loaded")
    return path


def make_fetcher(root: Path | None = None) -> Any:  # the weasyprint class is imported lazily
    """A WeasyPrint URL fetcher that serves our template files and refuses everything else.

    A refusal stops the rendering (``fail_on_errors``): it is reported as FetchRefused rather than a
    warning, so that no template can silently reach the network or the user's files.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class PackageFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
            path = local_path(url, root)
            return URLFetcherResponse(path.as_uri(), path.read_bytes())

    return PackageFetcher(fail_on_errors=True, allow_redirects=False)
