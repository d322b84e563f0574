package io.github.b2bpack.magiclink.mail;

import java.util.Map;

/** One email ready to go: the realm's SMTP settings, the recipient, and the rendered subject and bodies. */
record RenderedMail(Map<String, String> smtp, String address, String subject, String textBody, String htmlBody) {

    /** No SMTP secret or address in logs or exception messages. */
    @Override
    public String toString() {
        return "RenderedMail[subject=" + subject + "]";
    }
}
