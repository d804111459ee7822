"""``/api/v1/me`` and ``/api/v1/users``: the caller and the people of their organisation."""

from __future__ import annotations

from fastapi import APIRouter, status

from mlinterview.accounts import service
from mlinterview.accounts.models import Role
from mlinterview.accounts.schemas import UserCreate, UserRead, UserUpdate
from mlinterview.api.deps import AdminUser, ApiUser, SessionDep

router = APIRouter(tags=["users"])


@router.get("/me", response_model=UserRead, summary="The user the token belongs to")
def me(user: ApiUser) -> UserRead:
    return UserRead.model_validate(user)


@router.get("/users", response_model=list[UserRead], summary="People of your organisation (staff only)")
def list_users(session: SessionDep, user: ApiUser, role: Role | None = None) -> list[UserRead]:
    return [UserRead.model_validate(u) for u in service.list_users(session, actor=user, role=role)]


@router.post(
    "/users",
    response_model=UserRead,
    status_code=status.HTTP_201_CREATED,
    summary="Add a person (admins only)",
)
def create_user(session: SessionDep, user: AdminUser, data: UserCreate) -> UserRead:
    created = service.create_user(session, organisation=user.organisation, data=data, actor=user)
    return UserRead.model_validate(created)


@router.get("/users/{user_id}", response_model=UserRead, summary="One person of your organisation")
def get_user(session: SessionDep, user: ApiUser, user_id: int) -> UserRead:
    return UserRead.model_validate(service.get_user(session, actor=user, user_id=user_id))


@router.patch("/users/{user_id}", response_model=UserRead, summary="Rename, deactivate or reactivate a person")
def update_user(session: SessionDep, user: ApiUser, user_id: int, data: UserUpdate) -> UserRead:
    return UserRead.model_validate(service.update_user(session, actor=user, user_id=user_id, data=data))
