"""What a POST to /slack/events must pass before bolt sees it: size, signature, shape.

bolt checks the signature too (again, after this), but it logs a forged request's
whole body (at INFO), answers 500 to a signed body it cannot parse, and lets listeners
trip over a payload without the fields Slack always sends. Here, in order:

1. the body is at most `max_body` bytes (413, judged by Content-Length before reading);
2. it is UTF-8 (as everything Slack sends is), signed with our secret within Slack's
   5-minute replay window (401; checked by slack_sdk's SignatureVerifier);
3. it parses as bolt will parse it, into an object of the shape Slack sends (400,
   see `bot.payloads`).

Every refusal is logged in one line, with the reason and the size, never the body.
What passes goes on to bolt unchanged (and bolt checks the signature again).
"""

from __future__ import annotations

import io
import json
import logging
import time
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qsl

from slack_sdk.signature import Clock, SignatureVerifier

from bot.payloads import problem_with

log = logging.getLogger("lscb")

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
REPLAY_WINDOW_SECONDS = 60 * 5  # Slack's, and bolt's


class Refusal(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def refused(method: str, path: str, peer: str, status: int, reason: str,
            size: object) -> None:
    """Log a refused request in one line: never its body, nothing that could forge a line."""
    log.warning("Refused %s %s from %s: %s %s (%s bytes)", _clean(method, 16), _clean(path, 120),
                _clean(peer, 64), status, _clean(reason, 200),
                size if isinstance(size, int) else "?")


def _clean(text: str, limit: int) -> str:
    shown = "".join(c if c.isprintable() else "?" for c in text[:limit])
    return shown + ("…" if len(text) > limit else "")


class SlackEdge:
    """WSGI middleware in front of bolt's adapter for POSTs to `path`."""

    def __init__(self, app: WSGIApp, signing_secret: str, max_body: int,
                 path: str = "/slack/events", clock: Callable[[], float] = time.time) -> None:
        self.app, self.max_body, self.path, self.clock = app, max_body, path, clock
        self.verifier = SignatureVerifier(signing_secret, _Clock(clock))

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]
                 ) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") != "POST" or environ.get("PATH_INFO") != self.path:
            return self.app(environ, start_response)
        size: object = environ.get("CONTENT_LENGTH")
        try:
            body = read_body(environ, self.max_body)
            size = len(body)
            self._verify(environ, body)
            problem = problem_with(parse_body(body, environ.get("CONTENT_TYPE") or ""))
            if problem:
                raise Refusal(400, problem)
        except Refusal as refusal:
            refused("POST", self.path, str(environ.get("REMOTE_ADDR") or "?"), refusal.status,
                    refusal.reason, _size(size))
            return _answer(start_response, refusal)
        environ["wsgi.input"], environ["CONTENT_LENGTH"] = io.BytesIO(body), str(len(body))
        return self.app(environ, start_response)

    def _verify(self, environ: dict[str, Any], body: bytes) -> None:
        stamp = str(environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP") or "")
        signature = str(environ.get("HTTP_X_SLACK_SIGNATURE") or "")
        if not stamp.isascii() or not stamp.isdigit():
            raise Refusal(401, "no request timestamp")
        if abs(self.clock() - int(stamp)) > REPLAY_WINDOW_SECONDS:
            raise Refusal(401, "stale request timestamp (replay window is 5 minutes)")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as error:  # Slack always sends UTF-8: not from Slack
            raise Refusal(401, "body is not UTF-8") from error
        if not self.verifier.is_valid(text, stamp, signature):
            raise Refusal(401, "bad signature")


class _Clock(Clock):
    def __init__(self, now: Callable[[], float]) -> None:
        self._now = now

    def now(self) -> float:
        return self._now()


def read_body(environ: dict[str, Any], limit: int) -> bytes:
    """The request body, refused if over `limit` bytes without reading a byte of it when
    Content-Length says so, and never reading more than `limit + 1` bytes otherwise."""
    stream = environ.get("wsgi.input") or io.BytesIO()
    declared = str(environ.get("CONTENT_LENGTH") or "").strip()
    if not declared:
        # PEP 3333: without a length, only a server that marks its input terminated may be
        # read to its end (a chunked body); otherwise the body is empty.
        body = stream.read(limit + 1) if environ.get("wsgi.input_terminated") else b""
        if len(body) > limit:
            raise Refusal(413, f"body over the limit of {limit} bytes")
        return bytes(body)
    if not declared.isascii() or not declared.isdigit():
        raise Refusal(400, "Content-Length is not a number")
    if int(declared) > limit:
        raise Refusal(413, f"body of {declared} bytes is over the limit of {limit}")
    body = stream.read(int(declared))
    if len(body) < int(declared):
        raise Refusal(400, "body shorter than its Content-Length")
    return bytes(body)


def parse_body(body: bytes, content_type: str) -> object:
    """The body as bolt's `parse_body` reads it: JSON (by content type or a leading `{`),
    a form's `payload` field as JSON, or the form itself."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Refusal(400, "body is not UTF-8") from error
    if not text:
        return {}
    if content_type.split(";")[0] == "application/json" or text.startswith("{"):
        return _json(text, "body")
    form = dict(parse_qsl(text, keep_blank_values=True))
    return _json(form["payload"], "payload") if "payload" in form else form


def _json(text: str, what: str) -> object:
    try:
        return json.loads(text)
    except RecursionError as error:
        raise Refusal(400, f"{what} is nested too deeply") from error
    except ValueError as error:
        raise Refusal(400, f"{what} is not valid JSON") from error


def _size(size: object) -> object:
    if isinstance(size, str) and size.isdigit():
        return int(size)
    return size


def _answer(start_response: Callable[..., Any], refusal: Refusal) -> Iterable[bytes]:
    body = json.dumps({"error": refusal.reason}).encode()
    start_response(f"{refusal.status} {HTTPStatus(refusal.status).phrase}",
                   [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]
