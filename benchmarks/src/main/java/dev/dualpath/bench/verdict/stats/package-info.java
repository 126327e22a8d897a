/**
 * The statistics: {@code Bootstrap} resamples per-fork means (forks are the unit, because they
 * disagree more than one fork's error bar says,
 * docs/calibration.md#forks-warm-up-and-the-error-bar) and gives a {@code ConfidenceInterval} of a
 * mean, a difference or a ratio of means, seeded so the same input gives the same report; {@code
 * Distributions} supplies the normal and Student's t functions it needs, written out so the verdict
 * code has no maths dependency.
 *
 * <p>A leaf of the verdict code: depends on no other package of the project.
 */
package dev.dualpath.bench.verdict.stats;
