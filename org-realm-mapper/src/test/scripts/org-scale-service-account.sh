#!/bin/bash
# org-scale-service-account.sh [samples]: start the copy left by org-scale-run.sh and measure the organization API
# as a master service account holding only create-realm, view-realm and (to verify the benchmark domains by hand)
# master's manage-realm (client "org-bench-api", created if absent),
# beside master's admin user, whose token carries the admin roles of every realm.
set -u
SAMPLES=${1:-500}
URL=http://localhost:18080
cd /tmp/orgscale/work/kc
export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin
t0=$(date +%s.%N)
bin/kc.sh start-dev --db=dev-file --cache=local --health-enabled=true --metrics-enabled=true --http-port=18080 \
  --http-management-port=19000 --cache-embedded-realms-max-count=100000 >> /tmp/orgscale/work/kc.log 2>&1 &
PID=$!
until curl -sf -o /dev/null http://localhost:19000/health/ready; do sleep 0.2; done
echo "START: $(echo "$(date +%s.%N) - $t0" | bc) s to ready ($(date -u +%T) UTC, load $(cut -d' ' -f1-3 /proc/loadavg))"
token() { python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'; }
SECRET=org-bench-api-secret
SA_TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=org-bench-api -d client_secret=$SECRET $URL/realms/master/protocol/openid-connect/token | token 2>/dev/null)
if [ -z "$SA_TOKEN" ]; then
  ADMIN=$(curl -s -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin $URL/realms/master/protocol/openid-connect/token | token)
  curl -s -o /dev/null -w "FIRST ADMIN REQUEST (master admin user) after start: %{time_total} s\n" -H "Authorization: Bearer $ADMIN" $URL/admin/realms/master
  ADMIN=$(curl -s -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin $URL/realms/master/protocol/openid-connect/token | token)
  H=(-H "Authorization: Bearer $ADMIN" -H "Content-Type: application/json")
  curl -sf "${H[@]}" -d "{\"clientId\":\"org-bench-api\",\"secret\":\"$SECRET\",\"publicClient\":false,\"serviceAccountsEnabled\":true,\"standardFlowEnabled\":false}" $URL/admin/realms/master/clients
  SA=$(curl -sf "${H[@]}" "$URL/admin/realms/master/clients?clientId=org-bench-api" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
  USER=$(curl -sf "${H[@]}" $URL/admin/realms/master/clients/$SA/service-account-user | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  curl -sf "${H[@]}" -d "[$(curl -sf "${H[@]}" $URL/admin/realms/master/roles/create-realm)]" $URL/admin/realms/master/users/$USER/role-mappings/realm
  MR=$(curl -sf "${H[@]}" "$URL/admin/realms/master/clients?clientId=master-realm" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
  curl -sf "${H[@]}" -d "[$(curl -sf "${H[@]}" $URL/admin/realms/master/clients/$MR/roles/view-realm)]" $URL/admin/realms/master/users/$USER/role-mappings/clients/$MR
  # manage-realm on master: OrgScaleRun verifies each benchmark organization's domain by hand (no DNS here).
  curl -sf "${H[@]}" -d "[$(curl -sf "${H[@]}" $URL/admin/realms/master/clients/$MR/roles/manage-realm)]" $URL/admin/realms/master/users/$USER/role-mappings/clients/$MR
  echo "created service account org-bench-api (create-realm, master-realm view-realm and manage-realm)"
  SA_TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=org-bench-api -d client_secret=$SECRET $URL/realms/master/protocol/openid-connect/token | token)
fi
curl -s -o /dev/null -w "FIRST ORG API REQUEST (service account) after start: %{time_total} s\n" -H "Authorization: Bearer $SA_TOKEN" "$URL/admin/realms/master/orgs?per_page=10"
N=$(curl -s -H "Authorization: Bearer $SA_TOKEN" "$URL/admin/realms/master/orgs?per_page=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
java -Dbench.clientId=org-bench-api -Dbench.clientSecret=$SECRET -cp /work/main/benchmarks/target/benchmarks.jar \
  io.github.b2bpack.benchmarks.org.OrgScaleRun $URL $N $SAMPLES 0
# Creates as the service account: each org grants it that realm's admin roles (as Keycloak does for realm creators).
java -Dbench.clientId=org-bench-api -Dbench.clientSecret=$SECRET -cp /work/main/benchmarks/target/benchmarks.jar \
  io.github.b2bpack.benchmarks.org.OrgScaleRun $URL $((N + 10)) 100 0
curl -s http://localhost:19000/metrics | grep -E '^b2bpack_org_discovery_lookup_seconds(_count|_max|\{)' | sed 's/^/  METRIC /'
pkill -TERM -P $PID; kill -TERM $PID; while kill -0 $PID 2>/dev/null; do sleep 0.5; done
while ss -ltn | grep -qE ':(18080|19000) '; do sleep 0.5; done
echo "DONE $(date -u +%T) UTC"
