package io.github.b2bpack.hibp.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessageBundlesTest {

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(
                "/theme-resources/messages/messages_" + language + ".properties")) {
            assertNotNull(in, language);
            properties.load(in);
        }
        return properties;
    }

    @Test
    void englishFrenchAndGermanDefineTheSameKeysIncludingThePolicyError() throws IOException {
        Properties en = bundle("en");
        assertTrue(en.containsKey(HibpPasswordPolicyProvider.BREACHED_MESSAGE));
        assertTrue(en.containsKey(HibpPasswordPolicyProvider.UNAVAILABLE_MESSAGE));
        for (String language : new String[] {"fr", "de"}) {
            Properties other = bundle(language);
            assertEquals(en.keySet(), other.keySet(), language);
            for (String key : other.stringPropertyNames()) {
                String text = new MessageFormat(other.getProperty(key), Locale.forLanguageTag(language))
                        .format(new Object[0]);
                assertFalse(text.isBlank(), key);
                assertFalse(text.contains("''"), key + " renders a doubled quote");
            }
        }
    }
}
