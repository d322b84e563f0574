#!/usr/bin/env bash
# Two Keycloak nodes sharing one database, as in production: proves what the ITs' single node cannot.
#  - webhooks: events raised on both nodes while the receiver is down are retried by both nodes' sweeps,
#    which compete for the same rows; once the receiver is up, every event arrives exactly once (no
#    attempt is delivered twice: the receiver always answers 204, so any repeat would be a double send);
#  - organizations: a node's cached discovery answer follows a change made through the other node at once
#    (the master realm's b2bpack.orgs.version, invalidated cluster-wide by Keycloak's realm cache).
#
# Launches two copies of the distribution the ITs unpacked (pack jars in providers/), an H2 TCP server as
# the shared database, and Infinispan clustering over JDBC_PING (Keycloak's default stack) in start-dev.
# Ports: 18081/18082 (HTTP), 19001/19002 (management), 19092 (H2), 18503 (receiver), 17801/17802 (JGroups).
#
#   flock /tmp/b2bpack-it.lock integration-tests/src/test/scripts/two-node-cluster.sh [events]
#
# Exit code 0 and "PASS" when both checks hold.
set -euo pipefail

EVENTS=${1:-200}
ROOT=$(cd "$(dirname "$0")/../../../.." && pwd)
SRC=${KC_HOME:-/tmp/kc-test-framework/keycloak/keycloak-26.7.3}
WORK=$(mktemp -d /tmp/b2bpack-cluster.XXXXXX)
RECEIVED=$WORK/received.txt
REALM=webhook-it-cluster
N1=http://localhost:18081
N2=http://localhost:18082

[ -x "$SRC/bin/kc.sh" ] || { echo "no distribution at $SRC (run an IT first)"; exit 2; }
if ss -ltn | grep -qE ':(18081|18082|19001|19002|19092|18503)\b'; then echo "a port of this script is busy"; exit 2; fi
H2_JAR=$(ls "$SRC"/lib/lib/main/com.h2database.h2-*.jar | head -1)

# The ITs' server options, webhooks retried for as long as the receiver is down.
. "$ROOT/integration-tests/src/test/scripts/it-server-options.sh"

PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do pkill -TERM -P "$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; done
  sleep 3
  for n in 1 2; do cp "$WORK/kc$n.log" "/tmp/b2bpack-cluster-kc$n.log" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "0. shared H2 database (TCP server) and two copies of the distribution"
java -cp "$H2_JAR" org.h2.tools.Server -tcp -tcpPort 19092 -ifNotExists -baseDir "$WORK/h2" >"$WORK/h2.log" 2>&1 &
PIDS+=($!)
for n in 1 2; do cp -r "$SRC" "$WORK/kc$n"; rm -rf "$WORK/kc$n/data"; done

