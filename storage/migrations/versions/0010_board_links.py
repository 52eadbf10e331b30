"""links to the board page and calendar feeds: whole plan or one owner, stored hashed

Revision ID: 0010
Revises: 0007
Create Date: 2026-12-02 02:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.timestamps

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "board_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("nonce", sa.String(length=64), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("created_at", storage.timestamps.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["owners.id"],
                                name=op.f("fk_board_links_owner_id_owners"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"],
                                name=op.f("fk_board_links_plan_id_plans"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_board_links")),
        sa.UniqueConstraint("digest", name=op.f("uq_board_links_digest")),
    )
    with op.batch_alter_table("board_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_board_links_owner_id"), ["owner_id"])
        batch_op.create_index(batch_op.f("ix_board_links_plan_id"), ["plan_id"])


def downgrade() -> None:
    op.drop_table("board_links")
