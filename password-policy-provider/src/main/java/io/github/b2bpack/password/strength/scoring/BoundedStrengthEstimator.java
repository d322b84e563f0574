package io.github.b2bpack.password.strength.scoring;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.ResourceBundle;

/**
 * zxcvbn4j behind a front that bounds its cost. zxcvbn's matchers are super-linear: its l33t
 * matcher enumerates every substitution table the password allows (2^k tables for k distinct
 * substitutable symbols, each re-running every dictionary over all O(n²) substrings), and its
 * repeat and sequence searches are quadratic or worse, so a few dozen hostile characters already
 * make it slow.
 *
 * <p>The front keeps every call to zxcvbn small and the number of calls bounded:
 * <ol>
 *   <li>Only the first {@value #WINDOW_CHARS} characters are scored. A longer password is judged on
 *       them; nothing after them can lower the score.</li>
 *   <li>A short password ({@value #CHUNK_CHARS} characters, at most
 *       {@value #MAX_DISTINCT_LEET_PER_CHUNK} distinct l33t symbols) goes to zxcvbn whole: the
 *       common case gets zxcvbn's exact score and feedback.</li>
 *   <li>A window that repeats a shorter base ({@code "Summer24!Summer24!…"}) is scored as its base
 *       times the repeat count, zxcvbn's own rule for repeats, found in linear time.</li>
 *   <li>Anything else is cut into chunks of at most {@value #CHUNK_CHARS} characters and
 *       {@value #MAX_DISTINCT_LEET_PER_CHUNK} distinct l33t symbols (preferably after a separator),
 *       each scored alone; their guesses multiply (log10s add). A chunk already seen earlier in the
 *       password only doubles the guesses. Scoring stops once the guesses are far above score 4, or,
 *       as a backstop, once {@value #BUDGET_NANOS} ns went into the estimate.</li>
 * </ol>
 * The worst case is thus at most {@code WINDOW_CHARS} characters in small zxcvbn calls, whatever
 * the input length (see docs/benchmarks.md for the measured worst inputs).
 *
 * <p>Instances are immutable and thread-safe; the JVM shares one ({@link #standard()}), since
 * zxcvbn's dictionaries are large to load.
 */
public final class BoundedStrengthEstimator {

    /** Characters of a password that are scored at all. */
    public static final int WINDOW_CHARS = 128;
    /** Longest text handed to zxcvbn in one call: its cost grows about cubically with the length. */
    static final int CHUNK_CHARS = 24;
    /** Most distinct l33t-substitutable symbols in one zxcvbn call (the l33t matcher is exponential in them). */
    static final int MAX_DISTINCT_LEET_PER_CHUNK = 6;
    /** Scoring stops above 10^14 guesses: score 4 starts at 10^10. */
    static final double ENOUGH_LOG10 = 14;
    /**
     * Backstop for inputs nobody has found yet: once this much time went into one estimate, the
     * remaining chunks are not scored (they add no guesses, so the result can only be lower).
     */
    static final long BUDGET_NANOS = 25_000_000L;
    /** zxcvbn4j's l33t table, every symbol it may read as a letter. */
    static final String LEET_SYMBOLS = "4@8({[<3691!|70$5+%2";

    private static final double LOG10_2 = Math.log10(2);

    /** Reads zxcvbn4j's feedback back as message keys: a bundle that maps every key to itself. */
    private static final ResourceBundle KEYS = new ResourceBundle() {
        @Override
        protected Object handleGetObject(String key) {
            return key;
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.emptyEnumeration();
        }
    };

    private final Zxcvbn zxcvbn;
    private final long budgetNanos;

    private BoundedStrengthEstimator(Zxcvbn zxcvbn) {
        this(zxcvbn, BUDGET_NANOS);
    }

    BoundedStrengthEstimator(Zxcvbn zxcvbn, long budgetNanos) {
        this.zxcvbn = zxcvbn;
        this.budgetNanos = budgetNanos;
    }

    /** The shared estimator over zxcvbn4j's standard dictionaries, loaded on first use. */
    public static BoundedStrengthEstimator standard() {
        return Standard.INSTANCE;
    }

    public StrengthEstimate estimate(CharSequence password, UserInputs userInputs) {
        long deadline = System.nanoTime() + budgetNanos;
        List<String> inputs = userInputs.asList();
        String window = window(password);
        if (fitsOneCall(window, 0, window.length())) {
            return whole(window, inputs);
        }
        int period = smallestPeriod(window);
        if (period <= window.length() / 2) {
            StrengthEstimate base = estimateChunks(window.substring(0, period), inputs, deadline);
            double log10 = base.guessesLog10() + Math.log10(window.length() / (double) period);
            int score = scoreOf(log10);
            if (score >= 3) {
                return new StrengthEstimate(score, log10, null, List.of(), window.length());
            }
            String warning = period == 1 ? Feedback.REPEAT_WARNING_LIKE_AAA : Feedback.REPEAT_WARNING_LIKE_ABCABCABC;
            return new StrengthEstimate(
                    score, log10, warning, List.of(Feedback.REPEAT_SUGGESTIONS_AVOID_REPEATED_WORDS), window.length());
        }
        return estimateChunks(window, inputs, deadline);
    }

