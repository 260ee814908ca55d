#!/usr/bin/env bash
# Compares SendMessage clients as their users run them: raw Reactor Netty, connectchat, and the AWS SDK v2 async
# client on Netty 4.1 (what its own poms bring) and on Netty 4.2 (what an application with Reactor Netty 1.3 gets).
# Each in its own JVM with its own class path; the server in another. Writes BENCHMARKS.md, docs/images/benchmarks.svg
# and the README's table.
#   benchmarks/run.sh           5 rounds, warm-up 20-150 s (until the JIT is done), 15 s measured (about 25 minutes)
#   benchmarks/run.sh --quick   3 rounds, warm-up 5-12 s, about 5 minutes (the SDK not compiled yet: see its JIT column)
#   benchmarks/run.sh --smoke   one short round, nothing written (the build's smoke test)
#   benchmarks/run.sh --paging  transcript paging: a 10,000-item chat in the standalone emulator, read whole
#   benchmarks/run.sh --fan-in  WebSocket fan-in: 1,000 sessions, agent messages at three paces; items, CPU and bytes per item
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${CONNECTCHAT_BENCH_SKIP_BUILD:-}" != "true" ]]; then
  mvn -B -q -DskipTests -Dconnectchat.unpublished=true -pl testkit,benchmarks/contenders/harness,benchmarks/contenders/raw,benchmarks/contenders/connectchat,benchmarks/contenders/sdk-netty41,benchmarks/contenders/sdk-netty42 -am package
fi
if [[ "${1:-}" == "--fan-in" ]]; then
  shift
  exec java -Dconnectchat.root=. -cp benchmarks/contenders/harness/target/classes dev.connectchat.bench.FanInRunner "$@"
fi
if [[ "${1:-}" == "--paging" ]]; then
  shift
  exec java -Dconnectchat.root=. -cp benchmarks/contenders/harness/target/classes dev.connectchat.bench.PagingRunner "$@"
fi
exec java -Dconnectchat.root=. -cp benchmarks/contenders/harness/target/classes dev.connectchat.bench.Runner "$@"
