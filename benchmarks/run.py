"""The benchmark: `kg build` at 1×, 10× and 100× the seeds against jieba, queries, start-up, scaling.

Run by hand (never a timed test)::

    .venv/bin/python benchmarks/run.py                 # everything, about 10 minutes on 2 cores
    .venv/bin/python benchmarks/run.py --scales 1,10   # a quicker look

Each measurement runs in a child process so that its peak memory (``ru_maxrss`` from
``os.wait4``) is its own and nothing is warm that a user's run would not have warm. Builds are
timed twice in the child: *cold* (the wall time of the whole process, interpreter start-up and
jieba's dictionary included) and *warm* (``kg.build.build`` after a first build of one seed page
has loaded the lexicons and models: the cost that grows with the corpus). Results go to
``benchmarks/results.json`` and a table in ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import make_corpus  # noqa: E402  (benchmarks/ is not a package)

PYTHON = sys.executable
WARM_UP_VARIANT = 997
SEED_CHARACTERS = None  # filled in by main()


# --- children -------------------------------------------------------------------------------


def run_child(args: list[str], code: Path | None = None) -> tuple[dict[str, Any], float, float]:
    """Run ``python benchmarks/run.py <args>`` and return its JSON, wall seconds and peak RSS in MiB.

    ``code``: a folder holding a copy of ``kg/`` and ``ontology/`` to import instead of the work tree.
    """
    env = dict(os.environ)
    if code is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(code), env.get("PYTHONPATH", "")]))
    started = time.perf_counter()
    process = subprocess.Popen([PYTHON, str(Path(__file__)), *args], stdout=subprocess.PIPE, cwd=REPO, env=env)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"child {args} failed with {process.returncode}")
    result = json.loads(output.decode().strip().splitlines()[-1])
    if isinstance(result, dict):  # CPU seconds of the whole child (and of the processes it waited for)
        result.setdefault("process_cpu_s", usage.ru_utime + usage.ru_stime)
    return result, wall, usage.ru_maxrss / 1024


STAGES = (
    ("read", "kg.corpus", "read_articles"),
    ("extract", "kg.runner", "extract_all"),
    ("resolve", "kg.resolve", "resolve"),
    ("graph", "kg.graph.rdf", "build_graph"),
    ("write", "kg.graph.export", "write_outputs"),
)


def time_stages() -> dict[str, float]:
    """Wrap each stage function that ``kg.build.build`` imports at call time, to time the stages."""
    import functools
    import importlib

    seconds: dict[str, float] = {}
    for stage, module_name, attr in STAGES:
        module = importlib.import_module(module_name)
        original = getattr(module, attr)

        def timed(*args: Any, _original: Any = original, _stage: str = stage, **kwargs: Any) -> Any:
            t = time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                seconds[_stage] = seconds.get(_stage, 0.0) + time.perf_counter() - t

        setattr(module, attr, functools.wraps(original)(timed))
    return seconds


def forkserver_cpu() -> float:
    """CPU seconds of multiprocessing's fork server and of the pool workers it forked and reaped.

    A pool's workers are the fork server's children, not this process's: neither process_time nor
    RUSAGE_CHILDREN sees them. Linux only (``/proc``); 0 when no fork server runs.
    """
    from multiprocessing import forkserver

    pid = getattr(forkserver._forkserver, "_forkserver_pid", None)
    if not pid:
        return 0.0
    time.sleep(0.2)  # the server reaps a worker on SIGCHLD: give the last ones a moment
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # utime, stime, cutime, cstime are fields 14-17 of stat; here counted after the ")" (field 3 first)
    return sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def child_build(options: argparse.Namespace) -> None:
    started = time.perf_counter()
    from kg.build import build
    from kg.cache import extractor_version

    imported = time.perf_counter() - started
    stages = time_stages()
    warm_up = 0.0
    if options.warm:
        # A variant of the seeds that no measured corpus holds: every code path runs once (lexicons,
        # jieba, the NER model load) without warming any cache keyed by the measured text.
        with tempfile.TemporaryDirectory() as scratch:
            make_corpus(Path(scratch) / "pages", 1, first=WARM_UP_VARIANT)
            t = time.perf_counter()
            build([Path(scratch) / "pages"], out=Path(scratch) / "out", formats=("ttl",), jobs=1)
            warm_up = time.perf_counter() - t
    stages.clear()
    profiler = None
    if options.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    t = time.perf_counter()
    cpu = started_cpu = time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers = forkserver_cpu()
    result = build(
        [options.paths],
        out=options.out,
        formats=tuple(options.formats.split(",")),
        jobs=options.jobs,
        cache_dir=options.cache or None,
    )
    seconds = time.perf_counter() - t
    cpu = time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    children_cpu = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
    children_cpu += forkserver_cpu() - workers
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(options.profile)
    characters = sum(len(p.read_text(encoding="utf-8")) for p in Path(options.paths).glob("*.txt"))
    print(
        json.dumps(
            {
                "import_s": imported,
                "warm_up_s": warm_up,
                "build_s": seconds,
                "build_cpu_s": cpu,  # this process
                "build_children_cpu_s": children_cpu,  # its children and the pool's workers
                "cpu_before_build_s": started_cpu,  # imports and warm-up: process_cpu_s minus this is the build
                "load_average": os.getloadavg(),
                "articles": result.articles,
                "characters": characters,
                "triples": result.triples,
                "persons": result.persons,
                "officials": result.officials,
                "bodies": result.bodies,
                "places": result.places,
                "events": result.events,
                "stages_s": dict(stages),
                "extractor_version": extractor_version(),
                "kg_imported_from": str(Path(sys.modules["kg"].__file__).parent),
            }
        )
    )


def child_jieba(options: argparse.Namespace) -> None:
    started = time.perf_counter()
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    jieba.initialize()
    initialised = time.perf_counter() - started
    from kg.corpus import read_articles

    texts = [a.text for a in read_articles([options.paths]).articles]
    t = time.perf_counter()
    for text in texts:
        list(jieba.posseg.cut(text))
    posseg = time.perf_counter() - t
    t = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    lcut = time.perf_counter() - t
    cache_file = Path(jieba.dt.tmp_dir or tempfile.gettempdir()) / (jieba.dt.cache_file or "jieba.cache")
    print(
        json.dumps(
            {
                "init_s": initialised,
                "posseg_s": posseg,
                "lcut_s": lcut,
                "characters": sum(map(len, texts)),
                "cache_file": str(cache_file),
                "cache_exists": cache_file.is_file(),
            }
        )
    )


# --- measurements ---------------------------------------------------------------------------


def measure_build(
    corpus: Path,
    jobs: int,
    cache: Path | None = None,
    warm: bool = True,
    profile: Path | None = None,
    keep: Path | None = None,
    code: Path | None = None,
    formats: str = "ttl",
) -> dict[str, Any]:
    """Build ``corpus`` in a child; ``keep`` is where to leave the outputs (else a temporary folder)."""
    with tempfile.TemporaryDirectory() as scratch:
        out = str(keep or scratch)
        args = ["--child", "build", "--paths", str(corpus), "--out", out, "--jobs", str(jobs), "--formats", formats]
        if cache is not None:
            args += ["--cache", str(cache)]
        if warm:
            args.append("--warm")
        if profile is not None:
            args += ["--profile", str(profile)]
        result, wall, rss = run_child(args, code)
    result.update(wall_s=wall, peak_rss_mib=rss, jobs=jobs)
    return result


def measure_jieba(corpus: Path) -> dict[str, Any]:
    result, wall, rss = run_child(["--child", "jieba", "--paths", str(corpus)])
    result.update(wall_s=wall, peak_rss_mib=rss)
    return result


def measure_help(runs: int = 7) -> dict[str, Any]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([PYTHON, "-m", "kg", "--help"], check=True, capture_output=True, cwd=REPO)
        times.append(time.perf_counter() - t)
    bare = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([PYTHON, "-c", "pass"], check=True, capture_output=True)
        bare.append(time.perf_counter() - t)
    trace = subprocess.run(
        [PYTHON, "-X", "importtime", "-m", "kg", "--help"], check=True, capture_output=True, text=True, cwd=REPO
    ).stderr
    modules = []
    for line in trace.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _own_us, cumulative_us, name = line[len("import time:") :].split("|")
        if name.startswith(" ") and not name.startswith("  "):  # top level: one space, no indentation
            modules.append((int(cumulative_us), name.strip()))
    heavy = [
        m
        for m in (
            "jieba",
            "rdflib",
            "pyoxigraph",
            "networkx",
            "dask",
            "distributed",
            "rich",
            "pyvis",
            "pyshacl",
            "pycrfsuite",
            "ahocorasick",
            "pypinyin",
        )
        if f" {m}" in trace or f"| {m}" in trace
    ]
    return {
        "median_s": statistics.median(times),
        "python_bare_s": statistics.median(bare),
        "slowest_top_level_imports": [{"module": n, "ms": us / 1000} for us, n in sorted(modules, reverse=True)[:8]],
        "heavy_modules_imported": heavy,
    }


def measure_seeds_cli(runs: int = 3) -> dict[str, Any]:
    """`kg build seeds` as a user runs it (default formats), or the library call while the command is missing."""
    import importlib.util

    has_command = importlib.util.find_spec("kg.cli.build") is not None
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as out:
            if has_command:
                command = [PYTHON, "-m", "kg", "build", "seeds", "--out", out]
            else:
                command = [PYTHON, "-c", f"import kg.build; kg.build.build(['seeds'], out={out!r})"]
            t = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, cwd=REPO)
            times.append(time.perf_counter() - t)
    return {"median_s": statistics.median(times), "runs": times, "via": "kg build" if has_command else "kg.build"}


QUERY_RUNS = 3
SLOW_QUERY_S = 5.0  # a query slower than this is timed once
QUERY_TIMEOUT_S = 300.0
# A value for a parameter when the example value of the query's header is not in the graph: the
# first in code-point order of those the graph has (a person, body, place or district with events).
PARAM_LOOKUPS = {
    "name": "SELECT ?v WHERE { ?x a <http://xmlns.com/foaf/0.1/Person> ; <http://xmlns.com/foaf/0.1/name> ?v . "
    "?p <https://kg.example.org/ontology#agent> ?x } ORDER BY ?v LIMIT 1",
    "place": "SELECT ?v WHERE { ?x a <https://schema.org/Place> ; <http://www.w3.org/2000/01/rdf-schema#label> ?v . "
    "?e <https://schema.org/location> ?x } ORDER BY ?v LIMIT 1",
    "district": "SELECT ?v WHERE { ?x <https://kg.example.org/ontology#level> <https://kg.example.org/ontology#District>"
    " ; <http://www.w3.org/2000/01/rdf-schema#label> ?v . ?e <https://schema.org/location> ?x } ORDER BY ?v LIMIT 1",
    "body": "SELECT ?v WHERE { ?x a <http://www.w3.org/ns/org#Organization> ; "
    "<http://www.w3.org/2000/01/rdf-schema#label> ?v . ?p <https://kg.example.org/ontology#agent> ?x } "
    "ORDER BY ?v LIMIT 1",
}


def parameter_value(store: Any, name: str, description: str) -> str | None:
    """The description's example value (``e.g. 丁文霞``) if the graph has it, else one the graph has."""
    import re

    example = re.search(r"e\.g\.\s*([^,，)）\s]+)", description)
    if example:
        value = example.group(1)
        if bool(store.query(f'ASK {{ ?x ?p ?o FILTER(STR(?o) = "{value}") }}')):
            return value
    lookup = PARAM_LOOKUPS.get(name)
    if lookup is None:
        return example.group(1) if example else None
    found = [row["v"].value for row in store.query(lookup)]
    return found[0] if found else None


