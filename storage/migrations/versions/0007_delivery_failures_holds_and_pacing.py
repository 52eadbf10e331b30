"""delivery failures, holds and pacing

Why a nudge is not sent (and whether the admins were told), when it was first
tried, workspace-wide holds after an uninstall, and each channel's next free
second, shared by every process.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 23:09:11.288125
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.timestamps

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "channel_pacing",
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("next_us", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("channel", name=op.f("pk_channel_pacing")),
    )
    op.create_table(
        "delivery_holds",
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("since", storage.timestamps.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("team_id", name=op.f("pk_delivery_holds")),
    )
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("cause", sa.String(length=40), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("tried_at", storage.timestamps.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(
            sa.Column("tried_until", storage.timestamps.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(
            sa.Column("reported_at", storage.timestamps.UTCDateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_column("reported_at")
        batch_op.drop_column("tried_until")
        batch_op.drop_column("tried_at")
        batch_op.drop_column("cause")

    op.drop_table("delivery_holds")
    op.drop_table("channel_pacing")
