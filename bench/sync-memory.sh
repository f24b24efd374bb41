#!/usr/bin/env bash
# Memory benchmark: a generated directory of N people (default 20,000) synced into the cloud
# emulator by a dirsync JVM capped at -Xmx256m. The directory and the emulator run in JVMs of their
# own, so the cap measures the sync engine alone. Prints both runs' summaries, wall time and peak RSS.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
users="${1:-20000}"
work="$(mktemp -d)"
jar="$root/sync-daemon/target/dirsync.jar"
[ -f "$jar" ] || "$root/mvnw" -q -B -f "$root/pom.xml" -Dmaven.test.skip=true package
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

java -jar "$jar" generate --users "$users" --output "$work/directory.ldif" >/dev/null
java -Xmx1g -cp "$jar" dev.dirsync.emulator.EmulatorMain --port 18090 --store "$work/cloud.json" \
  --client-id bench --client-secret bench-secret >"$work/emulator.log" 2>&1 &
BENCH_PW=bench java -Xmx2g -jar "$jar" directory serve --ldif "$work/directory.ldif" --port 13890 \
  --bind-dn CN=dirsync,CN=Users,DC=corp,DC=example,DC=com --password-env BENCH_PW >"$work/ldap.log" 2>&1 &
for _ in $(seq 60); do grep -q serving "$work/ldap.log" 2>/dev/null && grep -q listening "$work/emulator.log" && break; sleep 1; done

cat >"$work/bench.yaml" <<YAML
source:
  url: ldap://127.0.0.1:13890
  bindDn: CN=dirsync,CN=Users,DC=corp,DC=example,DC=com
  password: bench
  baseDn: DC=corp,DC=example,DC=com
target:
  url: http://127.0.0.1:18090
  tokenUrl: http://127.0.0.1:18090/bench/oauth2/v2.0/token
  tenantId: bench
  clientId: bench
  clientSecret: bench-secret
mapping:
  upnSuffix: example.com
  usageLocation: DE
state:
  url: jdbc:h2:file:$work/state
YAML

for run in first second; do
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss" java -Xmx256m -jar "$jar" sync --config "$work/bench.yaml" >"$work/out" 2>"$work/err" || true
  end=$(date +%s.%N)
  summary=$(grep '^read=' "$work/out")
  read=$(sed -E 's/read=([0-9]+).*/\1/' <<<"$summary")
  awk -v run="$run" -v s="$summary" -v a="$start" -v b="$end" -v n="$read" -v rss="$(tail -n 1 "$work/rss")" \
    'BEGIN { printf "%s run: %s\n  %.1f s wall, %.0f entries/s, peak RSS %d MB (heap capped at 256 MB)\n", run, s, b - a, n / (b - a), rss / 1024 }'
done