def query_cases(store: Any, path: Path) -> list[dict[str, str]]:
    """The parameter sets to time a query with: all its parameters bound, and none when none is required."""
    if path.parent.name != "queries" or path.parent.parent.name != "ontology":
        return [{}]
    from kg.query import describe_query

    bundled = describe_query(path)
    cases = []
    if bundled.params:
        bound = {name: parameter_value(store, name, text) for name, text in bundled.params.items()}
        cases.append({name: value for name, value in bound.items() if value is not None})
    if not bundled.required:
        cases.append({})
    return cases


def child_query(options: argparse.Namespace) -> None:
    """The engine alone: ``Store.query`` on the store on disk and every row read, in a fresh process.

    With ``--params`` (JSON) the query's parameters are bound as ``kg query --param`` binds them;
    with ``--cases`` the child only prints the parameter sets to time (see ``query_cases``). A
    bundled query with a materialised view, run without parameters, is timed evaluated and, under
    ``view``, read from its view (as ``kg query`` does).
    """
    import pyoxigraph

    store = pyoxigraph.Store.read_only(options.store)
    path = Path(options.query)
    if options.cases:
        print(json.dumps(query_cases(store, path), ensure_ascii=False))
        return
    from kg.query import bind_parameters, describe_query

    params = json.loads(options.params or "{}")
    source = path.read_text(encoding="utf-8")
    timing = engine_time(store, bind_parameters(source, params))
    view = describe_query(path).view if path.parent.parent.name == "ontology" else None
    if view is not None and not params:  # what kg query reads instead: the view's rows, all of them
        from kg.graph.materialise import source_digest, view_reading_query

        reading = view_reading_query(store, view, source_digest(source), None)
        if reading is not None:
            timing["view"] = engine_time(store, reading)
    print(json.dumps(timing, ensure_ascii=False))


