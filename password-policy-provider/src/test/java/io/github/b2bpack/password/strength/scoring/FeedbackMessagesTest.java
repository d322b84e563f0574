package io.github.b2bpack.password.strength.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class FeedbackMessagesTest {

    private final StrengthEstimate weak = BoundedStrengthEstimator.standard().estimate("password", UserInputs.none());

    @Test
    void feedbackIsLocalizedInEnglishFrenchAndGerman() {
        FeedbackMessages.LocalizedFeedback en = FeedbackMessages.localize(weak, Locale.ENGLISH);
        FeedbackMessages.LocalizedFeedback fr = FeedbackMessages.localize(weak, Locale.FRENCH);
        FeedbackMessages.LocalizedFeedback de = FeedbackMessages.localize(weak, Locale.GERMAN);
        assertEquals("This is a top-10 common password.", en.warning());
        assertTrue(fr.warning().contains("mots de passe"), fr.warning());
        assertTrue(de.warning().contains("Passw"), de.warning());
        assertNotEquals(en.suggestions(), de.suggestions());
        assertFalse(en.asText().isBlank());
    }

    @Test
    void anUnknownLanguageFallsBackToEnglish() {
        Locale previous = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            assertEquals(
                    "This is a top-10 common password.",
                    FeedbackMessages.localize(weak, Locale.forLanguageTag("sv")).warning());
        } finally {
            Locale.setDefault(previous);
        }
    }

    @Test
    void noFeedbackMeansEmptyText() {
        StrengthEstimate strong =
                BoundedStrengthEstimator.standard().estimate("correct horse battery staple", UserInputs.none());
        FeedbackMessages.LocalizedFeedback feedback = FeedbackMessages.localize(strong, Locale.FRENCH);
        assertEquals("", feedback.warning());
        assertEquals("", feedback.asText());
    }
}
