#!/bin/sh
# The image's entrypoint: `docker run IMAGE <command> [args]`. Each command execs one Node process (PID 1, so it gets
# SIGTERM and shuts down gracefully). Configuration comes from the environment (README, "Configuration").
set -eu
cd /app
command="${1:-gateway}"
[ "$#" -gt 0 ] && shift
case "$command" in
  # The gateway's Node flags are npm start's (GATEWAY_NODE_ARGS in packages/stack/src/launcher.ts; BENCHMARKS.md).
  gateway) exec node --max-old-space-size=192 --max-semi-space-size=16 gateway/dist/main.js "$@" ;;
  councils) exec node services/councils/dist/main.js "$@" ;;
  meetings) exec node services/meetings/dist/main.js "$@" ;;
  participation) exec node services/participation/dist/main.js "$@" ;;
  webhooks) exec node services/councils/dist/webhooks/delivery/worker.main.js "$@" ;;
  decidim) exec node services/participation/dist/decidim/sync.main.js "$@" ;;
  migrate) exec node packages/stack/dist/migrate-cli.js "$@" ;;
  export) exec node packages/stack/dist/export-cli.js "$@" ;;
  stack) exec node packages/stack/dist/main.js "$@" ;;
  *)
    echo "usage: <gateway|councils|meetings|participation|webhooks|decidim|migrate|export|stack> [args]; got \"$command\"" >&2
    exit 64
    ;;
esac
