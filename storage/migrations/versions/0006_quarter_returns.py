"""owners' quarterly returns: a RAG and a commentary per action, for a quarter

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 00:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.timestamps

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "quarter_returns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("commentary", sa.Text(), nullable=False),
        sa.Column("by", sa.String(length=64), nullable=False),
        sa.Column("at", storage.timestamps.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["action_id"], ["actions.id"],
                                name=op.f("fk_quarter_returns_action_id_actions"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"],
                                name=op.f("fk_quarter_returns_plan_id_plans"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quarter_returns")),
        sa.UniqueConstraint("action_id", "period_end",
                            name=op.f("uq_quarter_returns_action_id_period_end")),
    )
    with op.batch_alter_table("quarter_returns", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quarter_returns_action_id"), ["action_id"])
        batch_op.create_index(batch_op.f("ix_quarter_returns_period_end"), ["period_end"])
        batch_op.create_index(batch_op.f("ix_quarter_returns_plan_id"), ["plan_id"])


def downgrade() -> None:
    op.drop_table("quarter_returns")
