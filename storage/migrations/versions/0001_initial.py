"""the plan, its owners, links, planner and history

Revision ID: 0001
Revises:
Create Date: 2026-11-29 05:47:59.944250
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.timestamps

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=120), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("board", sa.String(length=300), nullable=False),
        sa.Column("starts", sa.Date(), nullable=False),
        sa.Column("ends", sa.Date(), nullable=False),
        sa.Column("imported_at", storage.timestamps.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plans")),
        sa.UniqueConstraint("slug", name=op.f("uq_plans_slug")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("at", storage.timestamps.UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("verb", sa.String(length=40), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_audit_log_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "owners",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_owners_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_owners")),
        sa.UniqueConstraint("plan_id", "name", name=op.f("uq_owners_plan_id_name")),
    )
    with op.batch_alter_table("owners", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_owners_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "reporting_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("what", sa.String(length=200), nullable=False),
        sa.Column("activity", sa.Text(), nullable=False),
        sa.Column("tells", sa.Text(), nullable=False),
        sa.Column("when_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plans.id"],
            name=op.f("fk_reporting_rows_plan_id_plans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reporting_rows")),
        sa.UniqueConstraint("plan_id", "key", name=op.f("uq_reporting_rows_plan_id_key")),
    )
    with op.batch_alter_table("reporting_rows", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reporting_rows_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "themes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_themes_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_themes")),
        sa.UniqueConstraint("plan_id", "number", name=op.f("uq_themes_plan_id_number")),
    )
    with op.batch_alter_table("themes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_themes_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "workspaces",
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_workspaces_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("team_id", name=op.f("pk_workspaces")),
    )
    op.create_table(
        "actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(length=20), nullable=False),
        sa.Column("sort_key", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("when_text", sa.String(length=200), nullable=False),
        sa.Column("due_kind", sa.String(length=16), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("updated_at", storage.timestamps.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_actions_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"], ["themes.id"], name=op.f("fk_actions_theme_id_themes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actions")),
        sa.UniqueConstraint("plan_id", "ref", name=op.f("uq_actions_plan_id_ref")),
    )
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actions_due_date"), ["due_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_actions_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_actions_theme_id"), ["theme_id"], unique=False)

    op.create_table(
        "cadences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("audience", sa.String(length=200), nullable=False),
        sa.Column("rule", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_cadences_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["row_id"],
            ["reporting_rows.id"],
            name=op.f("fk_cadences_row_id_reporting_rows"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cadences")),
        sa.UniqueConstraint("plan_id", "key", name=op.f("uq_cadences_plan_id_key")),
    )
    with op.batch_alter_table("cadences", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cadences_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "channel_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("slack_channel_id", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["owners.id"],
            name=op.f("fk_channel_links_owner_id_owners"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plans.id"],
            name=op.f("fk_channel_links_plan_id_plans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_channel_links")),
        sa.UniqueConstraint("owner_id", name=op.f("uq_channel_links_owner_id")),
    )
    with op.batch_alter_table("channel_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_channel_links_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_channel_links_slack_channel_id"), ["slack_channel_id"], unique=False
        )

    op.create_table(
        "owner_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=200), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["owners.id"],
            name=op.f("fk_owner_aliases_owner_id_owners"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plans.id"],
            name=op.f("fk_owner_aliases_plan_id_plans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_owner_aliases")),
        sa.UniqueConstraint("plan_id", "key", name=op.f("uq_owner_aliases_plan_id_key")),
    )
    with op.batch_alter_table("owner_aliases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_owner_aliases_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_owner_aliases_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "reporting_owners",
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["owners.id"],
            name=op.f("fk_reporting_owners_owner_id_owners"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["row_id"],
            ["reporting_rows.id"],
            name=op.f("fk_reporting_owners_row_id_reporting_rows"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("row_id", "owner_id", name=op.f("pk_reporting_owners")),
    )
    op.create_table(
        "user_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("slack_user_id", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["owners.id"],
            name=op.f("fk_user_links_owner_id_owners"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_user_links_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_links")),
        sa.UniqueConstraint(
            "owner_id", "slack_user_id", name=op.f("uq_user_links_owner_id_slack_user_id")
        ),
    )
    with op.batch_alter_table("user_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_user_links_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_user_links_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_user_links_slack_user_id"), ["slack_user_id"], unique=False
        )

    op.create_table(
        "action_owners",
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["actions.id"],
            name=op.f("fk_action_owners_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["owners.id"],
            name=op.f("fk_action_owners_owner_id_owners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("action_id", "owner_id", name=op.f("pk_action_owners")),
    )
    with op.batch_alter_table("action_owners", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_action_owners_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "challenges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("at", storage.timestamps.UTCDateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("answered_by", sa.String(length=64), nullable=False),
        sa.Column("answered_at", storage.timestamps.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["actions.id"],
            name=op.f("fk_challenges_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_challenges")),
    )
    with op.batch_alter_table("challenges", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_challenges_action_id"), ["action_id"], unique=False)

    op.create_table(
        "milestones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("when_text", sa.String(length=100), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["actions.id"],
            name=op.f("fk_milestones_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_milestones")),
    )
    with op.batch_alter_table("milestones", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_milestones_action_id"), ["action_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_milestones_due_date"), ["due_date"], unique=False)

    op.create_table(
        "status_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("at", storage.timestamps.UTCDateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(length=64), nullable=False),
        sa.Column("from_status", sa.String(length=16), nullable=False),
        sa.Column("to_status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["actions.id"],
            name=op.f("fk_status_changes_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_changes")),
    )
    with op.batch_alter_table("status_changes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_status_changes_action_id"), ["action_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("status_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_status_changes_action_id"))

    op.drop_table("status_changes")
    with op.batch_alter_table("milestones", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_milestones_due_date"))
        batch_op.drop_index(batch_op.f("ix_milestones_action_id"))

    op.drop_table("milestones")
    with op.batch_alter_table("challenges", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_challenges_action_id"))

    op.drop_table("challenges")
    with op.batch_alter_table("action_owners", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_owners_owner_id"))

    op.drop_table("action_owners")
    with op.batch_alter_table("user_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_user_links_slack_user_id"))
        batch_op.drop_index(batch_op.f("ix_user_links_plan_id"))
        batch_op.drop_index(batch_op.f("ix_user_links_owner_id"))

    op.drop_table("user_links")
    op.drop_table("reporting_owners")
    with op.batch_alter_table("owner_aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_owner_aliases_plan_id"))
        batch_op.drop_index(batch_op.f("ix_owner_aliases_owner_id"))

    op.drop_table("owner_aliases")
    with op.batch_alter_table("channel_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_channel_links_slack_channel_id"))
        batch_op.drop_index(batch_op.f("ix_channel_links_plan_id"))

    op.drop_table("channel_links")
    with op.batch_alter_table("cadences", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cadences_plan_id"))

    op.drop_table("cadences")
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actions_theme_id"))
        batch_op.drop_index(batch_op.f("ix_actions_plan_id"))
        batch_op.drop_index(batch_op.f("ix_actions_due_date"))

    op.drop_table("actions")
    op.drop_table("workspaces")
    with op.batch_alter_table("themes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_themes_plan_id"))

    op.drop_table("themes")
    with op.batch_alter_table("reporting_rows", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reporting_rows_plan_id"))

    op.drop_table("reporting_rows")
    with op.batch_alter_table("owners", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_owners_plan_id"))

    op.drop_table("owners")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_plan_id"))

    op.drop_table("audit_log")
    op.drop_table("plans")
