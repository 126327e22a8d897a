package dev.dualpath.adapter.core;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated completions, written both ways a provider sends them: one JSON body, and an event
 * stream of chunks whose deltas add up to it — so a test can check that the stream assembles to
 * exactly what the body reads as.
 */
final class Completions {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Pieces text is made of: ASCII, whitespace, 2-, 3- and 4-byte UTF-8, tag fragments. */
    private static final List<String> TOKENS =
            List.of(
                    "a",
                    "b",
                    "z",
                    " ",
                    "  ",
                    "\n",
                    "\t",
                    "\u00e9",
                    "\u4e2d",
                    "\ud83d\ude00",
                    "<",
                    ">",
                    "/",
                    "think",
                    "\"",
                    "\\");

    private Completions() {}

    /** A tool call's parts. */
    record Tool(String id, String name, String arguments) {}

    /**
     * One choice: its text as the pieces it is streamed in (null for none; one empty piece for an
     * empty string), tool calls, finish reason.
     */
    record GenChoice(
            List<String> contentPieces,
            List<String> reasoningPieces,
            List<Tool> tools,
            String finish) {

        String content() {
            return contentPieces == null ? null : String.join("", contentPieces);
        }

        String reasoning() {
            return reasoningPieces == null ? null : String.join("", reasoningPieces);
        }

        /** Whether the content opens a {@code <think>} block it never closes. */
        boolean unclosedThink() {
            String c = content();
            return c != null && c.strip().startsWith("<think>") && !c.contains("</think>");
        }
    }

    /** A whole completion. */
    record Completion(
            String id,
            String model,
            long created,
            String fingerprint,
            String tier,
            List<GenChoice> choices,
            long[] usage,
            double[] time,
            long seed) {

        /** The non-streaming body. */
        byte[] body() {
            ObjectNode root = top("chat.completion");
            ArrayNode array = root.putArray("choices");
            for (int i = 0; i < choices.size(); i++) {
                GenChoice c = choices.get(i);
                ObjectNode choice = array.addObject();
                choice.put("index", i);
                ObjectNode message = choice.putObject("message");
                message.put("role", "assistant");
                message.put("content", c.content());
                if (c.reasoning() != null) {
                    message.put("reasoning", c.reasoning());
                }
                if (!c.tools().isEmpty()) {
                    ArrayNode tools = message.putArray("tool_calls");
                    for (Tool t : c.tools()) {
                        ObjectNode call = tools.addObject();
                        call.put("id", t.id());
                        call.put("type", "function");
                        call.putObject("function")
                                .put("name", t.name())
                                .put("arguments", t.arguments());
                    }
                }
                choice.put("finish_reason", c.finish());
            }
            tail(root);
            return bytes(root);
        }

        /** The event data, in order: each chunk's JSON, then {@code [DONE]}. */
        List<String> events() {
            Random random = new Random(seed);
            List<List<ObjectNode>> perChoice = new ArrayList<>();
            for (int i = 0; i < choices.size(); i++) {
                perChoice.add(deltas(i, choices.get(i), random));
            }
            // Interleave the choices' deltas, each choice's in its own order.
            List<String> out = new ArrayList<>();
            int[] next = new int[perChoice.size()];
            int left = perChoice.stream().mapToInt(List::size).sum();
            while (left > 0) {
                int i = random.nextInt(perChoice.size());
                if (next[i] < perChoice.get(i).size()) {
                    ObjectNode chunk = top("chat.completion.chunk");
                    chunk.putArray("choices").add(perChoice.get(i).get(next[i]++));
                    out.add(chunk.toString());
                    left--;
                }
            }
            if (usage != null || time != null) {
                ObjectNode last = top("chat.completion.chunk");
                last.putArray("choices");
                tail(last);
                out.add(last.toString());
            }
            out.add("[DONE]");
            return out;
        }

        private List<ObjectNode> deltas(int index, GenChoice c, Random random) {
            List<ObjectNode> out = new ArrayList<>();
            out.add(
                    choice(index)
                            .putNull("finish_reason")
                            .set("delta", JSON.objectNode().put("role", "assistant")));
            if (c.reasoningPieces() != null) {
                for (String piece : c.reasoningPieces()) {
                    out.add(withDelta(index, JSON.objectNode().put("reasoning", piece)));
                }
            }
            if (c.contentPieces() != null) {
                for (String piece : c.contentPieces()) {
                    out.add(withDelta(index, JSON.objectNode().put("content", piece)));
                }
            }
            for (int t = 0; t < c.tools().size(); t++) {
                Tool tool = c.tools().get(t);
                ObjectNode first = JSON.objectNode();
                ObjectNode call = first.putArray("tool_calls").addObject();
                call.put("index", t).put("id", tool.id()).put("type", "function");
                call.putObject("function").put("name", tool.name()).put("arguments", "");
                out.add(withDelta(index, first));
                for (String piece : cut(tool.arguments(), random)) {
                    ObjectNode more = JSON.objectNode();
                    ObjectNode fragment = more.putArray("tool_calls").addObject().put("index", t);
                    fragment.putObject("function").put("arguments", piece);
                    out.add(withDelta(index, more));
                }
            }
            out.add(choice(index).put("finish_reason", c.finish()).set("delta", JSON.objectNode()));
            return out;
        }

        private static ObjectNode choice(int index) {
            return JSON.objectNode().put("index", index);
        }

        private static ObjectNode withDelta(int index, ObjectNode delta) {
            ObjectNode choice = choice(index);
            choice.set("delta", delta);
            choice.putNull("finish_reason");
            return choice;
        }

        private ObjectNode top(String object) {
            ObjectNode root = JSON.objectNode();
            root.put("id", id);
            root.put("object", object);
            root.put("created", created);
            root.put("model", model);
            if (fingerprint != null) {
                root.put("system_fingerprint", fingerprint);
            }
            if (tier != null) {
                root.put("service_tier", tier);
            }
            return root;
        }

        private void tail(ObjectNode root) {
            if (usage != null) {
                ObjectNode u = root.putObject("usage");
                u.put("prompt_tokens", usage[0]);
                u.put("completion_tokens", usage[1]);
                u.put("total_tokens", usage[0] + usage[1]);
                u.putObject("completion_tokens_details").put("reasoning_tokens", usage[2]);
            }
            if (time != null) {
                ObjectNode t = root.putObject("time_info");
                t.put("queue_time", time[0]);
                t.put("prompt_time", time[1]);
                t.put("completion_time", time[2]);
                t.put("total_time", time[0] + time[1] + time[2]);
            }
        }
    }