start_node() { # n
  local n=$1
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  JAVA_OPTS_APPEND="-Djgroups.bind.port=1780$n -Djgroups.bind.address=127.0.0.1 -Djava.net.preferIPv4Stack=true" \
    "$WORK/kc$n/bin/kc.sh" start-dev --cache=ispn --db=dev-file \
    --db-url="jdbc:h2:tcp://localhost:19092/keycloakdb;NON_KEYWORDS=VALUE" \
    --http-port=1808$n --http-management-port=1900$n --metrics-enabled=true "${OPTS[@]}" >>"$WORK/kc$n.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 240); do
    curl -sf "http://localhost:1808$n/realms/master" >/dev/null && return 0
    sleep 1
  done
  echo "node $n did not start"; tail -60 "$WORK/kc$n.log"; exit 1
}
token() { # base
  curl -sf -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin \
    "$1/realms/master/protocol/openid-connect/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
api() { # base method path [json] -> body, then the status on the last line
  curl -s -o /dev/stdout -w '\n%{http_code}' -X "$2" -H "Authorization: Bearer $(token "$1")" -H 'Content-Type: application/json' \
    ${4:+-d "$4"} "$1/admin/realms$3"
}
status() { tail -1; }

echo "1. node 1, then node 2"
start_node 1
start_node 2
sleep 5
VIEW=$(grep -ho 'ISPN000094: Received new cluster view[^$]*' "$WORK/kc2.log" | tail -1 || true)
echo "   node 2: ${VIEW:-no cluster view logged}"
echo "$VIEW" | grep -q '(2)' || { echo "FAIL: the two nodes did not form one cluster"; exit 1; }

echo "2. realm with one webhook (created through node 1); receiver down; $EVENTS admin events, alternately on both nodes"
[ "$(api $N1 POST "" "{\"realm\":\"$REALM\",\"enabled\":true,\"eventsListeners\":[\"jboss-logging\",\"webhooks\"]}" | status)" = 201 ]
[ "$(api $N1 POST "/$REALM/webhooks" '{"name":"cluster","target_url":"http://127.0.0.1:18503/hooks","event_codes":["admin.group.create.success"]}' | status)" = 201 ]
T1=$(token $N1); T2=$(token $N2)
CREATED=0
for i in $(seq 1 "$EVENTS"); do
  if [ $((i % 2)) -eq 0 ]; then B=$N1; T=$T1; else B=$N2; T=$T2; fi
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $T" -H 'Content-Type: application/json' \
    -d "{\"name\":\"g-$i\"}" "$B/admin/realms/$REALM/groups")
  [ "$code" = "201" ] && CREATED=$((CREATED + 1))
done
echo "   $CREATED groups created"
echo "   waiting 10 s: both nodes' sweeps retry the failed first attempts, competing for the same rows"
sleep 10

echo "3. receiver up"
python3 - "$RECEIVED" <<'PY' &
import http.server, sys
out = open(sys.argv[1], "a", buffering=1)
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        out.write(self.headers.get("webhook-id", "") + "\n")
        self.send_response(204); self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(("127.0.0.1", 18503), H).serve_forever()
PY
PIDS+=($!)
for _ in $(seq 1 120); do
  GOT=$(sort -u "$RECEIVED" 2>/dev/null | grep -c msg_ || true)
  [ "$GOT" -ge "$EVENTS" ] && break
  sleep 1
done
sleep 5 # late duplicates, if any, would arrive now
GOT=$(sort -u "$RECEIVED" | grep -c msg_ || true)
TOTAL=$(grep -c msg_ "$RECEIVED" || true)
COMPLETED=$(curl -sf -H "Authorization: Bearer $(token $N2)" "$N2/admin/realms/$REALM/webhook-events?state=completed&per_page=1" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
ATTEMPTS=$(curl -sf -H "Authorization: Bearer $(token $N2)" "$N2/admin/realms/$REALM/webhook-events?per_page=100" |
  python3 -c 'import json,sys; d=json.load(sys.stdin)["data"]; print(sum(r["attempts"] for r in d) / max(1, len(d)))')
echo "   received $TOTAL requests, $GOT distinct webhook-ids; $COMPLETED completed; mean attempts per event (newest 100) $ATTEMPTS"
for n in 1 2; do
  echo "   node $n attempts by outcome: $(curl -s http://localhost:1900$n/metrics | grep '^b2bpack_webhook_deliveries_total' |
    sed -E 's/.*outcome="([a-z]+)".* ([0-9.E]+)$/\1 \2/' | tr '\n' ' ')"
done
WEBHOOKS_OK=0
[ "$GOT" -eq "$EVENTS" ] && [ "$TOTAL" -eq "$EVENTS" ] && [ "$COMPLETED" -eq "$EVENTS" ] && WEBHOOKS_OK=1
[ "$WEBHOOKS_OK" = 1 ] && echo "   webhooks: every event delivered once" || echo "   webhooks: FAIL"

echo "4. organizations: node 2's cached discovery follows a change made through node 1"
ORG_OK=1
disco() { curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(token $N2)" "$N2/admin/realms/master/orgs/discovery?email=a%40$1"; }
[ "$(api $N1 POST /master/orgs '{"name":"Cluster Org IT","allowed_email_domains":["cluster-one-it.example"]}' | status)" = 201 ] || ORG_OK=0
# Only verified domains route (docs/org-realm-mapper.md): the admin vouches for them by hand.
[ "$(api $N1 POST /master/orgs/cluster-org-it/email-domains/cluster-one-it.example/verify '{"method":"manual"}' | status)" = 200 ] || ORG_OK=0
D1=$(disco cluster-one-it.example); D1b=$(disco cluster-one-it.example); D2=$(disco cluster-two-it.example)
echo "   node 2 before: cluster-one $D1 (twice: $D1b, now cached), cluster-two $D2 (cached as unknown)"
[ "$D1" = 200 ] && [ "$D1b" = 200 ] && [ "$D2" = 404 ] || ORG_OK=0
[ "$(api $N1 PUT /master/orgs/cluster-org-it '{"allowed_email_domains":["cluster-two-it.example"]}' | status)" = 200 ] || ORG_OK=0
[ "$(api $N1 POST /master/orgs/cluster-org-it/email-domains/cluster-two-it.example/verify '{"method":"manual"}' | status)" = 200 ] || ORG_OK=0
A1=$(disco cluster-one-it.example); A2=$(disco cluster-two-it.example)
echo "   node 2 right after node 1 moved the organization to cluster-two: cluster-one $A1, cluster-two $A2"
[ "$A1" = 404 ] && [ "$A2" = 200 ] || ORG_OK=0
[ "$(api $N1 DELETE /master/orgs/cluster-org-it | status)" = 200 ] || ORG_OK=0
R2=$(disco cluster-two-it.example)
echo "   node 2 right after node 1 deleted it: cluster-two $R2"
[ "$R2" = 404 ] || ORG_OK=0
[ "$ORG_OK" = 1 ] && echo "   organizations: node 2 saw each change at once" || echo "   organizations: FAIL"

if [ "$WEBHOOKS_OK" = 1 ] && [ "$ORG_OK" = 1 ]; then echo "PASS"; else echo "FAIL"; exit 1; fi
