package dev.dualpath.adapter.model;

import java.util.Objects;

/**
 * One message of a chat conversation.
 *
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}; never blank
 * @param content the text; may be empty but not null (a request message always has content)
 */
public record ChatMessage(String role, String content) {

    /**
     * @throws IllegalArgumentException if {@code role} is null or blank, or {@code content} is null
     */
    public ChatMessage {
        if (role == null || role.isBlank()) {
            throw new IllegalArgumentException("message.role must not be blank");
        }
        if (content == null) {
            throw new IllegalArgumentException("message.content must not be null");
        }
    }

    /** A {@code user} message. */
    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }

    /** A {@code system} message. */
    public static ChatMessage system(String content) {
        return new ChatMessage("system", content);
    }

    /** An {@code assistant} message. */
    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", Objects.requireNonNull(content, "content"));
    }
}
