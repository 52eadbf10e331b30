"""The bench's baseline: the fastest bolt app that answers `/lscb`, served like the real bot.

A bolt App with `process_before_response=True` whose `/lscb` listener only calls
`ack("ok")`, behind bolt's WSGI adapter and the same waitress `bot.web.make_server`
(so the server is held equal), with `GET /healthz` answering 200 for readiness polls.
It reads the bot's own settings (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL, PORT),
builds its Web API client with `bot.slack_client.make_client` and logs the port it bound
the way `lscb serve` does.

Run: `SLACK_BOT_TOKEN=... SLACK_SIGNING_SECRET=... PORT=0 python bench/baseline_app.py`
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from slack_bolt import Ack, App  # noqa: E402
from slack_bolt.adapter.wsgi import SlackRequestHandler  # noqa: E402

from bot.config import Settings  # noqa: E402
from bot.slack_client import make_client  # noqa: E402
from bot.web import WSGIApp, make_server  # noqa: E402

log = logging.getLogger("lscb")


def create_baseline_app(settings: Settings, process_before_response: bool = True) -> App:
    app = App(client=make_client(settings), signing_secret=settings.signing_secret,
              process_before_response=process_before_response, logger=log)

    @app.command("/lscb")
    def noop(ack: Ack) -> None:
        ack("ok")

    return app


def make_baseline_wsgi(app: App) -> WSGIApp:
    slack = SlackRequestHandler(app)

    def wsgi(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == "/healthz":
            start_response("200 OK", [("Content-Type", "text/plain")])
            return [b"ok\n"]
        return slack(environ, start_response)

    return wsgi


def main() -> int:
    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s %(message)s")
    settings = Settings.from_env()
    default_runner = "--default-runner" in sys.argv[1:]
    server = make_server(make_baseline_wsgi(create_baseline_app(settings, not default_runner)),
                         "0.0.0.0", settings.port)
    log.info("Serving Slack at http://0.0.0.0:%s/slack/events", server.effective_port)
    server.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
