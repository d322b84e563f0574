#!/usr/bin/env bash
# Makes the upgrade fixture UpgradePathIT restores: a database written by the pack as it was at commit $FROM
# (default bfbf75f, the code before the upgrade test existed), dumped and gzipped next to this script.
#
#   integration-tests/src/test/resources/upgrade/make-fixture.sh            # PostgreSQL and MariaDB, from bfbf75f
#   FROM=<commit> DBS=postgres integration-tests/src/test/resources/upgrade/make-fixture.sh
#
# It builds $FROM in a throw-away git worktree (package only: nothing is installed into ~/.m2), unpacks the official
# Keycloak zip, starts it in production mode (kc.sh build, kc.sh start --optimized) on a fresh private database with
# the ITs' own server options (server-options/*.properties of $FROM: the test-only encryption key and peppers), creates
# the data through the admin REST API, stops Keycloak and dumps the database. The values the IT needs (ids, the
# webhook's signing key shown once at creation) go to fixture-<db>.properties.
#
# The data: realm "upgrade" (password policy hashAlgorithm(argon2-native), events to the webhooks listener, public
# direct-grant client "cli", user "old-user" hashed under pepper it-k2), a v1 webhook on http://127.0.0.1:8504/upgrade
# for user.login.success whose first delivery failed (nothing listens there while the fixture is made) and waits as
# retryable, the organization "Upgrade Corp" with its email domain upgrade-corp.example verified (discovery answers).
#
# Needs what the ITs need (Debian's postgresql and mariadb-server, unzip, curl, jq, a JDK 17) and ports 15439, 13309,
# 18095 and 19015 free. Under 5 minutes for both databases on 2 cores, the build included (on a machine shared
# with test runs, wrap it in `flock /tmp/b2bpack-it.lock`). Secrets here are the tests' and nothing else's.
set -euo pipefail

FROM=${FROM:-bfbf75f}
DBS=${DBS:-postgres mariadb}
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(git -C "$HERE" rev-parse --show-toplevel)
WORK=$(mktemp -d /tmp/b2bpack-fixture.XXXXXX)
chmod 755 "$WORK" # PostgreSQL runs as the postgres user when this script runs as root
KC_VERSION=26.7.3
HTTP_PORT=18095
MGMT_PORT=19015
PG_PORT=15439
MARIADB_PORT=13309
BASE=http://localhost:$HTTP_PORT
PASSWORD='Old-Password-from-bfbf75f-1'
RECEIVER=http://127.0.0.1:8504/upgrade

log() { echo "[make-fixture] $*" >&2; }
KC_PID=
MARIADB_PID=
cleanup() {
  [ -n "$KC_PID" ] && kill "$KC_PID" 2>/dev/null && wait "$KC_PID" 2>/dev/null || true
  [ -n "$MARIADB_PID" ] && kill "$MARIADB_PID" 2>/dev/null && wait "$MARIADB_PID" 2>/dev/null || true
  if [ -d "$WORK/pg/data" ]; then as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast -w stop >/dev/null 2>&1 || true; fi
  git -C "$REPO" worktree remove --force "$WORK/old" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
PG_BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -1)")

# 1. The pack as it was at $FROM, built without touching ~/.m2.
log "building $FROM in $WORK/old"
git -C "$REPO" worktree add --detach "$WORK/old" "$FROM" >/dev/null
MODULES=password-policy-provider,hibp-policy,totp-sms-authenticator,org-realm-mapper,webhook-event-listener
(cd "$WORK/old" && ./mvnw -B -ntp -q package -DskipTests -Dfuzz.skip -Dspotless.check.skip -pl "$MODULES" -am)

