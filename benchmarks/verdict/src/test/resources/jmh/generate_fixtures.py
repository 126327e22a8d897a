#!/usr/bin/env python3
"""Writes the synthetic JMH fixtures the verdict tests read. Deterministic (seeded); rerun only to
change the fixtures, then regenerate the golden files (-Dgolden.update=true).

baseline/    quick-profile run: 3 forks x 4 iterations, avgt (us/op) with gc.alloc.rate.norm and
             gc.alloc.rate secondaries, LoopPerCallPhases, a SampleTime benchmark with
             rawDataHistogram, a thrpt benchmark, LoopbackLatency at 0 and 1 ms, env.json.
current/     the same code, except: LOOP_PER_CALL 20 % slower, SHARED_LOOP allocating 10 % more,
             Helpers.parse missing, Helpers.encode new, OldName.work renamed to NewName.work, and
             a .hgrm file. (A NaN measured value is an input error; JmhResultReaderTest writes its
             own broken files.)
aa10/        10 forks of the same code (for the evidence command).
"""
import json, os, random

HERE = os.path.dirname(os.path.abspath(__file__))
PKG = "dev.dualpath.bench."
PATHS = {"RAW_BLOCKING": 1.00, "RAW_ASYNC": 1.50, "DIRECT": 1.05, "LOOP_PER_CALL": 210.0,
         "SHARED_LOOP": 8.0, "SEED_LITERAL": 205.0, "INVOKE_ASYNC": 3.00}
ALLOC = {"RAW_BLOCKING": 480, "RAW_ASYNC": 720, "DIRECT": 1200, "LOOP_PER_CALL": 3400,
         "SHARED_LOOP": 2100, "SEED_LITERAL": 3300, "INVOKE_ASYNC": 1600}


def forks_of(rng, mean, forks, iters, fork_sd, iter_sd):
    out = []
    for _ in range(forks):
        fm = mean * (1 + rng.gauss(0, fork_sd))
        out.append([round(fm * (1 + rng.gauss(0, iter_sd)), 6) for _ in range(iters)])
    return out


