package dev.pktpath.robust;

/**
 * A CharSequence that counts how often the regex engine reads it and gives up past a budget.
 * Counting reads instead of timing makes "no catastrophic backtracking" a deterministic,
 * load-independent measurement: a linear pattern reads each character a small constant number
 * of times, a backtracking one reads it n times over.
 */
final class StepCountingText implements CharSequence {
    /** Thrown when the engine has read more than the budget allows. */
    static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded(long reads) {
            super("more than " + reads + " character reads", null, false, false);
        }
    }

    private final String text;
    private final long budget;
    private long reads;

    StepCountingText(String text, long budget) {
        this.text = text;
        this.budget = budget;
    }

    long reads() {
        return reads;
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        if (++reads > budget) {
            throw new BudgetExceeded(budget);
        }
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
