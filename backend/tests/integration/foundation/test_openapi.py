"""The OpenAPI document is a usable contract: typed envelopes, stable operation ids, docs served."""

from __future__ import annotations

from typing import Any

from litestar import Litestar

METHODS = ("get", "post", "put", "patch", "delete")


def operations(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, item[method]) for path, item in schema["paths"].items() for method in METHODS if method in item
    ]


def test_every_operation_has_a_unique_camel_case_operation_id(app: Litestar):
    schema = app.openapi_schema.to_schema()
    ids = [op.get("operationId") for _, _, op in operations(schema)]
    assert all(ids), "every handler needs operation_id"
    assert len(ids) == len(set(ids))
    for operation_id in ids:
        assert operation_id[0].islower() and "_" not in operation_id and "-" not in operation_id, operation_id


def test_success_bodies_are_named_envelopes_with_typed_data(app: Litestar):
    schema = app.openapi_schema.to_schema()
    components = schema["components"]["schemas"]
    problems = []
    for path, method, op in operations(schema):
        if path.startswith("/api/schema"):
            continue
        for status, response in op["responses"].items():
            content = response.get("content", {})
            if not status.startswith("2") or "application/json" not in content:
                continue
            ref = content["application/json"]["schema"].get("$ref", "")
            name = ref.rsplit("/", 1)[-1]
            if not name.endswith("Envelope"):
                problems.append(f"{method.upper()} {path} {status}: {ref or 'inline schema'}")
                continue
            data = components[name]["properties"]["data"]
            if data == {} or (data.get("type") == "object" and not data.get("properties")):
                problems.append(f"{method.upper()} {path}: untyped data")
        for status, response in op["responses"].items():
            if status[0] in "45":
                ref = response["content"]["application/json"]["schema"]["$ref"]
                if not ref.endswith("/ErrorEnvelope"):
                    problems.append(f"{method.upper()} {path} {status}: {ref}")
    assert not problems, "\n".join(problems)


def test_component_names_are_readable(app: Litestar):
    names = app.openapi_schema.to_schema()["components"]["schemas"]
    assert not [n for n in names if "." in n or "[" in n or "__" in n]


def test_protected_operations_document_401_and_security_schemes(app: Litestar):
    schema = app.openapi_schema.to_schema()
    assert set(schema["components"]["securitySchemes"]) == {"sessionCookie", "csrfToken", "apiKey"}
    for path, method, op in operations(schema):
        if path.startswith("/api/v1/") and path != "/api/v1/auth/login":
            assert "401" in op["responses"], f"{method} {path}"


def test_every_api_operation_documents_the_503_of_an_unreachable_database(app: Litestar):
    schema = app.openapi_schema.to_schema()
    missing = [
        f"{m} {p}" for p, m, op in operations(schema) if p.startswith("/api/v1/") and "503" not in op["responses"]
    ]
    assert not missing


def test_public_operations_need_no_authentication_and_the_others_do(app: Litestar):
    schema = app.openapi_schema.to_schema()
    assert schema["security"] == [{"sessionCookie": [], "csrfToken": []}, {"apiKey": []}]
    public = {(path, method) for path, method, op in operations(schema) if op.get("security") == []}
    assert public == {("/api/v1/auth/login", "post"), ("/health/live", "get"), ("/health/ready", "get")}
    # Everything else inherits the document-wide requirement (no operation overrides it).
    assert all("security" not in op for path, method, op in operations(schema) if (path, method) not in public)


def test_readiness_documents_its_503(app: Litestar):
    responses = app.openapi_schema.to_schema()["paths"]["/health/ready"]["get"]["responses"]
    assert set(responses) >= {"200", "503"}
    assert responses["503"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorEnvelope")


async def test_interactive_docs_are_served(client):
    for path in ("/api/schema", "/api/schema/swagger"):
        response = await client.get(path)
        assert response.status_code == 200, path
        assert "text/html" in response.headers["content-type"]


async def test_docs_load_only_pinned_scripts_with_integrity(client):
    # The docs run on the admins' origin: every external script or stylesheet is an exact version
    # with Subresource Integrity, so a changed file on the CDN is refused by the browser.
    import re

    seen = 0
    for path in ("/api/schema", "/api/schema/swagger"):
        html = (await client.get(path)).text
        for tag in re.findall(r"<(?:script|link)\b[^>]*(?:src|href)=\"https?://[^\"]+\"[^>]*>", html):
            seen += 1
            url = re.search(r"(?:src|href)=\"(https?://[^\"]+)\"", tag).group(1)
            assert "@latest" not in url and "@main" not in url and re.search(r"@\d+\.\d+\.\d+/", url), tag
            assert re.search(r'integrity="sha384-[A-Za-z0-9+/=]{64}"', tag), tag
            assert 'crossorigin="anonymous"' in tag, tag
    assert seen == 4  # Scalar's bundle; Swagger UI's bundle, preset and stylesheet
    assert "about:blank" not in (await client.get("/api/schema")).text
