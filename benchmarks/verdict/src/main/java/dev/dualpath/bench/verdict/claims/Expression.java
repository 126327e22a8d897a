package dev.dualpath.bench.verdict.claims;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * An arithmetic expression over named quantities, as written in a claim's {@code expression}:
 * numbers, names ({@code [A-Za-z_][A-Za-z0-9_]*}), {@code + - * /}, unary minus and parentheses,
 * with the usual precedence. Example: {@code (wrapper - raw) / (subject - raw)}.
 */
public sealed interface Expression {

    /** The names the expression refers to. */
    default Set<String> variables() {
        Set<String> out = new TreeSet<>();
        collect(out);
        return out;
    }

    /** Adds the names this node refers to. */
    void collect(Set<String> out);

    /**
     * Compiles the expression against an array of values.
     *
     * @param index position of each name's value in the array passed to the result
     * @throws IllegalArgumentException if a name has no index
     */
    ToDoubleFunction<double[]> bind(Map<String, Integer> index);

    /**
     * This expression as {@code constant + Σ coefficient × quantity}, or empty when it is not
     * linear in its quantities (a product or quotient of two quantities).
     */
    Optional<Linear> linear();

    /**
     * Parses a claim's arithmetic expression.
     *
     * @param text the expression
     * @return the parsed expression
     * @throws IllegalArgumentException with the position, if the text is not a valid expression
     */
    static Expression parse(String text) {
        return new ExpressionParser(text).parse();
    }

    /** A literal number. */
    record Num(double value) implements Expression {
        @Override
        public void collect(Set<String> out) {}

        @Override
        public ToDoubleFunction<double[]> bind(Map<String, Integer> index) {
            return v -> value;
        }

        @Override
        public Optional<Linear> linear() {
            return Optional.of(Linear.constant(value));
        }
    }

    /** A named quantity. */
    record Var(String name) implements Expression {
        @Override
        public void collect(Set<String> out) {
            out.add(name);
        }

        @Override
        public ToDoubleFunction<double[]> bind(Map<String, Integer> index) {
            Integer i = index.get(name);
            if (i == null) throw new IllegalArgumentException("unknown quantity '" + name + "'");
            int at = i;
            return v -> v[at];
        }

        @Override
        public Optional<Linear> linear() {
            return Optional.of(Linear.of(name));
        }
    }

    /** Unary minus. */
    record Neg(Expression operand) implements Expression {
        @Override
        public void collect(Set<String> out) {
            operand.collect(out);
        }

        @Override
        public ToDoubleFunction<double[]> bind(Map<String, Integer> index) {
            ToDoubleFunction<double[]> f = operand.bind(index);
            return v -> -f.applyAsDouble(v);
        }

        @Override
        public Optional<Linear> linear() {
            return operand.linear().map(l -> l.times(-1));
        }
    }

    /** A binary operation; {@code op} is one of {@code + - * /}. */
    record Binary(char op, Expression left, Expression right) implements Expression {
        @Override
        public void collect(Set<String> out) {
            left.collect(out);
            right.collect(out);
        }

        @Override
        public ToDoubleFunction<double[]> bind(Map<String, Integer> index) {
            ToDoubleFunction<double[]> l = left.bind(index);
            ToDoubleFunction<double[]> r = right.bind(index);
            return switch (op) {
                case '+' -> v -> l.applyAsDouble(v) + r.applyAsDouble(v);
                case '-' -> v -> l.applyAsDouble(v) - r.applyAsDouble(v);
                case '*' -> v -> l.applyAsDouble(v) * r.applyAsDouble(v);
                case '/' -> v -> l.applyAsDouble(v) / r.applyAsDouble(v);
                default -> throw new IllegalStateException("operator " + op);
            };
        }

        @Override
        public Optional<Linear> linear() {
            Optional<Linear> l = left.linear();
            Optional<Linear> r = right.linear();
            if (l.isEmpty() || r.isEmpty()) return Optional.empty();
            Linear a = l.get();
            Linear b = r.get();
            return switch (op) {
                case '+' -> Optional.of(a.plus(b));
                case '-' -> Optional.of(a.minus(b));
                case '*' ->
                        a.isConstant()
                                ? Optional.of(b.times(a.constant()))
                                : b.isConstant()
                                        ? Optional.of(a.times(b.constant()))
                                        : Optional.empty();
                case '/' ->
                        b.isConstant() && b.constant() != 0
                                ? Optional.of(a.times(1 / b.constant()))
                                : Optional.empty();
                default -> throw new IllegalStateException("operator " + op);
            };
        }
    }
}
