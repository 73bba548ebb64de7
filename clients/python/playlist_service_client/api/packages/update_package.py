from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.package_read_envelope import PackageReadEnvelope
from ...models.package_update import PackageUpdate
from ...types import Response


def _get_kwargs(
    package_id: int,
    *,
    body: PackageUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/packages/{package_id}".format(
            package_id=quote(str(package_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | PackageReadEnvelope | None:
    if response.status_code == 200:
        response_200 = PackageReadEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorEnvelope.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorEnvelope.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = ErrorEnvelope.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = ErrorEnvelope.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | PackageReadEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    package_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: PackageUpdate,
) -> Response[ErrorEnvelope | PackageReadEnvelope]:
    """UpdatePackage

     Update a package's name and/or description.

    Args:
        package_id (int): Package id
        body (PackageUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PackageReadEnvelope]
    """

    kwargs = _get_kwargs(
        package_id=package_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    package_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: PackageUpdate,
) -> ErrorEnvelope | PackageReadEnvelope | None:
    """UpdatePackage

     Update a package's name and/or description.

    Args:
        package_id (int): Package id
        body (PackageUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PackageReadEnvelope
    """

    return sync_detailed(
        package_id=package_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    package_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: PackageUpdate,
) -> Response[ErrorEnvelope | PackageReadEnvelope]:
    """UpdatePackage

     Update a package's name and/or description.

    Args:
        package_id (int): Package id
        body (PackageUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PackageReadEnvelope]
    """

    kwargs = _get_kwargs(
        package_id=package_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    package_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: PackageUpdate,
) -> ErrorEnvelope | PackageReadEnvelope | None:
    """UpdatePackage

     Update a package's name and/or description.

    Args:
        package_id (int): Package id
        body (PackageUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PackageReadEnvelope
    """

    return (
        await asyncio_detailed(
            package_id=package_id,
            client=client,
            body=body,
        )
    ).parsed
