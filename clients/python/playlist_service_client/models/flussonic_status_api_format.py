from enum import StrEnum


class FlussonicStatusApiFormat(StrEnum):
    LEGACY = "legacy"
    V3 = "v3"

    def __str__(self) -> str:
        return str(self.value)
