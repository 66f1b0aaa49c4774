package dev.pktpath.parse;

/**
 * Told how far a streaming parse has got, now and then (not per line), from the parsing thread.
 * Front ends turn it into a progress bar or a line on stderr.
 */
@FunctionalInterface
public interface ParseListener {
    ParseListener NONE = (done, total) -> { };

    /**
     * @param done  bytes of the input consumed so far
     * @param total bytes in the input, or -1 when unknown (a pipe)
     */
    void progress(long done, long total);
}
