"""The persistent store: Oxigraph on disk, written in generations, read by many, written by one.

A store folder (the build folder, ``DIR``) holds::

    DIR/store.json          format version, current generation, counts, creation time
    DIR/store-<n>/oxigraph/ the Oxigraph (RocksDB) database of generation n
    DIR/store-<n>/readers   a lock file: every open reader holds a shared lock on it
    DIR/.lock               the writer lock (one writer at a time)

Why generations: Oxigraph must not be read while another process writes the same database, so a
build never writes the current generation. It bulk-loads a new one beside it, and only when that is
complete and on disk does it replace ``store.json`` atomically (temporary file, fsync, rename, fsync
of the folder). A reader opens whichever generation ``store.json`` names and holds a shared lock on
that generation's ``readers`` file while open; after switching, the writer removes every older
generation whose lock it can take exclusively, that is, which no reader holds. A build that is
killed leaves ``store.json`` and the current generation untouched; its half-written folder is
removed by the next build.

The default graph of a stored generation is the union of its named graphs, materialised when the
generation is written (``store.json``: ``"default_graph": "union"``). Oxigraph's own union option
(and its FROM with several graphs) is a multiset: a triple stated in a hundred article graphs, as
an organisation's label is, would match a hundred times. SPARQL's default graph is an RDF graph, a
set, as rdflib and Fuseki's union default graph give it; the materialised union makes Oxigraph
answer the same, and makes default-graph queries cheaper. It is written in the same bulk load as the
named graphs, from the dump's bytes (:mod:`.storeio`): at 1M quads the whole write, union and
compaction included, takes about a third longer than pyoxigraph's bare bulk load of the named
graphs (``benchmarks/results/store.md``).

Opening a store read-write (``open_store(DIR)``) changes the current generation in place, so it
takes both the writer lock and an exclusive lock on the generation: it is refused while anyone
reads it, and readers are refused while it is open.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import gc
import io
import json
import os
import shutil
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

import pyoxigraph as ox

from .errors import StoreError, StoreLockedError
from .fsutil import atomic_write_text, fsync_dir
from .storeio import NotCanonicalError, UnionReader, canonical_nquads, quads_nquads

if TYPE_CHECKING:
    import rdflib

    from .query.worker import QueryPool

__all__ = [
    "STORE_FORMAT_VERSION",
    "Store",
    "load_dump",
    "open_store",
    "read_store_info",
    "replace_graphs",
    "write_store",
]

#: Version of the folder layout and of what ``store.json`` records; bumped on incompatible change.
STORE_FORMAT_VERSION = 1

_META = "store.json"
_WRITER_LOCK = ".lock"
_GEN_PREFIX = "store-"
_DB = "oxigraph"
_READERS = "readers"
_OPEN_ATTEMPTS = 20  # a reader retries while a writer switches generations under it
_UNION = "union"
_DEFAULT_GRAPH = ox.DefaultGraph()

_FORMATS = {
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nquads": ox.RdfFormat.N_QUADS,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
}


class Store:
    """An open kexie-graph store: the Oxigraph database plus an rdflib view of the same data.

    Use it as a context manager or call :meth:`close`. ``ox`` is the :class:`pyoxigraph.Store` of
    the current generation (opened read-only when ``read_only``); :attr:`dataset` is an rdflib
    ``Dataset`` over the same data whose default graph is the union of the named graphs.
    """

    def __init__(
        self,
        ox_store: ox.Store,
        *,
        path: Path | None = None,
        generation: int | None = None,
        read_only: bool = False,
        info: Mapping[str, Any] | None = None,
        locks: Iterable[int] = (),
    ) -> None:
        self.ox: ox.Store = ox_store
        self.path: Path | None = path
        self.generation: int | None = generation
        self.read_only = read_only
        self.info: dict[str, Any] = dict(info or {})
        self._locks = list(locks)
        self._dataset: rdflib.Dataset | None = None
        self._graphs: list[str] | None = None
        self._graph_set: frozenset[str] | None = None
        self._pool: QueryPool | None = None
        self._closed = False

    # -- the data ------------------------------------------------------------------------------

    @property
    def generation_path(self) -> Path | None:
        """The folder of the open generation (None for an in-memory store)."""
        if self.path is None or self.generation is None:
            return None
        return self.path / f"{_GEN_PREFIX}{self.generation}"

    @property
    def dataset(self) -> rdflib.Dataset:
        """An rdflib ``Dataset`` over the same data (through oxrdflib); default graph = union.

        Queries sent through it (``store.dataset.query``) go straight to Oxigraph, past the guard;
        ``kexie_graph.query.query(store.dataset, …)`` runs them through the guard on the store.
        """
        if self._dataset is None:
            from oxrdflib import OxigraphStore
            from rdflib import Dataset

            union = not self.union_default_graph  # else the default graph already is the union
            self._dataset = Dataset(store=OxigraphStore(store=self.ox), default_union=union)
            self._dataset._kexie_store = self  # type: ignore[attr-defined]  # query() finds the store
        return self._dataset

    def graphs(self) -> list[str]:
        """The IRIs of the store's named graphs, sorted."""
        if self._graphs is not None:
            return list(self._graphs)
        names = sorted(g.value for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode))
        if self.read_only:  # a published generation never changes, so the list can be kept
            self._graphs = names
            self._graph_set = frozenset(names)
        return list(names)

    def has_graph(self, iri: str) -> bool:
        """Whether ``iri`` names a graph of the store (a cheap lookup, no listing)."""
        if self._graph_set is not None:
            return iri in self._graph_set
        try:
            return bool(self.ox.contains_named_graph(ox.NamedNode(iri)))
        except ValueError:  # not a valid IRI, so certainly not one of ours
            return False

    @property
    def union_default_graph(self) -> bool:
        """Whether the default graph holds the materialised union of the named graphs."""
        return self.info.get("default_graph") == _UNION

    def __len__(self) -> int:
        """The number of quads in the named graphs (the materialised union is not counted)."""
        if self.read_only and "quads" in self.info:
            return int(self.info["quads"])
        if not self.union_default_graph:
            return len(self.ox)
        return _named_quads(self.ox)

    def resync_union(self) -> None:
        """Rebuild the default graph as the union of the named graphs (after in-place changes)."""
        if self.read_only:
            raise StoreError(f"{self.path}: is open read-only; the union cannot change")
        if self.union_default_graph:
            self.ox.remove_graph(_DEFAULT_GRAPH)
            self.ox.bulk_extend(_copies(list(self.ox.quads_for_pattern(None, None, None, None))))

    # -- deadlines -----------------------------------------------------------------------------

    def start_pool(self, size: int = 1) -> QueryPool:
        """Start (or return) the worker processes that run queries with a deadline.

        Only a store opened read-only from disk can have workers: each opens the same generation
        read-only in its own process, which is killed at a deadline and replaced.
        """
        from .query.worker import QueryPool

        if self._pool is not None and not self._pool.closed:
            return self._pool
        gen = self.generation_path
        if gen is None or not self.read_only:
            raise StoreError(
                f"{self.path or 'in-memory store'}: queries with a deadline need a store opened "
                "read-only from disk; open it with open_store(DIR, read_only=True)"
            )
        self._pool = QueryPool(gen / _DB, size=size, default_is_union=self.union_default_graph)
        return self._pool

    @property
    def pool(self) -> QueryPool | None:
        """The running worker pool, if :meth:`start_pool` or a query with a deadline started one."""
        return self._pool

    # -- life cycle ----------------------------------------------------------------------------

    def close(self) -> None:
        """Stop the worker pool, drop the database handle and release the locks."""
        if self._closed:
            return
        self._closed = True
        if self._pool is not None:
            self._pool.close()
            self._pool = None
        self._dataset = None
        # pyoxigraph closes the database when the last reference goes; drop ours before unlocking
        del self.ox
        gc.collect()
        for fd in self._locks:
            with contextlib.suppress(OSError):
                os.close(fd)  # closing the descriptor releases its flock
        self._locks.clear()

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` has been called."""
        return self._closed

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        where = str(self.path) if self.path else "memory"
        mode = "read-only" if self.read_only else "read-write"
        return f"<kexie_graph.Store {where} generation={self.generation} {mode}>"


# -- opening ---------------------------------------------------------------------------------------


def read_store_info(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Return ``DIR/store.json``, checked; raise :class:`StoreError` if it is not a store."""
    folder = Path(path)
    if not folder.exists():
        raise StoreError(
            f"{folder}: no such store folder; build one with `kexie-graph build ARTICLES --out "
            f"{folder}` or `kexie-graph load kg.trig --out {folder}`"
        )
    if not folder.is_dir():
        raise StoreError(
            f"{folder}: is a file, not a store folder; give the build folder (--out DIR)"
        )
    meta_path = folder / _META
    try:
        text = meta_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        hint = (
            f"rebuild it with `kexie-graph load {folder / 'kg.trig'} --out {folder}`"
            if (folder / "kg.trig").exists()
            else f"build one with `kexie-graph build ARTICLES --out {folder}`"
        )
        raise StoreError(f"{folder}: not a kexie-graph store (no {_META}); {hint}") from None
    except OSError as error:
        raise StoreError(
            f"{meta_path}: cannot be read ({error.strerror}); check its permissions"
        ) from None
    try:
        info = json.loads(text)
        version = int(info["format_version"])
        int(info["generation"])
    except (ValueError, KeyError, TypeError):
        raise StoreError(
            f"{meta_path}: damaged (not the JSON kexie-graph writes); rebuild the store with "
            f"`kexie-graph load kg.trig --out {folder}`"
        ) from None
    if version != STORE_FORMAT_VERSION:
        raise StoreError(
            f"{folder}: store format version {version}, but this kexie-graph reads version "
            f"{STORE_FORMAT_VERSION}; rebuild it with "
            f"`kexie-graph load {folder / 'kg.trig'} --out {folder}`"
        )
    return dict(info)


