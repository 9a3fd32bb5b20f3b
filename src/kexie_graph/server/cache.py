"""A bounded cache of recent answers, per server process.

The server opens its store read-only and the store does not change under it (a build writes a new
store generation beside the served one), so the same query over the same dataset, in the same
format, always has the same answer. Keeping recent answers spares the engine, the worker-process
round trip and the serializer for the queries a page or a dashboard sends again and again. Only
answers that completed are kept (never an error or a timeout), each at most a sixteenth of the
budget, least recently used out first.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable

from .executor import Answer

__all__ = ["AnswerCache"]


class AnswerCache:
    """LRU map from a query key to its :class:`Answer`, bounded by the bytes of the bodies.

    Used only from the event loop's thread, so it needs no lock.
    """

    def __init__(self, budget: int) -> None:
        self.budget = max(0, budget)
        self.max_entry = self.budget // 16
        self.size = 0
        self.hits = 0
        self.misses = 0
        self._entries: OrderedDict[Hashable, Answer] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: Hashable) -> Answer | None:
        """Return the kept answer for ``key``, if any, and mark it recently used."""
        answer = self._entries.get(key)
        if answer is None:
            self.misses += 1
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return answer

    def put(self, key: Hashable, answer: Answer) -> None:
        """Keep ``answer`` unless it is too large; drop the least recently used to make room."""
        size = len(answer.body)
        if size > self.max_entry or key in self._entries:
            return
        self._entries[key] = answer
        self.size += size
        while self.size > self.budget and self._entries:
            _, old = self._entries.popitem(last=False)
            self.size -= len(old.body)
