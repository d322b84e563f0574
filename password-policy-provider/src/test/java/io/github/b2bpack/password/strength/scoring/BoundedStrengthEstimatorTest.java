package io.github.b2bpack.password.strength.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoundedStrengthEstimatorTest {

    private static final BoundedStrengthEstimator ESTIMATOR = BoundedStrengthEstimator.standard();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "password",
                "P@ssw0rd",
                "qwerty123",
                "Tr0ub4dor&3",
                "correct horse battery",
                "jdoe1985!",
                "zxcvbn-strength-estimate"
            })
    void shortPasswordsGetZxcvbnsOwnScore(String password) {
        Strength reference = new Zxcvbn().measure(password, List.of());
        StrengthEstimate estimate = ESTIMATOR.estimate(password, UserInputs.none());
        assertEquals(reference.getScore(), estimate.score(), password);
        assertEquals(reference.getGuessesLog10(), estimate.guessesLog10(), 1e-9, password);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "correct horse battery staple",
                "zxcvbn-is-a-strength-estimator",
                "Password1!Password1!Password1!",
                "summer2024summer2025summer2026",
                "the quick brown fox jumps over the lazy dog",
                "qwertyuiopasdfghjklzxcvbnm"
            })
    void longerPasswordsKeepZxcvbnsVerdictOnTheScoreThreeLine(String password) {
        Strength reference = new Zxcvbn().measure(password, List.of());
        StrengthEstimate estimate = ESTIMATOR.estimate(password, UserInputs.none());
        assertEquals(
                reference.getScore() >= 3,
                estimate.score() >= 3,
                password + ": zxcvbn " + reference.getScore() + ", bounded " + estimate.score());
    }

    @Test
    void theTimeBudgetOnlyEverLowersTheResult() {
        String text = "Violet-Kettle-Harbor-91 quartz lantern meadow 47 amber falcon river 35";
        BoundedStrengthEstimator noBudget = new BoundedStrengthEstimator(new Zxcvbn(), 0);
        StrengthEstimate cut = noBudget.estimate(text, UserInputs.none());
        StrengthEstimate full = ESTIMATOR.estimate(text, UserInputs.none());
        assertTrue(cut.scoredChars() <= BoundedStrengthEstimator.CHUNK_CHARS, "scored " + cut.scoredChars());
        assertTrue(cut.guessesLog10() <= full.guessesLog10());
    }

    @Test
    void theUsersOwnDataLowersTheScore() {
        int alone = ESTIMATOR.estimate("jdoe1985!", UserInputs.none()).score();
        int withData = ESTIMATOR
                .estimate("jdoe1985!", UserInputs.none().username("jdoe"))
                .score();
        assertTrue(withData < alone, alone + " -> " + withData);

        int company = ESTIMATOR.estimate("Acmecorp2026", UserInputs.none()).score();
        int companyFromEmail = ESTIMATOR
                .estimate("Acmecorp2026", UserInputs.none().email("jane@acmecorp.io"))
                .score();
        assertTrue(companyFromEmail < company || companyFromEmail == 0, company + " -> " + companyFromEmail);
    }

    @Test
    void weakPasswordsCarryFeedbackKeysAndStrongOnesNone() {
        StrengthEstimate weak = ESTIMATOR.estimate("password", UserInputs.none());
        assertEquals(0, weak.score());
        assertEquals(Feedback.DICTIONARY_WARNING_PASSWORDS_TOP10, weak.warningKey());
        assertTrue(weak.suggestionKeys().contains(Feedback.EXTRA_SUGGESTIONS_ADD_ANOTHER_WORD));

        StrengthEstimate strong = ESTIMATOR.estimate("correct horse battery staple", UserInputs.none());
        assertEquals(4, strong.score());
        assertNull(strong.warningKey());
        assertTrue(strong.suggestionKeys().isEmpty());
    }

    @Test
    void repetitionOfAShortBaseStaysWeakAtAnyLength() {
        StrengthEstimate as = ESTIMATOR.estimate("a".repeat(1_000), UserInputs.none());
        assertTrue(as.score() <= 1, "score " + as.score());
        assertEquals(Feedback.REPEAT_WARNING_LIKE_AAA, as.warningKey());

        StrengthEstimate words = ESTIMATOR.estimate("Password1!".repeat(30), UserInputs.none());
        assertTrue(words.score() <= 2, "score " + words.score());
        assertEquals(Feedback.REPEAT_WARNING_LIKE_ABCABCABC, words.warningKey());
    }

    @Test
    void longPassphrasesAndRandomStringsScoreFour() {
        assertEquals(
                4,
                ESTIMATOR
                        .estimate(
                                "the quick brown fox jumps over the lazy dog near the riverbank at dawn",
                                UserInputs.none())
                        .score());
        Random random = new Random(7);
        StringBuilder noise = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            noise.append((char) ('!' + random.nextInt(94)));
        }
        assertEquals(4, ESTIMATOR.estimate(noise, UserInputs.none()).score());
    }

    @Test
    void onlyTheWindowIsScored() {
        String tail = "x".repeat(1 << 20);
        StrengthEstimate estimate = ESTIMATOR.estimate("a".repeat(200) + tail, UserInputs.none());
        assertTrue(estimate.scoredChars() <= BoundedStrengthEstimator.WINDOW_CHARS);
        assertTrue(estimate.score() <= 1);
    }

    @Test
    void hostileInputsGetAScoreNotAnException() {
        String l33t = BoundedStrengthEstimator.LEET_SYMBOLS;
        String[] inputs = {
            "\u0000".repeat(64),
            "\ud800",
            "x\udc00y\ud800",
            "\u200f\u202eabc\u202c\u200e".repeat(20),
            "\ud83d\ude00".repeat(100),
            "\ud83d\ude00".repeat(64) + "a",
            "a".repeat(127) + "\ud83d\ude00",
            l33t.repeat(50),
            new StringBuilder(l33t).reverse().append(l33t).append("0123456789").toString(),
            "1/1/1/".repeat(40),
            "9".repeat(1 << 20),
            " ".repeat(500)
        };
        for (String input : inputs) {
            StrengthEstimate estimate =
                    ESTIMATOR.estimate(input, UserInputs.none().username(input).email(input));
            assertTrue(estimate.score() >= 0 && estimate.score() <= 4);
            assertNotNull(estimate.suggestionKeys());
        }
    }

    @Test
    void chunksRespectTheirLimitsAndNeverSplitASurrogatePair() {
        String text = ("ab\ud83d\ude00" + BoundedStrengthEstimator.LEET_SYMBOLS + "word-words ").repeat(6);
        int start = 0;
        while (start < text.length()) {
            int end = BoundedStrengthEstimator.chunkEnd(text, start);
            assertTrue(end > start);
            assertTrue(BoundedStrengthEstimator.fitsOneCall(text, start, end), text.substring(start, end));
            assertTrue(end == text.length() || !Character.isLowSurrogate(text.charAt(end)), "split at " + end);
            start = end;
        }
    }

    @Test
    void smallestPeriodFindsRepeatedBases() {
        assertEquals(1, BoundedStrengthEstimator.smallestPeriod("aaaa"));
        assertEquals(3, BoundedStrengthEstimator.smallestPeriod("abcabcab"));
        assertEquals(5, BoundedStrengthEstimator.smallestPeriod("abcde"));
        assertEquals(0, BoundedStrengthEstimator.smallestPeriod(""));
    }

    @Test
    void scoreThresholdsAreZxcvbns() {
        assertEquals(0, BoundedStrengthEstimator.scoreOf(3));
        assertEquals(1, BoundedStrengthEstimator.scoreOf(3.01));
        assertEquals(2, BoundedStrengthEstimator.scoreOf(7));
        assertEquals(3, BoundedStrengthEstimator.scoreOf(9));
        assertEquals(4, BoundedStrengthEstimator.scoreOf(10.01));
        assertEquals(4, BoundedStrengthEstimator.scoreOf(400));
    }
}
