"""owner groups ("the statutory partners": the local authority, the ICB and police), and
themes labelled as the plan labels them ("Priority 1a")

Revision ID: 0012
Revises: 0007
Create Date: 2026-12-02 03:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "owner_members",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["group_id"], ["owners.id"],
                                name=op.f("fk_owner_members_group_id_owners"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["member_id"], ["owners.id"],
                                name=op.f("fk_owner_members_member_id_owners"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("group_id", "member_id", name=op.f("pk_owner_members")),
    )
    with op.batch_alter_table("owner_members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_owner_members_member_id"), ["member_id"],
                              unique=False)
    with op.batch_alter_table("themes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("label", sa.String(length=40), nullable=False,
                                      server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("themes", schema=None) as batch_op:
        batch_op.drop_column("label")
    with op.batch_alter_table("owner_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_owner_members_member_id"))
    op.drop_table("owner_members")
