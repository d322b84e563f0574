package io.github.b2bpack.sms.code;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SendLogTest {

    @Test
    void capCountsOnlyTheLastHour() {
        SendLog log = new SendLog(List.of());
        long t = 10_000_000L;
        for (int i = 0; i < 5; i++) {
            assertTrue(log.allows(t + i, 5));
            log = log.record(t + i);
        }
        assertFalse(log.allows(t + 10, 5));
        assertTrue(log.allows(t + SendLog.WINDOW_MILLIS, 5), "the first send left the window");
        assertEquals(log, SendLog.fromMap(log.toMap()));
    }

    @Test
    void corruptedLogLosesOnlyBadEntries() {
        assertEquals(List.of(5L), SendLog.fromMap(java.util.Map.of("sent", "x,5")).sentAtMillis());
    }

    @Test
    void webOtpLineFollowsTheFormat() {
        String text = SmsText.compose("Your code is {0}. It expires in {1} minutes.", "123456", 10, "login.example.com");
        assertEquals("Your code is 123456. It expires in 10 minutes.\n\n@login.example.com #123456", text);
        assertEquals("Code 123456", SmsText.compose("Code {0}", "123456", 10, null));
    }
}
