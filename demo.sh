#!/usr/bin/env bash
# Builds the pack, unpacks the official Keycloak 26.7.3 distribution (through Maven), installs every
# provider jar, imports the demo organization and starts Keycloak in dev mode on embedded H2.
#   PORT=8080 (default)   KC_ADMIN=admin   KC_ADMIN_PASSWORD=admin
set -euo pipefail
cd "$(dirname "$0")"

PORT=${PORT:-8080}
ADMIN=${KC_ADMIN:-admin}
ADMIN_PASSWORD=${KC_ADMIN_PASSWORD:-admin}
VERSION=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml | head -1)

echo "==> building the pack and unpacking Keycloak $VERSION (./mvnw -Pdemo package -DskipTests)"
./mvnw -B -q -ntp -Pdemo -DskipTests package -pl distribution -am

KC_HOME=distribution/target/demo/keycloak-$VERSION
PACK=$(ls -d distribution/target/b2bpack-*/ | head -1)
PACK=${PACK%/}
[ -x "$KC_HOME/bin/kc.sh" ] || { echo "Keycloak was not unpacked into $KC_HOME" >&2; exit 1; }

echo "==> installing provider jars from $PACK/providers into $KC_HOME/providers"
rm -f "$KC_HOME"/providers/*.jar
cp "$PACK"/providers/*.jar "$KC_HOME/providers/"
ls -1 "$KC_HOME/providers/"

mkdir -p "$KC_HOME/data/import"
cp demo/*-realm.json "$KC_HOME/data/import/"

cat <<BANNER

==> starting Keycloak $VERSION in dev mode (embedded H2 in $KC_HOME/data/h2)
    Admin console : http://localhost:$PORT/admin/   (user: $ADMIN  password: $ADMIN_PASSWORD)
    Demo org realm: http://localhost:$PORT/realms/acme/account/
                    users alice / bob, password Demo-Passphrase-2026!
    SMS codes     : printed in this console by the 'log' SMS sender (look for 'b2bpack SMS')
    Webhooks      : deliveries and their state under /admin/realms/acme/webhook-events
    Stop with Ctrl-C. Data persists in $KC_HOME/data; delete that folder to start over.

BANNER

export KC_BOOTSTRAP_ADMIN_USERNAME="$ADMIN" KC_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD"
exec "$KC_HOME/bin/kc.sh" start-dev --http-port="$PORT" --import-realm --metrics-enabled=true
