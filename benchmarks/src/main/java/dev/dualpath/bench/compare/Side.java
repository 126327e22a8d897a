package dev.dualpath.bench.compare;

/** The two builds of a comparison: A is the base, B the head. */
public enum Side {
    /** The reference build (e.g. the merge base of a pull request). */
    BASE("A"),
    /** The build under test (e.g. the pull request). */
    HEAD("B");

    private final String letter;

    Side(String letter) {
        this.letter = letter;
    }

    /** {@code A} or {@code B}, as in the block order {@code ABBA}. */
    public String letter() {
        return letter;
    }

    /** The side a letter of a block order stands for. */
    public static Side of(char letter) {
        return letter == 'A' ? BASE : HEAD;
    }
}
