package io.github.b2bpack.sms.sender.log;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogSenderPolicyTest {

    @Test
    void theLogSenderRunsInDevelopmentAndInProductionOnlyWhenEnabled() {
        assertTrue(LogSenderPolicy.allowed(true, false));
        assertTrue(LogSenderPolicy.allowed(true, true));
        assertFalse(LogSenderPolicy.allowed(false, false));
        assertTrue(LogSenderPolicy.allowed(false, true));
    }

    @Test
    void aRefusedLogSenderIsNotUsableAndPrintsNothing() {
        LogSmsSender refused = new LogSmsSender(false);
        assertFalse(refused.usable());
        refused.send(null, new io.github.b2bpack.sms.sender.SmsMessage("+33612345678", "code 123456"));
        assertTrue(new LogSmsSender(true).usable());
    }
}
