#!/usr/bin/env bash
# Durability across a crash: Keycloak is killed with SIGKILL while webhook deliveries are queued
# (the receiver is down), then restarted; every queued event must still be delivered.
#
# The shared test harness runs Keycloak on an in-memory H2 database, which a restart loses, so this
# script launches its own copy of the distribution (the one the ITs unpacked, with the pack's jars in
# providers/) on a file-based H2 database (--db=dev-file). It needs the ports 8080/9000/8503, so run
# it under the IT lock, after an IT run has unpacked the distribution:
#
#   flock /tmp/b2bpack-it.lock webhook-event-listener/src/test/scripts/sigkill-durability.sh [events]
#
# Exit code 0 and "PASS" when all events arrived after the restart.
set -euo pipefail

EVENTS=${1:-50}
ROOT=$(cd "$(dirname "$0")/../../../.." && pwd)
SRC=${KC_HOME:-/tmp/kc-test-framework/keycloak/keycloak-26.7.3}
WORK=$(mktemp -d /tmp/b2bpack-sigkill.XXXXXX)
KC=$WORK/keycloak
RECEIVED=$WORK/received.txt
BASE=http://localhost:8080
REALM=webhook-it-sigkill

[ -x "$SRC/bin/kc.sh" ] || { echo "no distribution at $SRC (run an IT first)"; exit 2; }
if ss -ltn | grep -qE ':(8080|9000|8503)\b'; then echo "ports 8080/9000/8503 busy"; exit 2; fi
cp -r "$SRC" "$KC"
rm -rf "$KC/data"

# The ITs' server options, webhooks retried for as long as the receiver is down.
. "$ROOT/integration-tests/src/test/scripts/it-server-options.sh"

KC_PID=""; RX_PID=""
cleanup() {
  [ -n "$KC_PID" ] && kill "$KC_PID" 2>/dev/null || true
  [ -n "$RX_PID" ] && kill "$RX_PID" 2>/dev/null || true
  sleep 2; cp "$WORK/kc.log" /tmp/b2bpack-sigkill-kc.log 2>/dev/null || true; rm -rf "$WORK"
}
trap cleanup EXIT

start_kc() {
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    "$KC/bin/kc.sh" start-dev --db=dev-file --cache=local --metrics-enabled=true "${OPTS[@]}" >>"$WORK/kc.log" 2>&1 &
  KC_PID=$!
  for _ in $(seq 1 180); do
    curl -sf "$BASE/realms/master" >/dev/null && return 0
    sleep 1
  done
  echo "Keycloak did not start"; tail -50 "$WORK/kc.log"; exit 1
}
token() {
  curl -sf -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin \
    "$BASE/realms/master/protocol/openid-connect/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
api() { # method path [json]
  curl -s -o /dev/stdout -w '\n%{http_code}' -X "$1" -H "Authorization: Bearer $(token)" -H 'Content-Type: application/json' \
    ${3:+-d "$3"} "$BASE/admin/realms$2"
}
queued() {
  curl -sf -H "Authorization: Bearer $(token)" "$BASE/admin/realms/$REALM/webhook-events?per_page=100" |
    python3 -c '
import json, sys, collections
d = json.load(sys.stdin)["data"]
print(collections.Counter(r["state"] for r in d), file=sys.stderr)
print(sum(1 for r in d if r["state"] in ("available", "retryable", "executing")), sum(1 for r in d if r["state"] == "completed"))'
}

echo "1. start Keycloak on a file database"
start_kc
api POST "" "{\"realm\":\"$REALM\",\"enabled\":true,\"eventsListeners\":[\"jboss-logging\",\"webhooks\"]}" >/dev/null
api POST "/$REALM/webhooks" '{"name":"sigkill","target_url":"http://127.0.0.1:8503/hooks","event_codes":["admin.group.create.success"]}' | tail -1

echo "2. receiver down; $EVENTS admin events"
CREATED=0
TOKEN=$(token)
for i in $(seq 1 "$EVENTS"); do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"g-$i\"}" "$BASE/admin/realms/$REALM/groups")
  [ "$code" = "201" ] && CREATED=$((CREATED + 1))
done
echo "   $CREATED groups created"
for _ in $(seq 1 20); do
  read -r PENDING DONE < <(queued)
  [ "$PENDING" -ge "$EVENTS" ] && break
  sleep 1
done
echo "   queued: $PENDING pending, $DONE completed"
[ "$PENDING" -eq "$EVENTS" ] || { echo "FAIL: expected $EVENTS queued"; exit 1; }

# H2's file store (dev-file, development only) writes committed transactions to disk up to ~1 s later,
# so a SIGKILL right after a commit can lose it together with Keycloak's own data (PostgreSQL & co. are
# durable at commit). Give it time to flush, so that what is tested is the outbox, not H2's write delay.
sleep 5
GROUPS_BEFORE=$(curl -sf -H "Authorization: Bearer $(token)" "$BASE/admin/realms/$REALM/groups/count" | python3 -c 'import json,sys; print(json.load(sys.stdin)["count"])')

echo "3. SIGKILL Keycloak (pid $KC_PID and its JVM)"
pkill -KILL -P "$KC_PID" 2>/dev/null || true
kill -KILL "$KC_PID" 2>/dev/null || true
wait "$KC_PID" 2>/dev/null || true
KC_PID=""

echo "4. receiver up, restart Keycloak on the same database"
python3 - "$RECEIVED" <<'PY' &
import http.server, sys
out = open(sys.argv[1], "a", buffering=1)
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        out.write(self.headers.get("webhook-id", "") + "\n")
        self.send_response(204); self.end_headers()
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(("127.0.0.1", 8503), H).serve_forever()
PY
RX_PID=$!
start_kc
for _ in $(seq 1 60); do
  GOT=$(sort -u "$RECEIVED" 2>/dev/null | grep -c msg_ || true)
  [ "$GOT" -ge "$EVENTS" ] && break
  sleep 1
done
read -r PENDING DONE < <(queued)
GROUPS_AFTER=$(curl -sf -H "Authorization: Bearer $(token)" "$BASE/admin/realms/$REALM/groups/count" | python3 -c 'import json,sys; print(json.load(sys.stdin)["count"])')
echo "   groups before the kill $GROUPS_BEFORE, after the restart $GROUPS_AFTER"
echo "   received $GOT distinct webhook-ids; events API: $PENDING pending, $DONE completed"
if [ "$GOT" -eq "$EVENTS" ] && [ "$DONE" -eq "$EVENTS" ]; then echo "PASS"; else echo "FAIL"; exit 1; fi
