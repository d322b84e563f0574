package io.github.b2bpack.sms.method;

/** A second-factor method of this module, named as in the {@code b2bpack.otp.methods} realm attribute. */
public enum OtpMethod {
    SMS("sms"),
    APP("app");

    private final String id;

    OtpMethod(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The method named {@code id} (exact, lower case), or null. */
    public static OtpMethod byId(String id) {
        for (OtpMethod m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        return null;
    }
}
