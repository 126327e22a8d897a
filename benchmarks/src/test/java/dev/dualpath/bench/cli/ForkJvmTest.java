package dev.dualpath.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dualpath.bench.run.Profile;
import org.junit.jupiter.api.Test;

class ForkJvmTest {

    @Test
    void thisJvm_isItsOwnFeatureVersion() {
        assertThat(ForkJvm.featureVersion(null)).isEqualTo(Runtime.version().feature());
    }

    @Test
    void theJavaBinaryOfThisJvm_reportsTheSameVersion() {
        String java = System.getProperty("java.home") + "/bin/java";
        assertThat(ForkJvm.featureVersion(java)).isEqualTo(Runtime.version().feature());
    }

    @Test
    void aMissingBinary_isAnErrorNamingTheOption() {
        assertThatThrownBy(() -> ForkJvm.featureVersion("/nonexistent/bin/java"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--jvm:");
    }

    @Test
    void parse_readsTheSpecificationVersion() {
        assertThat(ForkJvm.parse("    java.specification.version = 25\n", "x")).isEqualTo(25);
    }

    @Test
    void full_addsTheVirtualThreadWrapper_onlyFromJava21() {
        assertThat(Profile.FULL.plansFor(17)).hasSameSizeAs(Profile.FULL.plans());
        assertThat(Profile.FULL.plansFor(21)).hasSize(Profile.FULL.plans().size() + 1);
        assertThat(Profile.QUICK.plansFor(25)).isEqualTo(Profile.QUICK.plans());
    }
}