# 2. Keycloak from the official zip, the old jars in providers/, built once for each database.
M2=${MAVEN_REPO:-$HOME/.m2/repository}
install_keycloak() { # $1 = folder, $2 = db kind
  mkdir -p "$1" && (cd "$1" && unzip -q "$M2/org/keycloak/keycloak-quarkus-dist/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.zip")
  local home=$1/keycloak-$KC_VERSION
  for m in ${MODULES//,/ }; do cp "$WORK/old/$m/target/$m-0.1.0-SNAPSHOT.jar" "$home/providers/io.github.b2bpack__$m.jar"; done
  for a in argon2-jvm argon2-jvm-nolibs; do cp "$M2/de/mkammerer/$a/2.12/$a-2.12.jar" "$home/providers/de.mkammerer__$a.jar"; done
  "$home/bin/kc.sh" build --db="$2" --health-enabled=true --metrics-enabled=true >"$1/build.log" 2>&1
  echo "$home"
}

# The ITs' options of $FROM, with the webhook retries slowed so the pending delivery is still pending at the dump.
server_options() {
  cat "$WORK"/old/integration-tests/src/test/resources/server-options/*.properties \
    | grep -v '^\s*#' | grep '=' | sed -E 's/^\s*([^ =]+)\s*=\s*(.*\S)\s*$/--\1=\2/' \
    | grep -v -e 'webhooks--retry-schedule=' -e 'webhooks--retry-jitter=' -e 'webhooks--max-attempts='
  printf '%s\n' --spi-events-listener--webhooks--retry-schedule=30s --spi-events-listener--webhooks--retry-jitter=0 \
    --spi-events-listener--webhooks--max-attempts=100
}

start_keycloak() { # $1 = home, rest = db options
  local home=$1; shift
  mapfile -t opts < <(server_options)
  "$home/bin/kc.sh" start --optimized "$@" "${opts[@]}" --http-enabled=true --http-host=127.0.0.1 \
    --http-port=$HTTP_PORT --http-management-port=$MGMT_PORT --hostname=$BASE --cache=local \
    --bootstrap-admin-username=admin --bootstrap-admin-password=admin >"$home/console.log" 2>&1 &
  KC_PID=$!
  for _ in $(seq 1 300); do
    if curl -fs -o /dev/null "$BASE/realms/master"; then return; fi
    kill -0 "$KC_PID" 2>/dev/null || { tail -50 "$home/console.log"; exit 1; }
    sleep 1
  done
  log "Keycloak did not start"; tail -50 "$home/console.log"; exit 1
}

stop_keycloak() { kill "$KC_PID"; wait "$KC_PID" || true; KC_PID=; }

TOKEN=
api() { # $1 = method, $2 = path under /admin/realms, $3 = JSON body (optional); prints the body, fails on >= 300
  local out status
  out=$(mktemp)
  status=$(curl -s -o "$out" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' ${3:+--data "$3"} "$BASE/admin/realms$2")
  if [ "$status" -ge 300 ]; then log "$1 $2 -> $status $(cat "$out")"; exit 1; fi
  cat "$out"; rm -f "$out"
}

make_data() { # $1 = properties file to write
  TOKEN=$(curl -fs -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin \
    "$BASE/realms/master/protocol/openid-connect/token" | jq -r .access_token)
  api POST "" '{"realm":"upgrade","enabled":true,"passwordPolicy":"hashAlgorithm(argon2-native)",
    "eventsListeners":["jboss-logging","webhooks"]}' >/dev/null
  api POST /upgrade/clients '{"clientId":"cli","publicClient":true,"directAccessGrantsEnabled":true,
    "standardFlowEnabled":false}' >/dev/null
  api POST /upgrade/users '{"username":"old-user","email":"old-user@upgrade-corp.example","firstName":"Old",
    "lastName":"User","emailVerified":true,"enabled":true,
    "credentials":[{"type":"password","value":"'"$PASSWORD"'","temporary":false}]}' >/dev/null
  local user credential webhook org discovery login delivery=
  user=$(api GET '/upgrade/users?username=old-user&exact=true' | jq -r '.[0].id')
  credential=$(api GET "/upgrade/users/$user/credentials" | jq -r '.[0].credentialData')
  log "old-user's credential: $credential"
  webhook=$(api POST /upgrade/webhooks '{"name":"upgrade","target_url":"'$RECEIVER'",
    "event_codes":["user.login.success"],"active":true}')
  org=$(api POST /master/orgs '{"name":"Upgrade Corp","allowed_email_domains":["upgrade-corp.example"]}')
  api POST /master/orgs/upgrade-corp/email-domains/upgrade-corp.example/verify '{"method":"manual"}' >/dev/null
  discovery=$(api GET '/master/orgs/discovery?email=someone@upgrade-corp.example')
  log "discovery before the upgrade: $discovery"
  # Last, so the dump is taken within the 30 s retry delay: a login whose delivery fails (nothing on 8504).
  login=$(curl -s -o /dev/null -w '%{http_code}' -d grant_type=password -d client_id=cli -d username=old-user \
    --data-urlencode "password=$PASSWORD" "$BASE/realms/upgrade/protocol/openid-connect/token")
  [ "$login" = 200 ] || { log "old-user's login answered $login"; exit 1; }
  for _ in $(seq 1 40); do
    delivery=$(api GET '/upgrade/webhook-events?state=retryable' | jq -r '.data[0].id // empty')
    [ -n "$delivery" ] && break
    sleep 0.25
  done
  [ -n "$delivery" ] || { log "no retryable delivery"; exit 1; }
  api GET "/upgrade/webhook-events/$delivery" | jq -c '{id, state, attempts, next_attempt_at}' >&2
  {
    echo "# Written by make-fixture.sh from commit $(git -C "$WORK/old" rev-parse HEAD) on $(date -u +%F) (test-only values)."
    echo "from-commit = $(git -C "$WORK/old" rev-parse HEAD)"
    echo "admin-username = admin"
    echo "admin-password = admin"
    echo "realm = upgrade"
    echo "client = cli"
    echo "user = old-user"
    echo "user-password = $PASSWORD"
    echo "user-credential-data = $credential"
    echo "webhook-id = $(echo "$webhook" | jq -r .id)"
    echo "webhook-url = $RECEIVER"
    echo "webhook-signature-key = $(echo "$webhook" | jq -r .signature_key)"
    echo "pending-delivery-id = $delivery"
    echo "organization = $(echo "$org" | jq -r .domain)"
    echo "organization-email = someone@upgrade-corp.example"
  } >"$1"
}

for db in $DBS; do
  log "fixture on $db"
  case $db in
    postgres)
      mkdir -p "$WORK/pg" && { [ "$(id -u)" != 0 ] || chown postgres "$WORK/pg"; }
      as_postgres "$PG_BIN/initdb" -D "$WORK/pg/data" -A trust -U postgres -E UTF8 --no-locale >/dev/null
      as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1" \
        -l "$WORK/pg/postgres.log" -w start >/dev/null
      as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p $PG_PORT -U postgres keycloak
      home=$(install_keycloak "$WORK/kc-postgres" postgres)
      start_keycloak "$home" --db-url=jdbc:postgresql://127.0.0.1:$PG_PORT/keycloak --db-username=postgres \
        --db-password=postgres
      make_data "$HERE/fixture-postgres.properties"
      stop_keycloak
      as_postgres "$PG_BIN/pg_dump" -h 127.0.0.1 -p $PG_PORT -U postgres --no-owner --no-privileges keycloak \
        | gzip -9n >"$HERE/postgres.sql.gz"
      as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast -w stop >/dev/null
      rm -rf "$WORK/pg"
      ;;
    mariadb)
      mkdir -p "$WORK/mariadb"
      mariadb-install-db --no-defaults --datadir="$WORK/mariadb/data" --user="$(id -un)" \
        --auth-root-authentication-method=normal --skip-test-db >/dev/null
      mariadbd --no-defaults --datadir="$WORK/mariadb/data" --port=$MARIADB_PORT --bind-address=127.0.0.1 \
        --socket="$WORK/mariadb/mariadb.sock" --pid-file="$WORK/mariadb/mariadb.pid" --user="$(id -un)" \
        --skip-log-bin >"$WORK/mariadb/mariadb.log" 2>&1 &
      MARIADB_PID=$!
      for _ in $(seq 1 60); do mariadb --no-defaults -h 127.0.0.1 -P $MARIADB_PORT -u root -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.5; done
      mariadb --no-defaults -h 127.0.0.1 -P $MARIADB_PORT -u root -e "CREATE DATABASE keycloak CHARACTER SET utf8mb4
        COLLATE utf8mb4_unicode_ci; CREATE USER 'keycloak'@'%' IDENTIFIED BY 'keycloak-it';
        GRANT ALL ON keycloak.* TO 'keycloak'@'%';"
      home=$(install_keycloak "$WORK/kc-mariadb" mariadb)
      start_keycloak "$home" --db-url=jdbc:mariadb://127.0.0.1:$MARIADB_PORT/keycloak --db-username=keycloak \
        --db-password=keycloak-it
      make_data "$HERE/fixture-mariadb.properties"
      stop_keycloak
      mariadb-dump --no-defaults -h 127.0.0.1 -P $MARIADB_PORT -u root --single-transaction --skip-dump-date \
        keycloak | gzip -9n >"$HERE/mariadb.sql.gz"
      kill "$MARIADB_PID"; wait "$MARIADB_PID" || true; MARIADB_PID=
      ;;
    *) log "unknown database $db (postgres, mariadb)"; exit 1 ;;
  esac
done
ls -l "$HERE" >&2