def metric(raw, unit):
    flat = [v for f in raw for v in f if isinstance(v, float) or isinstance(v, int)]
    score = sum(flat) / len(flat)
    return {"score": round(score, 6), "scoreError": round(score * 0.02, 6),
            "scoreConfidence": [round(score * 0.98, 6), round(score * 1.02, 6)],
            "scorePercentiles": {"0.0": min(flat), "50.0": sorted(flat)[len(flat) // 2], "100.0": max(flat)},
            "scoreUnit": unit, "rawData": raw}


def entry(bench, mode, params, primary, secondary=None, forks=3):
    e = {"jmhVersion": "1.37", "benchmark": PKG + bench, "mode": mode, "threads": 1, "forks": forks,
         "jvm": "/usr/lib/jvm/java-17-openjdk-amd64/bin/java", "jvmArgs": ["-Xmx1g"],
         "jdkVersion": "17.0.15", "vmName": "OpenJDK 64-Bit Server VM", "vmVersion": "17.0.15+6-Debian-1deb12u1",
         "warmupIterations": 8, "warmupTime": "1 s", "warmupBatchSize": 1,
         "measurementIterations": 4, "measurementTime": "1 s", "measurementBatchSize": 1}
    if params:
        e["params"] = params
    e["primaryMetric"] = primary
    e["secondaryMetrics"] = secondary or {}
    return e


def histogram_metric(rng, mean, forks, iters):
    hist = []
    flat = []
    for _ in range(forks):
        fm = mean * (1 + rng.gauss(0, 0.03))
        its = []
        for _ in range(iters):
            bins = {}
            for _ in range(60):
                v = float(round(fm * rng.lognormvariate(0, 0.25)))
                bins[v] = bins.get(v, 0) + 1
                flat.append(v)
            its.append([[v, c] for v, c in sorted(bins.items())])
        hist.append(its)
    flat.sort()
    score = sum(flat) / len(flat)
    pct = {p: flat[min(len(flat) - 1, int(float(p) / 100 * len(flat)))] for p in
           ["0.0", "50.0", "90.0", "99.0", "99.9", "100.0"]}
    return {"score": round(score, 6), "scoreError": round(score * 0.01, 6),
            "scoreConfidence": [round(score * 0.99, 6), round(score * 1.01, 6)],
            "scorePercentiles": pct, "scoreUnit": "us/op", "rawDataHistogram": hist}


def run(seed, forks, slow=None, alloc_more=None, variant="baseline"):
    rng = random.Random(seed)
    slow = slow or {}
    alloc_more = alloc_more or {}
    out = []
    for path, mean in PATHS.items():
        raw = forks_of(rng, mean * slow.get(path, 1.0), forks, 4, 0.03, 0.01)
        alloc = [[ALLOC[path] * alloc_more.get(path, 1.0)] * 4 for _ in range(forks)]
        rate = forks_of(rng, 900.0, forks, 4, 0.05, 0.02)
        sec = {"gc.alloc.rate": metric(rate, "MB/sec"), "gc.alloc.rate.norm": metric(alloc, "B/op")}
        out.append(entry("InMemoryOverheadBenchmark.call", "avgt", {"path": path}, metric(raw, "us/op"), sec, forks))
    for phase, mean in [("create", 3.0), ("run", 190.0), ("close", 12.0)]:
        out.append(entry("LoopPerCallPhasesBenchmark." + phase, "avgt", None,
                         metric(forks_of(rng, mean, forks, 4, 0.04, 0.01), "us/op"), forks=forks))
    for transport in ["JDK", "APACHE"]:
        for delay in ["0", "1"]:
            for path in ["RAW_BLOCKING", "DIRECT", "LOOP_PER_CALL"]:
                base = {"JDK": 250.0, "APACHE": 180.0}[transport] + 1000 * int(delay) + 150 * int(delay)
                extra = {"RAW_BLOCKING": 0, "DIRECT": 6.0, "LOOP_PER_CALL": 400.0}[path]
                out.append(entry("LoopbackLatencyBenchmark.call", "avgt",
                                 {"delayMs": delay, "path": path, "transport": transport},
                                 metric(forks_of(rng, base + extra, forks, 4, 0.06, 0.02), "us/op"), forks=forks))
    out.append(entry("OpenLoopLatencyBenchmark.call", "sample", {"path": "DIRECT"},
                     histogram_metric(rng, 240.0, forks, 2), forks=forks))
    out.append(entry("ConcurrencyBenchmark.call", "thrpt", {"callers": "8"},
                     metric(forks_of(rng, 3200.0, forks, 4, 0.04, 0.02), "ops/s"), forks=forks))
    out.append(entry("HelpersBenchmark.encode" if variant == "current" else "HelpersBenchmark.parse", "avgt", None,
                     metric(forks_of(rng, 2.1, forks, 4, 0.02, 0.01), "us/op"), forks=forks))
    out.append(entry(("NewName" if variant == "current" else "OldName") + ".work", "avgt", None,
                     metric(forks_of(rng, 5.0, forks, 4, 0.02, 0.01), "us/op"), forks=forks))
    return out


def write(folder, data, env=None):
    d = os.path.join(HERE, folder)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "jmh.json"), "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    if env:
        with open(os.path.join(d, "env.json"), "w") as f:
            json.dump(env, f, indent=2)
            f.write("\n")


ENV = {"jvm": "OpenJDK 64-Bit Server VM", "jvmVersion": "17.0.15", "os": "Linux 6.1 amd64", "cpus": 2,
       "gitCommit": "0123abc", "date": "2025-01-01T00:00:00Z", "profile": "quick"}
write("baseline", run(1, 3), ENV)
write("current", run(2, 3, slow={"LOOP_PER_CALL": 1.2}, alloc_more={"SHARED_LOOP": 1.1}, variant="current"),
      dict(ENV, gitCommit="4567def", date="2025-01-02T00:00:00Z"))
write("aa10", run(3, 10), dict(ENV, profile="full"))
with open(os.path.join(HERE, "current", "direct.hgrm"), "w") as f:
    f.write("       Value     Percentile TotalCount 1/(1-Percentile)\n\n")
    total = 10000
    for p, v in [(0.0, 180.0), (0.5, 240.0), (0.75, 260.0), (0.9, 300.0), (0.99, 420.0), (0.999, 900.0)]:
        f.write("%12.3f %2.12f %10d %14.2f\n" % (v, p, int(p * total), 1 / (1 - p)))
    f.write("%12.3f %2.12f %10d\n" % (1500.0, 1.0, total))
    f.write("#[Mean    =      250.000, StdDeviation   =       40.000]\n")
    f.write("#[Max     =     1500.000, Total count    =        10000]\n")
