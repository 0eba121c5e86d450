"""Exactly-once answers: Slack's retries and repeated event ids are acknowledged, never answered again."""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltRequest, BoltResponse

logger = logging.getLogger(__name__)


class RecentKeys:
    """A bounded, thread-safe set of keys that forgets each key after `ttl_s` seconds."""

    def __init__(
        self, max_size: int = 2048, ttl_s: float = 15 * 60, clock: Callable[[], float] = time.monotonic
    ):
        self.max_size = max_size
        self.ttl_s = ttl_s
        self._clock = clock
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def check_and_add(self, key: str) -> bool:
        """Record `key`; return True if it was already recorded and has not expired."""
        now = self._clock()
        with self._lock:
            while self._seen and (next(iter(self._seen.values())) <= now or len(self._seen) > self.max_size):
                self._seen.popitem(last=False)
            if key in self._seen:
                return True
            self._seen[key] = now + self.ttl_s
            return False


def make_duplicate_guard(recent: RecentKeys) -> Callable[..., BoltResponse | None]:
    """Return bolt middleware that acks retries (X-Slack-Retry-Num) and repeated event ids with a 200.

    Slack retries an event when our first ack was slow or lost; the first delivery is already being
    answered, so a retry is acknowledged and dropped. The event-id set catches duplicates that arrive
    without the header. Bolt's own middleware has verified the signature by the time this runs.
    """

    def guard_duplicates(
        request: BoltRequest, body: dict[str, Any], next_: Callable[[], None]
    ) -> BoltResponse | None:
        retry = request.headers.get("x-slack-retry-num")
        if retry:
            reason = (request.headers.get("x-slack-retry-reason") or ["?"])[0]
            logger.info("Ignoring Slack retry %s (%s) of event %s", retry[0], reason, body.get("event_id"))
            return BoltResponse(status=200, body="")
        event_id = body.get("event_id")
        if isinstance(event_id, str) and recent.check_and_add(event_id):
            logger.info("Ignoring duplicate Slack event %s", event_id)
            return BoltResponse(status=200, body="")
        next_()
        return None

    return guard_duplicates
