"""Take-home assignments for openings, their candidates, scored submissions and report reviews.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "takehome_assignments",
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("project", sa.String(length=80), nullable=False),
        sa.Column("opening", sa.String(length=200), nullable=False),
        sa.Column("deadline", sa.DateTime(timezone=True), nullable=False),
        sa.Column("daily_limit", sa.Integer(), nullable=False),
        sa.Column("total_limit", sa.Integer(), nullable=False),
        sa.Column("anonymise_reviews", sa.Boolean(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_takehome_assignments_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_takehome_assignments_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_takehome_assignments")),
    )
    with op.batch_alter_table("takehome_assignments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_takehome_assignments_organisation_id"), ["organisation_id"], unique=False)

    op.create_table(
        "takehome_participants",
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["takehome_assignments.id"],
            name=op.f("fk_takehome_participants_assignment_id_takehome_assignments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_takehome_participants_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_takehome_participants")),
        sa.UniqueConstraint("assignment_id", "code", name=op.f("uq_takehome_participants_assignment_code")),
        sa.UniqueConstraint("assignment_id", "user_id", name=op.f("uq_takehome_participants_assignment_user")),
    )
    with op.batch_alter_table("takehome_participants", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_takehome_participants_user_id"), ["user_id"], unique=False)

    op.create_table(
        "takehome_submissions",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("project", sa.String(length=80), nullable=False),
        sa.Column("project_version", sa.String(length=16), nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=True),
        sa.Column("predictions_file", sa.String(length=300), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("pending", "scored", "failed", name="scorestatus", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("public_score", sa.Double(), nullable=True),
        sa.Column("private_score", sa.Double(), nullable=True),
        sa.Column("problem", sa.Text(), nullable=True),
        sa.Column("scored_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("final", sa.Boolean(), nullable=False),
        sa.Column("code_file", sa.String(length=300), nullable=True),
        sa.Column("reproduction", sa.JSON(), nullable=True),
        sa.Column("report_file", sa.String(length=300), nullable=True),
        sa.Column("report_format", sa.String(length=8), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["takehome_assignments.id"],
            name=op.f("fk_takehome_submissions_assignment_id_takehome_assignments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_takehome_submissions_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_takehome_submissions_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_takehome_submissions")),
    )
    with op.batch_alter_table("takehome_submissions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_takehome_submissions_assignment_id"), ["assignment_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_takehome_submissions_organisation_id"), ["organisation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_takehome_submissions_project"), ["project"], unique=False)
        batch_op.create_index(batch_op.f("ix_takehome_submissions_user_id"), ["user_id"], unique=False)

    op.create_table(
        "takehome_report_reviews",
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("reviewer_id", sa.Integer(), nullable=False),
        sa.Column("scores", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["reviewer_id"], ["users.id"], name=op.f("fk_takehome_report_reviews_reviewer_id_users"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["takehome_submissions.id"],
            name=op.f("fk_takehome_report_reviews_submission_id_takehome_submissions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_takehome_report_reviews")),
        sa.UniqueConstraint("submission_id", "reviewer_id", name=op.f("uq_takehome_report_reviews_submission_id")),
    )


def downgrade() -> None:
    op.drop_table("takehome_report_reviews")
    with op.batch_alter_table("takehome_submissions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_takehome_submissions_user_id"))
        batch_op.drop_index(batch_op.f("ix_takehome_submissions_project"))
        batch_op.drop_index(batch_op.f("ix_takehome_submissions_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_takehome_submissions_assignment_id"))

    op.drop_table("takehome_submissions")
    with op.batch_alter_table("takehome_participants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_takehome_participants_user_id"))

    op.drop_table("takehome_participants")
    with op.batch_alter_table("takehome_assignments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_takehome_assignments_organisation_id"))

    op.drop_table("takehome_assignments")
