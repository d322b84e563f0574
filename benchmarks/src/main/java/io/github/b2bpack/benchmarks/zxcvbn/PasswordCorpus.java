package io.github.b2bpack.benchmarks.zxcvbn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Inputs for the zxcvbn benchmarks, built from a fixed seed so every run scores the same strings:
 * what people type (up to 64 characters) and the worst inputs we could construct for the bounded
 * estimator and for zxcvbn4j itself.
 */
final class PasswordCorpus {

    private static final String[] WORDS = {
        "password",
        "summer",
        "dragon",
        "monkey",
        "football",
        "shadow",
        "master",
        "sunshine",
        "princess",
        "welcome",
        "violet",
        "kettle",
        "harbor",
        "quartz",
        "lantern",
        "meadow",
        "amber",
        "falcon",
        "river",
        "correct",
        "horse",
        "battery",
        "staple",
        "orange",
        "castle",
        "winter",
        "purple",
        "tiger",
        "coffee",
        "pizza",
        "marina",
        "bright",
        "water",
        "acme",
        "corp",
        "london",
        "paris",
        "berlin"
    };
    private static final String SYMBOLS = "!@#$%^&*-_.";
    private static final String PRINTABLE;

    static {
        StringBuilder printable = new StringBuilder();
        for (char c = '!'; c <= '~'; c++) {
            printable.append(c);
        }
        PRINTABLE = printable.toString();
    }

    private PasswordCorpus() {}

    /** 1,000 passwords of 1–64 characters in the shapes people use. */
    static List<String> typical() {
        Random random = new Random(20261126);
        List<String> passwords = new ArrayList<>();
        while (passwords.size() < 1_000) {
            String password = switch (passwords.size() % 8) {
                case 0 -> word(random) + (1950 + random.nextInt(80));
                case 1 ->
                    capitalize(word(random)) + random.nextInt(100) + SYMBOLS.charAt(random.nextInt(SYMBOLS.length()));
                case 2 -> passphrase(random, 3 + random.nextInt(3), " -_.".charAt(random.nextInt(4)));
                case 3 -> leet(capitalize(word(random)) + word(random)) + random.nextInt(10);
                case 4 -> randomString(random, 8 + random.nextInt(57), PRINTABLE);
                case 5 -> "qwertyuiop1234567890asdfghjkl".substring(0, 6 + random.nextInt(20));
                case 6 ->
                    String.format(
                            "%02d/%02d/%04d",
                            1 + random.nextInt(28), 1 + random.nextInt(12), 1950 + random.nextInt(80));
                default -> passphrase(random, 6 + random.nextInt(4), '-');
            };
            passwords.add(password.length() > 64 ? password.substring(0, 64) : password);
        }
        return passwords;
    }

    /** Named worst cases; the ones zxcvbn4j itself handles badly come from nulab/zxcvbn4j#67 and dropbox/zxcvbn#316. */
    static String worst(String name) {
        Random random = new Random(42);
        return switch (name) {
            case "digits-128" -> randomString(random, 128, "0123456789");
            case "digits-64" -> randomString(random, 64, "0123456789");
            case "punctuation-digits-42" -> randomString(random, 42, "!@#$%^&*()_+-=[]{}|;:,.<>/?0123456789");
            case "leet-symbols-42" -> "4@8({[<3691!|70$5+%2".repeat(3).substring(0, 42);
            case "leet-symbols-128" -> "4@8({[<3691!|70$5+%2".repeat(7).substring(0, 128);
            case "a-x1000" -> "a".repeat(1_000);
            case "a-x1MB" -> "a".repeat(1 << 20);
            case "random-1MB" -> randomString(random, 1 << 20, PRINTABLE);
            case "dates-128" -> "19/12/2024-".repeat(12).substring(0, 128);
            case "emoji-rtl-nul" -> ("\ud83d\ude00\u200f\u0000\ud800" + "abc").repeat(20);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String passphrase(Random random, int words, char separator) {
        StringBuilder phrase = new StringBuilder(word(random));
        for (int i = 1; i < words; i++) {
            phrase.append(separator).append(word(random));
        }
        return phrase.toString();
    }

    private static String leet(String text) {
        return text.replace('a', '4')
                .replace('e', '3')
                .replace('o', '0')
                .replace('s', '$')
                .replace('i', '1');
    }

    private static String randomString(Random random, int length, String alphabet) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
