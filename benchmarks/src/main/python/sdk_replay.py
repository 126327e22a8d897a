#!/usr/bin/env python3
"""Time the write-up's sync patterns on the real Python SDK against the benchmarks' HTTP stub.

The write-up's "before" ran a real SDK's async client inside a fresh event loop per call; its
"after" calls the sync client directly. This script makes those calls with the official `openai`
Python SDK (pinned in sdk-requirements.txt, installed by `dualpath` into a virtual environment of
its own) against a local stub, and records per call: the time, whether it failed (and how), and
per block of calls: how many TCP connections the stub accepted and how many event loops were
created. Patterns (series names):

  raw_http            baseline: the SDK's own HTTP client posting the pre-encoded request, the
                      body read but not parsed (the SDK's cost is measured over this)
  direct              the write-up's "after": a cached sync client, called directly
  seed_literal        the write-up's literal invoke_sync(): a fresh loop created, run to fetch the
                      cached sync client, closed; then the direct call
  loop_cached_client  the write-up's "before" as written: a fresh loop per call driving a call of
                      a cached async client, the loop closed after it
  loop_fresh_client   the "before" that works: a fresh loop and a fresh async client per call,
                      both closed after it
  async_native        native async: one long-lived loop and its cached async client; each call is
                      timed inside the loop

The SDK is built with max_retries=0, as the Java benchmarks use no retries: a failure must show as
a failure, not as a slower call.

Protocol, like the Java side's forks and interleaving: --forks separate Python processes (the unit
of the confidence intervals), each running --warmup-rounds discarded rounds then --rounds rounds;
a round runs one block of --block calls of every pattern, in an order shuffled per round. Before
each block the garbage collector runs, outside the timing, so a block pays for its own garbage.

Connections are read from the stub (--connections-url answers {"accepted": N}, cumulative, with
the query's own new connection counted); event loops are counted by wrapping
asyncio.BaseEventLoop.__init__, so loops the SDK might create itself count too.

Output JSON (--out): {"kind": "python-sdk-replay", "status": "measured", "python", "implementation",
"platform", "cpu_count", "date", "packages": {name: version}, "unit": "ns", "settings": {...},
"patterns": {name: {"description", "forks": [{"samples_ns": [successful calls' ns], "calls",
"failures", "errors": {"Type: message": count}, "connections", "loops"}]}}}.

Usage: sdk_replay.py --base-url http://127.0.0.1:PORT --connections-url URL --out python-sdk.json
"""

import argparse
import asyncio
import datetime
import gc
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
import urllib.request

MODEL = "llama3.1-8b"
MESSAGES = [{"role": "user", "content": "Say hello in one short sentence."}]
API_KEY = "sk-sdk-replay-not-a-secret"

DESCRIPTIONS = {
    "raw_http": "baseline: the SDK's HTTP client posting the pre-encoded request, body not parsed",
    "direct": "the write-up's 'after': cached sync client, direct call",
    "seed_literal": "the write-up's invoke_sync() as written: fresh loop to fetch the cached client, then the direct call",
    "loop_cached_client": "the write-up's 'before' as written: fresh loop per call, cached async client",
    "loop_fresh_client": "'before' that works: fresh loop and fresh async client per call",
    "async_native": "native async: one long-lived loop, cached async client",
}
PATTERNS = list(DESCRIPTIONS)

_LOOPS = [0]


def _count_loops():
    """Counts every event loop created in this process from now on."""
    original = asyncio.BaseEventLoop.__init__

    def counting_init(self, *args, **kwargs):
        _LOOPS[0] += 1
        original(self, *args, **kwargs)

    asyncio.BaseEventLoop.__init__ = counting_init


