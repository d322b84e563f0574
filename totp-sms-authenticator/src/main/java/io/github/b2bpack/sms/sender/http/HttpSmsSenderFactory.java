package io.github.b2bpack.sms.sender.http;

import io.github.b2bpack.sms.SmsProviderIds;
import io.github.b2bpack.sms.sender.GatewaySenderFactory;

/** {@code http}: generic JSON POST signed with HMAC-SHA256, for any gateway behind a small adapter. */
public final class HttpSmsSenderFactory extends GatewaySenderFactory<HttpSenderSettings> {

    public HttpSmsSenderFactory() {
        super(SmsProviderIds.HTTP_SENDER, HttpSenderSettings::from, HttpSmsSender::new, HttpSenderSettings.OPTIONS);
    }
}
