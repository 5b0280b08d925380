"""A real PostgreSQL for the store tests: 127.0.0.1:5432, trust auth, database ``test``, user root or postgres
(``EVENTWIRE_TEST_PG`` overrides the server URL). Each test gets a schema of its own, created and dropped
here. Where no server answers, only the PostgreSQL tests skip, saying why."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from functools import cache

import pytest

CANDIDATES = ("postgresql://root@127.0.0.1:5432/test", "postgresql://postgres@127.0.0.1:5432/test")


@cache
def server() -> tuple[str | None, str]:
    """(a URL that connects, or None, and why not)."""
    try:
        import psycopg
    except ImportError:
        return None, "psycopg is not installed (make install installs the 'scale' extra)"
    why = ""
    for url in (os.environ["EVENTWIRE_TEST_PG"],) if os.environ.get("EVENTWIRE_TEST_PG") else CANDIDATES:
        try:
            with psycopg.connect(url, connect_timeout=3):
                return url, ""
        except psycopg.Error as exc:
            why = str(exc).strip().splitlines()[0]
    return None, f"no PostgreSQL server answers (127.0.0.1:5432, database 'test', or EVENTWIRE_TEST_PG): {why}"


def skip_unless_postgres() -> str:
    url, why = server()
    if url is None:
        pytest.skip(f"PostgreSQL test skipped: {why}")
    return url


def drop_schema(url: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A store URL naming a fresh schema of its own (created by the store on open, dropped after the test)."""
    url = skip_unless_postgres()
    schema = f"ew_test_{uuid.uuid4().hex[:12]}"
    try:
        yield f"{url}?schema={schema}"
    finally:
        drop_schema(url, schema)
