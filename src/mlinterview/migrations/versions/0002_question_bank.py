"""Question bank: topics, competencies, role profiles, questions with versions, full-text search.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Full-text search over questions.search_text: an FTS5 index kept current by triggers on SQLite,
# a stored English text-search vector with a GIN index on PostgreSQL.
SQLITE_SEARCH = (
    "CREATE VIRTUAL TABLE questions_fts USING fts5(search_text, content='questions', content_rowid='id', "
    "tokenize='porter unicode61')",
    "CREATE TRIGGER questions_ai AFTER INSERT ON questions BEGIN "
    "INSERT INTO questions_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER questions_ad AFTER DELETE ON questions BEGIN "
    "INSERT INTO questions_fts(questions_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER questions_au AFTER UPDATE OF search_text ON questions BEGIN "
    "INSERT INTO questions_fts(questions_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO questions_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
)
POSTGRES_SEARCH = (
    "ALTER TABLE questions ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('english', search_text)) STORED",
    "CREATE INDEX ix_questions_search ON questions USING gin (search_vector)",
)


def upgrade() -> None:
    is_sqlite = op.get_bind().dialect.name == "sqlite"
    op.create_table(
        "competencies",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("levels", sa.JSON(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_competencies")),
        sa.UniqueConstraint("key", name=op.f("uq_competencies_key")),
    )
    op.create_table(
        "role_profiles",
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("profile", sa.JSON(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_role_profiles")),
        sa.UniqueConstraint("role", "level", name=op.f("uq_role_profiles_role")),
    )
    op.create_table(
        "topics",
        sa.Column("slug", sa.String(length=60), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_topics")),
        sa.UniqueConstraint("slug", name=op.f("uq_topics_slug")),
    )
    op.create_table(
        "questions",
        sa.Column("slug", sa.String(length=120), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("current_version_id", sa.Integer(), nullable=True),
        sa.Column("is_published", sa.Boolean(), nullable=False),
        sa.Column("is_archived", sa.Boolean(), nullable=False),
        sa.Column("prompt", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=30), nullable=False),
        sa.Column("difficulty", sa.Integer(), nullable=False),
        sa.Column("roles", sa.String(length=200), nullable=False),
        sa.Column("seniority", sa.String(length=60), nullable=False),
        sa.Column("competencies", sa.String(length=300), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        # questions and question_versions point at each other: SQLite takes the forward reference at once,
        # PostgreSQL gets the constraint once both tables exist (below).
        *(
            [
                sa.ForeignKeyConstraint(
                    ["current_version_id"], ["question_versions.id"], name="fk_questions_current_version"
                )
            ]
            if is_sqlite
            else []
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_questions_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["topic_id"], ["topics.id"], name=op.f("fk_questions_topic_id_topics")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_questions")),
        sa.UniqueConstraint("organisation_id", "slug", name="uq_questions_organisation_slug"),
    )
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_questions_difficulty"), ["difficulty"], unique=False)
        batch_op.create_index(batch_op.f("ix_questions_organisation_id"), ["organisation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_questions_slug"), ["slug"], unique=False)
        batch_op.create_index(batch_op.f("ix_questions_topic_id"), ["topic_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_questions_type"), ["type"], unique=False)
        batch_op.create_index(
            "uq_questions_bundled_slug",
            ["slug"],
            unique=True,
            sqlite_where=sa.text("organisation_id IS NULL"),
            postgresql_where=sa.text("organisation_id IS NULL"),
        )

    op.create_table(
        "question_versions",
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name=op.f("fk_question_versions_question_id_questions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_question_versions")),
        sa.UniqueConstraint("question_id", "number", name=op.f("uq_question_versions_question_id")),
    )
    with op.batch_alter_table("question_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_question_versions_question_id"), ["question_id"], unique=False)

    if not is_sqlite:
        op.create_foreign_key(
            "fk_questions_current_version", "questions", "question_versions", ["current_version_id"], ["id"]
        )
    for statement in SQLITE_SEARCH if is_sqlite else POSTGRES_SEARCH:
        op.execute(statement)


def downgrade() -> None:
    is_sqlite = op.get_bind().dialect.name == "sqlite"
    if is_sqlite:
        for trigger in ("questions_ai", "questions_ad", "questions_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS questions_fts")
        op.drop_table("questions")
        op.drop_table("question_versions")
    else:
        op.execute("DROP INDEX IF EXISTS ix_questions_search")
        op.drop_constraint("fk_questions_current_version", "questions", type_="foreignkey")
        op.drop_table("question_versions")
        op.drop_table("questions")
    op.drop_table("topics")
    op.drop_table("role_profiles")
    op.drop_table("competencies")
