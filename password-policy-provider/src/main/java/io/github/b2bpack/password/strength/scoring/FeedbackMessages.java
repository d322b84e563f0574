package io.github.b2bpack.password.strength.scoring;

import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Turns zxcvbn4j message keys into text in the user's language, from the translations zxcvbn4j
 * ships (en, de, fr, es, it, ja, nl, pt). An unknown language falls back to English, never to the
 * server's default locale.
 */
public final class FeedbackMessages {

    /** zxcvbn4j's bundle, derived from its package so that it follows the jar's relocation. */
    private static final String BUNDLE = Zxcvbn.class.getPackageName().replace('.', '/') + "/messages";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private FeedbackMessages() {}

    public static LocalizedFeedback localize(StrengthEstimate estimate, Locale locale) {
        ResourceBundle bundle = bundle(locale);
        String warning = estimate.warningKey() == null ? "" : text(bundle, estimate.warningKey());
        List<String> suggestions = new ArrayList<>();
        for (String key : estimate.suggestionKeys()) {
            suggestions.add(text(bundle, key));
        }
        return new LocalizedFeedback(warning, suggestions);
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(
                BUNDLE, locale == null ? Locale.ENGLISH : locale, Zxcvbn.class.getClassLoader(), NO_FALLBACK);
    }

    private static String text(ResourceBundle bundle, String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** Warning (empty when none) and suggestions, ready to show. */
    public record LocalizedFeedback(String warning, List<String> suggestions) {

        public LocalizedFeedback {
            suggestions = List.copyOf(suggestions);
        }

        /** Warning and suggestions as one sentence sequence, for a single-line error message. */
        public String asText() {
            StringBuilder text = new StringBuilder(warning);
            for (String suggestion : suggestions) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(suggestion);
            }
            return text.toString();
        }
    }
}