    private StrengthEstimate whole(String text, List<String> inputs) {
        Strength strength = zxcvbn.measure(text, inputs);
        try {
            Feedback keys = strength.getFeedback().withResourceBundle(KEYS);
            return new StrengthEstimate(
                    strength.getScore(),
                    strength.getGuessesLog10(),
                    blankToNull(keys.getWarning()),
                    keys.getSuggestions(),
                    text.length());
        } finally {
            strength.wipe();
        }
    }

    private StrengthEstimate estimateChunks(String text, List<String> inputs, long deadline) {
        if (fitsOneCall(text, 0, text.length())) {
            return whole(text, inputs);
        }
        double log10 = 0;
        StrengthEstimate weakest = null;
        boolean repeated = false;
        int start = 0;
        while (start < text.length() && log10 < ENOUGH_LOG10 && (start == 0 || System.nanoTime() - deadline < 0)) {
            int end = chunkEnd(text, start);
            String chunk = text.substring(start, end);
            if (text.lastIndexOf(chunk, start - 1) >= 0 && start > 0) {
                log10 += LOG10_2;
                repeated = true;
            } else {
                StrengthEstimate part = whole(chunk, inputs);
                log10 += part.guessesLog10();
                if (weakest == null || part.guessesLog10() < weakest.guessesLog10()) {
                    weakest = part;
                }
            }
            start = end;
        }
        int score = scoreOf(log10);
        if (score >= 3) {
            return new StrengthEstimate(score, log10, null, List.of(), start);
        }
        String warning = weakest == null ? null : weakest.warningKey();
        List<String> suggestions = new ArrayList<>(weakest == null ? List.of() : weakest.suggestionKeys());
        if (warning == null && repeated) {
            warning = Feedback.REPEAT_WARNING_LIKE_ABCABCABC;
            suggestions.add(Feedback.REPEAT_SUGGESTIONS_AVOID_REPEATED_WORDS);
        }
        if (suggestions.isEmpty()) {
            suggestions.add(Feedback.EXTRA_SUGGESTIONS_ADD_ANOTHER_WORD);
        }
        return new StrengthEstimate(score, log10, warning, suggestions, start);
    }

    /** The first {@link #WINDOW_CHARS} characters, never ending inside a surrogate pair. */
    static String window(CharSequence password) {
        int end = Math.min(password.length(), WINDOW_CHARS);
        if (end < password.length() && end > 0 && Character.isHighSurrogate(password.charAt(end - 1))) {
            end--;
        }
        return password.subSequence(0, end).toString();
    }

    static boolean fitsOneCall(String text, int start, int end) {
        return end - start <= CHUNK_CHARS && distinctLeet(text, start, end) <= MAX_DISTINCT_LEET_PER_CHUNK;
    }

    private static int distinctLeet(String text, int start, int end) {
        int seen = 0;
        for (int i = start; i < end; i++) {
            int symbol = LEET_SYMBOLS.indexOf(text.charAt(i));
            if (symbol >= 0) {
                seen |= 1 << symbol;
            }
        }
        return Integer.bitCount(seen);
    }

    /**
     * Where the chunk starting at {@code start} ends: at most {@link #CHUNK_CHARS} characters and
     * {@link #MAX_DISTINCT_LEET_PER_CHUNK} distinct l33t symbols; when cut for length, preferably
     * just after a separator in its second half, so words stay whole; never inside a surrogate pair.
     */
    static int chunkEnd(String text, int start) {
        int limit = Math.min(text.length(), start + CHUNK_CHARS);
        int seen = 0;
        int end = start;
        while (end < limit) {
            int symbol = LEET_SYMBOLS.indexOf(text.charAt(end));
            if (symbol >= 0 && (seen & (1 << symbol)) == 0) {
                if (Integer.bitCount(seen) == MAX_DISTINCT_LEET_PER_CHUNK) {
                    break;
                }
                seen |= 1 << symbol;
            }
            end++;
        }
        if (end == limit && end < text.length()) {
            for (int cut = end; cut > start + CHUNK_CHARS / 2; cut--) {
                if (isSeparator(text.charAt(cut - 1))) {
                    end = cut;
                    break;
                }
            }
        }
        if (end < text.length() && end - 1 > start && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || c == '-' || c == '_' || c == '.' || c == ',' || c == ';' || c == '/';
    }

    /** Length of the shortest prefix whose repetition produces {@code text} (KMP failure function, O(n)). */
    static int smallestPeriod(String text) {
        int n = text.length();
        if (n == 0) {
            return 0;
        }
        int[] border = new int[n];
        for (int i = 1, k = 0; i < n; i++) {
            while (k > 0 && text.charAt(i) != text.charAt(k)) {
                k = border[k - 1];
            }
            if (text.charAt(i) == text.charAt(k)) {
                k++;
            }
            border[i] = k;
        }
        return n - border[n - 1];
    }

    /** zxcvbn's guesses-to-score thresholds (10^3, 10^6, 10^8, 10^10, each plus a delta of 5). */
    static int scoreOf(double guessesLog10) {
        double guesses = Math.pow(10, guessesLog10);
        if (guesses < 1e3 + 5) {
            return 0;
        }
        if (guesses < 1e6 + 5) {
            return 1;
        }
        if (guesses < 1e8 + 5) {
            return 2;
        }
        if (guesses < 1e10 + 5) {
            return 3;
        }
        return 4;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static final class Standard {
        static final BoundedStrengthEstimator INSTANCE = new BoundedStrengthEstimator(new Zxcvbn());
    }
}