def engine_time(store: Any, text: str) -> dict[str, Any]:
    """``Store.query`` with every row read: median of QUERY_RUNS (one run past SLOW_QUERY_S), and the rows."""
    times: list[float] = []
    count = 0
    while len(times) < QUERY_RUNS and not (times and times[0] > SLOW_QUERY_S):
        t = time.perf_counter()
        result = store.query(text)
        count = sum(1 for _ in result) if not isinstance(result, bool) and hasattr(result, "__iter__") else 1
        times.append(time.perf_counter() - t)
    return {"median_s": statistics.median(times), "runs": times, "rows": count}


def kg_command() -> list[str]:
    """How a user runs kg: the venv's ``kg`` script next to this interpreter, else the module."""
    script = Path(PYTHON).parent / "kg"
    return [str(script)] if script.exists() else [PYTHON, "-c", "from kg.cli import main; main()"]


def time_kg_query(store_dir: Path, query: str, params: dict[str, str], code: Path | None = None) -> dict[str, Any]:
    """``kg query --store DIR QUERY [--param …] --format csv`` as a user runs it (default --limit), whole process.

    Wall time from start to exit, median of QUERY_RUNS (one run past SLOW_QUERY_S), with the rows
    printed and whether kg query said it cut some. ``code``: a folder with another version of
    ``kg/`` and ``ontology/`` to run instead of the work tree's (put first on PYTHONPATH).
    """
    import csv
    import io

    command = [*kg_command(), "query", query, "--store", str(store_dir), "--format", "csv", "--timeout", "300"]
    for name, value in params.items():
        command += ["--param", f"{name}={value}"]
    env = dict(os.environ)
    if code is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(code), env.get("PYTHONPATH", "")]))
    times, loads = [], []
    done = None
    while len(times) < QUERY_RUNS and not (times and times[0] > SLOW_QUERY_S):
        loads.append(os.getloadavg()[0])
        t = time.perf_counter()
        # Not run in the work tree: `python -c` puts the current folder before PYTHONPATH on sys.path.
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=QUERY_TIMEOUT_S, cwd=store_dir.parent, env=env
        )
        times.append(time.perf_counter() - t)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed: {done.stderr.strip()[-300:]}")
    assert done is not None
    return {
        "median_s": statistics.median(times),
        "runs": times,
        "load": loads,
        "rows": len(list(csv.reader(io.StringIO(done.stdout)))) - 1,
        "cut": "more were cut" in done.stderr,
    }


def time_queries(store_dir: Path, files: list[Path], before: Path | None = None) -> list[dict[str, Any]]:
    """Each query with each parameter set: the engine alone over all rows, and ``kg query`` as shown.

    ``before``: an older ``kg/`` and ``ontology/`` (see ``code_snapshot``) whose ``kg query`` is timed
    just before the current one, for a before/after under the same load.
    """
    rows = []
    base = [PYTHON, str(Path(__file__)), "--child", "query", "--store", str(store_dir)]
    for path in files:
        done = subprocess.run([*base, "--query", str(path), "--cases"], capture_output=True, text=True, check=True)
        for params in json.loads(done.stdout.strip().splitlines()[-1]):
            row: dict[str, Any] = {"query": str(path.relative_to(REPO)), "params": params}
            command = [*base, "--query", str(path), "--params", json.dumps(params, ensure_ascii=False)]
            row["load"] = os.getloadavg()[0]
            try:
                done = subprocess.run(command, capture_output=True, text=True, timeout=QUERY_TIMEOUT_S, check=True)
                row["engine"] = json.loads(done.stdout.strip().splitlines()[-1])
            except subprocess.TimeoutExpired:
                row["engine"] = {"median_s": None, "rows": None, "timeout_s": QUERY_TIMEOUT_S}
            name = path.stem if path.parent.parent.name == "ontology" else str(path)
            bundled = name == path.stem
            if before is not None and (not bundled or (before / "ontology" / "queries" / path.name).exists()):
                row["kg_query_before"] = time_kg_query(store_dir, name, params, code=before)
            row["kg_query"] = time_kg_query(store_dir, name, params)
            rows.append(row)
            engine, shown = row["engine"], row["kg_query"]
            print(
                f"  {row['query']} {params or ''}: engine {engine['median_s']} s ({engine['rows']} rows); "
                f"kg query {shown['median_s']:.3f} s ({shown['rows']} rows{', cut' if shown['cut'] else ''}); "
                f"load {row['load']:.1f}",
                file=sys.stderr,
            )
    return rows


