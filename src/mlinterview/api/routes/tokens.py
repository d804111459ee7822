"""``/api/v1/tokens``: the caller's API tokens."""

from __future__ import annotations

from fastapi import APIRouter, status

from mlinterview.accounts import tokens
from mlinterview.accounts.schemas import TokenCreate, TokenCreated, TokenRead
from mlinterview.api.deps import ApiUser, SessionDep

router = APIRouter(prefix="/tokens", tags=["tokens"])


@router.get("", response_model=list[TokenRead], summary="Your API tokens, newest first")
def list_tokens(session: SessionDep, user: ApiUser) -> list[TokenRead]:
    return [TokenRead.model_validate(t) for t in tokens.list_for(session, user=user)]


@router.post("", response_model=TokenCreated, status_code=status.HTTP_201_CREATED, summary="Create a token")
def create_token(session: SessionDep, user: ApiUser, data: TokenCreate) -> TokenCreated:
    token, plaintext = tokens.create(session, user=user, name=data.name)
    return TokenCreated(**TokenRead.model_validate(token).model_dump(), token=plaintext)


@router.delete("/{token_id}", response_model=TokenRead, summary="Revoke a token")
def revoke_token(session: SessionDep, user: ApiUser, token_id: int) -> TokenRead:
    return TokenRead.model_validate(tokens.revoke(session, user=user, token_id=token_id))
