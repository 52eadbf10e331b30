"""how each due date was read, and milestones read from the when cell

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("due_read_as", sa.Text(), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("due_qualifier", sa.Text(), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("due_warning", sa.Text(), nullable=False,
                                      server_default=""))

    with op.batch_alter_table("milestones", schema=None) as batch_op:
        batch_op.add_column(sa.Column("from_when", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("milestones", schema=None) as batch_op:
        batch_op.drop_column("from_when")

    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.drop_column("due_warning")
        batch_op.drop_column("due_qualifier")
        batch_op.drop_column("due_read_as")
