from enum import StrEnum


class SessionInfoAuthMethod(StrEnum):
    API_KEY = "api_key"
    SESSION = "session"

    def __str__(self) -> str:
        return str(self.value)
