"""Deadlines: a runaway query is stopped in its worker process, and the next query answers."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from kexie_graph.errors import QueryError, QueryTimeoutError, StoreError
from kexie_graph.query import query
from kexie_graph.store import open_store

from .conftest import SMALL_TRIPLES

# a cross product of five copies of every triple: 148^5 rows, far more than a second's work
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a killed child that was reaped is gone; one not yet reaped shows as a zombie
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def test_a_runaway_query_is_stopped_and_the_next_query_answers(store_dir: Path) -> None:
    with open_store(store_dir, read_only=True) as store:
        pool = store.start_pool(1)
        (first,) = pool.pids()
        assert query(store, COUNT, timeout=10).rows == [{"n": SMALL_TRIPLES}]
        with pytest.raises(QueryTimeoutError, match="ran past its deadline of 1 s and was stopped"):
            query(store, RUNAWAY, timeout=1)
        assert not _alive(first), "the worker of the runaway query still runs"
        assert pool.timeouts == 1
        assert query(store, COUNT, timeout=10).rows == [{"n": SMALL_TRIPLES}]
        assert pool.pids() != [first]


def test_other_queries_carry_on_while_one_runs_away(store_dir: Path) -> None:
    with open_store(store_dir, read_only=True) as store:
        store.start_pool(2)
        caught: list[BaseException] = []

        def runaway() -> None:
            try:
                query(store, RUNAWAY, timeout=3)
            except BaseException as error:
                caught.append(error)

        thread = threading.Thread(target=runaway)
        thread.start()
        time.sleep(0.3)
        answers = [query(store, COUNT, timeout=3).rows for _ in range(5)]
        assert thread.is_alive(), "the runaway query ended before the others were answered"
        thread.join(timeout=30)
        assert answers == [[{"n": SMALL_TRIPLES}]] * 5
        assert len(caught) == 1 and isinstance(caught[0], QueryTimeoutError)


def test_a_worker_that_dies_is_replaced(store_dir: Path) -> None:
    with open_store(store_dir, read_only=True) as store:
        pool = store.start_pool(1)
        (pid,) = pool.pids()
        thread = threading.Thread(target=lambda: (time.sleep(0.3), os.kill(pid, signal.SIGKILL)))
        thread.start()
        with pytest.raises(QueryError, match="stopped unexpectedly"):
            query(store, RUNAWAY, timeout=20)
        thread.join()
        assert query(store, COUNT, timeout=10).rows == [{"n": SMALL_TRIPLES}]


def test_closing_the_store_stops_its_workers(store_dir: Path) -> None:
    store = open_store(store_dir, read_only=True)
    pids = store.start_pool(2).pids()
    assert all(_alive(p) for p in pids)
    store.close()
    assert not any(_alive(p) for p in pids)


def test_workers_hold_the_generation_while_a_build_switches(store_dir: Path) -> None:
    from kexie_graph.store import write_store

    from .conftest import SMALL

    with open_store(store_dir, read_only=True) as store:
        store.start_pool(1)
        write_store(store_dir, SMALL)
        assert (store_dir / "store-1").exists()
        assert query(store, COUNT, timeout=10).rows == [{"n": SMALL_TRIPLES}]


@pytest.mark.parametrize("read_only", [False, None])
def test_deadlines_need_a_read_only_store_on_disk(store_dir: Path, read_only: bool | None) -> None:
    store = open_store(None if read_only is None else store_dir, read_only=bool(read_only))
    with store, pytest.raises(StoreError, match="deadline"):
        query(store, COUNT, timeout=1)


@pytest.mark.parametrize("timeout", [0, -1])
def test_a_deadline_must_be_positive(store_dir: Path, timeout: float) -> None:
    with (
        open_store(store_dir, read_only=True) as store,
        pytest.raises(QueryError, match="more than 0"),
    ):
        query(store, COUNT, timeout=timeout)