def open_store(path: str | os.PathLike[str] | None = None, read_only: bool = False) -> Store:
    """Open the store in folder ``path`` (an empty in-memory store when ``path`` is None).

    An in-memory store has no materialised union: queries on it use Oxigraph's union flag, which
    counts a triple once per graph that holds it (write a store with :func:`write_store` to get
    the union as a set).

    ``read_only=True`` is what ``query``, ``serve`` and notebooks want: any number of readers may
    open a store at once, also while a build writes the next generation. ``read_only=False`` changes
    the current generation in place and so needs the store to itself.
    Raises :class:`StoreError` (missing, not a store, other format version) or
    :class:`StoreLockedError`.
    """
    if path is None:
        return Store(ox.Store(), read_only=read_only)
    folder = Path(path)
    if read_only:
        return _open_reader(folder)
    return _open_writer(folder)


def _open_reader(folder: Path) -> Store:
    last_error = ""
    missing: int | None = None
    for attempt in range(_OPEN_ATTEMPTS):
        info = read_store_info(folder)
        gen = int(info["generation"])
        gen_dir = folder / f"{_GEN_PREFIX}{gen}"
        if gen == missing:
            # store.json has not moved on: its generation is gone or incomplete, not being replaced
            raise StoreError(
                f"{folder}: damaged (store generation {gen} is missing or incomplete); rebuild "
                f"it with `kexie-graph load {folder / 'kg.trig'} --out {folder}`"
            )
        lock_path = gen_dir / _READERS
        try:
            fd = os.open(lock_path, os.O_RDONLY | os.O_CLOEXEC)
        except FileNotFoundError:
            # store.json moved on and the generation it named was removed in between: read it again
            missing = gen
            last_error = "its generation was replaced while opening"
            time.sleep(0.005 * (attempt + 1))
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            last_error = "another process has it open for writing"
            time.sleep(0.005 * (attempt + 1))  # a switching build holds it for a moment only
            continue
        try:
            # the writer may have unlinked the generation between our open and our lock
            if os.fstat(fd).st_ino != os.stat(lock_path).st_ino:
                raise FileNotFoundError(lock_path)
            db = ox.Store.read_only(str(gen_dir / _DB))
        except FileNotFoundError:
            os.close(fd)
            missing = gen
            last_error = "its generation was replaced while opening"
            continue
        except (OSError, RuntimeError) as error:  # RocksDB reports corruption as RuntimeError
            os.close(fd)
            raise StoreError(
                f"{folder}: the Oxigraph database of generation {gen} cannot be opened ({error}); "
                f"rebuild it with `kexie-graph load {folder / 'kg.trig'} --out {folder}`"
            ) from None
        return Store(db, path=folder, generation=gen, read_only=True, info=info, locks=[fd])
    raise StoreLockedError(
        f"{folder}: cannot be opened read-only: {last_error}; close the program that opened it "
        "with open_store(DIR) (read-write), or wait and try again"
    )


