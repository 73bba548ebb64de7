from enum import StrEnum


class SyncStatus(StrEnum):
    ORPHANED = "orphaned"
    SYNCED = "synced"

    def __str__(self) -> str:
        return str(self.value)
