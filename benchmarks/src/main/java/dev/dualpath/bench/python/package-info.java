/**
 * Running Python for the claims: a process runner with a bound and an output tail, and a virtual
 * environment of dualpath's own (under {@code target/}) with the real Python SDK pinned by {@code
 * sdk-requirements.txt}, for {@code sdk_replay.py}. Absence of Python, of {@code venv} or of the
 * package registry is an expected outcome with a reason, never an exception: the claims that need
 * it become INCONCLUSIVE with that reason.
 *
 * <p>Depends on the JDK only: the stub a replay calls is started by the caller ({@code bench.run})
 * and handed over as URLs; the files the scripts write are read by {@code bench.verdict}.
 */
package dev.dualpath.bench.python;
