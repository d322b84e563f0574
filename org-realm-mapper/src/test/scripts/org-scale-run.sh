#!/bin/bash
# Scale run of org-realm-mapper at 100, 500 and 1,000 organizations on a copy of the test distribution
# (dev-file H2 so restarts keep the organizations); ports 18080/19000 so IT runs do not collide.
set -u
BENCH=/tmp/orgscale/work
TARGETS=${1:-"100 500 1000"}
SAMPLES=${2:-500}
JAR=/work/main/benchmarks/target/benchmarks.jar
URL=http://localhost:18080
rm -rf $BENCH && mkdir -p $BENCH
cp -r /tmp/kc-test-framework/keycloak/keycloak-26.7.3 $BENCH/kc
rm -rf $BENCH/kc/data $BENCH/kc/pid
cd $BENCH/kc
export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin
PID=
start() {
  local label=$1; shift
  local t0=$(date +%s.%N)
  bin/kc.sh start-dev --db=dev-file --cache=local --health-enabled=true --metrics-enabled=true \
    --http-port=18080 --http-management-port=19000 "$@" >> $BENCH/kc.log 2>&1 &
  PID=$!
  until curl -sf -o /dev/null http://localhost:19000/health/ready; do
    sleep 0.2
    kill -0 $PID 2>/dev/null || { echo "keycloak died"; tail -30 $BENCH/kc.log; exit 1; }
  done
  local t1=$(date +%s.%N)
  echo "START $label: $(echo "$t1 - $t0" | bc) s  ($(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg))"
}
stop() {
  curl -s http://localhost:19000/metrics | grep -E '^b2bpack_org_discovery_lookup_seconds(_count|_max|\{)' | sed 's/^/  METRIC /'
  pkill -TERM -P $PID 2>/dev/null; kill -TERM $PID 2>/dev/null
  while kill -0 $PID 2>/dev/null; do sleep 0.5; done
  while ss -ltn | grep -qE ':(18080|19000) '; do sleep 0.5; done
}
start "0 orgs (first start, includes build)"; stop
COUNT=0
for T in $TARGETS; do
  start "$COUNT orgs"
  java -cp $JAR io.github.b2bpack.benchmarks.org.OrgScaleRun $URL $T $SAMPLES
  stop
  COUNT=$T
done
start "$COUNT orgs (restart)"
java -cp $JAR io.github.b2bpack.benchmarks.org.OrgScaleRun $URL $COUNT $SAMPLES
stop
start "$COUNT orgs, discovery cache off" --spi-admin-realm-restapi-extension--orgs--discovery-cache-ttl=0
java -cp $JAR io.github.b2bpack.benchmarks.org.OrgScaleRun $URL $COUNT $SAMPLES
stop
echo "DONE $(date -u +%H:%M:%S) UTC"
