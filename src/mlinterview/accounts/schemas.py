"""What crosses the boundary: request bodies (``XCreate``/``XUpdate``) and responses (``XRead``)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

from mlinterview.accounts.models import ExportStatus, Role


class _Read(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class OrganisationRead(_Read):
    id: int
    name: str
    slug: str
    is_demo: bool


class UserCreate(BaseModel):
    email: EmailStr
    name: str = Field(min_length=1, max_length=200)
    role: Role
    password: str = Field(min_length=1, max_length=256)

    @field_validator("email")
    @classmethod
    def _lower(cls, value: str) -> str:
        return value.lower()

    @field_validator("name")
    @classmethod
    def _strip(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("name cannot be blank")
        return value.strip()


class UserUpdate(BaseModel):
    name: str | None = Field(None, min_length=1, max_length=200)
    is_active: bool | None = None


class UserRead(_Read):
    id: int
    email: str
    name: str
    role: Role
    is_active: bool
    organisation_id: int
    created_at: datetime
    last_login_at: datetime | None


class PasswordChange(BaseModel):
    current_password: str
    new_password: str


class TokenCreate(BaseModel):
    name: str = Field(min_length=1, max_length=100, description="What the token is for, e.g. 'ATS sync'.")


class TokenRead(_Read):
    id: int
    name: str
    hint: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class TokenCreated(TokenRead):
    token: str = Field(description="The token itself. It is shown only this once: store it now.")


class ExportRead(_Read):
    id: int
    status: ExportStatus
    created_at: datetime
    finished_at: datetime | None


class AuditEventRead(_Read):
    id: int
    action: str
    summary: str
    actor_id: int | None
    created_at: datetime
