package dev.pktpath.diff;

/** What an edit operation does to stack A to reach stack B; names as in the JSON contract. */
public enum EditKind {
    EQUAL("equal"),
    DELETE("delete"),
    INSERT("insert"),
    REPLACE("replace");

    private final String id;

    EditKind(String id) {
        this.id = id;
    }

    /** The contract's name: {@code equal}, {@code delete}, {@code insert}, {@code replace}. */
    public String id() {
        return id;
    }

    /** The same operation seen from the other side: deletes become inserts and back. */
    public EditKind mirrored() {
        return switch (this) {
            case DELETE -> INSERT;
            case INSERT -> DELETE;
            default -> this;
        };
    }
}