def _open_writer(folder: Path) -> Store:
    info = read_store_info(folder)
    writer_fd = _lock_writer(folder)
    gen = int(info["generation"])
    gen_dir = folder / f"{_GEN_PREFIX}{gen}"
    try:
        readers_fd = os.open(gen_dir / _READERS, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as error:
        os.close(writer_fd)
        raise StoreError(
            f"{gen_dir}: cannot be opened ({error.strerror}); check its permissions"
        ) from None
    try:
        fcntl.flock(readers_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(readers_fd)
        os.close(writer_fd)
        raise StoreLockedError(
            f"{folder}: is open read-only by another program (query, serve or a notebook); "
            "close it before opening the store read-write, or open it with read_only=True"
        ) from None
    try:
        db = ox.Store(str(gen_dir / _DB))
    except (OSError, RuntimeError) as error:  # RocksDB reports corruption as RuntimeError
        os.close(readers_fd)
        os.close(writer_fd)
        raise StoreError(f"{folder}: the Oxigraph database cannot be opened ({error})") from None
    return Store(
        db, path=folder, generation=gen, read_only=False, info=info, locks=[readers_fd, writer_fd]
    )


# -- writing ---------------------------------------------------------------------------------------


def _lock_writer(folder: Path) -> int:
    fd = os.open(folder / _WRITER_LOCK, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise StoreLockedError(
            f"{folder}: another kexie-graph build is writing it; wait or use another --out"
        ) from None
    return fd


@contextlib.contextmanager
def _writer(folder: Path) -> Iterator[None]:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"{folder}: cannot create the store folder ({error.strerror})") from None
    if not folder.is_dir():
        raise StoreError(f"{folder}: is a file, not a store folder; give a folder as --out")
    fd = _lock_writer(folder)
    try:
        yield
    finally:
        os.close(fd)


def _generations(folder: Path) -> dict[int, Path]:
    out: dict[int, Path] = {}
    for child in folder.iterdir():
        name = child.name
        if name.startswith(_GEN_PREFIX) and name[len(_GEN_PREFIX) :].isdigit() and child.is_dir():
            out[int(name[len(_GEN_PREFIX) :])] = child
    return out


def _current_info(folder: Path) -> dict[str, Any] | None:
    if not (folder / _META).exists():
        return None
    try:
        return read_store_info(folder)
    except StoreError:
        return None  # damaged or another version: a rewrite replaces it


def _new_generation(folder: Path, current: dict[str, Any] | None) -> tuple[int, Path]:
    known = list(_generations(folder))
    if current is not None:
        known.append(int(current["generation"]))
    number = max(known, default=0) + 1
    gen_dir = folder / f"{_GEN_PREFIX}{number}"
    gen_dir.mkdir()
    (gen_dir / _READERS).touch()
    return number, gen_dir


def _fsync_tree(root: Path) -> None:
    # RocksDB's bulk load writes its files without our say on syncing; make the generation durable
    # before store.json points at it, so a power cut cannot leave store.json naming lost files.
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            fd = os.open(os.path.join(dirpath, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        fsync_dir(dirpath)


def _named_quads(db: ox.Store) -> int:
    answer = db.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    return int(next(iter(answer))[0].value)  # type: ignore[arg-type]


def _copies(quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
    """The triples of ``quads`` in the default graph (the store keeps each triple once)."""
    quad, default = ox.Quad, _DEFAULT_GRAPH
    for q in quads:
        yield quad(q.subject, q.predicate, q.object, default)


def _with_copies(quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
    quad, default = ox.Quad, _DEFAULT_GRAPH
    for q in quads:
        yield q
        yield quad(q.subject, q.predicate, q.object, default)


def _close_db(db: ox.Store) -> tuple[int, int]:
    """Finish a generation: flush, compact, count.

    A bulk load leaves RocksDB files that overlap one another; compacting them (``optimize``)
    before anyone reads the generation makes every lookup touch fewer files. Measured on a
    1M-quad corpus it costs about a fifth of the load's time and makes the competency queries a
    third faster (``benchmarks/results/store.md``): a generation is written once and read many
    times.
    """
    db.flush()
    db.optimize()
    return _named_quads(db), sum(1 for _ in db.named_graphs())


def _publish(folder: Path, number: int, quads: int, graphs: int, source: str) -> dict[str, Any]:
    info = {
        "format": "kexie-graph store",
        "format_version": STORE_FORMAT_VERSION,
        "generation": number,
        "quads": quads,
        "graphs": graphs,
        "source": source,
        "default_graph": _UNION,
        "oxigraph": _oxigraph_version(),
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    atomic_write_text(folder / _META, json.dumps(info, indent=1, sort_keys=True) + "\n")
    return info


def _oxigraph_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pyoxigraph")
    except PackageNotFoundError:  # pragma: no cover - a source build without metadata
        return "unknown"


def _remove_unused(folder: Path, keep: int) -> list[int]:
    """Remove every generation but ``keep`` that no reader holds; return the numbers removed."""
    removed = []
    for number, gen_dir in sorted(_generations(folder).items()):
        if number == keep:
            continue
        lock_path = gen_dir / _READERS
        try:
            fd = os.open(lock_path, os.O_RDWR | os.O_CLOEXEC)
        except FileNotFoundError:
            fd = -1  # a half-made generation of a killed build: nobody can be reading it
        try:
            if fd >= 0:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    continue  # a reader still uses it; a later build removes it
            # unlink the lock first, so that a reader who opened it before sees a stale inode
            with contextlib.suppress(FileNotFoundError):
                lock_path.unlink()
            shutil.rmtree(gen_dir, ignore_errors=True)
            removed.append(number)
        finally:
            if fd >= 0:
                os.close(fd)
    return removed


def _bulk_load(gen_dir: Path, source: Any) -> tuple[ox.Store, str]:
    """Open the database of ``gen_dir`` and load ``source`` into it, the union default graph too.

    The fast path streams the source's N-Quads through :class:`~.storeio.UnionReader` into one
    bulk load. Input that is not canonical N-Quads (TriG, Turtle, hand-written N-Quads) is first
    canonicalised through an in-memory store; a half-made database is thrown away first.
    """
    if isinstance(source, str | os.PathLike):
        src = Path(source)
        fmt = _FORMATS.get(src.suffix.lower())
        if fmt is None:
            raise StoreError(f"{src}: unknown RDF format; give a .trig, .nq, .ttl or .nt file")
        if not src.is_file():
            raise StoreError(f"{src}: no such file; give the path of a kg.trig dump")
        try:
            if fmt == ox.RdfFormat.N_QUADS:
                with src.open("rb") as stream, contextlib.suppress(NotCanonicalError, SyntaxError):
                    return _load_union(gen_dir, stream), src.name
            canonical = canonical_nquads(str(src), fmt)
        except SyntaxError as error:
            raise StoreError(
                f"{src}: not valid {fmt.name}: {error}; give a dump written by kexie-graph"
            ) from None
        return _load_union(gen_dir, io.BytesIO(canonical)), src.name
    db = _fresh_db(gen_dir)
    _extend_with_union(db, _as_ox_quads(source))
    return db, "quads"


def _extend_with_union(db: ox.Store, quads: Iterable[ox.Quad]) -> None:
    """Add ``quads`` to ``db``, each triple of a named graph to the default graph too.

    Through the union stream (:mod:`.storeio`); quads the stream cannot split (RDF 1.2 triple
    terms) go in one by one as Python objects. Adding is idempotent (a store is a set), so what a
    refused stream loaded before it stopped does no harm.
    """
    data = quads_nquads(quads)
    try:
        db.bulk_load(cast(IO[bytes], UnionReader(io.BytesIO(data))), format=ox.RdfFormat.N_QUADS)
    except NotCanonicalError:
        db.bulk_extend(_with_copies(ox.parse(data, format=ox.RdfFormat.N_QUADS)))


def _fresh_db(gen_dir: Path) -> ox.Store:
    shutil.rmtree(gen_dir / _DB, ignore_errors=True)
    return ox.Store(str(gen_dir / _DB))


def _load_union(gen_dir: Path, stream: IO[bytes]) -> ox.Store:
    """A new database in ``gen_dir`` holding ``stream`` (canonical N-Quads) and its union."""
    db = _fresh_db(gen_dir)
    try:
        db.bulk_load(cast(IO[bytes], UnionReader(stream)), format=ox.RdfFormat.N_QUADS)
    except BaseException:
        del db
        gc.collect()  # RocksDB lets go of its files before they are removed
        shutil.rmtree(gen_dir / _DB, ignore_errors=True)
        raise
    return db


def _as_ox_quads(source: Any) -> Iterable[ox.Quad]:
    try:
        from rdflib import Dataset
    except ImportError:  # pragma: no cover - rdflib is a dependency
        Dataset = ()  # type: ignore[assignment,misc]
    if isinstance(source, Dataset):
        from .query.terms import rdflib_to_ox

        return (
            ox.Quad(rdflib_to_ox(s), rdflib_to_ox(p), rdflib_to_ox(o), _graph_name(g))
            for s, p, o, g in source.quads((None, None, None, None))
        )
    return source


def _graph_name(g: Any) -> ox.NamedNode | ox.DefaultGraph:
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    ident = getattr(g, "identifier", g)
    if ident is None or ident == DATASET_DEFAULT_GRAPH_ID:
        return ox.DefaultGraph()
    return ox.NamedNode(str(ident))


def write_store(
    out_dir: str | os.PathLike[str], quads_or_trig: str | os.PathLike[str] | Iterable[ox.Quad]
) -> Path:
    """Write a new generation of the store in ``out_dir`` from a dump file or from quads.

    ``quads_or_trig`` is the path of a TriG (or N-Quads, Turtle, N-Triples) file, an iterable of
    :class:`pyoxigraph.Quad`, or an rdflib ``Dataset``. Its default graph is then set to the union
    of the named graphs (each triple once; the source's own default-graph triples join it). The new
    generation becomes current only once it is complete and on disk; readers of the old one keep
    reading it until they close. Returns
    ``out_dir`` (what :func:`open_store` takes). Raises :class:`StoreLockedError` while another
    build writes the same folder.
    """
    folder = Path(out_dir)
    with _writer(folder):
        current = _current_info(folder)
        number, gen_dir = _new_generation(folder, current)
        db, source = _bulk_load(gen_dir, quads_or_trig)
        quads, graphs = _close_db(db)
        del db
        gc.collect()
        _fsync_tree(gen_dir)
        _publish(folder, number, quads, graphs, source)
        _remove_unused(folder, keep=number)
    return folder


def replace_graphs(
    out_dir: str | os.PathLike[str], graphs: Mapping[str, Iterable[ox.Quad] | None]
) -> Path:
    """Write a new generation = the current one without ``graphs`` plus their new contents.

    ``graphs`` maps a graph IRI to its new quads (their graph name is set to that IRI) or to None to
    drop the graph. The copy of the unchanged data shares the database's immutable files with the
    current generation (hard links), so a rebuild of a few articles in a large corpus is cheap.
    Returns ``out_dir``.
    """
    folder = Path(out_dir)
    with _writer(folder):
        current = _current_info(folder)
        number, gen_dir = _new_generation(folder, current)
        if current is None:
            db = ox.Store(str(gen_dir / _DB))
        else:
            old_dir = folder / f"{_GEN_PREFIX}{int(current['generation'])}" / _DB
            try:
                old = ox.Store.read_only(str(old_dir))
                old.backup(str(gen_dir / _DB))
            except OSError as error:
                raise StoreError(
                    f"{folder}: the current generation cannot be copied ({error}); rebuild the "
                    f"store with `kexie-graph load kg.trig --out {folder}`"
                ) from None
            del old
            db = ox.Store(str(gen_dir / _DB))
        _replace_in(
            db, graphs, union=current is not None and current.get("default_graph") == _UNION
        )
        counts = _close_db(db)
        del db
        gc.collect()
        _fsync_tree(gen_dir)
        _publish(folder, number, *counts, source=f"replace {len(graphs)} graphs")
        _remove_unused(folder, keep=number)
    return folder


def _replace_in(
    db: ox.Store, graphs: Mapping[str, Iterable[ox.Quad] | None], *, union: bool
) -> None:
    """Swap ``graphs`` in ``db`` and keep its default graph the union of its named graphs."""
    dropped: list[ox.Triple] = []
    added: list[ox.Quad] = []
    for iri, quads in graphs.items():
        name = ox.NamedNode(iri)
        dropped.extend(q.triple for q in db.quads_for_pattern(None, None, None, name))
        db.remove_graph(name)
        if quads is not None:
            added.extend(ox.Quad(q.subject, q.predicate, q.object, name) for q in quads)
    _extend_with_union(db, added)  # one ingestion, not one per graph
    if not union:  # a store written before the union was kept: make it now
        db.bulk_extend(_copies(list(db.quads_for_pattern(None, None, None, None))))
        return
    for triple in dropped:
        s, p, o = triple.subject, triple.predicate, triple.object
        still = any(
            not isinstance(q.graph_name, ox.DefaultGraph)
            for q in db.quads_for_pattern(s, p, o, None)
        )
        if not still:
            db.remove(ox.Quad(s, p, o, _DEFAULT_GRAPH))


def load_dump(trig_path: str | os.PathLike[str], out_dir: str | os.PathLike[str]) -> Path:
    """Rebuild the store in ``out_dir`` from a dump (``kexie-graph load kg.trig --out DIR``)."""
    src = Path(trig_path)
    if not src.is_file():
        raise StoreError(f"{src}: no such file; give the path of a kg.trig dump")
    return write_store(out_dir, src)
