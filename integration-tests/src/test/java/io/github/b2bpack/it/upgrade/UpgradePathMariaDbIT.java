package io.github.b2bpack.it.upgrade;

/**
 * {@link UpgradeItBase} on MariaDB: the same fixture data, written by the same earlier build on MariaDB
 * ({@code make-fixture.sh} makes both dumps), upgraded by the current jars.
 */
class UpgradePathMariaDbIT extends UpgradeItBase {

    UpgradePathMariaDbIT() {
        super("mariadb");
    }
}
