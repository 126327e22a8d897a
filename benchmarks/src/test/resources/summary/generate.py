#!/usr/bin/env python3
"""Writes jmh.json: a small synthetic run for RunSummaryTest, one series per summary section.

Every value is chosen so that the test can check a figure by hand: two forks per series, sample
series with one histogram per iteration whose every sample equals the fork's value.
"""
import json

BENCH = "dev.dualpath.bench."


def metric(unit, forks, sample=False):
    flat = [v for fork in forks for v in fork]
    score = sum(flat) / len(flat)
    m = {
        "score": score,
        "scoreError": 0.0,
        "scoreConfidence": [score, score],
        "scorePercentiles": {"0.0": min(flat), "50.0": sorted(flat)[len(flat) // 2],
                              "99.0": max(flat), "100.0": max(flat)},
        "scoreUnit": unit,
    }
    if sample:
        m["rawDataHistogram"] = [[[[v, 100]] for v in fork] for fork in forks]
    else:
        m["rawData"] = forks
    return m


def series(benchmark, mode, params, unit, forks, secondaries=None):
    return {
        "jmhVersion": "1.37", "benchmark": BENCH + benchmark, "mode": mode, "threads": 1,
        "forks": len(forks), "jvm": "java", "jvmArgs": [], "jdkVersion": "17.0.15",
        "vmName": "OpenJDK 64-Bit Server VM", "vmVersion": "17.0.15+6",
        "warmupIterations": 1, "warmupTime": "1 s", "warmupBatchSize": 1,
        "measurementIterations": 2, "measurementTime": "1 s", "measurementBatchSize": 1,
        "params": params,
        "primaryMetric": metric(unit, forks, sample=(mode == "sample")),
        "secondaryMetrics": {k: metric(u, f) for k, (u, f) in (secondaries or {}).items()},
    }


def const(v):
    return [[v, v], [v, v]]


def loopback(path, stub, body, p50, alloc, service, stub_cpu=None):
    params = {"path": path, "transport": "APACHE", "delayMs": "0", "bodyBytes": body,
              "stubMode": stub}
    sec = {"gc.alloc.rate.norm": ("B/op", const(alloc)),
           "stub.service.norm": ("us/call", [[service, service], [service + 10, service + 10]]),
           "fork.cpu.util": ("CPUs", const(0.5))}
    if stub_cpu is not None:
        sec["stub.cpu.norm"] = ("us/call", const(stub_cpu))
    return series("LoopbackLatencyBenchmark.call", "sample", params, "us/op", const(p50), sec)


def in_memory(path, body, us, alloc):
    return series("InMemoryOverheadBenchmark.call", "avgt", {"path": path, "bodyBytes": body},
                  "us/op", const(us), {"gc.alloc.rate.norm": ("B/op", const(alloc))})


# (path p50, floor p50) per fork of the paired series.
PAIRS = [(111, 100), (131, 120), (122, 110), (142, 130)]

runs = [
    loopback("RAW_BLOCKING", "OUT_OF_PROCESS", "1171", 100.0, 20000, 40, 90),
    loopback("DIRECT", "OUT_OF_PROCESS", "1171", 110.0, 23000, 40, 90),
    loopback("RAW_ASYNC", "OUT_OF_PROCESS", "1171", 150.0, 21000, 40, 90),
    loopback("SHARED_LOOP", "OUT_OF_PROCESS", "1171", 165.0, 24000, 40, 90),
    loopback("SHARED_LOOP_NO_HOP", "OUT_OF_PROCESS", "1171", 155.0, 24000, 40, 90),
    loopback("RAW_BLOCKING", "IN_PROCESS", "1171", 160.0, 80000, 120),
    loopback("DIRECT", "IN_PROCESS", "1171", 240.0, 84000, 170),
    loopback("RAW_BLOCKING", "OUT_OF_PROCESS", "65536", 300.0, 140000, 60, 150),
    loopback("DIRECT", "OUT_OF_PROCESS", "65536", 380.0, 280000, 60, 150),
    in_memory("RAW_BLOCKING", "1171", 0.001, 0),
    in_memory("DIRECT", "1171", 3.001, 2000),
    in_memory("RAW_BLOCKING", "1048576", 0.001, 0),
    in_memory("DIRECT", "1048576", 2000.001, 2100000),
    series("HelperCostBenchmark.processResponse", "avgt", {"bodyBytes": "1171", "reader": "STREAM"},
           "ns/op", const(2000.0)),
    series("HelperCostBenchmark.processResponse", "avgt",
           {"bodyBytes": "1048576", "reader": "STREAM"}, "ns/op", const(1000000.0)),
    series("AsyncHopsBenchmark.call", "sample",
           {"path": "SHARED_LOOP", "transport": "APACHE", "delayMs": "0",
            "stubMode": "OUT_OF_PROCESS"}, "us/op", const(170.0),
           {"hop.submit": ("us/call", const(10.0)), "hop.exchange": ("us/call", const(120.0)),
            "hop.dispatch": ("us/call", const(15.0)), "hop.continuation": ("us/call", const(12.0)),
            "hop.wake": ("us/call", const(8.0)),
            "hopShare.dispatch": ("share", const(0.25)),
            "hopShare.continuation": ("share", const(0.25))}),
    series("ConcurrencyBenchmark.asyncThroughput", "thrpt",
           {"path": "RAW_ASYNC", "callers": "16", "delayMs": "10", "transport": "APACHE",
            "stubMode": "OUT_OF_PROCESS"}, "ops/s", const(1500.0),
           {"fork.cpu.util": ("CPUs", const(0.3)), "stub.cpu.util": ("CPUs", const(0.4))}),
    series("ConcurrencyBenchmark.asyncThroughput", "thrpt",
           {"path": "RAW_ASYNC", "callers": "4", "delayMs": "10", "transport": "APACHE",
            "stubMode": "OUT_OF_PROCESS"}, "ops/s", const(340.0),
           {"fork.cpu.util": ("CPUs", const(0.3)), "stub.cpu.util": ("CPUs", const(0.4)),
            "stub.residence.norm": ("us/call", const(10400.0))}),
    # The latency twin at 1 caller: one call alone takes 11 ms of a 10 ms delay.
    series("ConcurrencyBenchmark.asyncLatency", "sample",
           {"path": "RAW_ASYNC", "callers": "1", "delayMs": "10", "transport": "APACHE",
            "stubMode": "OUT_OF_PROCESS"}, "us/op", const(11000.0)),
    series("ConcurrencyBenchmark.asyncThroughput", "thrpt",
           {"path": "INVOKE", "callers": "64", "delayMs": "10", "transport": "APACHE",
            "stubMode": "OUT_OF_PROCESS"}, "ops/s", const(3200.0),
           {"fork.cpu.util": ("CPUs", const(0.97)), "stub.cpu.util": ("CPUs", const(0.6)),
            "stub.residence.norm": ("us/call", const(10100.0))}),
    # Path and floor in the same fork: the forks' levels spread (floor 100-130 µs), the ratio
    # stays within 1.09-1.11x in every fork.
    series("PairedFloorBenchmark.call", "sample",
           {"pair": "SHARED_LOOP_OVER_RAW_ASYNC", "transport": "APACHE", "delayMs": "0",
            "bodyBytes": "1171", "stubMode": "OUT_OF_PROCESS"}, "us/op",
           [[p + f, p + f] for p, f in PAIRS],
           {"pair.path.p50": ("us", [[p, p] for p, _ in PAIRS]),
            "pair.floor.p50": ("us", [[f, f] for _, f in PAIRS]),
            "pair.ratio.p50": ("ratio", [[p / f, p / f] for p, f in PAIRS])}),
]

with open("jmh.json", "w") as f:
    json.dump(runs, f)
    f.write("\n")
