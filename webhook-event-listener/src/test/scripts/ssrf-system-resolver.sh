#!/usr/bin/env bash
# The SSRF guard through the operating system's resolver (glibc), the path DNS answers take in production:
# unlike the JDK's hosts-file reader, glibc keeps an IPv4-mapped answer (::ffff:a.b.c.d) as an Inet6Address.
# Runs SystemResolverProbe in a private mount namespace whose /etc/hosts adds a few names (the machine's file is
# untouched). Needs root (unshare -m). Usage, from the repository root after `./mvnw -q install -pl webhook-event-listener`:
#   webhook-event-listener/src/test/scripts/ssrf-system-resolver.sh [classes-dir]
# Expected: every name "permitted=false", and "error=ssrf_refused; receiver got 0 request(s)".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
module=$(cd "$here/../../.." && pwd)
classes=${1:-$module/target/classes}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$module/.." && ./mvnw -B -ntp -q dependency:build-classpath -pl webhook-event-listener \
    -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test >/dev/null)
cp="$classes:$(cat "$work/cp.txt")"
javac -d "$work/probe" -cp "$cp" "$here/ssrf/SystemResolverProbe.java"
{ cat /etc/hosts; printf '::ffff:169.254.169.254 mapped-metadata.test\n::ffff:127.0.0.1 mapped-loop.test\n2001:0:808:808::5601:5601 teredo-metadata.test\n'; } > "$work/hosts"
unshare -m sh -c "mount --bind '$work/hosts' /etc/hosts && java -cp '$work/probe:$cp' SystemResolverProbe"