def query_files() -> list[Path]:
    return sorted((REPO / "ontology" / "queries").glob("*.rq")) + sorted((HERE / "queries").glob("*.rq"))


def synthetic_store(directory: Path) -> dict[str, Any]:
    """The synthetic graph of a million triples (``benchmarks/synthetic.py``) in a store on disk, with its views."""
    import pyoxigraph
    from synthetic import triples

    t = time.perf_counter()
    store = pyoxigraph.Store(str(directory))
    store.bulk_extend(pyoxigraph.Quad(x.subject, x.predicate, x.object) for x in triples(1_000_000))
    store.flush()
    result = {"triples": len(store), "generate_s": time.perf_counter() - t, "views": materialise(store)}
    del store
    return result


def materialise(store: Any) -> list[dict[str, Any]]:
    """The bundled queries' views made in ``store`` as ``kg build --store`` makes them (a build-time cost)."""
    from dataclasses import asdict

    from kg.graph.materialise import materialise_views

    return [asdict(view) for view in materialise_views(store)]


def check_views(store_dir: Path) -> list[dict[str, Any]]:
    """Every view's query without parameters, read from the view and evaluated: the same rows in the same order?"""
    from kg.graph.materialise import declared_views
    from kg.query import run_query

    checks = []
    for bundled in declared_views():
        viewed = run_query(bundled.name, store=store_dir, timeout=0)
        evaluated = run_query(bundled.name, store=store_dir, timeout=0, use_views=False)
        same = viewed.columns == evaluated.columns and viewed.rows == evaluated.rows
        checks.append({"query": bundled.name, "rows": len(evaluated.rows), "identical": same})
        print(f"  view {bundled.view}: {len(evaluated.rows)} rows, identical to the query's: {same}", file=sys.stderr)
    return checks


