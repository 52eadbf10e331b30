"""LSCB_SMTP_URL as a mail server takes it: STARTTLS when offered, a login only over TLS."""

from __future__ import annotations

import shutil
import ssl
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from bot.config import Settings, SettingsError
from bot.cycle import run_cycle
from bot.smtp import SmtpServer, SmtpUrlError
from storage.database import Database
from tests.scheduler.conftest import COMMS, SettingsAt
from tests.scheduler.test_email import FROM, MONDAY, mail_rows, new_sender
from tests.smtpserver import LoopbackSmtp

USER, PASSWORD = "lscb", "s3cret p@ss:word"
QUOTED = "lscb:s3cret%20p%40ss%3Aword"


def test_the_url_says_where_and_how_and_hides_the_password() -> None:
    plain = SmtpServer.from_url(f"smtp://{QUOTED}@mail.example.org:587")
    assert (plain.host, plain.port, plain.tls, plain.user, plain.password) == (
        "mail.example.org", 587, False, USER, PASSWORD)
    assert PASSWORD not in repr(plain) and "s3cret" not in repr(plain)
    assert SmtpServer.from_url("smtps://mail.example.org").port == 465
    assert SmtpServer.from_url("smtp://mail.example.org").port == 25
    for bad in ("http://mail.example.org", "smtp://", "smtp://host:port"):
        with pytest.raises(SmtpUrlError):
            SmtpServer.from_url(bad)


def test_settings_want_a_from_address_with_a_server() -> None:
    settings = Settings.from_env({"LSCB_SMTP_URL": "smtp://mail.example.org:587",
                                  "LSCB_MAIL_FROM": FROM})
    assert (settings.smtp_url, settings.mail_from) == ("smtp://mail.example.org:587", FROM)
    with pytest.raises(SettingsError, match="LSCB_MAIL_FROM"):
        Settings.from_env({"LSCB_SMTP_URL": "smtp://mail.example.org"})
    for bad in ("mail.example.org", "smtp://mail.example.org:port", "smtp://a:b/c@host"):
        with pytest.raises(SettingsError, match="LSCB_SMTP_URL"):
            Settings.from_env({"LSCB_SMTP_URL": bad, "LSCB_MAIL_FROM": FROM})
    assert Settings.from_env({}).smtp_url == ""


@pytest.fixture
def certificate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ssl.SSLContext]:
    """A self-signed certificate for 127.0.0.1 the client trusts (SSL_CERT_FILE is read by
    ssl.create_default_context), and the server's context holding it."""
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make a certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1"], check=True,
                   capture_output=True)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    yield context


def cycle(database: Database, settings_at: SettingsAt, url: str, day: date = MONDAY) -> None:
    settings = settings_at(day, smtp_url=url, mail_from=FROM)
    run_cycle(database, settings, new_sender(settings), worker="w1")


def test_starttls_is_used_when_offered_and_the_login_goes_over_it(
        mail_database: Database, settings_at: SettingsAt,
        certificate: ssl.SSLContext) -> None:
    server = LoopbackSmtp(starttls=certificate, logins={USER: PASSWORD}).start()
    try:
        cycle(mail_database, settings_at, f"smtp://{QUOTED}@127.0.0.1:{server.port}")
    finally:
        server.stop()
    assert server.to(COMMS)
    assert all(r.encrypted and r.login == USER for r in server.received)
    assert {d.status for d in mail_rows(mail_database)} == {"sent"}


def test_a_wrong_password_leaves_email_pending(
        mail_database: Database, settings_at: SettingsAt,
        certificate: ssl.SSLContext) -> None:
    server = LoopbackSmtp(starttls=certificate, logins={USER: "another"}).start()
    try:
        cycle(mail_database, settings_at, f"smtp://{QUOTED}@127.0.0.1:{server.port}")
    finally:
        server.stop()
    assert not server.received
    assert {(d.status, d.cause) for d in mail_rows(mail_database)} == {("pending", "smtp_login")}


def test_a_password_is_never_sent_without_tls(
        mail_database: Database, settings_at: SettingsAt) -> None:
    server = LoopbackSmtp().start()  # offers no STARTTLS
    try:
        cycle(mail_database, settings_at, f"smtp://{QUOTED}@127.0.0.1:{server.port}")
    finally:
        server.stop()
    assert not server.received
    rows = mail_rows(mail_database)
    assert {(d.status, d.cause) for d in rows} == {("pending", "smtp_login")}
    assert "not sent in plain text" in rows[0].last_error


def test_smtps_speaks_tls_from_the_first_byte(
        mail_database: Database, settings_at: SettingsAt,
        certificate: ssl.SSLContext) -> None:
    server = LoopbackSmtp(tls=certificate).start()
    try:
        cycle(mail_database, settings_at, f"smtps://127.0.0.1:{server.port}")
    finally:
        server.stop()
    assert server.to(COMMS) and all(r.encrypted for r in server.received)
