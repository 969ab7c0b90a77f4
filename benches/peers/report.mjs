// The peer benchmark's report, in markdown: a table per case, growth slopes, and the targets of issue 6
// and of "Every copy counts" read off this run's figures. Pure formatting of run.mjs's results; nothing here measures.

const COPYDESK = ['native', 'wasm', 'wasm-chromium', 'browser'];
const PEERS = ['jsdiff', 'dmp-1s', 'dmp-0'];

/**
 * @param {{ settings: object, environment: object, started: object, ended: object, results: object[] }} run
 * @returns {string} the whole report
 */
export function report({ settings, environment, started, ended, results }) {
  const rows = results.map((row) => ({ ...row, ...summarize(row) }));
  const find = (tool, name, size) => rows.find((row) => row.tool === tool && row.case === name && row.size === size);
  const out = [];
  out.push('# copydesk against its peers', '');
  out.push(
    `Run ${started.date.toISOString()} → ${ended.date.toISOString()}, commit ${environment.commit}; ${environment.cpu}; ` +
      `Node ${environment.node}; ${environment.chromium}.`,
  );
  out.push(`The wasm module (a copy of dist/pkg/ taken at the start): ${environment.wasm}.`);
  out.push(
    `Load average (1, 5, 15 min) at the start ${loads(started.load)}, at the end ${loads(ended.load)}: ` +
      'other work on the machine slows every figure; CPU times suffer least.',
  );
  out.push(
    `Cap ${settings.cap} s of silence per worker (setup or one timed run); repetitions stop early once ` +
      `${settings.budget} s of timed runs are spent.`,
    '',
  );
  out.push(...legend(settings), '');

  for (const name of settings.cases) {
    out.push(`## ${name}`, '', inputsLine(rows, name, settings.sizes), '');
    out.push(
      '| size | tool | median wall | median CPU | runs | ÷ native | ÷ wasm | peak RSS | marked / truly shared ' +
        '| b: recall / precision | load |',
    );
    out.push('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
    for (const size of settings.sizes) {
      for (const row of rows.filter((r) => r.case === name && r.size === size)) {
        const ratio = (base) => formatRatio(row, find(base, name, size), settings.cap);
        out.push(
          `| ${sizeLabel(size)} | ${row.label} | ${timeCell(row, 'wall', settings.cap)} | ${timeCell(row, 'cpu', settings.cap)} ` +
            `| ${row.runs} | ${ratio('native')} | ${ratio('wasm')} | ${mib(row.peak_rss_mb)} | ${markedCell(row)} | ${scoreCell(row)} ` +
            `| ${row.load.toFixed(1)} |`,
        );
      }
    }
    const page = settings.sizes
      .map((size) => find('browser', name, size))
      .filter((row) => row?.fullRender !== undefined);
    if (page.length > 0) {
      out.push(
        '',
        `The page, last run: full render ${page.map((row) => `${sizeLabel(row.size)} ${formatMs(row.fullRender)}`).join(', ')}; ` +
          `passages shown ${page.map((row) => `${sizeLabel(row.size)} ${row.passages}`).join(', ')}.`,
      );
    }
    out.push('');
  }

  out.push(...slopes(rows, settings), '');
  out.push(...targets(rows, settings, find));
  return `${out.join('\n')}\n`;
}

function legend(settings) {
  return [
    '- **median wall / CPU**: per timed run. copydesk native times `copydesk::compare` alone (texts in memory, ' +
      "default options; benches/peers/native); Node tools time the library call (wasm: the page's own module, " +
      "wasm-bindgen's output after wasm-opt, the texts encoded to UTF-8 by TextEncoder as the page does, copied in, and the result object out), and so does Chromium for the same module on a page's " +
      'main thread; the page is timed from the drop of two files to the first frame painted with the result. Every ' +
      'tool is first warmed on the 1k pair of the case, untimed, 300 times or for 1 s (the page: on its built-in ' +
      'example, as for anyone who opens it).',
    "- **÷ native, ÷ wasm**: the tool's time over copydesk's in the same run (wasm: under Node). The time of a run " +
      'is the lesser of its median wall and median CPU time: wall time loses to other work on the machine, CPU time ' +
      "also counts the runtime's helper threads (garbage collector, compilers). The page and the wasm module in " +
      'Chromium have wall times only. "> x" when the tool hit the cap.',
    "- **peak RSS**: of the worker process (Node's own ~40-50 MiB included); for the page, the Chromium renderer " +
      'that holds the page and its worker.',
    '- **marked / truly shared**: words (letter and digit runs, as the generator counts) that the tool marks as shared ' +
      '(diff tools: inside equal parts; copydesk: inside passages) over the words the generator copied unedited, both ' +
      'texts together. It counts, it does not match word by word: above 100 % means words marked that are not truly ' +
      'shared (copydesk counts the edited words inside a passage; a diff matches common words by chance, as the ' +
      'unrelated case shows: there none is truly shared, and the cell gives the share of all words marked).',
    "- **b: recall / precision**: word by word in b, against the generator's truth (b-shared.txt): the truly shared " +
      'words the tool marks over all truly shared words, and over all words it marks. A word marked by several ' +
      'passages counts once. "—" where there is nothing to divide by (no word truly shared, or none marked).',
    `- **> ${settings.cap} s**: killed at the cap; "not run" sizes come after a cap (or a failure) on the same case ` +
      'and would only be slower.',
  ];
}

/** Medians and the time basis of one result. */
function summarize(row) {
  if (row.status !== 'ok') return { runs: row.reps?.length ? `${row.reps.length}` : '—' };
  const walls = row.reps.map((rep) => rep.wall_ms);
  const cpus = row.reps.filter((rep) => rep.cpu_ms !== undefined).map((rep) => rep.cpu_ms);
  return {
    runs: String(row.reps.length),
    wall: median(walls),
    cpu: cpus.length === walls.length ? median(cpus) : undefined,
    fullRender: row.reps.find((rep) => rep.full_render_ms !== undefined)?.full_render_ms,
  };
}

/** The time ratios and slopes use: the lesser of the median wall and CPU times (see the legend). */
function basisTime(row) {
  return row.cpu === undefined ? row.wall : Math.min(row.wall, row.cpu);
}

function formatRatio(row, base, cap) {
  if (!base || base.status !== 'ok') return '—';
  if (row === base) return '1';
  if (row.status === 'timeout' || (row.status === 'skipped' && row.after === 'timeout'))
    return `> ${ratioNumber((cap * 1e3) / base.wall)}`;
  if (row.status !== 'ok') return '—';
  return ratioNumber(basisTime(row) / basisTime(base));
}

function ratioNumber(ratio) {
  if (ratio >= 100) return `${Math.round(ratio).toLocaleString('en')}×`;
  return `${ratio.toFixed(ratio >= 10 ? 1 : 2)}×`;
}

function timeCell(row, which, cap) {
  if (row.status === 'timeout') return `> ${cap} s`;
  if (row.status === 'skipped') return row.after === 'timeout' ? `> ${cap} s (not run)` : 'not run (failed on less)';
  if (row.status !== 'ok') return `failed: ${row.message}`;
  const value = row[which];
  return value === undefined ? '—' : formatMs(value);
}

function markedCell(row) {
  if (row.status !== 'ok') return '—';
  const marked = row.marked_a + row.marked_b;
  const truly = row.truth.shared_words_a + row.truth.shared_words_b;
  if (truly === 0) return `none true; ${percent(marked / (row.truth.words_a + row.truth.words_b))} of words`;
  return percent(marked / truly);
}

/** Recall and precision of b's marked words (see the legend), or "—" where a figure has nothing to divide by. */
function scoreCell(row) {
  if (row.status !== 'ok' || row.b_right === undefined) return '—';
  const share = (part, whole) => (whole > 0 ? `${(100 * (part / whole)).toFixed(2)} %` : '—');
  return `${share(row.b_right, row.truth.shared_words_b)} / ${share(row.b_right, row.b_marked)}`;
}

function inputsLine(rows, name, sizes) {
  const truths = sizes
    .map((size) => [size, rows.find((row) => row.case === name && row.size === size)?.truth])
    .filter(([, t]) => t);
  return `Inputs (words a / b, truly shared a / b): ${truths
    .map(
      ([size, t]) =>
        `${sizeLabel(size)} ${thousands(t.words_a)} / ` +
        `${thousands(t.words_b)}, ${thousands(t.shared_words_a)} / ${thousands(t.shared_words_b)}`,
    )
    .join('; ')}.`;
}

function slopes(rows, settings) {
  const tools = [...new Set(rows.map((row) => row.tool))];
  const out = [
    '## Growth: slope of log time over log words (1 linear, 2 quadratic)',
    '',
    'Least squares over the sizes that finished, then the last step between two sizes. Times as in the ratios. ' +
      '"≥" is a lower bound from the cap (wall times): the tool needed more than the cap at the next size.',
    '',
    `| tool | ${settings.cases.join(' | ')} |`,
    `|---|${settings.cases.map(() => '--:').join('|')}|`,
  ];
  for (const tool of tools) {
    const cells = settings.cases.map((name) =>
      slopeCell(
        rows.filter((row) => row.tool === tool && row.case === name),
        settings.cap,
      ),
    );
    out.push(`| ${rows.find((row) => row.tool === tool).label} | ${cells.join(' | ')} |`);
  }
  return out;
}

/** Least-squares and last-step slopes of one tool on one case, or the bound a timeout gives. */
function growth(caseRows) {
  const ok = caseRows.filter((row) => row.status === 'ok').sort((x, y) => x.size - y.size);
  const points = ok.map((row) => [Math.log(row.truth.words_a), Math.log(basisTime(row))]);
  const fit = points.length >= 2 ? leastSquares(points) : undefined;
  const last = points.length >= 2 ? slopeBetween(points.at(-2), points.at(-1)) : undefined;
  return { ok, fit, last };
}

function slopeCell(caseRows, cap) {
  const { ok, fit, last } = growth(caseRows);
  const capped = caseRows.find((row) => row.status === 'timeout');
  let cell = fit === undefined ? '—' : `${fit.toFixed(2)} (last ${last.toFixed(2)})`;
  if (capped && ok.length > 0) {
    const before = ok.at(-1);
    const bound = slopeBetween(
      [Math.log(before.truth.words_a), Math.log(before.wall)],
      [Math.log(capped.truth.words_a), Math.log(cap * 1e3)],
    );
    cell += `; ≥ ${bound.toFixed(2)} to ${sizeLabel(capped.size)}`;
  }
  return cell;
}

function targets(rows, settings, find) {
  const out = ['## Targets of issue 6 and of "Every copy counts", read off this run', ''];
  const verdict = (met) => (met === undefined ? 'not measured' : met ? '**met**' : '**missed**');

  // 1. Speed against the diff tools on the 10k partly shared case.
  const speed = [
    ['jsdiff', 1000],
    ['dmp-0', 100],
  ].map(([peer, goal]) => {
    const parts = ['native', 'wasm'].map((base) => {
      const [row, baseRow] = [find(peer, 'partly_shared', 10000), find(base, 'partly_shared', 10000)];
      if (!row || !baseRow || baseRow.status !== 'ok') return { text: `${base}: not measured` };
      const ratio = row.status === 'ok' ? basisTime(row) / basisTime(baseRow) : (settings.cap * 1e3) / baseRow.wall;
      const bound = row.status === 'ok' ? '' : '> ';
      return { met: ratio >= goal, text: `${base}: ${bound}${ratioNumber(ratio)}` };
    });
    const met = parts.some((part) => part.met === undefined) ? undefined : parts.every((part) => part.met);
    return (
      `- copydesk ≥ ${goal}× faster than ${find(peer, 'partly_shared', 10000)?.label ?? peer} on partly_shared 10k: ` +
      `${parts.map((part) => part.text).join(', ')}: ${verdict(met)}.`
    );
  });
  out.push(...speed);

  // 2. Usefulness: what each finds where the diff tools find little.
  for (const name of ['reordered', 'partly_shared'].filter((n) => settings.cases.includes(n))) {
    const cells = settings.sizes.map((size) => {
      const found = (tool) => {
        const row = find(tool, name, size);
        return row?.status === 'ok'
          ? (row.marked_a + row.marked_b) / (row.truth.shared_words_a + row.truth.shared_words_b)
          : undefined;
      };
      const ours = COPYDESK.map(found).filter((value) => value !== undefined);
      const theirs = PEERS.map(found).filter((value) => value !== undefined);
      const capped = PEERS.filter((tool) => ['timeout', 'skipped'].includes(find(tool, name, size)?.status)).length;
      const othersLow = theirs.every((value) => value < 0.3);
      const ok = ours.length > 0 && ours.every((value) => value >= 0.98);
      const mark = othersLow ? (ok ? 'met' : 'MISSED') : 'others ≥ 30 %';
      const others = theirs.length ? `at most ${percent(Math.max(...theirs))}` : 'none finished';
      return (
        `${sizeLabel(size)}: copydesk ${ours.length ? ours.map(percent).join(' / ') : '—'}, others ${others}` +
        `${capped ? `, ${capped} capped` : ''} (${mark})`
      );
    });
    out.push(
      `- ${name}, copydesk (${COPYDESK.filter((tool) => settings.tools.includes(tool)).join(' / ')}) ≥ 98 % where ` +
        `the others find < 30 %: ${cells.join('; ')}.`,
    );
  }

  // 2b. Every copy counts: the copies of a in b found, and nothing else, at every size.
  if (settings.cases.includes('overlapping_copies')) {
    const goal = 0.99;
    const cells = settings.sizes.map((size) => {
      const rows = COPYDESK.map((tool) => find(tool, 'overlapping_copies', size)).filter(
        (row) => row?.status === 'ok' && row.b_right !== undefined,
      );
      const ok =
        rows.length > 0 &&
        rows.every((row) => row.b_right >= goal * row.truth.shared_words_b && row.b_right >= goal * row.b_marked);
      return `${sizeLabel(size)}: ${rows.length ? rows.map(scoreCell).join(', ') : '—'} (${rows.length ? (ok ? 'met' : 'MISSED') : 'not measured'})`;
    });
    out.push(
      `- overlapping_copies, copydesk (${COPYDESK.filter((tool) => settings.tools.includes(tool)).join(' / ')}) recall / ` +
        `precision of b's words ≥ 99 %: ${cells.join('; ')}.`,
    );
  }

  // 3. The page at 1M words a side.
  const page = settings.cases.map((name) => {
    const row = find('browser', name, 1000000);
    const { fit, last } = growth(rows.filter((r) => r.tool === 'browser' && r.case === name));
    if (!row || row.status !== 'ok') return `${name}: ${row ? timeCell(row, 'wall', settings.cap) : 'not measured'}`;
    if (fit === undefined) return `${name} ${formatMs(row.wall)}, slope not measured (one size)`;
    const met = row.wall < 1500 && fit <= 1.15 && last <= 1.15;
    return `${name} ${formatMs(row.wall)}, slope ${fit.toFixed(2)} (last ${last.toFixed(2)}) ${met ? 'met' : 'MISSED'}`;
  });
  out.push(`- The page, drop to first paint at 1M words a side < 1.5 s with slope ≤ 1.15: ${page.join('; ')}.`);

  // 4. wasm against native, in Node and in Chromium.
  for (const tool of ['wasm', 'wasm-chromium']) {
    const ratios = settings.cases
      .flatMap((name) =>
        settings.sizes.map((size) => {
          const [row, base] = [find(tool, name, size), find('native', name, size)];
          return row?.status === 'ok' && base?.status === 'ok'
            ? { name, size, ratio: basisTime(row) / basisTime(base) }
            : null;
        }),
      )
      .filter(Boolean);
    if (ratios.length === 0) continue;
    const worst = ratios.reduce((x, y) => (y.ratio > x.ratio ? y : x));
    const top = Math.max(...settings.sizes);
    const atTop = ratios
      .filter((entry) => entry.size === top)
      .map((entry) => `${entry.name} ${entry.ratio.toFixed(2)}×`);
    out.push(
      `- ${find(tool, ratios[0].name, ratios[0].size).label} within 1.5× of native: from ` +
        `${Math.min(...ratios.map((e) => e.ratio)).toFixed(2)}× to ${worst.ratio.toFixed(2)}× (worst ${worst.name} ` +
        `${sizeLabel(worst.size)}); at ${sizeLabel(top)} ${atTop.join(', ')}: ${verdict(ratios.every((entry) => entry.ratio <= 1.5))}.`,
    );
  }
  const disagree = rows.filter((row) => row.engine && (row.engine.a !== row.marked_a || row.engine.b !== row.marked_b));
  if (disagree.length > 0) {
    out.push(
      '',
      `Note: in ${disagree.length} wasm run(s) the words counted inside passages differ from the engine's own count.`,
    );
  }
  return out;
}

function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function leastSquares(points) {
  const mean = (index) => points.reduce((sum, point) => sum + point[index], 0) / points.length;
  const [mx, my] = [mean(0), mean(1)];
  const covariance = points.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0);
  const variance = points.reduce((sum, [x]) => sum + (x - mx) ** 2, 0);
  return covariance / variance;
}

function slopeBetween([x0, y0], [x1, y1]) {
  return (y1 - y0) / (x1 - x0);
}

function formatMs(ms) {
  if (ms < 1) return `${(ms * 1e3).toFixed(0)} µs`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
  return `${(ms / 1e3).toFixed(2)} s`;
}

function mib(value) {
  return value === undefined ? '—' : `${value.toFixed(0)} MiB`;
}

function percent(share) {
  return `${(100 * share).toFixed(1)} %`;
}

function thousands(n) {
  return n.toLocaleString('en');
}

function sizeLabel(size) {
  return size >= 1e6 ? `${size / 1e6}M` : `${size / 1e3}k`;
}

function loads(values) {
  return values.map((value) => value.toFixed(2)).join(', ');
}
