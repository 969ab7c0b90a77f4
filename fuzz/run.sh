#!/usr/bin/env bash
# Runs each fuzz target for SECONDS on the machine's stable Rust, seeded from tests/fixtures, then the
# share-link decoder's (JavaScript, under Node: js/share_link.fuzz.js), and prints the executions per
# target. Exits 1 at the first failure (a panic, a sanitizer report, a property that does not hold, an
# input over 20 s), with the input left in fuzz/artifacts/.
#   fuzz/run.sh SECONDS [TARGET...]        (the Makefile's `fuzz` and `fuzz-smoke`; see fuzz/README.md)
set -euo pipefail
cd "$(dirname "$0")"

seconds=$1
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(tokenize compare decode share_link)
# Per input, and for the whole process: the same limits for every target.
timeout=20
rss_limit_mb=2048

# cargo fuzz passes -Zsanitizer=address and other -Z flags: stable rustc takes them with RUSTC_BOOTSTRAP.
export RUSTC_BOOTSTRAP=1
# AddressSanitizer, if this toolchain ships its runtime; FUZZ_SANITIZER=none to go without.
runtime=$(find "$(rustc --print sysroot)/lib/rustlib" -name 'librustc-*_rt.asan.a' -print -quit)
sanitizer=${FUZZ_SANITIZER:-$([ -n "$runtime" ] && echo address || echo none)}
flags=(--sanitizer "$sanitizer" --debug-assertions)

fixtures=../tests/fixtures
# Seeds are made from the fixtures at every run (named seed-*, so a run overwrites its own); what
# libFuzzer adds to corpus/ stays for the next run. Neither is committed.
seed_fixtures() {
  local file
  for file in "$fixtures"/*/*.txt; do
    cp "$file" "$1/seed-$(basename "$(dirname "$file")")-$(basename "$file")"
  done
}
seed_tokenize() {
  seed_fixtures corpus/tokenize
}
# Each encoding decode() tells apart.
seed_decode() {
  local dir=corpus/decode
  seed_fixtures "$dir"
  local text=$fixtures/short/a.txt
  { printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$text"; } >"$dir/seed-utf16le-bom"
  { printf '\xfe\xff'; iconv -f UTF-8 -t UTF-16BE "$text"; } >"$dir/seed-utf16be-bom"
  iconv -f UTF-8 -t UTF-16LE "$text" >"$dir/seed-utf16le"
  iconv -f UTF-8 -t UTF-16BE "$text" >"$dir/seed-utf16be"
  iconv -f UTF-8 -t WINDOWS-1252 "$fixtures/wire/outlet-1.txt" >"$dir/seed-windows-1252"
  { printf '\xef\xbb\xbf'; cat "$text"; } >"$dir/seed-utf8-bom"
}
# The compare target's input: min_words, max_edits, switches (fold case and diacritics: the defaults),
# text a, 0xFF, text b. The first and the last 1,000 bytes of each fixture pair: the reference's checks
# take about 20 ms on 2,000 bytes, so compare's inputs are kept short (max_len below).
seed_compare() {
  local pair a b end name
  for pair in wire/wire.txt:wire/outlet-1.txt wire/wire.txt:wire/outlet-2.txt wire/wire.txt:wire/outlet-3.txt \
    wire/wire.txt:wire/outlet-4.txt short/a.txt:short/b.txt russian/a.txt:russian/b.txt chinese/a.txt:chinese/b.txt; do
    a=$fixtures/${pair%%:*} b=$fixtures/${pair#*:} name=$(echo "$pair" | tr '/:' '-_')
    for end in head tail; do
      { printf '\x0a\x03\x06'; $end -c 1000 "$a"; printf '\xff'; $end -c 1000 "$b"; } >"corpus/compare/seed-$end-$name"
    done
  done
}

echo "fuzz: sanitizer $sanitizer, $seconds s per target: ${targets[*]}"
[ "${targets[*]}" = share_link ] || cargo fuzz build "${flags[@]}"
mkdir -p logs
summary=()
for target in "${targets[@]}"; do
  log=logs/$target.log
  status=0
  if [ "$target" = share_link ]; then
    # fast-check under Node (npm ci: make setup-node); it writes its own seeds and prints libFuzzer's stats.
    node js/share_link.fuzz.js "$seconds" --timeout "$timeout" --rss-limit-mb "$rss_limit_mb" >"$log" 2>&1 || status=$?
  else
    mkdir -p "corpus/$target"
    "seed_$target"
    max_len=$([ "$target" = compare ] && echo 2048 || echo 4096)
    cargo fuzz run "${flags[@]}" "$target" "corpus/$target" -- \
      -max_total_time="$seconds" -max_len="$max_len" -timeout="$timeout" -rss_limit_mb="$rss_limit_mb" -print_final_stats=1 \
      >"$log" 2>&1 || status=$?
  fi
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  if [ "$status" != 0 ]; then
    tail -n 40 "$log"
    # libFuzzer names the input after what went wrong: crash-, timeout-, oom- or leak-.
    artifact=$(grep -o 'Test unit written to [^ ]*' "$log" | tail -n 1 | sed 's/.* //')
    printf '%s\n' "${summary[@]}"
    echo "fuzz $target: FAILED after $runs executions: ${artifact:-see fuzz/$log} (log: fuzz/$log)"
    exit 1
  fi
  # Inputs over 10 s are written out but do not fail the run: say so.
  slow=$(grep -c 'Slowest unit' "$log" || true)
  summary+=("$(printf 'fuzz %-10s %9s executions in %s s, corpus %s inputs, no failure%s' \
    "$target" "$runs" "$seconds" "$(find "corpus/$target" -type f | wc -l)" \
    "$([ "$slow" = 0 ] || echo ", slow inputs (over 10 s) in fuzz/artifacts/$target/")")")
  echo "${summary[-1]}"
done
echo "--- executions per target"
printf '%s\n' "${summary[@]}"