    /** {@code text} cut at 0–3 random places, never inside a surrogate pair. */
    static List<String> cut(String text, Random random) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int cuts = random.nextInt(4);
        for (int k = 0; k < cuts && start < text.length(); k++) {
            int at = start + random.nextInt(text.length() - start + 1);
            if (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
                at--;
            }
            if (at > start) {
                pieces.add(text.substring(start, at));
                start = at;
            }
        }
        pieces.add(text.substring(start));
        return pieces;
    }

    static byte[] bytes(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Arbitrary<String> text(int maxTokens) {
        return Arbitraries.of(TOKENS).list().ofMaxSize(maxTokens).map(l -> String.join("", l));
    }

    /** Content: none, plain text, or text led by a {@code <think>} block (closed or not). */
    private static Arbitrary<String> content() {
        Arbitrary<String> ws = Arbitraries.of("", " ", "\n", " \n ");
        Arbitrary<String> think =
                Combinators.combine(ws, text(6), ws, Arbitraries.of(true, true, false), ws, text(8))
                        .as(
                                (a, inner, b, closed, c, rest) ->
                                        a
                                                + "<think>"
                                                + b
                                                + inner
                                                + (closed ? b + "</think>" + c : "")
                                                + rest);
        return Arbitraries.oneOf(Arbitraries.just(""), text(12), think, think).injectNull(0.2);
    }

    private static Arbitrary<List<String>> pieces(Arbitrary<String> text) {
        return Combinators.combine(text, Arbitraries.longs())
                .as((t, seed) -> t == null ? null : cut(t, new Random(seed)));
    }

    private static Arbitrary<GenChoice> choice() {
        Arbitrary<Tool> tool =
                Combinators.combine(
                                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6),
                                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6),
                                text(8).map(t -> "{\"q\":" + JSON.textNode(t) + "}"))
                        .as(Tool::new);
        return Combinators.combine(
                        pieces(content()),
                        pieces(text(6).injectNull(0.75)),
                        tool.list().ofMaxSize(2),
                        Arbitraries.of("stop", "length", "tool_calls"))
                .as(GenChoice::new);
    }

    /** Completions with 1–3 choices, optional usage, time info, fingerprint and tier. */
    static Arbitrary<Completion> completions() {
        Arbitrary<long[]> usage =
                Arbitraries.longs().between(0, 5000).array(long[].class).ofSize(3).injectNull(0.3);
        Arbitrary<double[]> time =
                Arbitraries.doubles().between(0, 2).array(double[].class).ofSize(3).injectNull(0.3);
        return Combinators.combine(
                        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12),
                        Arbitraries.of("llama-3.3-70b", "qwen-3-32b"),
                        Arbitraries.longs().between(0, 2_000_000_000L),
                        Arbitraries.of("fp_1", "fp_70185065a4").injectNull(0.5),
                        Arbitraries.of("default", "auto").injectNull(0.7),
                        choice().list().ofMinSize(1).ofMaxSize(3),
                        usage,
                        time)
                .as(
                        (id, model, created, fp, tier, choices, u, t) ->
                                new Completion(
                                        "chatcmpl-" + id,
                                        model,
                                        created,
                                        fp,
                                        tier,
                                        choices,
                                        u,
                                        t,
                                        created * 31 + id.hashCode()));
    }
}
