/**
 * Bounded runs of external commands (a Python replay, a Maven build): output captured to a
 * temporary log, the process destroyed on timeout or interrupt. Depends on the JDK only.
 */
package dev.dualpath.bench.verdict.process;
