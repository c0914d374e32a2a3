// The search benchmark, run in one Chromium page: Partnero's engine (wasm), MiniSearch 7.2 and
// FlexSearch 0.8 index the same generated partners and answer the same queries. The runner
// (tests/search_bench/runner.rs) opens page.html?n=N&seed=S&queries=Q and reads window.benchResult.
//
// For each engine, one after the other (so only one index is alive at a time):
//   - index build time (performance.now() around building the whole index);
//   - memory: for the JavaScript engines the JS heap growth across the build, after forced
//     garbage collections (performance.memory with --enable-precise-memory-info and gc() from
//     --js-flags=--expose-gc, both set by the runner); for Partnero, whose index lives in wasm
//     linear memory, the growth of the live Rust heap across the build (see partneroEngine);
//   - per-query latency over every query, after a warm-up pass over the first WARM_UP queries,
//     each query's time including turning its results into the top 10 ids;
//   - recall@10 per query kind: the share of queries whose intended partner is in the top 10.
// performance.memory.measureUserAgentSpecificMemory is not used: it resolves only at a later
// garbage collection (seconds to minutes) and measures the whole page, not one index.
// The page is served cross-origin isolated (COOP/COEP headers), which gives performance.now()
// 5 µs resolution instead of 100 µs.

import init, * as partnero from './pkg/search_bench_wasm.js';
import MiniSearch from './node_modules/minisearch/dist/es/index.js';
import FlexSearch from './node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs';

const LIMIT = 10;
const WARM_UP = 100;
const FIELDS = [
  'name', 'trade_name', 'tax_id', 'emails', 'phones', 'cities', 'postal_codes', 'contacts', 'notes',
];

const logElement = document.getElementById('log');
function log(line) {
  window.benchProgress = line;
  logElement.textContent += `\n${line}`;
}

// Accent folding for the JavaScript engines, as close to Partnero's `text::fold` as a few lines
// get: NFD drops combining accents, and the letters NFD leaves alone are mapped by hand. Without
// it MiniSearch matches nothing unaccented, and FlexSearch's charsets keep ø, ł and ß.
const SPECIAL = {
  'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'ħ': 'h', 'ı': 'i', 'ŀ': 'l', 'ŧ': 't', 'þ': 'th',
  'æ': 'ae', 'œ': 'oe', 'ß': 'ss',
};
function fold(text) {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[øłđðħıŀŧþæœß]/g, (letter) => SPECIAL[letter]);
}

// MiniSearch: every field indexed, prefix search and fuzzy 0.2 (an edit per 5 letters, the
// setting MiniSearch's documentation uses for search-as-you-type), names boosted like
// Partnero's field weights, default OR combination (documents matching more words score
// higher), accent folding as processTerm for documents and queries alike.
function miniSearchEngine() {
  let index = null;
  return {
    name: 'MiniSearch 7.2',
    build(records) {
      index = new MiniSearch({
        idField: 'id',
        fields: FIELDS,
        storeFields: [],
        processTerm: (term) => fold(term),
        searchOptions: { prefix: true, fuzzy: 0.2, boost: { name: 3, trade_name: 2 } },
      });
      index.addAll(records);
    },
    search(text) {
      return index.search(text).slice(0, LIMIT).map((result) => result.id);
    },
    free() {
      index = null;
    },
  };
}

// FlexSearch: a Document index over every field, tokenize "forward" (prefixes), the
// LatinBalance charset (case, letter deduplication and light phonetic folding, its middle
// setting for typo tolerance) with our accent folding as its normalize step, numeric: false
// (by default numbers are cut into groups of three, which hides tax ids and phones), and
// suggest: true so a query whose words match in different fields (a name and a city) or not
// all (a typo) still returns the closest partners; merge: true combines the fields' results
// into one list of ids.
function flexSearchEngine() {
  let index = null;
  return {
    name: 'FlexSearch 0.8',
    build(records) {
      const encoder = new FlexSearch.Encoder(FlexSearch.Charset.LatinBalance);
      encoder.assign({ normalize: fold, numeric: false });
      index = new FlexSearch.Document({
        tokenize: 'forward',
        encoder,
        document: { id: 'id', index: FIELDS.map((field) => ({ field })) },
      });
      for (const record of records) {
        index.add(record);
      }
    },
    search(text) {
      return index
        .search(text, { limit: LIMIT, suggest: true, merge: true })
        .slice(0, LIMIT)
        .map((result) => result.id);
    },
    free() {
      index = null;
    },
  };
}

