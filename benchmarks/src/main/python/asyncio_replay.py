#!/usr/bin/env python3
"""Replay, on this machine, the per-call costs the original write-up claims for Python asyncio.

The write-up (summarised and quoted in docs/origin.md) says its sync compat layer, before the
refactoring, did per call:

    loop = asyncio.new_event_loop()                 # "Create event loop (~0.5ms)"
    loop.run_until_complete(adapter.invoke(...))    # "Run async adapter in loop (~0.5ms)"
    loop.close()                                    # "Close event loop (~0.1ms)"

and after it, a plain function call ("Use cached sync client (~0.01ms)"). This script times those
phases with the standard library only, so `dualpath claims` can show each claim as measured for the
original Python pattern next to its Java port. No network: like the Java in-memory benchmark, it
isolates the overhead from the I/O.

Series written (per-call nanoseconds):
  create        asyncio.new_event_loop()
  run           loop.run_until_complete(trivial coroutine) on that fresh loop
  close         loop.close()
  loop_total    the three above timed as one block (its own calls, not a sum)
  direct_call   a plain call returning a cached client; timed in blocks of --block calls and divided,
                because one call is shorter than the clock's resolution (includes loop overhead,
                so it is an upper bound)
  seed_literal  the original invoke_sync() as written: a loop created, run to fetch the cached
                client, closed, then the direct call
  async_call    `await` of a trivial coroutine inside one long-running loop (the async path),
                timed in blocks of --block calls and divided
  loop_failures 1 for a loop_total call that raised, else 0 (its mean is the failure rate)
  direct_loops, seed_literal_loops
                event loops created per call of direct_call and seed_literal, counted by wrapping
                asyncio.BaseEventLoop.__init__ (a few hundred ns on a loop creation of tens of µs)

The series are interleaved call by call (round-robin) so drift affects all of them alike.
Output JSON: {"python", "implementation", "platform", "cpu_count", "date", "unit": "ns", "batches",
"warmup", "block", "counts": [series that are counts, not ns], "samples": {series: [value, ...]}}. The reader splits each series into `batches`
contiguous batches whose means are the bootstrap's units.

Usage: python3 asyncio_replay.py --samples 2000 --out run/python-replay.json
"""

import argparse
import asyncio
import datetime
import gc
import json
import os
import platform
import sys
import time

_CLIENT = object()
_LOOPS = [0]
COUNTS = ("loop_failures", "direct_loops", "seed_literal_loops")


def _count_loops():
    """Counts every event loop created in this process from now on."""
    original = asyncio.BaseEventLoop.__init__

    def counting_init(self, *args, **kwargs):
        _LOOPS[0] += 1
        original(self, *args, **kwargs)

    asyncio.BaseEventLoop.__init__ = counting_init


async def _trivial():
    return 1


async def _get_or_create_client():
    return _CLIENT


def _plain_call():
    return _CLIENT


def _time_create_run_close():
    t0 = time.perf_counter_ns()
    loop = asyncio.new_event_loop()
    t1 = time.perf_counter_ns()
    loop.run_until_complete(_trivial())
    t2 = time.perf_counter_ns()
    loop.close()
    t3 = time.perf_counter_ns()
    return t1 - t0, t2 - t1, t3 - t2


def _time_loop_total():
    """(ns, 1 if the call raised else 0): a failed call is a result, never hidden."""
    t0 = time.perf_counter_ns()
    failed = 0
    try:
        loop = asyncio.new_event_loop()
        try:
            loop.run_until_complete(_trivial())
        finally:
            loop.close()
    except Exception:
        failed = 1
    return time.perf_counter_ns() - t0, failed


def _time_seed_literal():
    t0 = time.perf_counter_ns()
    loop = asyncio.new_event_loop()
    try:
        client = loop.run_until_complete(_get_or_create_client())
    finally:
        loop.close()
    if client is not _plain_call():
        raise AssertionError("cached client changed")
    return time.perf_counter_ns() - t0


def _time_direct(block):
    call = _plain_call
    t0 = time.perf_counter_ns()
    for _ in range(block):
        call()
    return (time.perf_counter_ns() - t0) / block


async def _time_async_block(block):
    t0 = time.perf_counter_ns()
    for _ in range(block):
        await _trivial()
    return (time.perf_counter_ns() - t0) / block


def measure(samples, warmup, block):
    """Returns {series: [ns per call, ...]} with `samples` values per series after `warmup` rounds."""
    names = ("create", "run", "close", "loop_total", "direct_call", "seed_literal", "async_call",
             "loop_failures", "direct_loops", "seed_literal_loops")
    series = {k: [] for k in names}
    async_loop = asyncio.new_event_loop()
    try:
        gc.collect()
        for i in range(warmup + samples):
            create, run, close = _time_create_run_close()
            total, failed = _time_loop_total()
            loops_before = _LOOPS[0]
            direct = _time_direct(block)
            direct_loops = (_LOOPS[0] - loops_before) / block
            loops_before = _LOOPS[0]
            seed = _time_seed_literal()
            seed_loops = _LOOPS[0] - loops_before
            async_call = async_loop.run_until_complete(_time_async_block(block))
            if i >= warmup:
                series["create"].append(create)
                series["run"].append(run)
                series["close"].append(close)
                series["loop_total"].append(total)
                series["direct_call"].append(direct)
                series["seed_literal"].append(seed)
                series["async_call"].append(async_call)
                series["loop_failures"].append(failed)
                series["direct_loops"].append(direct_loops)
                series["seed_literal_loops"].append(seed_loops)
    finally:
        async_loop.close()
    return series


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--samples", type=int, default=2000, help="calls per series (default 2000)")
    parser.add_argument("--warmup", type=int, default=200, help="rounds discarded first (default 200)")
    parser.add_argument("--block", type=int, default=1000, help="calls per timed block for the sub-microsecond series")
    parser.add_argument("--batches", type=int, default=20, help="batches the reader splits each series into (>= 10)")
    parser.add_argument("--out", required=True, help="output JSON file")
    args = parser.parse_args(argv)
    if args.batches < 10:
        parser.error("--batches must be >= 10")
    if args.samples < args.batches:
        parser.error("--samples must be >= --batches")
    if args.block < 1 or args.warmup < 0:
        parser.error("--block must be >= 1 and --warmup >= 0")

    started = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()
    _count_loops()
    series = measure(args.samples, args.warmup, args.block)
    result = {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "date": started,
        "unit": "ns",
        "batches": args.batches,
        "warmup": args.warmup,
        "block": args.block,
        "counts": list(COUNTS),
        "samples": series,
    }
    out_dir = os.path.dirname(os.path.abspath(args.out))
    os.makedirs(out_dir, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f)
    means = ["%s=%.4f %s" % (k, sum(v) / len(v) / (1 if k in COUNTS else 1e6), "per call" if k in COUNTS else "ms")
             for k, v in series.items()]
    print("asyncio replay: " + ", ".join(means), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
