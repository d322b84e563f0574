package io.github.b2bpack.sms.sender.twilio;

import io.github.b2bpack.sms.SmsProviderIds;
import io.github.b2bpack.sms.sender.GatewaySenderFactory;

/** {@code twilio}: Twilio's Messages API; the base URL is an option so tests and proxies can redirect it. */
public final class TwilioSmsSenderFactory extends GatewaySenderFactory<TwilioSettings> {

    public TwilioSmsSenderFactory() {
        super(SmsProviderIds.TWILIO_SENDER, TwilioSettings::from, TwilioSmsSender::new, TwilioSettings.OPTIONS);
    }
}
