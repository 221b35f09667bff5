"""What PostgreSQL's statistics views say about the tables of some models."""

from django.db import connection


def analyze_counts(*models) -> dict[str, int]:
    """{table: how many times ANALYZE (not autovacuum's) has run on it}, read afresh."""
    tables = [model._meta.db_table for model in models]
    with connection.cursor() as cursor:
        # A transaction keeps the first snapshot of the statistics it read: drop it.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT relname, analyze_count FROM pg_stat_user_tables WHERE relname = ANY(%s)",
            [tables],
        )
        found = dict(cursor.fetchall())
    return {table: found.get(table, 0) for table in tables}


def history_model(model):
    return getattr(model, model._meta.simple_history_manager_attribute).model
