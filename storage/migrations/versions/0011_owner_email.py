"""owners' email addresses, for partners who are not in Slack

An owner may have an address (and say whether it gets email as well as its Slack
channel); a delivery's channel widens to hold ``mailto:`` and the longest address
RFC 5321 allows (254 characters).

Revision ID: 0011
Revises: 0007
Create Date: 2026-12-02 02:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("owners", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("email", sa.String(length=254), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("email_also", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.alter_column("channel", existing_type=sa.String(length=32),
                              type_=sa.String(length=300), existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.alter_column("channel", existing_type=sa.String(length=300),
                              type_=sa.String(length=32), existing_nullable=False)
    with op.batch_alter_table("owners", schema=None) as batch_op:
        batch_op.drop_column("email_also")
        batch_op.drop_column("email")
