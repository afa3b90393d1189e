#!/usr/bin/env bash
# Event-log seeds for the eventlog fuzz target: sessions on the example questionnaire driven through
# the real command line, so every kind of event appears as `assess` writes it.
#
#   make-event-logs.sh ASSESS_BINARY OUT_DIR     writes OUT_DIR/session-*.jsonl (and one line per file)
set -uo pipefail
bin=$1
out=$2
work=$(mktemp -d /tmp/assess-fuzz-seeds.XXXXXX)
trap 'rm -rf "$work"' EXIT
export ASSESS_SESSIONS=$work/sessions NO_COLOR=1 ASSESS_NOW=2026-01-02T03:04:05Z
a() { "$bin" "$@" </dev/null >/dev/null 2>&1 || true; }

a start example --id s1 --no-input --by ana --participant bo --answers examples/example-answers.yaml
a answer s1 purpose 'Rank "applications" \u00e9 ✓' --by bo
a answer s1 users 12.5 --by bo
a answer s1 users '' --by bo
a answer s1 effect minor --by ana
a treat s1 unfair-outcomes --option mitigate --owner 'Cy' --due 2026-03-01 --status planned \
  --control A.7.5 --action 'retrain on balanced data' --action 'monthly audit' --by ana
a treat s1 unchecked-automation --option accept --reason 'low volume' --by ana
a soa s1 A.7.5 --exclude 'no training data is acquired' --by ana
a soa s1 A.6.2.2 --include 'in scope' --by ana
a sign s1 --by 'Dee' --role 'Head of AI governance' --force --reason 'pilot only'
a answer s1 effect significant --by bo
a join s1 --rater eve --no-input --answers examples/example-answers.yaml
a archive s1 --reason 'replaced' --by ana
a archive s1 --restore --by ana
a start example --id s2 --no-input --by ana
a start example --id s3 --from s1 --no-input --by ana

for log in $(find "$work/sessions" -name events.jsonl | sort); do
  name=$(basename "$(dirname "$log")")
  cp "$log" "$out/session-$name.jsonl"
  n=0
  while IFS= read -r line; do
    n=$((n + 1))
    printf '%s\n' "$line" >"$out/line-$name-$n.jsonl"
  done <"$log"
done