// Partnero: the index is built in Rust from the generated profiles (SearchDoc::from_profile and
// upsert per partner, as the app does) and lives in wasm linear memory.
// Its memory is the growth of the live Rust heap across the build (a counting allocator in
// the wasm module: what the index keeps allocated, like the JS heap growth after gc() of the
// others), with the index's own estimate (heap_bytes) beside it as a cross-check. The linear
// memory's growth is recorded too but says little: it never shrinks, and the build reuses the
// memory freed after generating the JSON.
function partneroEngine(wasm) {
  let liveBefore = 0;
  let linearBefore = 0;
  let liveAfter = 0;
  return {
    name: 'Partnero',
    build() {
      linearBefore = wasm.memory.buffer.byteLength;
      liveBefore = partnero.live_heap_bytes();
      partnero.build_index();
      liveAfter = partnero.live_heap_bytes();
    },
    search(text) {
      return partnero.search(text, LIMIT);
    },
    memory() {
      return {
        heap_growth_bytes: liveAfter - liveBefore,
        index_estimate_bytes: partnero.heap_bytes(),
        linear_memory_growth_bytes: wasm.memory.buffer.byteLength - linearBefore,
      };
    },
    free() {
      partnero.free_all();
    },
  };
}

function jsHeap() {
  if (typeof globalThis.gc === 'function') {
    globalThis.gc();
    globalThis.gc();
  }
  return performance.memory ? performance.memory.usedJSHeapSize : NaN;
}

function percentile(sorted, fraction) {
  const rank = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, rank)];
}

// Lets the page repaint and the runner read progress between long synchronous steps.
const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

async function measure(engine, records, queries) {
  log(`${engine.name}: building the index of ${records.length} partners`);
  await pause();
  const heapBefore = jsHeap();
  const start = performance.now();
  engine.build(records);
  const buildMs = performance.now() - start;
  const heapAfter = jsHeap();
  const memory = {
    js_heap_growth_bytes: heapAfter - heapBefore,
    ...(engine.memory ? engine.memory() : {}),
  };

  log(`${engine.name}: ${queries.length} queries`);
  await pause();
  for (const query of queries.slice(0, WARM_UP)) {
    engine.search(query.text);
  }
  const latencies = [];
  const recall = {};
  for (const [number, query] of queries.entries()) {
    if (number > 0 && number % 100 === 0) {
      // Outside the timed region: lets the runner's WebDriver calls in between.
      log(`${engine.name}: ${number} of ${queries.length} queries`);
      await pause();
    }
    const begin = performance.now();
    const ids = engine.search(query.text);
    latencies.push(performance.now() - begin);
    if (query.expected !== null) {
      const tally = (recall[query.kind] ??= { found: 0, total: 0 });
      tally.total += 1;
      if (ids.includes(query.expected)) {
        tally.found += 1;
      }
    }
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const recallOf = (...kinds) => {
    const found = kinds.reduce((sum, kind) => sum + (recall[kind]?.found ?? 0), 0);
    const total = kinds.reduce((sum, kind) => sum + (recall[kind]?.total ?? 0), 0);
    return total ? found / total : null;
  };
  engine.free();
  return {
    engine: engine.name,
    build_ms: buildMs,
    memory,
    median_ms: percentile(sorted, 0.5),
    p99_ms: percentile(sorted, 0.99),
    mean_ms: latencies.reduce((a, b) => a + b, 0) / latencies.length,
    recall_typo: recallOf('one_typo', 'two_typos'),
    recall_unaccented: recallOf('unaccented'),
    recall_by_kind: recall,
  };
}

async function run() {
  const params = new URLSearchParams(location.search);
  const count = Number(params.get('n') ?? 10000);
  const seed = Number(params.get('seed') ?? 1);
  const queryCount = Number(params.get('queries') ?? 1000);
  const wasm = await init();
  log(`generating ${count} partners and ${queryCount} queries (seed ${seed})`);
  await pause();
  const generateStart = performance.now();
  const { records, queries } = JSON.parse(partnero.generate(seed, count, queryCount));
  const generateMs = performance.now() - generateStart;

  const engines = [];
  // Partnero first: its partners are dropped by free_all() after its run.
  for (const engine of [partneroEngine(wasm), miniSearchEngine(), flexSearchEngine()]) {
    engines.push(await measure(engine, records, queries));
  }
  return {
    partners: count,
    seed,
    queries: queries.length,
    generate_ms: generateMs,
    user_agent: navigator.userAgent,
    cross_origin_isolated: globalThis.crossOriginIsolated === true,
    precise_memory: typeof globalThis.gc === 'function' && Boolean(performance.memory),
    engines,
  };
}

run().then(
  (result) => {
    log('done');
    window.benchResult = result;
  },
  (error) => {
    log(`failed: ${error}`);
    window.benchError = String(error && error.stack ? error.stack : error);
  },
);
