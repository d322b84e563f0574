package io.github.b2bpack.magiclink.authenticator;

/**
 * What the two pages show ({@code magicLink} in the templates): the address typed (or the login_hint), and on the
 * "check your email" page the link's lifespan in minutes. The same for known and unknown addresses.
 */
public record MagicLinkPage(String address, int minutes) {

    public String getAddress() {
        return address;
    }

    public int getMinutes() {
        return minutes;
    }
}
