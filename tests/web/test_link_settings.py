"""The settings board links are made from."""

from __future__ import annotations

import pytest

from bot.config import Settings, SettingsError


def test_the_link_key_falls_back_to_the_signing_secret() -> None:
    own = Settings.from_env({"LSCB_LINK_SECRET": "k", "SLACK_SIGNING_SECRET": "s",
                             "LSCB_PUBLIC_URL": "https://lscb.example.org/"})
    assert own.link_keys() is not None and own.link_keys().secret == "k"  # type: ignore[union-attr]
    assert own.public_url == "https://lscb.example.org"
    fallback = Settings.from_env({"SLACK_SIGNING_SECRET": "s"}).link_keys()
    assert fallback is not None and fallback.secret == "s"
    assert Settings.from_env({}).link_keys() is None


def test_a_public_url_must_be_a_web_address() -> None:
    with pytest.raises(SettingsError, match="LSCB_PUBLIC_URL"):
        Settings.from_env({"LSCB_PUBLIC_URL": "lscb.example.org"})
