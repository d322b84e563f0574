#!/usr/bin/env bash
# Builds the pack, unpacks the official Keycloak 26.7.3 distribution (through Maven), installs every
# provider jar, starts Keycloak in dev mode on embedded H2 and configures a demo organization through
# the pack's own organization API (realm created from the pack's recommended template).
#   PORT=8080 (fixed: the demo client's redirect URIs use it)   KC_ADMIN=admin   KC_ADMIN_PASSWORD=admin
set -euo pipefail
cd "$(dirname "$0")"

PORT=8080
ADMIN=${KC_ADMIN:-admin}
ADMIN_PASSWORD=${KC_ADMIN_PASSWORD:-admin}
RECEIVER_PORT=8099
VERSION=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml | head -1)
BASE=http://localhost:$PORT

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

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

echo "==> starting the demo webhook receiver on 127.0.0.1:$RECEIVER_PORT"
java demo/WebhookLogReceiver.java "$RECEIVER_PORT" &
pids+=($!)

echo "==> starting Keycloak $VERSION in dev mode (embedded H2 in $KC_HOME/data/h2)"
export KC_BOOTSTRAP_ADMIN_USERNAME="$ADMIN" KC_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD"
"$KC_HOME/bin/kc.sh" start-dev --http-port="$PORT" --metrics-enabled=true --features=declarative-ui,scim-api \
  --spi-events-listener--webhooks--allowed-networks=127.0.0.0/8 &
pids+=($!)

for _ in $(seq 1 300); do
  curl -sf "$BASE/realms/master/.well-known/openid-configuration" >/dev/null 2>&1 && break
  kill -0 "${pids[1]}" 2>/dev/null || { echo "Keycloak exited" >&2; exit 1; }
  sleep 1
done

echo "==> configuring the demo organization (idempotent)"
token=$(curl -sf -d grant_type=password -d client_id=admin-cli -d "username=$ADMIN" --data-urlencode "password=$ADMIN_PASSWORD" \
  "$BASE/realms/master/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
api() { # method path [json-file] -> prints HTTP status
  local method=$1 path=$2 file=${3:-}
  curl -s -o /tmp/b2bpack-demo-answer.json -w '%{http_code}' -X "$method" "$BASE/admin/realms$path" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' ${file:+--data-binary "@$file"}
}
status=$(api POST /master/orgs demo/acme-org.json)
case $status in
  201) echo "    organization 'Acme Corp' created: realm acme-corp from the pack's template"
       # Email domains start pending (no discovery, no users) until proven by a DNS TXT record; the demo's
       # acme.example has no DNS, so the admin (manage-realm on master) vouches for it by hand.
       api POST /master/orgs/acme-corp/email-domains/acme.example/verify demo/acme-domain-verify.json >/dev/null
       api PUT /acme-corp demo/acme-realm-settings.json >/dev/null
       api POST /acme-corp/partialImport demo/acme-import.json >/dev/null
       # The template leaves the SMS gateway unset (no silent simulation); the demo uses the 'log' sender.
       api GET "/acme-corp/authentication/flows/b2bpack%20browser/executions" >/dev/null
       exec_id=$(grep -o '{[^{}]*"providerId":"sms-otp-form"[^{}]*}' /tmp/b2bpack-demo-answer.json | sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | head -1)
       printf '{"alias":"demo-sms","config":{"sender":"log"}}' > /tmp/b2bpack-demo-sms.json
       [ -n "$exec_id" ] && api POST "/acme-corp/authentication/executions/$exec_id/config" /tmp/b2bpack-demo-sms.json >/dev/null
       api POST /acme-corp/webhooks demo/acme-webhook.json >/dev/null
       echo "    users, client, SMS sender and webhook configured" ;;
  409) echo "    organization 'Acme Corp' already exists (data kept in $KC_HOME/data)" ;;
  *)   echo "    could not create the demo organization (HTTP $status): $(cat /tmp/b2bpack-demo-answer.json)" >&2 ;;
esac

cat <<BANNER

==> b2bpack demo is running (Keycloak $VERSION, dev mode)
    Admin console      : $BASE/admin/   (user: $ADMIN  password: $ADMIN_PASSWORD)
    Demo organization  : Acme Corp -> realm acme-corp, allowed email domain acme.example (verified by hand)
                         GET $BASE/admin/realms/master/orgs (admin token)
    Log in as a user   : $BASE/realms/acme-corp/account/
                         alice / Tangerine-Harbor-Quietly-42  (asked to enroll a phone: SMS second factor)
                         bob   / Tangerine-Harbor-Quietly-42
                         legacy.bcrypt / rasmuslerdorf, legacy.md5 / correct horse (imported legacy hashes,
                         upgraded to argon2-native at first login)
    Discovery by email : $BASE/realms/master/org-login?client_id=acme-app&response_type=code&scope=openid&redirect_uri=http://localhost:3000/cb
    Password strength  : curl -XPOST $BASE/realms/acme-corp/password-strength -H 'Content-Type: application/json' -d '{"password":"password"}'
    SMS codes          : printed in this console by the 'log' SMS sender (lines 'b2bpack SMS to ...')
    Webhooks           : deliveries printed here as '[webhook ...]' lines; history under
                         GET $BASE/admin/realms/acme-corp/webhook-events (admin token); the console's
                         page: $BASE/admin/master/console/#/acme-corp/page-section/b2bpack-webhooks
    Stop with Ctrl-C. Data persists in $KC_HOME/data; delete distribution/target/demo to start over.

BANNER
wait "${pids[1]}"
