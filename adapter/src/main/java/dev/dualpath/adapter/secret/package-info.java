/**
 * The API key and what keeps it secret: {@code ApiKey} (validated when built, masked in {@code
 * toString()}, redacts echoed text) and {@code RedactedThrowable} (keeps it out of cause chains).
 * Depends on nothing but the JDK.
 */
package dev.dualpath.adapter.secret;
