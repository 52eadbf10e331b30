"""cycle beats: the scheduler's heartbeat

When each scheduler process's latest cycle started and ended, for GET /healthz and
`lscb status`.

Revision ID: 0009
Revises: 0007
Create Date: 2026-12-02 02:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.timestamps

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cycle_beats",
        sa.Column("worker", sa.String(length=100), nullable=False),
        sa.Column("started_at", storage.timestamps.UTCDateTime(timezone=True), nullable=False),
        sa.Column("finished_at", storage.timestamps.UTCDateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("worker", name=op.f("pk_cycle_beats")),
    )
    with op.batch_alter_table("cycle_beats", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cycle_beats_started_at"), ["started_at"])
        batch_op.create_index(batch_op.f("ix_cycle_beats_finished_at"), ["finished_at"])


def downgrade() -> None:
    op.drop_table("cycle_beats")
