/**
 * Writes a conformance result as {@code conformance.json} (scenario × path → outcome, machine
 * readable) and {@code conformance.md} (the same as a table, with totals and every mismatch), with
 * {@code Locale.ROOT} so output does not depend on the machine.
 *
 * <p>May depend on {@code conformance.result}, the adapter's {@code error} and {@code model}, the
 * test kit's outcomes and Jackson; not on the runner (which calls it).
 */
package dev.dualpath.conformance.report;
