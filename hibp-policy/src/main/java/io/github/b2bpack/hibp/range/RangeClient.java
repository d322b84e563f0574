package io.github.b2bpack.hibp.range;

import java.time.Duration;

/** Fetches one prefix from a range API; the seam between the breach lookup and the network. */
@FunctionalInterface
public interface RangeClient {

    /**
     * @param prefix exactly 5 upper-case hex characters
     * @param budget the whole call, connection to last byte, must end within it
     */
    RangeResult fetch(String prefix, Duration budget) throws RangeLookupException;
}
