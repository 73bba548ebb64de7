from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.tariff_read_envelope import TariffReadEnvelope
from ...models.tariff_update import TariffUpdate
from ...types import Response


def _get_kwargs(
    tariff_id: int,
    *,
    body: TariffUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/tariffs/{tariff_id}".format(
            tariff_id=quote(str(tariff_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | TariffReadEnvelope | None:
    if response.status_code == 200:
        response_200 = TariffReadEnvelope.from_dict(response.json())

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
) -> Response[ErrorEnvelope | TariffReadEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tariff_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: TariffUpdate,
) -> Response[ErrorEnvelope | TariffReadEnvelope]:
    """UpdateTariff

     Update name, description and/or the package set (``package_ids`` replaces it).

    Args:
        tariff_id (int): Tariff id
        body (TariffUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TariffReadEnvelope]
    """

    kwargs = _get_kwargs(
        tariff_id=tariff_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tariff_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: TariffUpdate,
) -> ErrorEnvelope | TariffReadEnvelope | None:
    """UpdateTariff

     Update name, description and/or the package set (``package_ids`` replaces it).

    Args:
        tariff_id (int): Tariff id
        body (TariffUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TariffReadEnvelope
    """

    return sync_detailed(
        tariff_id=tariff_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    tariff_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: TariffUpdate,
) -> Response[ErrorEnvelope | TariffReadEnvelope]:
    """UpdateTariff

     Update name, description and/or the package set (``package_ids`` replaces it).

    Args:
        tariff_id (int): Tariff id
        body (TariffUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TariffReadEnvelope]
    """

    kwargs = _get_kwargs(
        tariff_id=tariff_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tariff_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: TariffUpdate,
) -> ErrorEnvelope | TariffReadEnvelope | None:
    """UpdateTariff

     Update name, description and/or the package set (``package_ids`` replaces it).

    Args:
        tariff_id (int): Tariff id
        body (TariffUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TariffReadEnvelope
    """

    return (
        await asyncio_detailed(
            tariff_id=tariff_id,
            client=client,
            body=body,
        )
    ).parsed
