/**
 * {@code dualpath power}: the detection and false-alarm rates of {@code compare} measured with real
 * interleaved forks ({@link dev.dualpath.bench.power.Condition}, {@link
 * dev.dualpath.bench.power.PowerTrials}, {@link dev.dualpath.bench.power.PowerReport}). Depends on
 * {@code bench.compare} and the verdict module.
 */
package dev.dualpath.bench.power;
