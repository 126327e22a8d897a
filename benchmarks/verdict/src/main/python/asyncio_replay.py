#!/usr/bin/env python3
"""Replay, on this machine, the per-call costs the original write-up claims for Python asyncio.

The write-up (shared/docs/ORIGIN.md) says its sync compat layer, before the refactoring, did per call:

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

The series are interleaved call by call (round-robin) so drift affects all of them alike.
Output JSON: {"python", "implementation", "platform", "cpu_count", "date", "unit": "ns", "batches",
"warmup", "block", "samples": {series: [ns, ...]}}. The reader splits each series into `batches`
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
    t0 = time.perf_counter_ns()
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(_trivial())
    finally:
        loop.close()
    return time.perf_counter_ns() - t0


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
    series = {k: [] for k in ("create", "run", "close", "loop_total", "direct_call", "seed_literal", "async_call")}
    async_loop = asyncio.new_event_loop()
    try:
        gc.collect()
        for i in range(warmup + samples):
            create, run, close = _time_create_run_close()
            total = _time_loop_total()
            direct = _time_direct(block)
            seed = _time_seed_literal()
            async_call = async_loop.run_until_complete(_time_async_block(block))
            if i >= warmup:
                series["create"].append(create)
                series["run"].append(run)
                series["close"].append(close)
                series["loop_total"].append(total)
                series["direct_call"].append(direct)
                series["seed_literal"].append(seed)
                series["async_call"].append(async_call)
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
        "samples": series,
    }
    out_dir = os.path.dirname(os.path.abspath(args.out))
    os.makedirs(out_dir, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f)
    means = {k: sum(v) / len(v) / 1e6 for k, v in series.items()}
    print("asyncio replay: " + ", ".join("%s=%.4f ms" % (k, m) for k, m in means.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
