"""Button presses that outlast Discord's acknowledgement deadline still do everything."""

from __future__ import annotations

from tests.test_discord_features import button, check_in_by_buttons
from tests.test_discord_world import ALICE, BOB, DiscordWorld, idle_world

__all__ = ["idle_world"]


async def test_a_deferred_support_press_still_updates_the_card(idle_world: DiscordWorld) -> None:
    await idle_world.start(ack_after=0.0)  # every interaction is deferred before the core answers
    await idle_world.join(BOB)
    await idle_world.join(ALICE)
    card = await check_in_by_buttons(idle_world, BOB, 4)
    before = str(card["content"])
    assert "support" not in before.lower()
    calls = await idle_world.press(card, button(card, "support"), user=ALICE)
    assert calls[0].json["type"] == 6  # deferred silently, before the core answered
    assert [(c.method, c.path.rsplit("/", 1)[-1]) for c in calls[1:]] == [("PATCH", "@original")]
    updated = str(idle_world.fake.messages[int(str(card["id"]))]["content"])
    assert updated.startswith(before) and "1 person sent support" in updated
