package io.github.b2bpack.org.model;

/** The {@code q[environments_status_in][]} filter of the list: organizations with an environment in that state. */
public enum StatusFilter {
    ANY,
    ANY_UP,
    ANY_DOWN
}
