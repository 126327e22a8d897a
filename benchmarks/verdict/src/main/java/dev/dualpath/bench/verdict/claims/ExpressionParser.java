package dev.dualpath.bench.verdict.claims;

/** Recursive-descent parser for {@link Expression}; one instance per text. */
final class ExpressionParser {

    private final String text;
    private int pos;

    ExpressionParser(String text) {
        this.text = text;
    }

    Expression parse() {
        Expression e = sum();
        skipSpace();
        if (pos < text.length()) throw error("unexpected '" + text.charAt(pos) + "'");
        return e;
    }

    private Expression sum() {
        Expression e = product();
        while (true) {
            skipSpace();
            if (peek('+') || peek('-')) {
                char op = text.charAt(pos++);
                e = new Expression.Binary(op, e, product());
            } else {
                return e;
            }
        }
    }

    private Expression product() {
        Expression e = unary();
        while (true) {
            skipSpace();
            if (peek('*') || peek('/')) {
                char op = text.charAt(pos++);
                e = new Expression.Binary(op, e, unary());
            } else {
                return e;
            }
        }
    }

    private Expression unary() {
        skipSpace();
        if (peek('-')) {
            pos++;
            return new Expression.Neg(unary());
        }
        return primary();
    }

    private Expression primary() {
        skipSpace();
        if (pos >= text.length()) throw error("unexpected end");
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            Expression e = sum();
            skipSpace();
            if (!peek(')')) throw error("expected ')'");
            pos++;
            return e;
        }
        if (Character.isDigit(c) || c == '.') return number();
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < text.length()
                    && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'))
                pos++;
            return new Expression.Var(text.substring(start, pos));
        }
        throw error("unexpected '" + c + "'");
    }

    private Expression number() {
        int start = pos;
        while (pos < text.length()
                && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) pos++;
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
        }
        try {
            return new Expression.Num(Double.parseDouble(text.substring(start, pos)));
        } catch (NumberFormatException e) {
            throw error("bad number '" + text.substring(start, pos) + "'");
        }
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at position " + pos + " in \"" + text + "\"");
    }
}
