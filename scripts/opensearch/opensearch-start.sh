#!/usr/bin/env bash
# Start a single-node, loopback-only OpenSearch 2.19.6 in the background; wait for green health.
# Needs: java 17, javac, mvn reaching Maven Central, curl. Env: OS_DIR, OS_HTTP_PORT, OS_TRANSPORT_PORT, OS_HEAP, OS_JAVA.
set -euo pipefail
for tool in "${OS_JAVA:-java}" javac mvn curl; do
  command -v "$tool" >/dev/null || { echo "opensearch:start needs Java 17 (java, javac), Maven (mvn) and curl: $tool not found" >&2; exit 2; }
done
HERE=$(cd "$(dirname "$0")" && pwd)
OS_DIR=${OS_DIR:-.opensearch}
mkdir -p "$OS_DIR"; OS_DIR=$(cd "$OS_DIR" && pwd)  # absolute: mvn resolves relative paths against the pom
PORT=${OS_HTTP_PORT:-9200}; TPORT=${OS_TRANSPORT_PORT:-9300}
HEAP=${OS_HEAP:-1g}; JAVA=${OS_JAVA:-java}
PIDF="$OS_DIR/opensearch.pid"; LOG="$OS_DIR/opensearch.log"
if [ -f "$PIDF" ] && kill -0 "$(cat "$PIDF")" 2>/dev/null; then echo "already running (pid $(cat "$PIDF"))"; exit 0; fi
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then echo "port $PORT already answers: not ours" >&2; exit 1; fi
# 1) classpath (once; ~60 jars, ~70 MB)
if [ ! -f "$OS_DIR/lib/.done" ]; then
  mvn -B -q ${OS_M2:+-Dmaven.repo.local="$OS_M2"} -f "$HERE/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$OS_DIR/lib" -DincludeScope=runtime
  touch "$OS_DIR/lib/.done"
fi
# 2) launcher (once)
if [ ! -f "$OS_DIR/classes/OsLauncher.class" ]; then
  javac -cp "$OS_DIR/lib/*" -d "$OS_DIR/classes" "$HERE/OsLauncher.java"
fi
# 3) fresh data every run (OS_KEEP_DATA=1 keeps the indices of the last run)
[ "${OS_KEEP_DATA:-}" = 1 ] || rm -rf "$OS_DIR/home/data"
START=$(date +%s%N)
nohup "$JAVA" -Xms512m -Xmx"$HEAP" -XX:+UseG1GC -Xss1m \
  -Dfile.encoding=UTF-8 -Djava.awt.headless=true -Djava.locale.providers=SPI,COMPAT \
  -Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true -Dio.netty.recycler.maxCapacityPerThread=0 \
  -Dlog4j2.disable.jmx=true -Dlog4j.shutdownHookEnabled=false -Dlog4j.configurationFile="$HERE/log4j2.properties" \
  -cp "$OS_DIR/classes:$OS_DIR/lib/*" OsLauncher "$OS_DIR/home" "$PORT" "$TPORT" >"$LOG" 2>&1 < /dev/null &
echo $! > "$PIDF"
# 4) wait for green (single node, no indices yet -> green)
for _ in $(seq 1 180); do
  if ! kill -0 "$(cat "$PIDF")" 2>/dev/null; then echo "opensearch exited during startup; log tail:" >&2; tail -40 "$LOG" >&2; rm -f "$PIDF"; exit 1; fi
  if curl -fs "http://127.0.0.1:$PORT/_cluster/health?wait_for_status=green&timeout=1s" 2>/dev/null | grep -q '"status":"green"'; then
    echo "opensearch up: http://127.0.0.1:$PORT pid $(cat "$PIDF") in $(( ($(date +%s%N) - START) / 1000000 )) ms"; exit 0
  fi
  sleep 0.5
done
echo "opensearch not green after 90 s; log tail:" >&2; tail -40 "$LOG" >&2
"$HERE/opensearch-stop.sh" || true; exit 1
