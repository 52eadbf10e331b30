"""Talking to the mail server: LSCB_SMTP_URL read, and one message sent in known phases.

``smtp://host[:port]`` (25) uses STARTTLS whenever the server offers it, ``smtps://``
(465) is TLS from the start; ``user:password@`` logs in, never over plain text.

The send is split where its outcome changes: until the final ``.`` of DATA is written
nothing can have been delivered, so a failure there is safe to retry; once it is written,
only the server's reply says whether it took the message, and a lost reply leaves the
outcome unknown (`OutcomeUnknown`; RFC 5321 section 4.1.1.4, and RFC 1047 on this window).
"""

from __future__ import annotations

import re
import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

DEFAULT_PORTS = {"smtp": 25, "smtps": 465}


class SmtpUrlError(ValueError):
    """LSCB_SMTP_URL cannot be used; the message says why."""


class OutcomeUnknown(Exception):
    """The whole message was written but the server's reply was lost."""


@dataclass(frozen=True)
class SmtpServer:
    host: str
    port: int
    tls: bool
    """TLS from the first byte (smtps://); otherwise STARTTLS when offered."""
    user: str = ""
    password: str = ""

    def __repr__(self) -> str:  # never the password, not even in a log line
        return f"SmtpServer({self.host}:{self.port}, tls={self.tls}, user={self.user!r})"

    @classmethod
    def from_url(cls, url: str) -> SmtpServer:
        parts = urlsplit(url.strip())
        if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
            raise SmtpUrlError("LSCB_SMTP_URL should look like smtp://user:password@host:587 "
                               "or smtps://host:465")
        try:
            port = parts.port or DEFAULT_PORTS[parts.scheme]
        except ValueError as error:
            raise SmtpUrlError("LSCB_SMTP_URL has a port that is not a number") from error
        return cls(parts.hostname, port, parts.scheme == "smtps", unquote(parts.username or ""),
                   unquote(parts.password or ""))


def send(server: SmtpServer, sender: str, recipient: str, message: bytes,
         timeout: float, tls: Callable[[], ssl.SSLContext] = ssl.create_default_context) -> str:
    """Send `message` (CRLF lines) to one recipient; returns the server's final reply.

    Raises smtplib's errors (SMTPRecipientsRefused, SMTPResponseException, OSError …) while
    nothing can have been delivered, and OutcomeUnknown after the message was written.
    `tls` gives the context that checks the server's certificate, only when TLS is used
    (loading the system's certificates takes longer than a whole send on loopback).
    """
    smtp = (smtplib.SMTP_SSL(server.host, server.port, timeout=timeout, context=tls())
            if server.tls else smtplib.SMTP(server.host, server.port, timeout=timeout))
    try:
        smtp.ehlo()
        if not server.tls and smtp.has_extn("starttls"):
            smtp.starttls(context=tls())
            smtp.ehlo()
        if server.user:
            _login(smtp, server)
        _envelope(smtp, sender, recipient)
        return _data(smtp, message)
    finally:
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()


def _login(smtp: smtplib.SMTP, server: SmtpServer) -> None:
    if not (server.tls or isinstance(smtp.sock, ssl.SSLSocket)):
        raise smtplib.SMTPNotSupportedError(
            "the mail server offers no STARTTLS: the password is not sent in plain text")
    smtp.login(server.user, server.password)


def _envelope(smtp: smtplib.SMTP, sender: str, recipient: str) -> None:
    code, reply = smtp.mail(sender)
    if code != 250:
        raise smtplib.SMTPSenderRefused(code, reply, sender)
    code, reply = smtp.rcpt(recipient)
    if code not in (250, 251):
        raise smtplib.SMTPRecipientsRefused({recipient: (code, reply)})


def _data(smtp: smtplib.SMTP, message: bytes) -> str:
    """DATA, as smtplib's own, but saying when the outcome stops being known."""
    code, reply = smtp.docmd("DATA")
    if code != 354:
        raise smtplib.SMTPDataError(code, reply)
    body = re.sub(rb"(?m)^\.", b"..", message)  # RFC 5321 4.5.2 transparency
    if not body.endswith(b"\r\n"):
        body += b"\r\n"
    smtp.send(body + b".\r\n")
    try:
        code, reply = smtp.getreply()
    except (smtplib.SMTPServerDisconnected, OSError) as error:
        raise OutcomeUnknown(str(error)) from error
    if code != 250:
        raise smtplib.SMTPDataError(code, reply)
    return reply.decode("utf-8", "replace")
