"""A real SMTP server on loopback (aiosmtpd), for the email tests.

It takes mail as a server does, refuses the recipients it is told to with 550 (RFC 5321
4.2.2, "mailbox unavailable"), and can drop the connection after reading a whole message
without answering, the window in which a client cannot know whether its mail was taken.
"""

from __future__ import annotations

import email
import email.policy
import ssl
import threading
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class _Loopback(Controller):
    """aiosmtpd's threaded controller, on port 0: the port the system chose is read back
    before the controller checks its own server answers."""

    def _trigger_server(self) -> None:
        assert self.server is not None
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


@dataclass
class Received:
    sender: str
    recipients: list[str]
    message: EmailMessage
    encrypted: bool = False
    login: str = ""


@dataclass
class LoopbackSmtp:
    port: int = 0
    refuse: set[str] = field(default_factory=set)
    lose_replies: int = 0
    """How many of the next messages are read whole and then left unanswered."""
    received: list[Received] = field(default_factory=list)
    tls: ssl.SSLContext | None = None
    """Speak TLS from the first byte (smtps) with this context."""
    starttls: ssl.SSLContext | None = None
    """Offer STARTTLS with this context, and then require it (aiosmtpd's require_starttls)."""
    logins: dict[str, str] = field(default_factory=dict)
    """Users and passwords it takes (AUTH, only over TLS); none: no AUTH offered."""
    _controller: _Loopback | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> LoopbackSmtp:
        options: dict[str, Any] = {"ssl_context": self.tls} if self.tls else {}
        if self.starttls is not None:
            options |= {"tls_context": self.starttls, "require_starttls": True}
        if self.logins:
            options |= {"authenticator": self._authenticate, "auth_required": True}
        self._controller = _Loopback(self, hostname="127.0.0.1", port=self.port, **options)
        self._controller.start()
        self.port = self._controller.port
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def to(self, address: str) -> list[EmailMessage]:
        return [r.message for r in self.received if address in r.recipients]

    # aiosmtpd's handler hooks (https://aiosmtpd.aio-libs.org/en/latest/handlers.html)
    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        if address in self.refuse:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.original_content,
                                           policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        with self._lock:
            self.received.append(Received(
                envelope.mail_from, list(envelope.rcpt_tos), message,
                encrypted=server.transport.get_extra_info("ssl_object") is not None,
                login=str(session.auth_data or "")))
            lose = self.lose_replies > 0
            self.lose_replies -= lose
        if lose:
            server.transport.close()  # taken, but the client never hears so
        return "250 2.0.0 Queued"

    def _authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str,
                      auth_data: Any) -> AuthResult:
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        user, password = auth_data.login.decode(), auth_data.password.decode()
        # handled=False: aiosmtpd answers a refusal itself (535), as a server does
        return AuthResult(success=self.logins.get(user) == password, handled=False,
                          auth_data=user)
