"""Sending a ledger row by email, at most once.

An email row's channel is ``mailto:ADDRESS``: the ledger's key (plan, nudge, occurrence,
channel) then holds one row per address, so the same claim-before-send, settle-after rules
that make Slack posts exactly-once cover email unchanged, and two owners sharing a team
mailbox get one email, as two owners sharing a channel get one post.

What cannot be done for email is what Slack allows: looking afterwards whether a message
arrived. So the rule is at most once, and say so: a send that failed before the
message was written (the server down or busy, the login refused) stays pending and is
tried again next cycle; one whose outcome is unknown (the reply to DATA lost, or a worker
that died holding the claim) is never sent again but failed with cause
``mail_outcome_unknown`` and told to the admins, who can ask the owner. Each email carries
a Message-ID made from its ledger key, so any copy is recognisable as the same message.
"""

from __future__ import annotations

import hashlib
import json
import logging
import smtplib
import ssl
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from functools import cached_property
from typing import Any

from bot.config import Settings
from bot.delivery import Batch
from bot.slack_errors import DeliveryFailed
from bot.smtp import OutcomeUnknown, SmtpServer, send
from commands.mail_message import address_of, email_parts
from storage.models import Delivery
from storage.models.delivery import UNKNOWN

log = logging.getLogger("lscb.mail")
SERVER = "mailto:"  # a batch's key for the mail server itself: once it fails, the rest wait
REFUSED, REJECTED, UNREACHABLE = "mail_refused", "mail_rejected", "smtp_unreachable"
BUSY, LOGIN, OUTCOME_UNKNOWN = "smtp_busy", "smtp_login", "mail_outcome_unknown"
"""Causes a mail row fails or waits with (commands.pages.notices: what each means, the fix)."""


@dataclass
class MailSender:
    server: SmtpServer
    sender: str
    """LSCB_MAIL_FROM: the From header and the envelope sender."""
    timeout: float = 30.0

    @cached_property
    def _tls(self) -> ssl.SSLContext:
        """The system's certificates, loaded once per sender (SSL_CERT_FILE is honoured)."""
        return ssl.create_default_context()

    def deliver(self, delivery: Delivery, batch: Batch) -> str:
        """Email the row; returns its Message-ID's local part (kept as the row's ts)."""
        if delivery.cause == UNKNOWN:
            raise DeliveryFailed("an earlier attempt may have been delivered; not sent again",
                                 permanent=True, cause=OUTCOME_UNKNOWN)
        down = batch.broken.get(SERVER)
        if down is not None:
            raise down.again(unknown=False)
        message, key = self.message(delivery)
        try:
            reply = send(self.server, self.sender, address_of(delivery.channel),
                         message.as_bytes(policy=SMTP), self.timeout, lambda: self._tls)
        except OutcomeUnknown as lost:
            raise DeliveryFailed(f"the mail server's reply was lost: {lost}", permanent=True,
                                 cause=OUTCOME_UNKNOWN) from lost
        except smtplib.SMTPRecipientsRefused as refused:
            raise _refusal(*next(iter(refused.recipients.values())), REFUSED) from refused
        except smtplib.SMTPDataError as error:
            raise _refusal(error.smtp_code, error.smtp_error, REJECTED) from error
        except (smtplib.SMTPException, OSError) as error:  # the server's, not the message's
            cause = LOGIN if isinstance(error, smtplib.SMTPAuthenticationError
                                        | smtplib.SMTPNotSupportedError) else UNREACHABLE
            log.error("Email waits: the mail server at %s:%s %s (%s)", self.server.host,
                      self.server.port, "refused the login" if cause == LOGIN
                      else "did not take it", error)
            batch.broken[SERVER] = DeliveryFailed(f"the mail server did not take it: {error}",
                                                  permanent=False, cause=cause)
            raise batch.broken[SERVER] from error
        log.info("Emailed %s to %s: %s", delivery.nudge_key, delivery.channel, reply[:200])
        return key

    def message(self, delivery: Delivery) -> tuple[EmailMessage, str]:
        """The row as an email: plain text with an HTML alternative; and its id's key."""
        parts = email_parts(delivery.text, _blocks(delivery))
        key = hashlib.sha256(delivery.ledger_key.encode()).hexdigest()[:32]
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = address_of(delivery.channel)
        message["Subject"] = parts.subject
        message["Date"] = format_datetime(delivery.send_at)
        message["Message-ID"] = f"<{key}@{Address(addr_spec=self.sender).domain}>"
        message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies
        message.set_content(parts.text)
        message.add_alternative(parts.html, subtype="html")
        return message, key


def _blocks(delivery: Delivery) -> list[dict[str, Any]]:
    blocks = json.loads(delivery.blocks)
    return blocks if isinstance(blocks, list) else []


def _refusal(code: int, reply: bytes | str, cause: str) -> DeliveryFailed:
    """5xx is final (RFC 5321 4.2.1): failed, told to the admins; 4xx means later."""
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply
    if 400 <= code < 500:
        return DeliveryFailed(f"the mail server said later: {code} {text}", permanent=False,
                              cause=BUSY)
    return DeliveryFailed(f"the mail server refused it: {code} {text}", permanent=True,
                          cause=cause)


def make_mailer(settings: Settings) -> MailSender | None:
    """The sender LSCB_SMTP_URL and LSCB_MAIL_FROM describe (None when email is not set up)."""
    if not settings.smtp_url:
        return None
    return MailSender(SmtpServer.from_url(settings.smtp_url), settings.mail_from)
