package io.github.b2bpack.sms.method;

import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The methods a realm offers for enrollment: the value of the realm attribute {@value #ATTRIBUTE},
 * {@code sms}, {@code app} or {@code sms,app} (order and spaces ignored). Absent means {@code sms}: realms set
 * up before the app method existed have flows that check only the SMS step, so offering the app there would
 * enroll users into a factor their flow never asks for. A value that cannot be read also means {@code sms}
 * (never "nothing", which would leave users without a second factor), and {@link #valid} says so.
 */
public record OtpMethods(Set<OtpMethod> offered, boolean valid) {

    public static final String ATTRIBUTE = "b2bpack.otp.methods";
    public static final OtpMethods DEFAULT = new OtpMethods(EnumSet.of(OtpMethod.SMS), true);

    public OtpMethods {
        offered = offered.isEmpty() ? EnumSet.of(OtpMethod.SMS) : EnumSet.copyOf(offered);
    }

    public static OtpMethods parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT;
        }
        EnumSet<OtpMethod> set = EnumSet.noneOf(OtpMethod.class);
        for (String part : raw.split(",", -1)) {
            OtpMethod m = OtpMethod.byId(part.trim());
            if (m == null) {
                return new OtpMethods(EnumSet.of(OtpMethod.SMS), false);
            }
            set.add(m);
        }
        return new OtpMethods(set, true);
    }

    /** Whether a value is one of the accepted spellings (for the admin REST's 400). */
    public static boolean isValid(String raw) {
        return raw != null && !raw.isBlank() && parse(raw).valid();
    }

    public boolean offers(OtpMethod method) {
        return offered.contains(method);
    }

    /** The user's choice exists only when both are offered. */
    public boolean userChooses() {
        return offered.size() > 1;
    }

    /** The method to enroll instead of {@code wanted} when the realm does not offer it. */
    public OtpMethod route(OtpMethod wanted) {
        return offers(wanted) ? wanted : offered.iterator().next();
    }

    /** Canonical spelling: {@code sms}, {@code app} or {@code sms,app}. */
    public String value() {
        StringJoiner j = new StringJoiner(",");
        offered.forEach(m -> j.add(m.id()));
        return j.toString();
    }
}
