package io.github.b2bpack.magiclink.authenticator;

/**
 * What the two pages show ({@code magicLink} in the templates): the address typed (or the login_hint), and on the
 * "check your email" page the link's lifespan in minutes. The same for known and unknown addresses. The components
 * are not named {@code address}/{@code minutes}: FreeMarker would find the record's accessor method before the
 * getter the templates read ({@code magicLink.address}).
 */
public record MagicLinkPage(String shownAddress, int lifespanMinutes) {

    public String getAddress() {
        return shownAddress;
    }

    public int getMinutes() {
        return lifespanMinutes;
    }
}
