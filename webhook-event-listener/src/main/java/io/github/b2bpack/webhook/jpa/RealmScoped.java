package io.github.b2bpack.webhook.jpa;

/** A row that belongs to one realm, and is found only through it ({@link Jpa#findInRealm}). */
public interface RealmScoped {

    String getRealmId();
}
