#!/usr/bin/env bash
# Readiness-rules benchmark: N generated entries (default 1,000,000) through the skip list, every
# rule and the run-wide duplicate index, in a JVM capped at -Xmx1g. Prints entries/s and peak heap.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
entries="${1:-1000000}"
"$root/mvnw" -q -B -f "$root/pom.xml" -pl sync-core test-compile
repo="$("$root/mvnw" -q -B -f "$root/pom.xml" help:evaluate -Dexpression=settings.localRepository -DforceStdout)"
cp="$root/sync-core/target/classes:$root/sync-core/target/test-classes"
cp="$cp:$repo/org/slf4j/slf4j-api/2.0.16/slf4j-api-2.0.16.jar"
cp="$cp:$repo/commons-validator/commons-validator/1.9.0/commons-validator-1.9.0.jar"
java -Xmx1g -cp "$cp" dev.dirsync.core.rules.RulesBenchmark "$entries"
