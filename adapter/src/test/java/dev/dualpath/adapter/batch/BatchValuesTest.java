package dev.dualpath.adapter.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dualpath.adapter.error.CancelledException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch's value types: validated on construction, no secret or body in their text. */
class BatchValuesTest {

    @Test
    void options_defaults_areFourAtOnce_andNoDeadline() {
        assertThat(BatchOptions.defaults().limit()).isEqualTo(4);
        assertThat(BatchOptions.defaults().deadline()).isEmpty();
        assertThat(BatchOptions.defaults()).hasToString("BatchOptions[limit=4, deadline=none]");
    }

    @Test
    void options_areNamedSettings_andRoundTripThroughTheirBuilder() {
        BatchOptions options =
                BatchOptions.builder().limit(16).deadline(Duration.ofSeconds(30)).build();

        assertThat(options.limit()).isEqualTo(16);
        assertThat(options.deadline()).contains(Duration.ofSeconds(30));
        assertThat(options.toBuilder().build()).isEqualTo(options).hasSameHashCodeAs(options);
        assertThat(options.toBuilder().noDeadline().build().deadline()).isEmpty();
        assertThat(options).hasToString("BatchOptions[limit=16, deadline=30000 ms]");
    }

    @Test
    void options_rejectALimitBelowOne_andADeadlineThatIsNotPositive() {
        assertThatThrownBy(() -> BatchOptions.builder().limit(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be >= 1, was 0");
        assertThatThrownBy(() -> BatchOptions.builder().deadline(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deadline must be positive, was PT0S");
        assertThatThrownBy(() -> BatchOptions.builder().deadline(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("deadline");
    }

    @Test
    void aDeadlineTooLongForNanoseconds_isAcceptedAsForever() throws Exception {
        ControlledCalls calls = new ControlledCalls();
        calls.succeed("f0");
        BatchOptions options =
                BatchOptions.builder().deadline(Duration.ofSeconds(Long.MAX_VALUE)).build();

        BatchResult result =
                Batch.run(List.of(ControlledCalls.request("f0")), options, calls::blocking);

        assertThat(result.allSucceeded()).isTrue();
    }

    @Test
    void result_rejectsAnItemOutOfPlace() {
        ItemResult second = new ItemResult.Success(1, "b", ControlledCalls.response("b"));

        assertThatThrownBy(
                        () -> new BatchResult(List.of(second), BatchEnd.COMPLETED, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("items[0] has index 1");
    }

    @Test
    void result_toString_countsItems_withoutTheirContent() {
        BatchResult result =
                new BatchResult(
                        List.of(
                                new ItemResult.Success(
                                        0, "a", ControlledCalls.response("secret content")),
                                new ItemResult.Stopped(
                                        1,
                                        "b",
                                        ItemStatus.CANCELLED,
                                        false,
                                        CancelledException.of("b", null))),
                        BatchEnd.CANCELLED,
                        Duration.ofMillis(12));

        assertThat(result.toString())
                .isEqualTo(
                        "BatchResult[2 items: 1 SUCCEEDED, 0 FAILED, 1 CANCELLED, 0"
                                + " DEADLINE_EXCEEDED; end=CANCELLED, elapsed=12 ms]")
                .doesNotContain("secret");
    }

    @Test
    void aStoppedItem_isCancelledOrOutOfTime_only() {
        assertThatThrownBy(
                        () ->
                                new ItemResult.Stopped(
                                        0,
                                        "a",
                                        ItemStatus.FAILED,
                                        true,
                                        CancelledException.of("a", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was FAILED");
    }
}
