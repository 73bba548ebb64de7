"""The interactive API docs (Scalar at /api/schema, Swagger UI at /api/schema/swagger), with their
scripts pinned to exact versions and loaded with Subresource Integrity.

They run on the admins' origin, where the session cookie lives: an unpinned CDN script (Litestar's
default for Scalar is ``@latest``) would hand whoever controls that package a signed-in admin's
browser. With ``integrity`` the browser refuses any file whose bytes are not the ones hashed here.
The hashes are of the files in the npm packages (jsDelivr serves them unchanged); a version bump
means recomputing them (``openssl dgst -sha384 -binary FILE | openssl base64 -A``).
"""

from __future__ import annotations

from typing import Any

from litestar import Request
from litestar.openapi.plugins import ScalarRenderPlugin, SwaggerRenderPlugin

CDN = "https://cdn.jsdelivr.net/npm"
SCALAR_JS = f"{CDN}/@scalar/api-reference@1.76.0/dist/browser/standalone.js"
SWAGGER = f"{CDN}/swagger-ui-dist@5.18.2"
SWAGGER_JS = f"{SWAGGER}/swagger-ui-bundle.js"
SWAGGER_PRESET_JS = f"{SWAGGER}/swagger-ui-standalone-preset.js"
SWAGGER_CSS = f"{SWAGGER}/swagger-ui.css"

INTEGRITY = {
    SCALAR_JS: "sha384-oH1C0RwqcwbVXkC+r8A+4qRoyEUQdtxAzOwumkxZtQBBcsy61FOoPt7B50OVJYYQ",
    SWAGGER_JS: "sha384-NXtFPpN61oWCuN4D42K6Zd5Rt2+uxeIT36R7kpXBuY9tLnZorzrJ4ykpqwJfgjpZ",
    SWAGGER_PRESET_JS: "sha384-qr68CD0cvHa88PmVu7e1a58Ego4qvKtcvcLdS2a8Mo5zILI01gyIV9jVwJk7X2NU",
    SWAGGER_CSS: "sha384-rcbEi6xgdPk0iWkAQzT2F3FeBJXdG+ydrawGlfHAFIZG7wU6aKbQaRewysYpmrlW",
}


_NO_CSS = "about:blank"


def _with_integrity(html: bytes) -> bytes:
    text = html.decode()
    for url, digest in INTEGRITY.items():
        text = text.replace(f'src="{url}" crossorigin', f'src="{url}" integrity="{digest}" crossorigin="anonymous"')
        text = text.replace(f'href="{url}"', f'href="{url}" integrity="{digest}" crossorigin="anonymous"')
    return text.encode()


class PinnedScalar(ScalarRenderPlugin):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(js_url=SCALAR_JS, css_url=_NO_CSS, **kwargs)

    def render(self, request: Request[Any, Any, Any], openapi_schema: dict[str, Any]) -> bytes:
        # Scalar's bundle carries its own styles; Litestar's extra stylesheet is an unpinned branch file.
        html = (
            super()
            .render(request, openapi_schema)
            .replace(f'<link rel="stylesheet" type="text/css" href="{_NO_CSS}">'.encode(), b"")
        )
        return _with_integrity(html)


class PinnedSwagger(SwaggerRenderPlugin):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(js_url=SWAGGER_JS, css_url=SWAGGER_CSS, standalone_preset_js_url=SWAGGER_PRESET_JS, **kwargs)

    def render(self, request: Request[Any, Any, Any], openapi_schema: dict[str, Any]) -> bytes:
        return _with_integrity(super().render(request, openapi_schema))
