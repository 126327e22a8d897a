package dev.dualpath.bench.verdict.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SetAsideTest {

    private static double[] rounds(int n, double base) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = base + i;
        return out;
    }

    @Test
    void aDisturbedForkOfOneQuantity_takesItsWholeRoundOut_ofEveryPairedQuantity() {
        List<double[]> groups = List.of(rounds(15, 100), rounds(15, 0));

        SetAside.Result r =
                SetAside.apply(groups, List.of(Set.of(), Set.of(0, 7)), true).orElseThrow();

        assertThat(r.groups()).hasSize(2);
        assertThat(r.groups().get(0)).hasSize(13).doesNotContain(100.0, 107.0).contains(101.0);
        assertThat(r.groups().get(1)).hasSize(13).doesNotContain(0.0, 7.0);
        assertThat(r.note())
                .isEqualTo(
                        "judged on 13 of 15 rounds: rounds 1, 8 set aside (a fork in it measured on"
                                + " a disturbed machine)");
    }

    @Test
    void unpairedQuantities_loseOnlyTheirOwnDisturbedForks() {
        List<double[]> groups = List.of(rounds(8, 100), rounds(8, 0));

        SetAside.Result r =
                SetAside.apply(groups, List.of(Set.of(2), Set.of()), false).orElseThrow();

        assertThat(r.groups().get(0)).hasSize(7).doesNotContain(102.0);
        assertThat(r.groups().get(1)).hasSize(8);
        assertThat(r.note()).isEqualTo("judged without 1 fork measured on a disturbed machine");
    }

    @Test
    void moreThanAQuarterDisturbed_orFewerThanThreeLeft_setsNothingAside() {
        assertThat(SetAside.apply(List.of(rounds(3, 0)), List.of(Set.of(1)), true)).isEmpty();
        assertThat(SetAside.apply(List.of(rounds(8, 0)), List.of(Set.of(0, 1, 2)), false))
                .isEmpty();
        assertThat(
                        SetAside.apply(
                                List.of(rounds(8, 0), rounds(8, 0)),
                                List.of(Set.of(0, 1), Set.of(2)),
                                true))
                .as("3 of 8 rounds once the quantities' disturbed forks are joined")
                .isEmpty();
    }
}
