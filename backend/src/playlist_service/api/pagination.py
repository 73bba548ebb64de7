"""Shared list parameters: bounded page size, allow-listed sort direction."""

from __future__ import annotations

from typing import Annotated, Literal

from litestar.params import Parameter

MAX_PER_PAGE = 200
DEFAULT_PER_PAGE = 20

PageParam = Annotated[int, Parameter(ge=1, le=1_000_000, description="1-based page number")]
PerPageParam = Annotated[int, Parameter(ge=1, le=MAX_PER_PAGE, description=f"Rows per page (≤ {MAX_PER_PAGE})")]
SortDir = Literal["asc", "desc"]
SearchParam = Annotated[str | None, Parameter(max_length=200, description="Case-insensitive search text")]


def offset(page: int, per_page: int) -> int:
    return (page - 1) * per_page
