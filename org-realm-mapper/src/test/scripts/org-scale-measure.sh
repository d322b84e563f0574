#!/bin/bash
# org-scale-measure.sh "<extra kc options>" <label> [samples] [target] [realm-list samples]: start the copy left by org-scale-run.sh, one admin request to warm (timed), OrgScaleRun measure-only, metrics, stop.
cd /tmp/orgscale/work/kc
export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin
t0=$(date +%s.%N)
bin/kc.sh start-dev --db=dev-file --cache=local --health-enabled=true --metrics-enabled=true --http-port=18080 --http-management-port=19000 $1 >> /tmp/orgscale/work/kc.log 2>&1 &
PID=$!
until curl -sf -o /dev/null http://localhost:19000/health/ready; do sleep 0.2; done
echo "START $2: $(echo "$(date +%s.%N) - $t0" | bc) s to ready ($(date -u +%T) UTC, load $(cut -d' ' -f1-3 /proc/loadavg))"
TOKEN=$(curl -s -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin http://localhost:18080/realms/master/protocol/openid-connect/token | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
curl -s -o /dev/null -w "FIRST ADMIN REQUEST after start: %{time_total} s\n" -H "Authorization: Bearer $TOKEN" "http://localhost:18080/admin/realms/master"
# The first request can outlive master's 60 s admin token: take a fresh one.
TOKEN=$(curl -s -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin http://localhost:18080/realms/master/protocol/openid-connect/token | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
N=$(curl -s -H "Authorization: Bearer $TOKEN" "http://localhost:18080/admin/realms/master/orgs?per_page=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
java -cp /work/main/benchmarks/target/benchmarks.jar io.github.b2bpack.benchmarks.org.OrgScaleRun http://localhost:18080 ${4:-$N} ${3:-500} ${5:-5}
curl -s http://localhost:19000/metrics | grep -E '^b2bpack_org_discovery_lookup_seconds(_count|_max|\{)' | sed 's/^/  METRIC /'
pkill -TERM -P $PID; kill -TERM $PID; while kill -0 $PID 2>/dev/null; do sleep 0.5; done
while ss -ltn | grep -qE ':(18080|19000) '; do sleep 0.5; done
