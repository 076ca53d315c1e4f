"""Production settings: refuse to start without a secret, pass `check --deploy`, run cron."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: What a production server is given; the secret is for tests only.
PRODUCTION_ENV = {
    "SECRET_KEY": "x" * 20 + "a-long-random-production-secret-for-tests-only",
    "ALLOWED_HOSTS": "health.example.org",
}


def run_manage(*args, **env_overrides):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(DJANGO_SETTINGS_MODULE="health_content.settings.production", **env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check")
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_production_passes_check_deploy_without_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **PRODUCTION_ENV,
        CSRF_TRUSTED_ORIGINS="https://health.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.own_database
def test_reminders_are_queued_or_sent_at_once_with_the_immediate_backend(tmp_path):
    """The two ways the README runs ``send_review_reminders`` from cron."""
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    migrated = run_manage("migrate", "--no-input", **env)
    assert migrated.returncode == 0, migrated.stderr

    queued = run_manage("send_review_reminders", **env)
    assert queued.stdout.startswith("Reminders queued (task "), queued.stdout + queued.stderr

    sent = run_manage("send_review_reminders", TASKS_BACKEND="immediate", **env)
    assert sent.stdout == "0 reminder(s) sent.\n", sent.stdout + sent.stderr
