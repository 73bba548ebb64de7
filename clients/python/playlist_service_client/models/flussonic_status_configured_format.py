from enum import StrEnum


class FlussonicStatusConfiguredFormat(StrEnum):
    AUTO = "auto"
    LEGACY = "legacy"
    V3 = "v3"

    def __str__(self) -> str:
        return str(self.value)
