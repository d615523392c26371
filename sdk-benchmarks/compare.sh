#!/usr/bin/env bash
# Side by side: raw java.net.http, fireworks4j and openai-java against one loopback server.
# Prints the footprint, request/streaming, cold-start, emulator and replica-picker tables that
# docs/PERFORMANCE.md records.
#   sdk-benchmarks/compare.sh            full run (about 7 minutes on 2 cores)
#   sdk-benchmarks/compare.sh --smoke    seconds, to check that it works
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -q -B install -Dmaven.test.skip=true -pl sdk-benchmarks -am
out=sdk-benchmarks/target
for app in sdk-inference fireworks4j; do
  mvn -q -B -f sdk-benchmarks/footprint/$app/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/$out/$app.cp"
done
mvn -q -B -f sdk-benchmarks/footprint/openai-java/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/$out/openai-java.cp"
mvn -q -B -pl sdk-benchmarks dependency:build-classpath -Dmdep.outputFile="$PWD/$out/benchmarks.cp"
classes=$out/classes
bench="$classes:$(cat $out/benchmarks.cp)"

echo "## Runtime footprint"
java -cp "$bench" dev.fireworks4j.benchmarks.compare.Footprint \
  "fireworks4j: sdk-inference (inference only)=$(cat $out/sdk-inference.cp)" \
  "fireworks4j: fireworks4j (both planes)=$(cat $out/fireworks4j.cp)" \
  "openai-java=$(cat $out/openai-java.cp)"

echo
echo "## Requests and streaming ($(java -version 2>&1 | head -1), $(nproc) cores)"
java -cp "$bench" dev.fireworks4j.benchmarks.compare.CompareClients "$@"

runs=7
if [ "${1:-}" = "--smoke" ]; then runs=1; fi
echo
echo "## Cold start"
java -cp "$bench" dev.fireworks4j.benchmarks.compare.ColdStartHarness "$runs" \
  "raw=$classes" \
  "fireworks4j=$classes:$(cat $out/sdk-inference.cp)" \
  "openai-java=$classes:$(cat $out/openai-java.cp)"

echo
echo "## Emulator capacity (fireworks4j client and emulator in one JVM)"
if [ "${1:-}" = "--smoke" ]; then
  java -cp "$bench" dev.fireworks4j.benchmarks.emulator.EmulatorCapacity --seconds 1 --warmup 1
else
  java -cp "$bench" dev.fireworks4j.benchmarks.emulator.EmulatorCapacity
fi

echo
echo "## Replica picker (JMH, PickerBenchmark at 1 and 2 threads, -prof gc)"
if [ "${1:-}" = "--smoke" ]; then
  java -cp "$bench" dev.fireworks4j.benchmarks.picker.PickerCost --smoke
else
  java -cp "$bench" dev.fireworks4j.benchmarks.picker.PickerCost
fi
