"""Links to the board page and the calendar feeds, which an admin can withdraw.

A link's token is long and random to anyone without the key: it is
HMAC-SHA256(key, nonce), base64url, 43 characters, where the nonce is
`secrets.token_urlsafe(32)` kept in the database and the key (LSCB_LINK_SECRET) is
not. The database keeps only the token's SHA-256, to find the link by; a copy of the
database therefore opens nothing. Deriving the token (rather than storing it) is what
lets `lscb links`, `/lscb calendar` and an email print the same URL again later.
Rotating a link draws a new nonce, so the old token finds nothing and answers 404.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.models import BoardLink, Owner, Plan

TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{43}")
_PURPOSE = b"lscb board link\x00"


@dataclass(frozen=True)
class LinkKeys:
    """What building and checking a link takes: the key and the public address."""

    secret: str
    public_url: str = ""

    def token(self, nonce: str) -> str:
        mac = hmac.new(self.secret.encode(), _PURPOSE + nonce.encode(), hashlib.sha256)
        return base64.urlsafe_b64encode(mac.digest()).rstrip(b"=").decode()

    def board_url(self, token: str, action_ref: str = "") -> str:
        """The board page (or one action's page) a token opens, on LSCB_PUBLIC_URL."""
        base = f"{self.public_url.rstrip('/')}/board/{token}"
        return f"{base}/action/{quote(action_ref, safe='')}" if action_ref else base

    def calendar_url(self, token: str) -> str:
        return f"{self.public_url.rstrip('/')}/calendar/{token}.ics"


@dataclass(frozen=True)
class LinkScope:
    """What a token opens: a plan, and one owner of it or (None) all of it."""

    plan_id: int
    owner_id: int | None


def digest_of(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def link_for(session: Session, plan: Plan, owner: Owner | None) -> BoardLink | None:
    """The plan's link, or the owner's, if one has been issued."""
    return session.scalar(select(BoardLink).where(
        BoardLink.plan_id == plan.id,
        BoardLink.owner_id.is_(None) if owner is None else BoardLink.owner_id == owner.id))


def issue(session: Session, keys: LinkKeys, plan: Plan, owner: Owner | None, by: str,
          now: datetime, *, rotate: bool = False) -> str:
    """The token of the plan's (or the owner's) link: the one already issued, or a new one
    (always new when rotating, which withdraws the old)."""
    found = link_for(session, plan, owner)
    if found is not None and not rotate:
        return keys.token(found.nonce)
    if found is not None:
        session.execute(delete(BoardLink).where(BoardLink.id == found.id))
    nonce = secrets.token_urlsafe(32)
    token = keys.token(nonce)
    session.add(BoardLink(plan_id=plan.id, owner_id=owner.id if owner else None, nonce=nonce,
                          digest=digest_of(token), created_at=now, created_by=by))
    session.flush()
    return token


def scope_of(session: Session, keys: LinkKeys, token: str) -> LinkScope | None:
    """What `token` opens, or None: malformed, withdrawn, or made with another key."""
    if not TOKEN_PATTERN.fullmatch(token):
        return None
    digest = digest_of(token)
    found = session.scalar(select(BoardLink).where(BoardLink.digest == digest))
    if found is None:
        return None
    if not (hmac.compare_digest(found.digest, digest)
            and hmac.compare_digest(keys.token(found.nonce), token)):
        return None
    return LinkScope(found.plan_id, found.owner_id)


def opened_by(session: Session, scope: LinkScope) -> tuple[Plan, Owner | None] | None:
    """The plan and the owner (or None: all of it) a link opens, while they exist."""
    plan = session.get(Plan, scope.plan_id)
    if plan is None:
        return None
    if scope.owner_id is None:
        return plan, None
    owner = session.get(Owner, scope.owner_id)
    return (plan, owner) if owner is not None and owner.plan_id == plan.id else None

