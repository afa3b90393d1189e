#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster (scripts/postgres-cluster.sh) and its
# ASSESS_TEST_POSTGRES* variables, then stops and deletes the cluster, whatever the command did.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d /tmp/assess-pg.XXXXXX)
trap '"$here/postgres-cluster.sh" stop "$dir"' EXIT
"$here/postgres-cluster.sh" start "$dir"
# shellcheck disable=SC1091
. "$dir/env"
"$@"
