#!/bin/sh
# `pnpm sendwell <command> ...`: starts scripts/sendwell.mjs (build if stale, then the CLI).
#
# NODE_EXTRA_CA_CERTS makes node read and parse that certificate bundle while it starts, before any
# of our code runs: about 75 ms on a machine whose bundle is the system's ~140 certificates
# (OpenSSL 3). The commands below open no TLS connection, so they start without it; `start`,
# `sandbox`, `doctor` and `secrets` keep it.
case "$1" in
  bounces | throttle | manifests | help | --help | "") unset NODE_EXTRA_CA_CERTS ;;
esac
exec node "$(dirname "$0")/sendwell.mjs" "$@"
