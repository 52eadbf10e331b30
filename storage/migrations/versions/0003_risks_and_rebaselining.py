"""risks, due-date changes, snoozes and report cadences

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 06:07:27.379136
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.timestamps

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "risks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("likelihood", sa.Integer(), nullable=False),
        sa.Column("impact", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("raised_by", sa.String(length=64), nullable=False),
        sa.Column("raised_at", storage.timestamps.UTCDateTime(timezone=True), nullable=False),
        sa.Column("closed_by", sa.String(length=64), nullable=False),
        sa.Column("closed_at", storage.timestamps.UTCDateTime(timezone=True), nullable=True),
        sa.Column("close_note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["owners.id"], name=op.f("fk_risks_owner_id_owners"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_risks_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_risks")),
        sa.UniqueConstraint("plan_id", "number", name=op.f("uq_risks_plan_id_number")),
    )
    with op.batch_alter_table("risks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_risks_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "due_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("from_date", sa.Date(), nullable=True),
        sa.Column("to_date", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("requested_by", sa.String(length=64), nullable=False),
        sa.Column("requested_at", storage.timestamps.UTCDateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.String(length=64), nullable=False),
        sa.Column("decided_at", storage.timestamps.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["actions.id"],
            name=op.f("fk_due_changes_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_due_changes_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_due_changes")),
    )
    with op.batch_alter_table("due_changes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_due_changes_action_id"), ["action_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_due_changes_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "risk_actions",
        sa.Column("risk_id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["actions.id"],
            name=op.f("fk_risk_actions_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["risk_id"],
            ["risks.id"],
            name=op.f("fk_risk_actions_risk_id_risks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("risk_id", "action_id", name=op.f("pk_risk_actions")),
    )
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("baseline_due_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("snoozed_until", sa.Date(), nullable=True))

    with op.batch_alter_table("cadences", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("carries_report", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column("copy_to", sa.String(length=300), nullable=False, server_default="")
        )

    with op.batch_alter_table("status_changes", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("evidence", sa.String(length=500), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("status_changes", schema=None) as batch_op:
        batch_op.drop_column("evidence")

    with op.batch_alter_table("cadences", schema=None) as batch_op:
        batch_op.drop_column("copy_to")
        batch_op.drop_column("carries_report")

    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.drop_column("snoozed_until")
        batch_op.drop_column("baseline_due_date")

    op.drop_table("risk_actions")
    with op.batch_alter_table("due_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_due_changes_plan_id"))
        batch_op.drop_index(batch_op.f("ix_due_changes_action_id"))

    op.drop_table("due_changes")
    with op.batch_alter_table("risks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_risks_plan_id"))

    op.drop_table("risks")
