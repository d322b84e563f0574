package io.github.b2bpack.password.strength.scoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The user's own data that zxcvbn treats as a dictionary, so that a password built from it scores
 * low: username, email (whole, local part, domain and the domain's first label), first and last
 * name, realm name. Values are lower-cased, blank ones dropped and each one cut to
 * {@value #MAX_CHARS} characters, so that hostile profile data cannot inflate scoring cost.
 */
public final class UserInputs {

    static final int MAX_CHARS = 64;
    static final int MAX_VALUES = 12;

    private final Set<String> values = new LinkedHashSet<>();

    public static UserInputs none() {
        return new UserInputs();
    }

    public UserInputs username(String username) {
        return add(username);
    }

    public UserInputs email(String email) {
        if (email == null || email.isBlank()) {
            return this;
        }
        add(email);
        int at = email.lastIndexOf('@');
        if (at > 0) {
            add(email.substring(0, at));
            String domain = email.substring(at + 1);
            add(domain);
            int dot = domain.indexOf('.');
            if (dot > 0) {
                add(domain.substring(0, dot));
            }
        }
        return this;
    }

    public UserInputs firstName(String firstName) {
        return add(firstName);
    }

    public UserInputs lastName(String lastName) {
        return add(lastName);
    }

    public UserInputs realmName(String realmName) {
        return add(realmName);
    }

    /** Adds any other value (an attribute, a display name). */
    public UserInputs add(String value) {
        if (value == null || values.size() >= MAX_VALUES) {
            return this;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            return this;
        }
        if (trimmed.length() > MAX_CHARS) {
            int end = MAX_CHARS;
            if (Character.isHighSurrogate(trimmed.charAt(end - 1))) {
                end--;
            }
            trimmed = trimmed.substring(0, end);
        }
        values.add(trimmed.toLowerCase(Locale.ROOT));
        return this;
    }

    public List<String> asList() {
        return new ArrayList<>(values);
    }
}