def accepted_connections(url):
    """The stub's cumulative accepted-connection count; this query opens (and counts) one."""
    request = urllib.request.Request(url, headers={"Connection": "close"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return int(json.load(response)["accepted"])


class Patterns:
    """The six ways of making one call; each method makes one call and returns its content."""

    def __init__(self, openai, httpx, base_url, expect):
        self.openai = openai
        self.base_url = base_url.rstrip("/") + "/v1"
        self.expect = expect
        self.sync_client = openai.OpenAI(base_url=self.base_url, api_key=API_KEY, max_retries=0)
        self.cached_async = openai.AsyncOpenAI(base_url=self.base_url, api_key=API_KEY, max_retries=0)
        self.native_loop = asyncio.new_event_loop()
        self.native_async = openai.AsyncOpenAI(base_url=self.base_url, api_key=API_KEY, max_retries=0)
        self.raw = httpx.Client(timeout=60)
        self.raw_url = self.base_url + "/chat/completions"
        self.raw_body = json.dumps({"model": MODEL, "messages": MESSAGES}).encode("utf-8")
        self.raw_headers = {"Authorization": "Bearer " + API_KEY, "Content-Type": "application/json"}

    def close(self):
        self.sync_client.close()
        self.raw.close()
        self.native_loop.run_until_complete(self.native_async.close())
        self.native_loop.close()
        try:
            loop = asyncio.new_event_loop()
            try:
                loop.run_until_complete(self.cached_async.close())
            finally:
                loop.close()
        except Exception:  # its pool may belong to a closed loop: nothing left to release
            pass

    def _content(self, completion):
        content = completion.choices[0].message.content
        if self.expect and content != self.expect:
            raise AssertionError("unexpected content: %r" % (content,))
        return content

    def raw_http(self):
        response = self.raw.post(self.raw_url, content=self.raw_body, headers=self.raw_headers)
        body = response.content
        if response.status_code != 200 or (self.expect and self.expect.encode("utf-8") not in body):
            raise AssertionError("unexpected response: HTTP %d" % response.status_code)
        return body

    def direct(self):
        return self._content(self.sync_client.chat.completions.create(model=MODEL, messages=MESSAGES))

    async def _get_or_create_client(self):
        return self.sync_client

    def seed_literal(self):
        loop = asyncio.new_event_loop()
        try:
            client = loop.run_until_complete(self._get_or_create_client())
        finally:
            loop.close()
        return self._content(client.chat.completions.create(model=MODEL, messages=MESSAGES))

    def loop_cached_client(self):
        loop = asyncio.new_event_loop()
        try:
            completion = loop.run_until_complete(
                self.cached_async.chat.completions.create(model=MODEL, messages=MESSAGES))
        finally:
            loop.close()
        return self._content(completion)

    async def _fresh_client_call(self):
        async with self.openai.AsyncOpenAI(base_url=self.base_url, api_key=API_KEY, max_retries=0) as client:
            return await client.chat.completions.create(model=MODEL, messages=MESSAGES)

    def loop_fresh_client(self):
        loop = asyncio.new_event_loop()
        try:
            completion = loop.run_until_complete(self._fresh_client_call())
        finally:
            loop.close()
        return self._content(completion)

    async def _native_block(self, calls):
        out = []
        for _ in range(calls):
            t0 = time.perf_counter_ns()
            try:
                self._content(await self.native_async.chat.completions.create(model=MODEL, messages=MESSAGES))
                out.append((time.perf_counter_ns() - t0, None))
            except Exception as e:  # a failed call is a result: recorded, never hidden
                out.append((time.perf_counter_ns() - t0, _describe(e)))
        return out

    def block(self, pattern, calls):
        """Makes `calls` calls of `pattern`; returns [(ns, error or None), ...]."""
        if pattern == "async_native":
            return self.native_loop.run_until_complete(self._native_block(calls))
        call = getattr(self, pattern)
        out = []
        for _ in range(calls):
            t0 = time.perf_counter_ns()
            try:
                call()
                out.append((time.perf_counter_ns() - t0, None))
            except Exception as e:  # a failed call is a result: recorded, never hidden
                out.append((time.perf_counter_ns() - t0, _describe(e)))
        return out


def _describe(error):
    message = str(error).splitlines()[0] if str(error) else ""
    return (type(error).__name__ + ": " + message)[:160]


def measure_fork(args):
    """One process's measurements: {pattern: {samples_ns, calls, failures, errors, connections, loops}}."""
    _count_loops()
    try:
        import httpx2 as httpx  # the HTTP library the pinned SDK is built on
    except ImportError:  # SDK releases before the httpx2 fork are built on httpx
        import httpx
    import openai

    rng = random.Random(args.seed)
    patterns = Patterns(openai, httpx, args.base_url, args.expect_content)
    result = {p: {"samples_ns": [], "calls": 0, "failures": 0, "errors": {}, "connections": 0, "loops": 0}
              for p in PATTERNS}
    try:
        for round_index in range(args.warmup_rounds + args.rounds):
            order = list(PATTERNS)
            rng.shuffle(order)
            for pattern in order:
                gc.collect()
                before = accepted_connections(args.connections_url)
                loops_before = _LOOPS[0]
                calls = patterns.block(pattern, args.block)
                loops = _LOOPS[0] - loops_before
                after = accepted_connections(args.connections_url)
                if round_index < args.warmup_rounds:
                    continue
                r = result[pattern]
                r["connections"] += after - before - 1  # the second query's own connection
                r["loops"] += loops
                for ns, error in calls:
                    r["calls"] += 1
                    if error is None:
                        r["samples_ns"].append(ns)
                    else:
                        r["failures"] += 1
                        r["errors"][error] = r["errors"].get(error, 0) + 1
    finally:
        patterns.close()
    return result


def packages():
    from importlib import metadata
    names = ["openai", "httpx2", "httpcore2", "httpx", "anyio", "pydantic", "pydantic-core", "jiter"]
    out = {}
    for name in names:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            pass
    return out


def run_forks(args):
    """Runs --forks child processes one after the other and merges what they measured."""
    merged = {p: {"description": DESCRIPTIONS[p], "forks": []} for p in PATTERNS}
    with tempfile.TemporaryDirectory(prefix="sdk-replay-") as tmp:
        for fork in range(args.forks):
            out = os.path.join(tmp, "fork-%d.json" % fork)
            command = [sys.executable, os.path.abspath(__file__), "--child",
                       "--base-url", args.base_url, "--connections-url", args.connections_url,
                       "--rounds", str(args.rounds), "--block", str(args.block),
                       "--warmup-rounds", str(args.warmup_rounds), "--seed", str(args.seed + fork),
                       "--expect-content", args.expect_content, "--out", out]
            completed = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                       text=True, timeout=args.fork_timeout)
            if completed.returncode != 0:
                tail = completed.stdout.strip()[-800:]
                raise SystemExit("fork %d exited %d: %s" % (fork, completed.returncode, tail))
            with open(out, encoding="utf-8") as f:
                measured = json.load(f)
            for p in PATTERNS:
                merged[p]["forks"].append(measured[p])
            print("sdk replay: fork %d/%d done" % (fork + 1, args.forks), file=sys.stderr)
    return merged


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", required=True, help="the stub, e.g. http://127.0.0.1:PORT (no /v1)")
    parser.add_argument("--connections-url", required=True, help="GET answers {\"accepted\": N}")
    parser.add_argument("--forks", type=int, default=5, help="separate processes (default 5, >= 2)")
    parser.add_argument("--rounds", type=int, default=8, help="measured rounds per process (default 8)")
    parser.add_argument("--block", type=int, default=10, help="calls per pattern per round (default 10)")
    parser.add_argument("--warmup-rounds", type=int, default=2, help="discarded rounds first (default 2)")
    parser.add_argument("--seed", type=int, default=1, help="shuffle seed of the first process")
    parser.add_argument("--expect-content", default="", help="content every response must carry")
    parser.add_argument("--fork-timeout", type=int, default=600, help="seconds per process")
    parser.add_argument("--out", required=True, help="output JSON file")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.rounds < 1 or args.block < 1 or args.warmup_rounds < 0:
        parser.error("--rounds and --block must be >= 1, --warmup-rounds >= 0")
    if not args.child and args.forks < 2:
        parser.error("--forks must be >= 2 (forks are the units of the confidence intervals)")

    if args.child:
        measured = measure_fork(args)
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(measured, f)
        return 0

    started = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()
    merged = run_forks(args)
    result = {
        "kind": "python-sdk-replay",
        "status": "measured",
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "date": started,
        "packages": packages(),
        "unit": "ns",
        "settings": {"forks": args.forks, "rounds": args.rounds, "block": args.block,
                     "warmup_rounds": args.warmup_rounds, "seed": args.seed, "max_retries": 0},
        "patterns": merged,
    }
    out_dir = os.path.dirname(os.path.abspath(args.out))
    os.makedirs(out_dir, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f)
    for p in PATTERNS:
        samples = sorted(ns for fork in merged[p]["forks"] for ns in fork["samples_ns"])
        calls = sum(fork["calls"] for fork in merged[p]["forks"])
        failures = sum(fork["failures"] for fork in merged[p]["forks"])
        median = samples[len(samples) // 2] / 1e6 if samples else float("nan")
        print("sdk replay: %-18s median %.3f ms, %d/%d failed" % (p, median, failures, calls), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
