"""SQLAlchemy models of a plan and everything that happens to it."""

from storage.models.base import Base
from storage.models.delivery import ChannelPace, CycleBeat, CycleRun, Delivery, DeliveryHold
from storage.models.history import AuditEntry, Challenge, StatusChange
from storage.models.links import BoardLink
from storage.models.people import (
    GROUP,
    OWNER_KINDS,
    ChannelLink,
    Owner,
    OwnerAlias,
    OwnerMember,
    UserLink,
    Workspace,
)
from storage.models.plan import STATUSES, Action, ActionOwner, Milestone, Plan, Theme
from storage.models.reporting import Cadence, ReportingOwner, ReportingRow
from storage.models.requests import SeenRequest
from storage.models.returns import QuarterReturn
from storage.models.risks import DueChange, Risk, risk_actions

__all__ = [
    "GROUP",
    "OWNER_KINDS",
    "STATUSES",
    "Action",
    "ActionOwner",
    "AuditEntry",
    "Base",
    "BoardLink",
    "Cadence",
    "Challenge",
    "ChannelLink",
    "ChannelPace",
    "CycleBeat",
    "CycleRun",
    "Delivery",
    "DeliveryHold",
    "DueChange",
    "Milestone",
    "Owner",
    "OwnerAlias",
    "OwnerMember",
    "Plan",
    "QuarterReturn",
    "ReportingOwner",
    "ReportingRow",
    "Risk",
    "SeenRequest",
    "StatusChange",
    "Theme",
    "UserLink",
    "Workspace",
    "risk_actions",
]
