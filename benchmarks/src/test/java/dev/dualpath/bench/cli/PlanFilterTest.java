package dev.dualpath.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dualpath.bench.run.Profile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanFilterTest {

    @Test
    void only_keepsThePlansWhoseLabelMatches() {
        var kept = PlanFilter.apply(Profile.FULL.plans(), List.of("peers"), Map.of());

        assertThat(kept)
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.label()).containsIgnoringCase("peers"));
    }

    @Test
    void only_withAnEqualsSign_keepsThePlanOfExactlyThatLabel() {
        var contained = PlanFilter.apply(Profile.FULL.plans(), List.of("loopback"), Map.of());
        var exact = PlanFilter.apply(Profile.FULL.plans(), List.of("=Loopback"), Map.of());

        assertThat(contained).hasSizeGreaterThan(1);
        assertThat(exact).extracting(p -> p.label()).containsExactly("loopback");
    }

    @Test
    void only_withAnEqualsSign_andNoSuchLabel_isAnError() {
        assertThatThrownBy(
                        () ->
                                PlanFilter.apply(
                                        Profile.FULL.plans(), List.of("=loopback body"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--only");
    }

    @Test
    void param_overridesTheValues_ofEveryKeptPlan() {
        var kept = PlanFilter.apply(Profile.FULL.plans(), List.of("peers"), Map.of("delayMs", "0"));

        assertThat(kept)
                .allSatisfy(p -> assertThat(p.params().get("delayMs")).containsExactly("0"));
    }

    @Test
    void nothingLeft_isAnErrorNamingTheOption() {
        assertThatThrownBy(
                        () ->
                                PlanFilter.apply(
                                        Profile.QUICK.plans(), List.of("no-such-plan"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--only");
    }

    @Test
    void anEmptyParamValue_isAnErrorNamingTheOption() {
        assertThatThrownBy(
                        () ->
                                PlanFilter.apply(
                                        Profile.QUICK.plans(), List.of(), Map.of("delayMs", " , ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--param");
    }

    @Test
    void aParamNoChosenBenchmarkDeclares_isAnErrorNamingIt() {
        // "delayMS" for "delayMs": JMH would ignore it and run the profile's own delays.
        assertThatThrownBy(
                        () ->
                                PlanFilter.apply(
                                        Profile.QUICK.plans(), List.of(), Map.of("delayMS", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--param delayMS");
    }

    @Test
    void param_isSetOnlyOnThePlansWhoseBenchmarksDeclareIt() {
        var kept = PlanFilter.apply(Profile.QUICK.plans(), List.of(), Map.of("delayMs", "0"));

        assertThat(kept)
                .anySatisfy(p -> assertThat(p.params().get("delayMs")).containsExactly("0"))
                .anySatisfy(p -> assertThat(p.params()).doesNotContainKey("delayMs"));
    }

    @Test
    void forks_replacesEveryPlansForkCount_andNullKeepsThem() {
        var plans = Profile.QUICK.plans();

        assertThat(PlanFilter.withForks(plans, 7))
                .allSatisfy(p -> assertThat(p.forks()).isEqualTo(7));
        assertThat(PlanFilter.withForks(plans, null)).isEqualTo(plans);
    }

    @Test
    void forksBelowOne_isAnErrorNamingTheOption() {
        assertThatThrownBy(() -> PlanFilter.withForks(Profile.QUICK.plans(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--forks");
    }

    @Test
    void minWarmup_raisesShorterWarmUps_keepsLongerOnes_andNullKeepsThem() {
        var plans = Profile.QUICK.plans();
        String call = "dev.dualpath.bench.InMemoryOverheadBenchmark.call";

        var raised = PlanFilter.withMinimumWarmup(plans, 6);

        var inMemory = raised.get(0);
        assertThat(inMemory.warmupIterations(call, Map.of("path", "DIRECT"))).isEqualTo(6);
        assertThat(inMemory.warmupIterations(call, Map.of("path", "RAW_BLOCKING")))
                .as("the raw calls' 2 s rule, raised")
                .isEqualTo(6);
        assertThat(raised.get(1).warmupIterations(call, Map.of("path", "LOOP_PER_CALL")))
                .as("the thread-per-call rule's 8 s, kept")
                .isEqualTo(8);
        assertThat(raised.get(1).warmupIterations(call, Map.of("path", "SHARED_LOOP")))
                .as("the wrappers' plan's 4 s, raised")
                .isEqualTo(6);
        assertThat(raised.get(3).warmupIterations()).as("loopback's 11 s, kept").isEqualTo(11);
        assertThat(PlanFilter.withMinimumWarmup(plans, null)).isEqualTo(plans);
        assertThatThrownBy(() -> PlanFilter.withMinimumWarmup(plans, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--min-warmup");
    }
}
