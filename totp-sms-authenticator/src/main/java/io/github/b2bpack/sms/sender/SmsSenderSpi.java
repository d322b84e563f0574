package io.github.b2bpack.sms.sender;

import io.github.b2bpack.sms.SmsProviderIds;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The {@code sms-sender} SPI: {@code log} (development), {@code http} (generic JSON + HMAC), {@code twilio}. */
public final class SmsSenderSpi implements Spi {

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return SmsProviderIds.SENDER_SPI;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return SmsSenderProvider.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return SmsSenderProviderFactory.class;
    }
}
