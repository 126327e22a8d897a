package dev.dualpath.bench.verdict.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionTest {

    @Test
    void precedenceParenthesesAndUnaryMinus() {
        Expression e = Expression.parse("(a - b) / (c - b) * 2 + -1e1");
        assertThat(e.variables()).containsExactly("a", "b", "c");
        double v = e.bind(Map.of("a", 0, "b", 1, "c", 2)).applyAsDouble(new double[] {10, 2, 4});
        assertThat(v).isEqualTo((10 - 2) / (4.0 - 2) * 2 - 10);
    }

    @Test
    void syntaxErrorsSayWhere() {
        assertThatThrownBy(() -> Expression.parse("(a - b")).hasMessageContaining("expected ')'");
        assertThatThrownBy(() -> Expression.parse("a $ b")).hasMessageContaining("position 2");
    }

    @Test
    void linearExpressionsGiveTheirCoefficients_productsAndQuotientsOfQuantitiesDoNot() {
        Linear l = Expression.parse("2 * (a - b) / 4 + -c + 3").linear().orElseThrow();
        assertThat(l.constant()).isEqualTo(3.0);
        assertThat(l.coefficients())
                .containsExactly(Map.entry("a", 0.5), Map.entry("b", -0.5), Map.entry("c", -1.0));
        double[] v = {10, 2, 4};
        Map<String, Integer> index = Map.of("a", 0, "b", 1, "c", 2);
        assertThat(l.bind(index).applyAsDouble(v))
                .isEqualTo(
                        Expression.parse("2 * (a - b) / 4 + -c + 3").bind(index).applyAsDouble(v));
        assertThat(Expression.parse("a * b").linear()).isEmpty();
        assertThat(Expression.parse("a / (b - c)").linear()).isEmpty();
        assertThat(Expression.parse("a / 0").linear()).isEmpty();
    }
}
