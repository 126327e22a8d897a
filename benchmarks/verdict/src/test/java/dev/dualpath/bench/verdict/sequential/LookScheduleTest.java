package dev.dualpath.bench.verdict.sequential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LookScheduleTest {

    @Test
    void eachMarkSpendsItsShareOnceAndTheFinalLookTheRest() {
        LookSchedule s = new LookSchedule();
        assertThat(s.due(0.1)).isZero();
        assertThat(s.due(0.25)).isCloseTo(1 / 30.0, within(1e-12));
        assertThat(s.due(0.3)).isZero();
        assertThat(s.due(0.5)).isCloseTo(4 / 30.0, within(1e-12));
        assertThat(s.due(0.8)).isCloseTo(9 / 30.0, within(1e-12));
        assertThat(s.due(5.0)).isZero();
        assertThat(s.remaining()).isCloseTo(16 / 30.0, within(1e-12));
        assertThat(s.last()).isCloseTo(16 / 30.0, within(1e-12));
        assertThat(s.last()).isZero();
        assertThat(s.due(1.0)).isZero();
        assertThat(s.remaining()).isZero();
    }

    @Test
    void marksPassedTogetherMergeAndAnEarlyStopGetsAllThatIsLeft() {
        LookSchedule s = new LookSchedule();
        assertThat(s.due(0.6)).isCloseTo(5 / 30.0, within(1e-12));
        assertThat(s.last()).isCloseTo(25 / 30.0, within(1e-12));

        LookSchedule early = new LookSchedule();
        assertThat(early.last()).isEqualTo(1.0);
    }
}
