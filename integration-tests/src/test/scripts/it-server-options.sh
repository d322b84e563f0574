# Sourced by the scripts that launch their own copy of the distribution: fills the array OPTS with the ITs'
# server options (every module's server-options/*.properties), except that webhooks are retried every 2 s
# for up to 100 attempts, so deliveries outlast a receiver kept down on purpose.
#   ROOT=<repository root>; . "$ROOT/integration-tests/src/test/scripts/it-server-options.sh"
OPTS=()
for f in "$ROOT"/integration-tests/src/test/resources/server-options/*.properties; do
  while IFS= read -r line; do
    line=${line%%#*}; [ -z "${line// }" ] && continue
    k=$(echo "${line%%=*}" | xargs); v=$(echo "${line#*=}" | xargs)
    case "$k" in *webhooks--max-attempts|*webhooks--retry-schedule) continue ;; esac
    OPTS+=("--$k=$v")
  done < "$f"
done
OPTS+=("--spi-events-listener--webhooks--max-attempts=100" "--spi-events-listener--webhooks--retry-schedule=2s")
