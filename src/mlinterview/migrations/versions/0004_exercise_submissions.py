"""Submissions to coding exercises with per-test results, decisions and similarity flags; each organisation's
policy for revealing hidden tests.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exercise_submissions",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("exercise", sa.String(length=80), nullable=False),
        sa.Column("exercise_version", sa.String(length=16), nullable=False),
        sa.Column(
            "kind", sa.Enum("run", "submit", name="submissionkind", native_enum=False, length=16), nullable=False
        ),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("pending", "graded", "failed", name="submissionstatus", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("passed", sa.Integer(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("problem", sa.Text(), nullable=True),
        sa.Column("stdout", sa.Text(), nullable=False),
        sa.Column("wall_ms", sa.Integer(), nullable=False),
        sa.Column("memory_kb", sa.Integer(), nullable=False),
        sa.Column("runner", sa.String(length=40), nullable=True),
        sa.Column("graded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "decision", sa.Enum("accepted", "rejected", name="decision", native_enum=False, length=16), nullable=True
        ),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["decided_by_id"],
            ["users.id"],
            name=op.f("fk_exercise_submissions_decided_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_exercise_submissions_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_exercise_submissions_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exercise_submissions")),
    )
    with op.batch_alter_table("exercise_submissions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_exercise_submissions_exercise"), ["exercise"], unique=False)
        batch_op.create_index(batch_op.f("ix_exercise_submissions_organisation_id"), ["organisation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_exercise_submissions_user_id"), ["user_id"], unique=False)

    op.create_table(
        "exercise_similarity_flags",
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("exercise", sa.String(length=80), nullable=False),
        sa.Column("first_id", sa.Integer(), nullable=False),
        sa.Column("second_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Double(), nullable=False),
        sa.Column("matches", sa.JSON(), nullable=False),
        sa.Column("dismissed_by_id", sa.Integer(), nullable=True),
        sa.Column("dismissed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["dismissed_by_id"],
            ["users.id"],
            name=op.f("fk_exercise_similarity_flags_dismissed_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["first_id"],
            ["exercise_submissions.id"],
            name=op.f("fk_exercise_similarity_flags_first_id_exercise_submissions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_exercise_similarity_flags_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["second_id"],
            ["exercise_submissions.id"],
            name=op.f("fk_exercise_similarity_flags_second_id_exercise_submissions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exercise_similarity_flags")),
        sa.UniqueConstraint("first_id", "second_id", name=op.f("uq_exercise_similarity_flags_first_id")),
    )
    with op.batch_alter_table("exercise_similarity_flags", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_exercise_similarity_flags_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "exercise_submission_cases",
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("category", sa.String(length=80), nullable=False),
        sa.Column("hidden", sa.Boolean(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("ms", sa.Integer(), nullable=False),
        sa.Column("kb", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["exercise_submissions.id"],
            name=op.f("fk_exercise_submission_cases_submission_id_exercise_submissions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exercise_submission_cases")),
        sa.UniqueConstraint("submission_id", "position", name=op.f("uq_exercise_submission_cases_submission_id")),
    )
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "reveal_hidden_tests",
                sa.Enum("never", "after_decision", name="revealpolicy", native_enum=False, length=16),
                server_default="never",
                nullable=False,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.drop_column("reveal_hidden_tests")

    op.drop_table("exercise_submission_cases")
    with op.batch_alter_table("exercise_similarity_flags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exercise_similarity_flags_organisation_id"))

    op.drop_table("exercise_similarity_flags")
    with op.batch_alter_table("exercise_submissions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exercise_submissions_user_id"))
        batch_op.drop_index(batch_op.f("ix_exercise_submissions_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_exercise_submissions_exercise"))

    op.drop_table("exercise_submissions")
