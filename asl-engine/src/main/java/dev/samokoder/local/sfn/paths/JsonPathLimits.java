package dev.samokoder.local.sfn.paths;

/**
 * Bounds on what a definition's paths may ask of the engine. The engine serves a public API, so a hostile
 * definition must not be able to make the parser recurse without end or a read select without end.
 */
public final class JsonPathLimits {

    /** Longest path text accepted, in characters; longer ones are a definition problem. */
    public static final int MAX_PATH_LENGTH = 2_048;

    /** How deeply parentheses may nest in a filter {@code [?( ... )]}, counting the filter's own. */
    public static final int MAX_FILTER_DEPTH = 10;

    /**
     * How many nodes one read may select, summed over its steps. Unions repeat nodes ({@code [0,0,0]}) and
     * deep scans multiply them ({@code $..*..*}), so a short path could otherwise select more nodes than
     * memory holds; a read past this limit fails with States.Runtime.
     */
    public static final int MAX_SELECTED_NODES = 1_000_000;

    private JsonPathLimits() {
    }
}
