"""The edge as a WSGI app under servers other than waitress: bodies without a length."""

from __future__ import annotations

import io
import time
from typing import Any

from bot.edge import SlackEdge
from tests.slackapp import signature_of

SECRET = "edge-secret"


def call(edge: SlackEdge, body: bytes, **environ: Any) -> tuple[str, bytes]:
    stamp = str(int(time.time()))
    env = {"REQUEST_METHOD": "POST", "PATH_INFO": "/slack/events", "REMOTE_ADDR": "10.0.0.1",
           "CONTENT_TYPE": "application/x-www-form-urlencoded", "wsgi.input": io.BytesIO(body),
           "HTTP_X_SLACK_REQUEST_TIMESTAMP": stamp,
           "HTTP_X_SLACK_SIGNATURE": signature_of(SECRET, stamp, body), **environ}
    answered: list[str] = []
    chunks = edge(env, lambda status, headers: answered.append(status))
    return (answered[0] if answered else "passed on"), b"".join(chunks)


class Reads:
    """Counts how much of the input anyone read."""

    def __init__(self, data: bytes) -> None:
        self.stream, self.read_bytes = io.BytesIO(data), 0

    def read(self, size: int = -1) -> bytes:
        chunk = self.stream.read(size)
        self.read_bytes += len(chunk)
        return chunk


def downstream(environ: dict[str, Any], start_response: Any) -> list[bytes]:
    return [environ["wsgi.input"].read()]


SLASH = b"command=%2Flscb&text=help&user_id=U1&team_id=T1"


def test_a_chunked_body_without_a_length_is_read_to_one_byte_past_the_limit() -> None:
    edge = SlackEdge(downstream, SECRET, max_body=1000)
    source = Reads(b"A" * 50_000)
    status, _ = call(edge, b"", **{"wsgi.input": source, "wsgi.input_terminated": True})
    assert status == "413 Request Entity Too Large"
    assert source.read_bytes == 1001


def test_a_declared_length_over_the_limit_is_refused_unread() -> None:
    source = Reads(b"A" * 50_000)
    status, _ = call(SlackEdge(downstream, SECRET, 1000), b"",
                     **{"wsgi.input": source, "CONTENT_LENGTH": "50000"})
    assert (status, source.read_bytes) == ("413 Request Entity Too Large", 0)


def test_a_body_within_the_limit_reaches_bolt_whole() -> None:
    status, passed = call(SlackEdge(downstream, SECRET, 1000), SLASH,
                          CONTENT_LENGTH=str(len(SLASH)))
    assert (status, passed) == ("passed on", SLASH)


def test_an_unterminated_input_without_a_length_is_an_empty_body() -> None:
    status, answer = call(SlackEdge(downstream, SECRET, 1000), b"")
    assert status == "400 Bad Request" and b"no \\u201ctype\\u201d" in answer


def test_a_length_that_is_not_a_number_is_refused() -> None:
    for length in ("-5", "12abc", "\u0661\u0662"):
        assert call(SlackEdge(downstream, SECRET, 1000), SLASH,
                    CONTENT_LENGTH=length)[0] == "400 Bad Request", length


def test_a_timestamp_that_is_not_a_number_is_401_not_a_crash() -> None:
    for stamp in ("", "soon", "1e9", "\u0661\u0662"):
        assert call(SlackEdge(downstream, SECRET, 1000), SLASH, CONTENT_LENGTH=str(len(SLASH)),
                    HTTP_X_SLACK_REQUEST_TIMESTAMP=stamp)[0] == "401 Unauthorized", stamp
