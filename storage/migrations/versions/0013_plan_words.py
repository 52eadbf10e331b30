"""the plan's own words: what it calls its board and its themes

Revision ID: 0013
Revises: 0007
Create Date: 2026-12-02 03:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.add_column(sa.Column("board_word", sa.String(40), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("theme_word", sa.String(40), nullable=False,
                                      server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.drop_column("theme_word")
        batch_op.drop_column("board_word")
