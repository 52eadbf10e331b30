"""What a call to Slack can fail with, for code that must carry on after it."""

from __future__ import annotations

import http.client
import socket
import urllib.error

from slack_sdk.errors import SlackApiError, SlackClientError

CONNECTION_ERRORS: tuple[type[BaseException], ...] = (
    urllib.error.URLError, http.client.HTTPException, ConnectionError, socket.timeout,
    TimeoutError)
SLACK_FAILURES: tuple[type[BaseException], ...] = (SlackApiError, SlackClientError,
                                                     *CONNECTION_ERRORS)
