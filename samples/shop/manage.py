#!/usr/bin/env python3
"""Command-line entry point of the shop.

    python manage.py runserver [PORT]   serve HTTP with wsgiref (development)
    python manage.py migrate            apply migrations/*.sql in order
    python manage.py reindex            rebuild the search index
    python manage.py send_mail          deliver queued notifications (cron)
    python manage.py purge_sessions     drop expired login sessions (cron)
"""

import os
import sys
from datetime import datetime
from pathlib import Path

from shop.app import create_app
from shop.utils.db import get_db
from shop.utils.web import Request

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def migrate() -> None:
    db = get_db()
    db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY)")
    done = {r["name"] for r in db.query("SELECT name FROM schema_migrations")}
    for path in sorted(MIGRATIONS.glob("*.sql")):
        if path.name in done:
            continue
        print("applying", path.name)
        db.conn.executescript(path.read_text())
        db.execute("INSERT INTO schema_migrations (name) VALUES (?)", (path.name,))


def runserver(port: int) -> None:
    from wsgiref.simple_server import make_server

    app = create_app()

    def wsgi(environ, start_response):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        headers = {k[5:].replace("_", "-").title(): v
                   for k, v in environ.items() if k.startswith("HTTP_")}
        query = dict(p.split("=", 1) for p in environ.get("QUERY_STRING", "").split("&")
                     if "=" in p)
        request = Request(environ["REQUEST_METHOD"], environ.get("PATH_INFO", "/"), headers,
                          query, environ["wsgi.input"].read(length) if length else b"")
        response = app.handle(request)
        start_response("%d STATUS" % response.status, list(response.headers.items()))
        return [response.body]

    print("serving on http://127.0.0.1:%d" % port)
    make_server("127.0.0.1", port, wsgi).serve_forever()


def main(argv) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    command = argv[1]
    if command == "runserver":
        runserver(int(argv[2]) if len(argv) > 2 else int(os.environ.get("PORT", "8000")))
    elif command == "migrate":
        migrate()
    elif command == "reindex":
        from shop.search.indexer import reindex_all

        print("indexed", reindex_all(), "products")
    elif command == "send_mail":
        from shop.notifications.service import deliver_pending

        print("sent", deliver_pending(), "messages")
    elif command == "purge_sessions":
        from shop.users.repository import purge_expired_sessions

        print("purged", purge_expired_sessions(datetime.utcnow()), "sessions")
    else:
        print("unknown command:", command, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
