package io.github.b2bpack.webhook.component;

import io.github.b2bpack.webhook.WebhookRuntime;
import io.github.b2bpack.webhook.event.WebhookEventListenerProviderFactory;
import io.github.b2bpack.webhook.format.PayloadFormat;
import io.github.b2bpack.webhook.healing.HealthStore;
import io.github.b2bpack.webhook.outbox.OutboxStore;
import io.github.b2bpack.webhook.signing.SigningKey;
import io.github.b2bpack.webhook.subscription.ActiveWebhooks;
import io.github.b2bpack.webhook.subscription.WebhookConfig;
import io.github.b2bpack.webhook.subscription.WebhookStore;
import java.util.List;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiPageProviderFactory;

/**
 * The webhooks page of the admin console, and the component factory of every webhook's configuration
 * ({@link WebhookConfig}): the properties below are the console's form (labels and help texts are message keys of
 * {@code theme-resources/messages}); {@link #validateConfiguration} checks and normalises every write, whichever
 * way it comes ({@link WebhookComponentCheck}); {@link #preRemove} cancels a deleted webhook's pending deliveries.
 * The page is listed by the console only when the {@code declarative-ui} feature is enabled; storage works without it.
 */
public final class WebhookComponentFactory implements UiPageProviderFactory<ComponentModel> {

    private static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
            .name(WebhookConfig.NAME)
            .label("b2bpackWebhookName")
            .helpText("b2bpackWebhookNameHelp")
            .type(ProviderConfigProperty.STRING_TYPE)
            .required(true)
            .add()
            .property()
            .name(WebhookConfig.TARGET_URL)
            .label("b2bpackWebhookTargetUrl")
            .helpText("b2bpackWebhookTargetUrlHelp")
            .type(ProviderConfigProperty.STRING_TYPE)
            .required(true)
            .add()
            .property()
            .name(WebhookConfig.EVENT_CODES)
            .label("b2bpackWebhookEventCodes")
            .helpText("b2bpackWebhookEventCodesHelp")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
            .required(true)
            .add()
            .property()
            .name(WebhookConfig.ACTIVE)
            .label("b2bpackWebhookActive")
            .helpText("b2bpackWebhookActiveHelp")
            .type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue("true")
            .add()
            .property()
            .name(WebhookConfig.SIGNATURE_SCHEME)
            .label("b2bpackWebhookSignatureScheme")
            .helpText("b2bpackWebhookSignatureSchemeHelp")
            .type(ProviderConfigProperty.LIST_TYPE)
            .options(SigningKey.V1A, SigningKey.V1)
            .defaultValue(SigningKey.V1A)
            .add()
            .property()
            .name(WebhookConfig.PAYLOAD_FORMAT)
            .label("b2bpackWebhookPayloadFormat")
            .helpText("b2bpackWebhookPayloadFormatHelp")
            .type(ProviderConfigProperty.LIST_TYPE)
            .options(PayloadFormat.STANDARD.code(), PayloadFormat.CLOUDEVENTS.code())
            .defaultValue(PayloadFormat.STANDARD.code())
            .add()
            .property()
            .name(WebhookConfig.CLIENT_IDS)
            .label("b2bpackWebhookClientIds")
            .helpText("b2bpackWebhookClientIdsHelp")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
            .add()
            .property()
            .name(WebhookConfig.EXCLUDED_CLIENT_IDS)
            .label("b2bpackWebhookExcludedClientIds")
            .helpText("b2bpackWebhookExcludedClientIdsHelp")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
            .add()
            .property()
            .name(WebhookConfig.ENVIRONMENTS)
            .label("b2bpackWebhookEnvironments")
            .helpText("b2bpackWebhookEnvironmentsHelp")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
            .add()
            .property()
            .name(WebhookConfig.RATE_LIMIT_PER_SECOND)
            .label("b2bpackWebhookRateLimit")
            .helpText("b2bpackWebhookRateLimitHelp")
            .type(ProviderConfigProperty.STRING_TYPE)
            .add()
            .property()
            .name(WebhookConfig.PUBLIC_KEY)
            .label("b2bpackWebhookPublicKey")
            .helpText("b2bpackWebhookPublicKeyHelp")
            .type(ProviderConfigProperty.STRING_TYPE)
            .add()
            .property()
            .name(WebhookConfig.SIGNING_KEY)
            .label("b2bpackWebhookSigningKey")
            .helpText("b2bpackWebhookSigningKeyHelp")
            .type(ProviderConfigProperty.PASSWORD)
            .secret(true)
            .add()
            .property()
            .name(WebhookConfig.ROTATE_KEY)
            .label("b2bpackWebhookRotateKey")
            .helpText("b2bpackWebhookRotateKeyHelp")
            .type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue("false")
            .add()
            .build();

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        new WebhookComponentCheck(session, realm, runtime(session)).normalise(model);
    }

    @Override
    public void preRemove(KeycloakSession session, RealmModel realm, ComponentModel model) {
        new OutboxStore(session).cancelForWebhook(model.getId(), System.currentTimeMillis());
        new WebhookStore(session, null).prepareRate(model.getId(), null, 0);
        new HealthStore(session).deleteWebhook(model.getId());
        ActiveWebhooks.changed(realm);
    }

    private static WebhookRuntime runtime(KeycloakSession session) {
        var factory = (WebhookEventListenerProviderFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(EventListenerProvider.class, WebhookEventListenerProviderFactory.ID);
        if (factory == null || factory.runtime() == null) {
            throw new ComponentValidationException("the webhooks event listener is not running on this server");
        }
        return factory.runtime();
    }

    @Override
    public String getId() {
        return WebhookConfig.PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "b2bpackWebhooksHelp";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
    }

    /** The console's list shows these columns. */
    @Override
    public Map<String, Object> getTypeMetadata() {
        return Map.of("displayFields", List.of(WebhookConfig.NAME, WebhookConfig.TARGET_URL, WebhookConfig.ACTIVE));
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    /** Unused: Keycloak's console renders the page from the properties; nothing is created per session. */
    @Override
    public ComponentModel create(KeycloakSession session, ComponentModel model) {
        return model;
    }
}
