package io.github.b2bpack.org.users;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The OIDC standard claims Cryptr's User carries, each with the Keycloak user attribute that holds it. The
 * attribute names are the ones Keycloak's own {@code profile}, {@code address} and {@code phone} client-scope
 * mappers read, so what the API writes is what the organization's tokens carry.
 */
public enum ProfileClaim {
    GIVEN_NAME("given_name", "firstName", Group.PROFILE, Kind.TEXT),
    FAMILY_NAME("family_name", "lastName", Group.PROFILE, Kind.TEXT),
    NICKNAME("nickname", "nickname", Group.PROFILE, Kind.TEXT),
    BIRTHDATE("birthdate", "birthdate", Group.PROFILE, Kind.DATE),
    GENDER("gender", "gender", Group.PROFILE, Kind.TEXT),
    LOCALE("locale", "locale", Group.PROFILE, Kind.LOCALE),
    ZONEINFO("zoneinfo", "zoneinfo", Group.PROFILE, Kind.TEXT),
    PICTURE("picture", "picture", Group.PROFILE, Kind.URL),
    WEBSITE("website", "website", Group.PROFILE, Kind.URL),
    PHONE_NUMBER("phone_number", "phoneNumber", Group.TOP, Kind.PHONE),
    COUNTRY("country", "country", Group.ADDRESS, Kind.TEXT),
    FORMATTED("formatted", "formatted", Group.ADDRESS, Kind.MULTILINE),
    LOCALITY("locality", "locality", Group.ADDRESS, Kind.TEXT),
    POSTAL_CODE("postal_code", "postal_code", Group.ADDRESS, Kind.TEXT),
    REGION("region", "region", Group.ADDRESS, Kind.TEXT),
    STREET_ADDRESS("street_address", "street", Group.ADDRESS, Kind.MULTILINE);

    /** Where the claim sits in Cryptr's JSON: in {@code profile}, in {@code address}, or at the top. */
    public enum Group {
        PROFILE,
        ADDRESS,
        TOP
    }

    /** How a value is checked. */
    public enum Kind {
        TEXT,
        MULTILINE,
        DATE,
        URL,
        PHONE,
        LOCALE
    }

    /** Keycloak attribute of {@code phone_number_verified} (read, never written by the API). */
    public static final String PHONE_VERIFIED_ATTRIBUTE = "phoneNumberVerified";

    private final String claim;
    private final String attribute;
    private final Group group;
    private final Kind kind;

    ProfileClaim(String claim, String attribute, Group group, Kind kind) {
        this.claim = claim;
        this.attribute = attribute;
        this.group = group;
        this.kind = kind;
    }

    public String claim() {
        return claim;
    }

    public String attribute() {
        return attribute;
    }

    public Group group() {
        return group;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Whether the attribute must be declared in the realm's user profile: Keycloak's own {@code firstName} and
     * {@code lastName} are declared by default, and {@code locale} is Keycloak's own when the realm is
     * internationalized (and refused otherwise, see {@code OrgUsersResource}).
     */
    public boolean needsDeclaration() {
        return this != GIVEN_NAME && this != FAMILY_NAME && this != LOCALE;
    }

    public static Optional<ProfileClaim> byClaim(Group group, String claim) {
        return Arrays.stream(values())
                .filter(c -> c.group == group && c.claim.equals(claim))
                .findFirst();
    }

    public static List<ProfileClaim> of(Group group) {
        return Arrays.stream(values()).filter(c -> c.group == group).toList();
    }

    /** The attributes to declare in an organization realm's user profile. */
    public static List<String> declaredAttributes() {
        return Arrays.stream(values())
                .filter(ProfileClaim::needsDeclaration)
                .map(ProfileClaim::attribute)
                .toList();
    }
}
