package io.github.b2bpack.webhook.subscription;

import io.github.b2bpack.webhook.signing.Ed25519SigningKey;
import io.github.b2bpack.webhook.signing.SigningKey;
import io.github.b2bpack.webhook.signing.SigningSecret;
import java.util.List;
import java.util.UUID;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;

/**
 * Creates webhooks in a realm from configurations exported elsewhere (a partial export's components, another realm's
 * webhooks). Each gets a new id. Keys: an {@link Mode#IMPORT} keeps a key it can read (ciphertext of a full export
 * made with this server's encryption key, moved to the new id; a vault reference) and generates one where the export
 * masked it; a {@link Mode#COPY} always generates new keys (a production realm never shares its sandbox's keys).
 * A generated key is answered once, as on create. Runs in the caller's transaction: all or nothing.
 */
public final class WebhookTransfer {

    /** Where the configurations come from. */
    public enum Mode {
        IMPORT,
        COPY
    }

    private final SecretCipher cipher;

    /** @param cipher null when no encryption key is configured: nothing can be added */
    public WebhookTransfer(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * @param sourceId the id the configuration had where it comes from (the associated data of its key's ciphertext)
     * @return the new webhook; its {@code signatureKey} is null when the key was carried over, not generated
     */
    public WebhookStore.Created add(
            RealmModel realm, String sourceId, MultivaluedHashMap<String, String> source, Mode mode, long now) {
        if (cipher == null) {
            throw new MissingEncryptionKeyException();
        }
        ComponentModel c = new ComponentModel();
        c.setId(UUID.randomUUID().toString());
        c.setParentId(realm.getId());
        c.setProviderType(WebhookConfig.PROVIDER_TYPE);
        c.setProviderId(WebhookConfig.PROVIDER_ID);
        for (String key : List.of(
                WebhookConfig.NAME,
                WebhookConfig.TARGET_URL,
                WebhookConfig.EVENT_CODES,
                WebhookConfig.ACTIVE,
                WebhookConfig.SIGNATURE_SCHEME,
                WebhookConfig.PAYLOAD_FORMAT,
                WebhookConfig.CLIENT_IDS,
                WebhookConfig.EXCLUDED_CLIENT_IDS,
                WebhookConfig.ENVIRONMENTS,
                WebhookConfig.RATE_LIMIT_PER_SECOND)) {
            List<String> values = source.get(key);
            if (values != null) {
                c.getConfig().put(key, new java.util.ArrayList<>(values));
            }
        }
        String scheme = WebhookConfig.first(source, WebhookConfig.SIGNATURE_SCHEME);
        scheme = SigningKey.V1.equals(scheme) ? SigningKey.V1 : SigningKey.V1A;
        c.put(WebhookConfig.SIGNATURE_SCHEME, scheme);
        String key = WebhookConfig.first(source, WebhookConfig.SIGNING_KEY);
        String shown = null;
        if (mode == Mode.IMPORT && StoredKeys.isVaultReference(key)) {
            c.put(WebhookConfig.SIGNING_KEY, key);
            copyPublicKey(source, c);
        } else if (mode == Mode.IMPORT && StoredKeys.isCiphertext(key) && sourceId != null) {
            // Readable only with this server's encryption key and the id it was sealed under; the component check
            // encrypts it again under the new id.
            c.put(WebhookConfig.SIGNING_KEY, cipher.decrypt(key, sourceId));
            copyPublicKey(source, c);
        } else if (SigningKey.V1A.equals(scheme)) {
            Ed25519SigningKey.Pair pair = Ed25519SigningKey.generate();
            c.put(WebhookConfig.SIGNING_KEY, cipher.encrypt(pair.privateSecret(), c.getId()));
            c.put(WebhookConfig.PUBLIC_KEY, pair.publicKey());
            shown = pair.publicKey();
        } else {
            shown = SigningSecret.generate();
            c.put(WebhookConfig.SIGNING_KEY, cipher.encrypt(shown, c.getId()));
        }
        c.put(WebhookConfig.CREATED_AT, now);
        c.put(WebhookConfig.UPDATED_AT, now);
        realm.addComponentModel(c);
        return new WebhookStore.Created(WebhookConfig.toWebhook(c), shown);
    }

    private static void copyPublicKey(MultivaluedHashMap<String, String> source, ComponentModel c) {
        String publicKey = WebhookConfig.first(source, WebhookConfig.PUBLIC_KEY);
        if (publicKey != null) {
            c.put(WebhookConfig.PUBLIC_KEY, publicKey);
        }
    }

    /** The webhook components of {@code realm}, oldest first (the order of the list), as sources for {@link #add}. */
    public static List<ComponentModel> of(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), WebhookConfig.PROVIDER_TYPE)
                .filter(WebhookConfig::isWebhook)
                .sorted(java.util.Comparator.comparing(
                                (ComponentModel c) -> WebhookConfig.toWebhook(c).createdAt())
                        .thenComparing(ComponentModel::getId))
                .toList();
    }
}
