#!/usr/bin/env bash
# Delta benchmark against a real Active Directory DC (Samba AD DC): N people (default 100,000) are
# loaded offline into a DC of the benchmark's own; dirsync syncs them in full into the cloud emulator
# (creating everyone), runs in full again (nothing to write: the cost of a full read), 1% of the
# people are modified over LDAP, and a delta run reads the changes since.
# Prints the load time and, per run, the wall time, the time of each stage and the run's summary
# (read= is the number of entries the directory returned).
#
#   bench/delta.sh [N]
#
# Needs root and Debian's samba packages (.ci/setup-samba-ad installs them). The DC runs in network
# and mount namespaces of its own (unshare), so it neither meets nor disturbs a DC already serving
# 127.0.0.1:389, such as the integration tests'. It is provisioned with the LMDB store and loaded with
# ldbadd in batch mode, 2,000 people per transaction: about 1,000 people per second, where LDAP adds
# manage 40-200 per second. dirsync runs as the command line and the service run it (TimedRun, through
# SyncRunner), with target.writeBudget lifted: the emulator is not Graph, whose 20 writes per second
# would make the first run of 100,000 people last 80 minutes.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
users="${1:-100000}"
jar="$root/sync-daemon/target/dirsync.jar"
classes="$root/sync-daemon/target/test-classes"

if [ -z "${DIRSYNC_BENCH_NS:-}" ]; then
  [ "$(id -u)" -eq 0 ] || { echo "bench/delta.sh: needs root (the DC runs in namespaces of its own)" >&2; exit 2; }
  for tool in unshare ip ldbadd ldapmodify samba; do
    command -v "$tool" >/dev/null || { echo "bench/delta.sh: $tool is missing; run .ci/setup-samba-ad once" >&2; exit 2; }
  done
  if [ ! -f "$jar" ] || [ ! -f "$classes/dev/dirsync/daemon/bench/TimedRun.class" ]; then
    "$root/mvnw" -q -B -f "$root/pom.xml" -DskipTests package
  fi
  exec unshare --net --mount --fork env DIRSYNC_BENCH_NS=1 "$0" "$@"
fi

# --- inside the namespaces: a loopback of our own, and a /run/samba no other samba uses ------------
ip link set lo up
mkdir -p /run/samba
mount -t tmpfs tmpfs /run/samba

work="$(mktemp -d /tmp/dirsync-bench-delta.XXXXXX)"
samba_dir="$work/samba"
password="${DIRSYNC_TEST_AD_PASSWORD:-Dirsync-Test-Passw0rd}"
base="OU=Bench,DC=corp,DC=example,DC=com"
emulator_pid=""
cleanup() {
  SAMBA_DIR="$samba_dir" "$root/.ci/setup-samba-ad" stop 2>/dev/null || true
  [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
umask 077
printf '%s' "$password" >"$work/ad-password"
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# --- a fresh DC, stopped again for the offline load ------------------------------------------------
SAMBA_DIR="$samba_dir" SAMBA_BACKEND_STORE=mdb DIRSYNC_TEST_AD_PASSWORD="$password" \
  "$root/.ci/setup-samba-ad" >/dev/null 2>"$work/setup.log" || { cat "$work/setup.log" >&2; exit 1; }
SAMBA_DIR="$samba_dir" "$root/.ci/setup-samba-ad" stop 2>/dev/null

mkdir "$work/ldif"
awk -v n="$users" -v chunk=2000 -v dir="$work/ldif" -v base="$base" 'BEGIN {
  for (i = 0; i < n; i++) {
    if (i % chunk == 0) {
      if (file) close(file)
      file = sprintf("%s/%05d.ldif", dir, i / chunk)
      if (i == 0) printf "dn: %s\nobjectClass: organizationalUnit\n\n", base > file
    }
    a = sprintf("bench%06d", i)
    printf "dn: CN=Bench User %06d,%s\nobjectClass: user\nsAMAccountName: %s\n", i, base, a > file
    printf "userPrincipalName: %s@corp.example.com\nuserAccountControl: 544\n", a > file
    printf "givenName: Bench\nsn: User %06d\ndisplayName: Bench User %06d\n", i, i > file
    printf "mail: %s@corp.example.com\nmailNickname: %s\n", a, a > file
    printf "proxyAddresses: SMTP:%s@corp.example.com\nproxyAddresses: smtp:%s.alias@corp.example.com\n", a, a > file
    printf "targetAddress: SMTP:%s@mail.example.net\n\n", a > file
  }
}'
start=$(date +%s.%N)
for file in "$work"/ldif/*.ldif; do
  ldbadd -H "$samba_dir/private/sam.ldb" --nosync -o batch_mode "$file" >/dev/null
done
end=$(date +%s.%N)
rm -rf "$work/ldif"
echo "directory: $users people loaded offline (ldbadd, LMDB, 2,000 per transaction) in $(seconds "$start" "$end") s"

SAMBA_DIR="$samba_dir" "$root/.ci/setup-samba-ad" >/dev/null 2>"$work/setup.log" || { cat "$work/setup.log" >&2; exit 1; }

# --- the cloud emulator and dirsync's configuration -----------------------------------------------
java -Xmx2g -cp "$jar" dev.dirsync.emulator.EmulatorMain --port 18091 --page-size 999 \
  --client-id bench --client-secret bench-secret >"$work/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 60); do grep -q listening "$work/emulator.log" && break; sleep 0.5; done
cat >"$work/bench.yaml" <<YAML
source:
  url: ldap://127.0.0.1:389
  bindDn: Administrator@corp.example.com
  password: \${file:ad-password}
  baseDn: $base
  pageSize: 1000
target:
  url: http://127.0.0.1:18091
  tokenUrl: http://127.0.0.1:18091/bench/oauth2/v2.0/token
  tenantId: bench
  clientId: bench
  clientSecret: bench-secret
  writeBudget:
    count: 1000000
    window: PT1S
mapping:
  usageLocation: DE
state:
  url: jdbc:h2:file:$work/state
report:
  directory: $work/reports
YAML
timed_run() { java -Xmx1g -cp "$classes:$jar" dev.dirsync.daemon.bench.TimedRun "$1" "$work/bench.yaml"; }

# --- a first full run (creates everyone), a second (writes nothing), 1% modified, a delta run --------
printf 'first '; timed_run full
printf 'second '; timed_run full | tee "$work/full.out"

step=100
awk -v n="$users" -v step="$step" -v base="$base" 'BEGIN {
  for (i = 0; i < n; i += step) {
    printf "dn: CN=Bench User %06d,%s\nchangetype: modify\nreplace: displayName\n", i, base
    printf "displayName: Bench User %06d (changed)\n-\n\n", i
  }
}' >"$work/modify.ldif"
modified=$(( (users + step - 1) / step ))
start=$(date +%s.%N)
ldapmodify -x -H ldap://127.0.0.1:389 -D Administrator@corp.example.com -y "$work/ad-password" \
  -f "$work/modify.ldif" >/dev/null
end=$(date +%s.%N)
echo "modified: displayName of $modified people (1%) over LDAP in $(seconds "$start" "$end") s"

timed_run delta | tee "$work/delta.out"
read_full=$(sed -nE 's/.*read=([0-9]+).*/\1/p' "$work/full.out")
read_delta=$(sed -nE 's/.*read=([0-9]+).*/\1/p' "$work/delta.out")
awk -v f="$read_full" -v d="$read_delta" -v m="$modified" \
  'BEGIN { printf "entries read: full %d, delta %d (%.2f%% of the full read) for %d modified\n", f, d, 100 * d / f, m }'
