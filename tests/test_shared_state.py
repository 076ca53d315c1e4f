"""The page cache's generation token is shared by every process, whatever OS user runs it.

A deployment's web server, cron jobs (``publish_scheduled``) and task worker often
run as different OS users. With local-memory caches the token lives in files
(blog.cache._FileVersions); here real processes running as different users, in
either order and with a restrictive umask, read and bump it. Running a process as
another user needs root (as CI has); the same-user checks run everywhere.
"""

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from blog import cache as page_cache

# Its processes bring their own SQLite database: CI runs it once, not again on PostgreSQL.
pytestmark = pytest.mark.own_database

WEB_SERVER = (65534, 65534)  # nobody:nogroup
CRON = (1, 1)  # daemon:daemon, another user in another group

# Imports everything first (the interpreter and the project may be readable by
# root only), then becomes the given user and reads or bumps the token.
SCRIPT = """
import os, sys
import django
django.setup()
from django.db import connection
from blog.cache import bump_generation, current_generation
connection.vendor  # load the database backend while the code is readable
uid, gid, umask, action = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3], 8), sys.argv[4]
if uid != os.getuid():
    os.setgroups([])
    os.setgid(gid)
    os.setuid(uid)
os.umask(umask)
if action == "publish":
    bump_generation()
print(current_generation())
"""


@pytest.fixture
def shared_dir():
    """A generation directory, not yet created, in a temp directory like /tmp (mode 1777)."""
    parent = Path(tempfile.mkdtemp(prefix="health-blog-shared-"))
    parent.chmod(0o1777)
    yield parent / "generation"
    shutil.rmtree(parent)


def run_as(user, action, directory, umask=0o022, check=True):
    """Run SCRIPT as `user` (uid, gid; None for this process's); its output, or the process."""
    uid, gid = user if user else (os.getuid(), os.getgid())
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "health_content.settings.test",
        "PAGE_CACHE_GENERATION_DIR": str(directory),
        "DATABASE_URL": "sqlite://:memory:",
    }
    completed = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(uid), str(gid), oct(umask), action],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(django_settings.BASE_DIR),
        check=False,
    )
    if not check:
        return completed
    assert completed.returncode == 0, completed.stderr[-3000:]
    return completed.stdout.strip()


needs_root = pytest.mark.skipif(
    os.geteuid() != 0, reason="running processes as other OS users needs root"
)


@needs_root
def test_web_server_first_then_a_cron_publish(shared_dir):
    """The bug: the web server created the token, then cron's publish could not replace it."""
    served = run_as(WEB_SERVER, "read", shared_dir, umask=0o077)
    published = run_as(CRON, "publish", shared_dir, umask=0o077)
    assert published != served
    assert run_as(WEB_SERVER, "read", shared_dir) == published  # the site sees the publish
    assert run_as(WEB_SERVER, "publish", shared_dir) != published


@needs_root
def test_cron_publish_first_then_the_web_server(shared_dir):
    """The bug the other way round: cron created the token and the site answered 500."""
    published = run_as(CRON, "publish", shared_dir, umask=0o077)
    assert run_as(WEB_SERVER, "read", shared_dir, umask=0o077) == published
    republished = run_as(CRON, "publish", shared_dir)
    assert run_as(WEB_SERVER, "read", shared_dir) == republished != published


def test_token_files_are_readable_by_all_whatever_the_umask(shared_dir):
    before = run_as(None, "read", shared_dir, umask=0o077)
    generation = shared_dir / "generation"  # the site-wide tag's own directory
    assert stat.S_IMODE(shared_dir.stat().st_mode) == 0o1777
    assert stat.S_IMODE(generation.stat().st_mode) == 0o1777
    (own,) = generation.iterdir()
    assert stat.S_IMODE(own.stat().st_mode) == 0o644
    after = run_as(None, "publish", shared_dir, umask=0o077)
    assert after != before
    assert [path.name for path in generation.iterdir()] == [own.name]  # no temp files left


def test_this_process_sees_other_processes_bumps(settings, shared_dir):
    settings.PAGE_CACHE_GENERATION_DIR = str(shared_dir)
    before = page_cache.current_generation()
    assert run_as(None, "read", shared_dir) == before
    published = run_as(None, "publish", shared_dir)
    assert page_cache.current_generation() == published != before


@needs_root
def test_a_directory_others_cannot_write_is_reported_clearly(shared_dir):
    """Made by hand with the wrong mode: the error says what to do."""
    shared_dir.mkdir(mode=0o755)
    completed = run_as(WEB_SERVER, "publish", shared_dir, check=False)
    assert completed.returncode != 0
    assert "PAGE_CACHE_GENERATION_DIR" in completed.stderr
    assert "not writable by this OS user (uid 65534)" in completed.stderr