def code_snapshot(revision: str, folder: Path) -> Path:
    """``kg/`` and ``ontology/`` as they were at a git revision, extracted into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "archive", revision, "kg", "ontology"], cwd=REPO, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


def measure_queries(graph_file: Path | None, scratch: Path, before: str | None = None) -> dict[str, Any]:
    """The queries on the largest built graph (when there is one) and on the synthetic graph.

    ``before``: a git revision whose ``kg query`` is timed too (the rows then say before and after).
    """
    import gc

    import pyoxigraph

    results: dict[str, Any] = {}
    if graph_file is not None:
        t = time.perf_counter()
        store = pyoxigraph.Store(str(scratch / "largest"))
        store.bulk_load(path=str(graph_file), format=pyoxigraph.RdfFormat.TURTLE)
        loaded = {"triples": len(store), "load_s": time.perf_counter() - t}
        results["largest_graph"] = {**loaded, "views": materialise(store)}
        del store
    results["synthetic"] = synthetic_store(scratch / "synthetic")
    gc.collect()
    old_code = code_snapshot(before, scratch / "before") if before else None
    if before:
        results["before"] = subprocess.run(
            ["git", "rev-parse", "--short", before], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
    results["when"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    for key, folder in (("synthetic", "synthetic"), ("largest_graph", "largest")):
        if key in results:
            print(f"queries on {key} …", file=sys.stderr)
            results[key]["queries"] = time_queries(scratch / folder, query_files(), old_code)
            results[key]["view_checks"] = check_views(scratch / folder)
    return results


# --- the report -----------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    cpu = ""
    with contextlib.suppress(OSError, StopIteration):
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    return {
        "load_average_at_start": os.getloadavg(),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory": memory,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def write_readme(results: dict[str, Any], path: Path) -> None:
    m = results["machine"]
    lines = [
        "# Benchmarks",
        "",
        "Run by hand with `.venv/bin/python benchmarks/run.py` (about ten minutes on two cores); the figures",
        "below are its last run, also in `results.json`. Corpora are the seed pages varied by",
        "`benchmarks/corpus.py` (names, districts, cities and dates drawn from the lexicons), so people,",
        "bodies and places grow with the corpus. Builds write Turtle only (`--format ttl`).",
        "How these figures were reached, what was tried and what is left: [NOTES.md](NOTES.md), written by hand",
        "(this file is rewritten by each run).",
        "",
        f"Machine: {m['nproc']} cores ({m['cpu']}), {m['memory']} memory, Python {m['python']}, {m['platform']}.",
        f"Measured {results['when']}; load average at the start {results['machine']['load_average_at_start'][0]:.1f}"
        " (the machine is shared: other work running at the same time slows every figure).",
        "",
        "## Build against jieba (one process)",
        "",
        "*warm* is `kg.build.build` after a first build of another variant of the seeds has loaded lexicons,",
        "jieba and the NER model; *cold* is",
        "the whole process (`python -c 'kg.build.build(...)'`) including interpreter start-up. The ratio is",
        "warm build time over `jieba.posseg.cut` over the same article texts (jieba's dictionary loaded).",
        "",
        "| corpus | characters | articles | triples | warm build s | cold build s | articles/s | characters/s "
        "| jieba.posseg s | jieba.lcut s | build/posseg | peak RSS MiB |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in results["scales"]:
        b, j = row["build"], row["jieba"]
        lines.append(
            f"| {row['scale']}× | {b['characters']:,} | {b['articles']:,} | {b['triples']:,} | {b['build_s']:.2f} "
            f"| {b['wall_s']:.2f} | {b['articles'] / b['build_s']:.0f} | {b['characters'] / b['build_s']:,.0f} "
            f"| {j['posseg_s']:.2f} | {j['lcut_s']:.2f} | {b['build_s'] / j['posseg_s']:.2f} "
            f"| {b['peak_rss_mib']:.0f} |"
        )
    lines += [
        "",
        "Where the warm build's time goes (seconds per stage of `kg.build.build`):",
        "",
        "| corpus | " + " | ".join(stage for stage, _, _ in STAGES) + " |",
        "|---|" + "---|" * len(STAGES),
    ]
    for row in results["scales"]:
        stages = row["build"].get("stages_s", {})
        lines.append(f"| {row['scale']}× | " + " | ".join(f"{stages.get(st, 0):.2f}" for st, _, _ in STAGES) + " |")
    scaling = results.get("scaling")
    if scaling:
        lines += [
            "",
            f"Scaling: the largest corpus costs {scaling['ratio']:.1f}× the 1× warm build "
            f"for {scaling['size_ratio']:.0f}× the characters (target ≤ 1.1 × size).",
        ]
    if "jobs" in results:
        jb = results["jobs"]
        lines += [
            "",
            "## Parallel and incremental builds (largest corpus)",
            "",
            *( [f"Measured {jb['when']}.", ""] if "when" in jb else []),
            f"| build | --jobs 1 s | --jobs {jb['jobsN']['jobs']} s | speed-up |",
            "|---|---|---|---|",
            f"| `kg.build.build`, warm | {jb['jobs1']['build_s']:.2f} | {jb['jobsN']['build_s']:.2f}"
            f" | {jb['speedup_warm']:.2f}× |",
            f"| the same child process, whole (with its warm-up build) | {jb['jobs1']['wall_s']:.2f}"
            f" | {jb['jobsN']['wall_s']:.2f} | {jb['speedup_cold']:.2f}× |",
        ]
        if "command_s" in jb:
            lines.append(
                f"| `kg build CORPUS --format ttl --quiet`, cold | {jb['command_s']['jobs1']:.2f}"
                f" | {jb['command_s']['jobsN']:.2f} | {jb['speedup_command']:.2f}× |"
            )
        if "rounds" in jb:
            lines += [
                "",
                "Each round builds with --jobs 1 and then --jobs N back to back, so both see the same load; the table"
                " shows the median round by the warm speed-up. Every round, warm / command (load average after it): "
                + ", ".join(
                    f"{r['speedup_warm']:.2f}×" + (f" / {r['speedup_command']:.2f}×" if "speedup_command" in r else "")
                    + f" ({r['load']:.1f})"
                    for r in jb["rounds"]
                )
                + ".",
            ]
    lines += incremental_lines(results)
    h, s = results["help"], results["seeds_cli"]
    lines += [
        "",
        "## Start-up",
        "",
        f"- `kg --help`: {h['median_s']:.3f} s median (bare `python -c pass`: {h['python_bare_s']:.3f} s); heavy "
        f"modules imported: {', '.join(h['heavy_modules_imported']) or 'none'}.",
        f"- `kg build seeds` (Turtle and HTML, whole process): {s['median_s']:.2f} s median of {len(s['runs'])}.",
        f"- jieba's dictionary cache: `{results['scales'][0]['jieba']['cache_file']}` "
        f"(present: {results['scales'][0]['jieba']['cache_exists']}); loading it took "
        f"{results['scales'][0]['jieba']['init_s']:.2f} s.",
    ]
    if "queries" in results:
        lines += sparql_section(results["queries"])
    lines += ["", "## Targets", "", "| target | measured | met |", "|---|---|---|"]
    for name, value, met in targets(results):
        lines.append(f"| {name} | {value} | {'yes' if met else 'no'} |")
    if results.get("hot_spots"):
        lines += ["", "## Hot spots (cProfile of the largest warm build, one process)", "", *results["hot_spots"]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _full_cpu(build: dict[str, Any]) -> float:
    """CPU seconds of a build call: this process, its children and the pool's workers."""
    return build.get("build_cpu_s", 0.0) + build.get("build_children_cpu_s", 0.0)


def incremental_lines(results: dict[str, Any]) -> list[str]:
    """The rebuild rows of the "Parallel and incremental builds" section (after the --jobs rows)."""
    runs = results.get("incremental_runs") or ([results["incremental"]] if "incremental" in results else [])
    if not runs:
        return []
    lines = [
        "",
        "Rebuild after one page of the corpus changed, with the same command and cache folder (`kg build --cache`):",
        "the first build starts from an empty cache. *build s* is the `kg.build.build` call (warm), *CPU s* its",
        "CPU time including the pool's workers: the machine is shared, so CPU time is the steadier figure.",
        "",
        "| --jobs | formats | full build s (CPU s) | rebuild s (CPU s) | speed-up wall / CPU | load average |",
        "|---|---|---|---|---|---|",
    ]
    for run in runs:
        first, again = run["first"], run["rebuild"]
        full_cpu, re_cpu = _full_cpu(first), _full_cpu(again)
        load = f"{first.get('load_average', [0])[0]:.1f} / {again.get('load_average', [0])[0]:.1f}"
        lines.append(
            f"| {run.get('jobs', 1)} | {run.get('formats', 'ttl')} | {first['build_s']:.2f} ({full_cpu:.2f}) "
            f"| {again['build_s']:.2f} ({re_cpu:.2f}) | {run['speedup_warm']:.1f}× / "
            f"{full_cpu / max(re_cpu, 1e-9):.1f}× | {load} |"
        )
        if not run.get("same_extractor", True):
            lines.append("| | | the extraction code changed between the two builds: every entry missed | | | |")
    return lines


