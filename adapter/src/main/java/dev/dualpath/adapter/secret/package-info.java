/**
 * {@code ApiKey}: holds the provider key, refuses one that could not travel as a header value
 * (checked when built), sends it only as a bearer token, and redacts it from any text a provider
 * might echo it in; {@code RedactedThrowable} stands in for a cause whose message held it. The key
 * never appears in a message, a cause, a stack trace, a log line or a {@code toString()}.
 *
 * <p>A leaf: depends on no other package of the project, so the helpers in {@code core} can redact
 * without knowing where the key came from.
 */
package dev.dualpath.adapter.secret;
