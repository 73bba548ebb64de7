from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.tariff_cascade_info_envelope import TariffCascadeInfoEnvelope
from ...types import Response


def _get_kwargs(
    tariff_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/tariffs/{tariff_id}/cascade-info".format(
            tariff_id=quote(str(tariff_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | TariffCascadeInfoEnvelope | None:
    if response.status_code == 200:
        response_200 = TariffCascadeInfoEnvelope.from_dict(response.json())

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
) -> Response[ErrorEnvelope | TariffCascadeInfoEnvelope]:
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
) -> Response[ErrorEnvelope | TariffCascadeInfoEnvelope]:
    """CascadeInfo

     How many users deleting the tariff would affect.

    Args:
        tariff_id (int): Tariff id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TariffCascadeInfoEnvelope]
    """

    kwargs = _get_kwargs(
        tariff_id=tariff_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tariff_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorEnvelope | TariffCascadeInfoEnvelope | None:
    """CascadeInfo

     How many users deleting the tariff would affect.

    Args:
        tariff_id (int): Tariff id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TariffCascadeInfoEnvelope
    """

    return sync_detailed(
        tariff_id=tariff_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    tariff_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorEnvelope | TariffCascadeInfoEnvelope]:
    """CascadeInfo

     How many users deleting the tariff would affect.

    Args:
        tariff_id (int): Tariff id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TariffCascadeInfoEnvelope]
    """

    kwargs = _get_kwargs(
        tariff_id=tariff_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tariff_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorEnvelope | TariffCascadeInfoEnvelope | None:
    """CascadeInfo

     How many users deleting the tariff would affect.

    Args:
        tariff_id (int): Tariff id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TariffCascadeInfoEnvelope
    """

    return (
        await asyncio_detailed(
            tariff_id=tariff_id,
            client=client,
        )
    ).parsed