def targets(results: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """Each target of the issue with the figure measured and whether it is met."""
    rows = []
    ratios = [r["build"]["build_s"] / r["jieba"]["posseg_s"] for r in results["scales"]]
    rows.append(("build / jieba.posseg ≤ 1.5 at every size", f"at most {max(ratios):.2f}", max(ratios) <= 1.5))
    if "scaling" in results:
        sc = results["scaling"]
        rows.append(
            (
                f"{sc['size_ratio']:.0f}× corpus ≤ 1.1 × {sc['size_ratio']:.0f} × the 1× warm build",
                f"{sc['ratio']:.1f}×",
                sc["ratio"] <= 1.1 * sc["size_ratio"],
            )
        )
    peak = results["scales"][-1]["build"]["peak_rss_mib"]
    rows.append(("peak memory of the largest build < 1 GB", f"{peak:.0f} MiB", peak < 1024))
    if "jobs" in results:
        rows.append(
            (
                "--jobs 2 speed-up ≥ 1.6× (warm; the command, cold)",
                f"{results['jobs']['speedup_warm']:.2f}×"
                + (f"; {results['jobs']['speedup_command']:.2f}×" if "speedup_command" in results["jobs"] else ""),
                results["jobs"]["speedup_warm"] >= 1.6 and results["jobs"].get("speedup_command", 1.6) >= 1.6,
            )
        )
    if "incremental" in results:
        inc = results["incremental"]
        cpu_ratio = _full_cpu(inc["first"]) / _full_cpu(inc["rebuild"]) if "build_cpu_s" in inc["first"] else None
        rows.append(
            (
                "rebuild after one page changed ≥ 10× faster (whole build, warm, --jobs 1)",
                f"{inc['speedup_warm']:.1f}× (CPU {cpu_ratio:.1f}×)" if cpu_ratio else f"{inc['speedup_warm']:.1f}×",
                inc["speedup_warm"] >= 10,
            )
        )
    rows.append(("`kg --help` < 0.3 s", f"{results['help']['median_s']:.3f} s", results["help"]["median_s"] < 0.3))
    rows.append(
        ("`kg build seeds` < 3 s", f"{results['seeds_cli']['median_s']:.2f} s", results["seeds_cli"]["median_s"] < 3)
    )
    return rows


def measure_incremental(corpus: Path, jobs: int = 1, formats: str = "ttl") -> dict[str, Any]:
    """A build with an empty cache, then a rebuild after one page of the corpus changed (same jobs, formats).

    Both builds import a snapshot of ``kg/`` and ``ontology/``: in a tree others are editing, a change
    to the extraction code between the two builds would (rightly) make every cache entry miss.
    """
    print(f"incremental (--jobs {jobs}, {formats}) …", file=sys.stderr)
    with tempfile.TemporaryDirectory() as scratch:
        code = Path(scratch) / "code"
        shutil.copytree(REPO / "kg", code / "kg", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(REPO / "ontology", code / "ontology")
        copy = Path(scratch) / "corpus"
        shutil.copytree(corpus, copy)
        cache = Path(scratch) / "cache"
        first_build = measure_build(copy, jobs=jobs, cache=cache, code=code, formats=formats)
        page = sorted(copy.glob("*.txt"))[len(list(copy.glob("*.txt"))) // 2]
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("上午", "下午", 1), encoding="utf-8")
        rebuild = measure_build(copy, jobs=jobs, cache=cache, code=code, formats=formats)
    if first_build.get("extractor_version") != rebuild.get("extractor_version"):
        print("  the extraction code or lexicons changed between the two builds: every entry missed", file=sys.stderr)
    print(
        f"  full {first_build['build_s']:.2f} s ({first_build['process_cpu_s']:.2f} s CPU) → rebuild "
        f"{rebuild['build_s']:.2f} s ({rebuild['build_cpu_s']:.2f} s CPU in the build call)",
        file=sys.stderr,
    )
    return {
        "jobs": jobs,
        "formats": formats,
        "first": first_build,
        "rebuild": rebuild,
        "changed_page": page.name,
        "same_extractor": first_build.get("extractor_version") == rebuild.get("extractor_version"),
        "speedup_cold": first_build["wall_s"] / rebuild["wall_s"],
        "speedup_warm": first_build["build_s"] / rebuild["build_s"],
        "speedup_extract": first_build["stages_s"]["extract"] / max(rebuild["stages_s"].get("extract", 0.0), 1e-9),
    }


def measure_command(corpus: Path, jobs: int) -> float:
    """Wall seconds of ``kg build CORPUS --format ttl --jobs N --quiet`` in a new process: what a user waits for."""
    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()
        subprocess.run(
            [PYTHON, "-m", "kg", "build", str(corpus), "--out", scratch, "--format", "ttl", "--jobs", str(jobs),
             "--quiet"],
            check=True,
            cwd=REPO,
        )
        return time.perf_counter() - started


def measure_parallel(corpus: Path, jobs: int, rounds: int = 2) -> dict[str, Any]:
    """``--jobs 1`` against ``--jobs N``, built back to back ``rounds`` times: other work on a shared machine
    comes and goes, so each ratio compares builds made under the same load, and the median round is kept.

    Each round times ``kg.build.build`` warm (in a child, after a warm-up build) and then the command as a user
    runs it, cold, each at ``--jobs 1`` and then ``--jobs N``."""
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    pairs = []
    for _ in range(rounds):
        one, many = measure_build(corpus, jobs=1), measure_build(corpus, jobs=jobs)
        command_one, command_many = measure_command(corpus, 1), measure_command(corpus, jobs)
        pairs.append({"jobs1": one, "jobsN": many, "speedup_warm": one["build_s"] / many["build_s"],
                      "speedup_cold": one["wall_s"] / many["wall_s"],
                      "command_s": {"jobs1": command_one, "jobsN": command_many},
                      "speedup_command": command_one / command_many, "load": os.getloadavg()[0]})
    pairs.sort(key=lambda pair: pair["speedup_warm"])
    return {**pairs[(len(pairs) - 1) // 2], "when": when, "rounds": [
        {key: pair[key] for key in ("speedup_warm", "speedup_cold", "speedup_command", "load")} for pair in pairs
    ]}


def update_results(options: argparse.Namespace, **entries: Any) -> None:
    """Put a partial run's ``entries`` into results.json and write the README again from all of it."""
    # Read only now: others may have rewritten results.json while this run measured.
    results = json.loads(options.results.read_text(encoding="utf-8"))
    results.update(entries)
    options.results.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    write_readme(results, options.readme)


def measure_incremental_runs(corpus: Path, jobs: int) -> list[dict[str, Any]]:
    """Rebuilds at --jobs 1 and ``jobs``, Turtle only, then Turtle and the HTML view (kg build's default)."""
    return [
        measure_incremental(corpus, jobs=1),
        measure_incremental(corpus, jobs=jobs),
        measure_incremental(corpus, jobs=1, formats="ttl,html"),
        measure_incremental(corpus, jobs=jobs, formats="ttl,html"),
    ]


def _seconds(row: dict[str, Any]) -> str:
    if row.get("timeout_s"):
        return f"stopped after {row['timeout_s']:.0f} s"
    return f"{row['median_s']:.3f}"


def sparql_section(q: dict[str, Any]) -> list[str]:
    """The README's SPARQL section: per query and parameter set, the engine alone and kg query as shown."""
    graphs = [key for key in ("synthetic", "largest_graph") if key in q]
    lines = [
        "",
        "## SPARQL (pyoxigraph store on disk, each measurement in a fresh process)",
        "",
        f"Measured {q.get('when', '')}. Synthetic graph: {q['synthetic']['triples']:,} triples in the project's "
        f"vocabulary (`benchmarks/synthetic.py`, shaped like a built graph, generated in "
        f"{q['synthetic']['generate_s']:.1f} s)"
        + (
            f"; largest built graph: {q['largest_graph']['triples']:,} triples (loaded in "
            f"{q['largest_graph']['load_s']:.2f} s)."
            if "largest_graph" in q
            else "."
        ),
        "",
        "*engine*: `Store.query` and every row read, nothing else (median of 3, one run past 5 s).",
        "*kg query*: the whole `kg query --store DIR NAME [--param …] --format csv` process as a user runs it",
        "(interpreter, worker process, store opening, output), with its default `--limit 1000`; median of 3.",
        "Parameters: the example value of the query's header when the graph has it, else the first value in",
        "code-point order among those with events. *load*: the 1-minute load average when the row was measured",
        "(two cores shared with other work: a load of 4 roughly doubles every figure).",
    ]
    for key in graphs:
        title = "synthetic 1 M triples" if key == "synthetic" else "largest built graph"
        before = f"kg query s before ({q['before']}) | " if "before" in q else ""
        lines += [
            "",
            f"### {title}",
            "",
            f"| query | parameters | engine s (all rows) | rows | {before}kg query s | rows shown | load |",
            "|---|---|---|---|---|---|---|" + ("---|" if before else ""),
        ]
        for row in q[key]["queries"]:
            bound = ", ".join(f"{k}={v}" for k, v in row["params"].items()) or "none"
            engine, shown = row["engine"], row["kg_query"]
            old = row.get("kg_query_before")
            was = (f"{old['median_s']:.3f} | " if old else "— | ") if before else ""
            lines.append(
                f"| {row['query']} | {bound} | {_seconds(engine)} | {engine.get('rows')} | {was}"
                f"{shown['median_s']:.3f} | {shown['rows']}{' (cut)' if shown['cut'] else ''} | {row['load']:.1f} |"
            )
    rows = [row for row in q["synthetic"]["queries"] if row["query"].startswith("ontology/")]
    slow = [row for row in rows if row["kg_query"]["median_s"] >= 1.0]
    lines += [
        "",
        f"Bundled queries answered by `kg query --store` in under 1 s on the synthetic graph: "
        f"{len(rows) - len(slow)} of {len(rows)} (query × parameter set)"
        + (
            "; not: " + ", ".join(f"{Path(r['query']).stem} ({r['kg_query']['median_s']:.2f} s)" for r in slow) + "."
            if slow
            else "."
        ),
    ]
    return lines + view_lines(q, graphs)


def view_lines(q: dict[str, Any], graphs: list[str]) -> list[str]:
    """What the materialised views cost to make, how fast they are read, and whether their rows are the query's."""
    lines = []
    for key in graphs:
        checks = {check["query"]: check for check in q[key].get("view_checks", [])}
        for view in q[key].get("views", []):
            rows = [r for r in q[key]["queries"] if Path(r["query"]).stem == view["query"] and not r["params"]]
            read = next((r["engine"]["view"] for r in rows if "view" in r["engine"]), None)
            check = checks.get(view["query"])
            lines.append(
                f"View `{view['name']}` on the {'synthetic' if key == 'synthetic' else 'largest built'} graph "
                f"(`kg/graph/materialise.py`, made as `kg build --store` makes it): {view['rows']:,} rows in "
                f"{view['quads']:,} quads, materialised in {view['seconds']:.2f} s"
                + (f"; all its rows read in {read['median_s']:.3f} s by the engine" if read else "")
                + (
                    f"; rows read from it identical to the evaluated query's (all {check['rows']:,}, same order): "
                    f"{'yes' if check['identical'] else 'NO'}"
                    if check
                    else ""
                )
                + "."
            )
    return ["", *lines] if lines else []


def hot_spots(profile: Path, text_report: Path, count: int = 15) -> list[str]:
    """The project's functions with the most cumulative time in a build, as Markdown list lines.

    The full profile (top functions by cumulative and by own time) goes to ``text_report``.
    """
    import pstats

    with text_report.open("w", encoding="utf-8") as handle:
        report = pstats.Stats(str(profile), stream=handle)
        report.sort_stats("cumulative").print_stats(50)
        report.sort_stats("tottime").print_stats(30)
    rows = []
    stats = pstats.Stats(str(profile))
    total = max(v[3] for v in stats.stats.values())  # type: ignore[attr-defined]
    for (file, line, name), (_, calls, tottime, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        if "/kg/" in file:
            rel = file[file.index("/kg/") + 1 :]
            rows.append((cumtime, tottime, calls, f"{rel}:{line} {name}"))
    rows.sort(reverse=True)
    return [
        f"- `{where}`: {cum:.2f} s cumulative ({100 * cum / total:.0f}%), {tot:.2f} s own, {calls:,} calls"
        for cum, tot, calls, where in rows[:count]
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--jobs", type=int, default=2, help="workers for the parallel build")
    parser.add_argument("--corpora", type=Path, default=HERE / "corpora")
    parser.add_argument("--results", type=Path, default=HERE / "results.json")
    parser.add_argument("--readme", type=Path, default=HERE / "README.md")
    parser.add_argument("--quick", action="store_true", help="skip the synthetic graph and the parallel runs")
    parser.add_argument(
        "--incremental-only", action="store_true", help="redo only the rebuilds (results.json; rows printed)"
    )
    parser.add_argument("--child", choices=("build", "jieba", "query"))
    parser.add_argument("--store")
    parser.add_argument("--query")
    parser.add_argument("--paths")
    parser.add_argument("--out")
    parser.add_argument("--cache")
    parser.add_argument("--warm", action="store_true")
    parser.add_argument("--profile")
    parser.add_argument("--formats", default="ttl")
    parser.add_argument(
        "--queries-only", action="store_true", help="redo only the SPARQL timings"
    )
    parser.add_argument(
        "--parallel-only", action="store_true", help="redo only --jobs 1 against --jobs N on the largest corpus"
    )
    parser.add_argument("--graph", type=Path, help="with --queries-only: a built graph.ttl to time the queries on too")
    parser.add_argument("--before", help="with --queries-only: a git revision whose kg query is timed too")
    parser.add_argument("--params", help="(child query) the parameters to bind, as JSON")
    parser.add_argument("--cases", action="store_true", help="(child query) print the parameter sets to time")
    options = parser.parse_args()
    if options.child == "build":
        return child_build(options)
    if options.child == "jieba":
        return child_jieba(options)
    if options.child == "query":
        return child_query(options)

    scales = [int(s) for s in options.scales.split(",")]
    if options.queries_only:
        with tempfile.TemporaryDirectory() as scratch:
            queries = measure_queries(options.graph, Path(scratch), options.before)
        return update_results(options, queries=queries)
    if options.incremental_only:
        runs = measure_incremental_runs(options.corpora / f"{scales[-1]}x", options.jobs)
        return update_results(options, incremental_runs=runs, incremental=runs[0])
    if options.parallel_only:
        return update_results(options, jobs=measure_parallel(options.corpora / f"{scales[-1]}x", options.jobs))
    results: dict[str, Any] = {
        "machine": machine(),
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "scales": [],
    }
    corpora = {}
    outputs = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    for scale in scales:
        corpora[scale] = options.corpora / f"{scale}x"
        make_corpus(corpora[scale], scale)
        print(f"{scale}×: building …", file=sys.stderr)
        build = measure_build(corpora[scale], jobs=1, keep=outputs / f"{scale}x")
        jieba_row = measure_jieba(corpora[scale])
        results["scales"].append({"scale": scale, "build": build, "jieba": jieba_row})
        print(
            f"  {build['build_s']:.2f} s warm, {build['wall_s']:.2f} s cold, posseg {jieba_row['posseg_s']:.2f} s,"
            f" {build['triples']} triples, {build['peak_rss_mib']:.0f} MiB",
            file=sys.stderr,
        )
    first, last = results["scales"][0]["build"], results["scales"][-1]["build"]
    results["scaling"] = {
        "ratio": last["build_s"] / first["build_s"],
        "size_ratio": last["characters"] / first["characters"],
    }
    largest = corpora[scales[-1]]
    with tempfile.TemporaryDirectory() as scratch:
        profile = Path(scratch) / "build.prof"
        measure_build(largest, jobs=1, profile=profile)
        results["hot_spots"] = hot_spots(profile, HERE / f"profile_{scales[-1]}x.txt")
    if not options.quick:
        print("parallel …", file=sys.stderr)
        results["jobs"] = measure_parallel(largest, options.jobs)
        results["incremental_runs"] = measure_incremental_runs(largest, options.jobs)
        results["incremental"] = results["incremental_runs"][0]
        print("queries …", file=sys.stderr)
        results["queries"] = measure_queries(outputs / f"{scales[-1]}x" / "graph.ttl", outputs)
    shutil.rmtree(outputs, ignore_errors=True)
    results["help"] = measure_help()
    results["seeds_cli"] = measure_seeds_cli()
    results["hot_spots_file"] = f"profile_{scales[-1]}x.txt"
    options.results.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    write_readme(results, options.readme)
    print(f"wrote {options.results} and {options.readme}", file=sys.stderr)


if __name__ == "__main__":
    main()
