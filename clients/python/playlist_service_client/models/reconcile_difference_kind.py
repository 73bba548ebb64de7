from enum import StrEnum


class ReconcileDifferenceKind(StrEnum):
    MISSING = "missing"
    POINTER = "pointer"
    STALE = "stale"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
