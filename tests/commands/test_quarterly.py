"""The quarterly return's window and its command, at fixed dates."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.commands.conftest import Ask

POLICY = ("policy",)


@pytest.mark.parametrize(("now", "given"), [
    (datetime(2014, 10, 1, 9, tzinfo=UTC), True),   # the day after Q2 ends
    (datetime(2014, 10, 21, 20, tzinfo=UTC), True),  # the day returns are due
    (datetime(2014, 10, 22, 9, tzinfo=UTC), False),  # too late for Q2, too early for Q3
    (datetime(2014, 9, 30, 9, tzinfo=UTC), False),   # Q2 has not ended
])
def test_a_return_is_given_in_the_three_weeks_after_a_quarter(ask: Ask, now: datetime,
                                                               given: bool) -> None:
    reply = ask("return 2.3 amber two returns late", user="U2", admin=False,
                acting_as=POLICY, now=now)
    assert reply.is_error is not given, reply.text
    if not given:
        assert "no quarterly return to give today" in reply.text


def test_only_the_owners_people_or_an_admin_give_a_return(ask: Ask) -> None:
    now = datetime(2014, 10, 2, 9, tzinfo=UTC)
    refused = ask("return 2.3 green fine", user="U9", admin=False, acting_as=("chair",),
                  now=now)
    assert refused.is_error and "Only people linked to Policies and Procedures" in refused.text
    assert not ask("return 2.3 green fine", now=now).is_error  # an admin, for its owner
    reason = ask("return 2.3 red", user="U2", admin=False, acting_as=POLICY, now=now)
    assert reason.is_error and "Say why 2.3 is off-track" in reason.text
