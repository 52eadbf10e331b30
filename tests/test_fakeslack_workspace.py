"""The fake Slack refuses what Slack refuses: membership, DMs, archived channels, scopes,
tokens after an uninstall, trigger expiry, block text, and the history rate limit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
from slack_sdk.webhook import WebhookClient

from tests.fakeslack import (
    MESSAGE_BLOCK_TEXT_MAX,
    ChannelMention,
    FakeClock,
    FakeSlack,
    Fault,
    Link,
    Mention,
    Special,
    as_slack_sends,
    signed_slash_command,
    slack_text,
)
from tests.fakeslack_workspace import manifest_scopes

TOKEN = "xoxb-test-token"
SCOPES = {"commands", "chat:write", "channels:join", "channels:history", "groups:history",
          "im:history", "im:write"}
"""What these tests grant: the fake's rules, not manifest.yml's current list, are under test."""


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def fake(clock: FakeClock) -> Iterator[FakeSlack]:
    with FakeSlack(clock=clock, scopes=SCOPES) as running:
        running.add_channel("CPUB", "pmqa")
        running.add_channel("CPRIV", "cdop", private=True)
        running.add_user("UADMIN", "ann", real_name="Ann Admin", email="Ann@Example.org")
        yield running


def web(fake: FakeSlack, token: str = TOKEN) -> WebClient:
    return WebClient(token=token, base_url=fake.base_url, retry_handlers=[], timeout=5)


def error_of(call: Any, **kwargs: Any) -> str:
    with pytest.raises(SlackApiError) as err:
        call(**kwargs)
    return str(err.value.response["error"])


def test_the_token_holds_the_manifests_scopes_and_no_more(fake: FakeSlack) -> None:
    assert FakeSlack().workspace.scopes == manifest_scopes() != set()
    fake.workspace.scopes.discard("chat:write")
    with pytest.raises(SlackApiError) as err:
        web(fake).chat_postMessage(channel="CPUB", text="x")
    assert err.value.response["error"] == "missing_scope"
    assert err.value.response["needed"] == "chat:write"
    assert "chat:write" not in err.value.response["provided"].split(",")


def test_a_public_channel_the_bot_only_posts_to_has_no_history_for_it(fake: FakeSlack) -> None:
    client = web(fake)
    fake.workspace.scopes.add("chat:write.public")
    client.chat_postMessage(channel="CPUB", text="posted without joining")
    assert error_of(client.conversations_history, channel="CPUB") == "not_in_channel"
    fake.workspace.scopes.discard("chat:write.public")
    assert error_of(client.chat_postMessage, channel="CPUB", text="x") == "not_in_channel"


def test_joining_a_public_channel_opens_its_history(fake: FakeSlack) -> None:
    client = web(fake)
    joined = client.conversations_join(channel="CPUB")
    assert joined["channel"]["is_member"] is True and "warning" not in joined.data
    again = client.conversations_join(channel="CPUB")
    assert again["warning"] == "already_in_channel"
    client.chat_postMessage(channel="CPUB", text="hello")
    history = client.conversations_history(channel="CPUB")["messages"]
    assert [m.get("subtype") for m in history] == [None, "channel_join"]
    assert [m["text"] for m in fake.posts("CPUB")] == ["hello"]


def test_a_private_channel_is_invisible_until_the_bot_is_invited(fake: FakeSlack) -> None:
    client = web(fake)
    fake.workspace.scopes.add("groups:read")
    for call, kwargs in ((client.chat_postMessage, {"text": "x"}),
                         (client.conversations_history, {}),
                         (client.conversations_info, {}),
                         (client.conversations_join, {})):
        assert error_of(call, channel="CPRIV", **kwargs) == "channel_not_found"
    fake.invite("CPRIV")
    client.chat_postMessage(channel="CPRIV", text="now I can")
    assert client.conversations_info(channel="CPRIV")["channel"]["is_private"] is True
    assert len(client.conversations_history(channel="CPRIV")["messages"]) == 2  # join + post
    assert error_of(client.conversations_join,
                    channel="CPRIV") == "method_not_supported_for_channel_type"
    fake.kick("CPRIV")
    assert error_of(client.chat_postMessage, channel="CPRIV", text="x") == "channel_not_found"


def test_a_dm_to_a_user_id_lands_in_a_d_channel_only_that_id_can_read(fake: FakeSlack) -> None:
    client = web(fake)
    posted = client.chat_postMessage(channel="UADMIN", text="for the admin")
    dm = posted["channel"]
    assert dm.startswith("D") and dm == fake.dm_id("UADMIN")
    assert error_of(client.conversations_history, channel="UADMIN") == "channel_not_found"
    assert [m["text"] for m in client.conversations_history(channel=dm)["messages"]] == [
        "for the admin"]
    opened = client.conversations_open(users="UADMIN")
    assert opened["channel"]["id"] == dm and opened["already_open"] is True
    assert fake.posts("UADMIN") == fake.posts(dm)


def test_dms_to_people_slack_does_not_know(fake: FakeSlack) -> None:
    client = web(fake)
    assert error_of(client.chat_postMessage, channel="UNOBODY", text="x") == "channel_not_found"
    assert error_of(client.conversations_open, users="UNOBODY") == "user_not_found"
    fake.add_user("ULEFT", deleted=True)
    assert error_of(client.conversations_open, users="ULEFT") == "user_disabled"
    fake.workspace.scopes.discard("im:write")
    assert error_of(client.conversations_open, users="UADMIN") == "missing_scope"


def test_archived_and_deleted_channels(fake: FakeSlack) -> None:
    client = web(fake)
    client.conversations_join(channel="CPUB")
    fake.archive("CPUB")
    assert error_of(client.chat_postMessage, channel="CPUB", text="x") == "is_archived"
    assert client.conversations_history(channel="CPUB")["ok"]  # members still read it
    fake.archive("CPUB", False)
    client.chat_postMessage(channel="CPUB", text="back")
    fake.delete_channel("CPUB")
    assert error_of(client.chat_postMessage, channel="CPUB", text="x") == "channel_not_found"
    assert error_of(client.conversations_history, channel="CPUB") == "channel_not_found"


def section(length: int) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": "x" * length}}


def test_too_much_block_text_in_all_is_msg_blocks_too_long(fake: FakeSlack) -> None:
    client = web(fake)
    client.conversations_join(channel="CPUB")
    most = [section(3000)] * 4
    assert sum(len(b["text"]["text"]) for b in most) == MESSAGE_BLOCK_TEXT_MAX
    ts = client.chat_postMessage(channel="CPUB", text="t", blocks=most)["ts"]
    over = [*most, {"type": "context", "elements": [{"type": "mrkdwn", "text": "y"}]}]
    assert error_of(client.chat_postMessage, channel="CPUB", text="t",
                    blocks=over) == "msg_blocks_too_long"
    assert error_of(client.chat_update, channel="CPUB", ts=ts, text="t",
                    blocks=over) == "msg_blocks_too_long"
    assert [v.error for v in fake.violations] == ["msg_blocks_too_long"] * 2
    hook = WebhookClient(f"{fake.response_url_base}r")
    assert hook.send(text="t", blocks=over).status_code == 200  # respond() is not limited so


def test_rate_limited_is_an_http_200_error_no_retry_handler_sees(fake: FakeSlack) -> None:
    client = WebClient(token=TOKEN, base_url=fake.base_url,
                       retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=2)])
    client.conversations_join(channel="CPUB")
    fake.inject("chat.postMessage", Fault.error("rate_limited"))
    with pytest.raises(SlackApiError) as err:
        client.chat_postMessage(channel="CPUB", text="x")
    assert (err.value.response.status_code, err.value.response["error"]) == (200, "rate_limited")
    assert len(fake.calls("chat.postMessage")) == 1 and fake.posts("CPUB") == []


def test_after_an_uninstall_every_token_stops_until_a_reinstall(fake: FakeSlack) -> None:
    old = web(fake)
    old.auth_test()
    fake.uninstall()
    assert error_of(old.auth_test) == "account_inactive"
    assert error_of(old.chat_postMessage, channel="UADMIN", text="x") == "account_inactive"
    fake.install("xoxb-new")
    assert error_of(old.auth_test) == "token_revoked"
    assert web(fake, "xoxb-new").auth_test()["ok"]
    fake.revoke("xoxb-new")
    assert error_of(web(fake, "xoxb-new").auth_test) == "token_revoked"


def test_a_trigger_id_is_good_once_and_for_three_seconds(fake: FakeSlack,
                                                         clock: FakeClock) -> None:
    client = web(fake)
    view = {"type": "modal", "title": {"type": "plain_text", "text": "T"}, "blocks": []}
    trigger = fake.trigger_id()
    clock.advance(2.9)
    client.views_open(trigger_id=trigger, view=view)
    assert error_of(client.views_open, trigger_id=trigger, view=view) == "exchanged_trigger_id"
    late = fake.trigger_id()
    clock.advance(3.1)
    assert error_of(client.views_open, trigger_id=late, view=view) == "expired_trigger_id"
    assert error_of(client.views_open, trigger_id="12345.98765.abcd2358fdea",
                    view=view) == "invalid_trigger_id"


def test_users_are_looked_up_by_email_only_with_the_scope_for_it(fake: FakeSlack) -> None:
    client = web(fake)
    with pytest.raises(SlackApiError) as err:
        client.users_lookupByEmail(email="ann@example.org")
    assert (err.value.response["error"], err.value.response["needed"]) == (
        "missing_scope", "users:read.email")
    fake.workspace.scopes.add("users:read.email")
    found = client.users_lookupByEmail(email="ann@example.org")["user"]
    assert (found["id"], found["real_name"]) == ("UADMIN", "Ann Admin")
    assert error_of(client.users_lookupByEmail, email="nobody@example.org") == "users_not_found"
    assert error_of(client.users_info, user="UADMIN") == "missing_scope"


def test_the_limited_history_tier_pages_of_fifteen_once_a_minute(fake: FakeSlack,
                                                                 clock: FakeClock) -> None:
    client = web(fake)
    client.conversations_join(channel="CPUB")
    for i in range(20):
        client.chat_postMessage(channel="CPUB", text=f"m{i}")
    fake.limit_history()
    first = client.conversations_history(channel="CPUB", limit=200)
    assert len(first["messages"]) == 15 and first["has_more"]
    with pytest.raises(SlackApiError) as err:
        client.conversations_history(channel="CPUB", cursor=first["response_metadata"][
            "next_cursor"])
    assert err.value.response.status_code == 429
    assert int(err.value.response.headers["Retry-After"]) == 60
    clock.advance(60)
    rest = client.conversations_history(channel="CPUB",
                                        cursor=first["response_metadata"]["next_cursor"])
    texts = [m.get("text") for m in first["messages"] + rest["messages"]]
    assert len(texts) == 21 and len(set(texts)) == 21 and not rest["has_more"]


def test_slack_text_escapes_as_slack_does() -> None:
    assert slack_text("note ", Mention("U1", "sam"), " S&C") == "note <@U1|sam> S&amp;C"
    assert slack_text("channel ", ChannelMention("C1", "pmqa"), " pmqa") == (
        "channel <#C1|pmqa> pmqa")
    assert slack_text(Special("channel"), " <b> ", Link("https://x.org/a?b=1&c=2")) == (
        "<!channel> &lt;b&gt; <https://x.org/a?b=1&c=2>")
    assert slack_text("link ", Mention("U2")) == "link <@U2>"


@pytest.mark.parametrize("typed", ["note S&C", "risk <b>", "a -> b", "&amp", "<@sam>"])
def test_text_slack_never_sends_cannot_be_sent(fake: FakeSlack, typed: str) -> None:
    with pytest.raises(AssertionError, match="Slack never sends"):
        signed_slash_command(f"{fake.response_url_base}c", "secret", text=typed)
    as_slack_sends(slack_text(typed))  # what Slack sends when someone types it


def test_signed_slash_command_sends_the_text_as_given(fake: FakeSlack) -> None:
    text = slack_text("challenge 2.3 ", Mention("U1", "sam"), " Q&A <later>")
    trigger = fake.trigger_id()
    signed_slash_command(f"{fake.response_url_base}c", "secret", text=text, trigger_id=trigger)
    sent = {k: v[0] for k, v in parse_qs(fake.calls("response_url")[-1].body).items()}
    assert sent["text"] == "challenge 2.3 <@U1|sam> Q&amp;A &lt;later&gt;"
    assert sent["trigger_id"] == trigger
