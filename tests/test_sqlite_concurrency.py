"""SQLite as configured (WAL, busy timeout, immediate transactions) takes concurrent writers.

Several processes, each with the project's settings and its own connection to one
SQLite file, run read-modify-write transactions on one row at once: what
publishing does (read the page, write revisions, sign-offs, audit entries). With
Django's default deferred transactions a writer that read first cannot upgrade its
lock and fails with "database is locked" at once, whatever the timeout; here every
transaction must succeed, and no update may be lost.
"""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

# Its processes bring their own SQLite database: CI runs it once, not again on PostgreSQL.
pytestmark = pytest.mark.own_database

WRITERS = 4
TRANSACTIONS = 40

SCRIPT = """
import json, sys, time
import django
django.setup()
from django.db import OperationalError, connection, transaction
errors = []
for _ in range(int(sys.argv[1])):
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SELECT value FROM counter WHERE id = 1")
                (value,) = cursor.fetchone()
                time.sleep(0.002)  # work between the read and the write, as a publish does
                cursor.execute("UPDATE counter SET value = %s WHERE id = 1", [value + 1])
    except OperationalError as error:
        errors.append(str(error))
with connection.cursor() as cursor:
    cursor.execute("PRAGMA journal_mode")
    mode = cursor.fetchone()[0]
print(json.dumps({"errors": errors, "journal_mode": mode}))
"""


def test_concurrent_writers_never_see_database_is_locked(tmp_path):
    database = tmp_path / "newsroom.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "health_content.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    setup = (
        "import django; django.setup(); from django.db import connection; "
        "c = connection.cursor(); "
        "c.execute('CREATE TABLE counter (id integer primary key, value integer)'); "
        "c.execute('INSERT INTO counter VALUES (1, 0)')"
    )
    cwd = Path(settings.BASE_DIR)
    subprocess.run([sys.executable, "-c", setup], env=env, cwd=cwd, check=True)
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", SCRIPT, str(TRANSACTIONS)],
            env=env,
            cwd=cwd,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(WRITERS)
    ]
    results = [json.loads(writer.communicate(timeout=300)[0]) for writer in writers]
    assert all(writer.returncode == 0 for writer in writers)
    assert [result["errors"] for result in results] == [[]] * WRITERS
    assert {result["journal_mode"] for result in results} == {"wal"}

    with sqlite3.connect(database) as reader:
        (total,) = reader.execute("SELECT value FROM counter").fetchone()
    assert total == WRITERS * TRANSACTIONS  # no update lost
