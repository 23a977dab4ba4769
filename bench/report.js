// Reads the `BENCH {json}` lines of every run (stdin) and prints one table: for each figure the
// median with its spread (min-max) over the runs, beside its baseline or peer measured in the same
// runs, and the ratio of the medians, always so that over 1 means Quayside is ahead (but for the
// encryption section's, below).
//
//   node bench/report.js [--groups local,sync,scale,viewer,capture,thumbnails,pdf] < figures
// Exits 1 when a figure of a listed group is missing (a benchmark that broke prints nothing). The
// encryption section sets figures of 'local writes' and 'scale' side by side (its ratio is the
// cost, encrypted/plaintext, against an aim): shown, and checked, when both groups are.
'use strict';

const groupsArg = process.argv.indexOf('--groups');
const wanted = groupsArg > 0 ? process.argv[groupsArg + 1].split(',') : null;

const runs = new Map(); // "group/name" -> { unit, values }
for (const line of require('fs').readFileSync(0, 'utf8').split('\n')) {
  if (!line.startsWith('BENCH ')) continue;
  const { group, name, value, unit } = JSON.parse(line.slice('BENCH '.length));
  const key = `${group}/${name}`;
  if (!runs.has(key)) runs.set(key, { unit, values: [] });
  runs.get(key).values.push(value);
}

const median = (values) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const show = (value, unit) => {
  if (unit === 'B') return value >= 1e6 ? `${(value / 1e6).toFixed(1)} MB` : `${(value / 1e3).toFixed(1)} kB`;
  if (unit === '/s') return `${Math.round(value).toLocaleString('en')} /s`;
  if (unit === 'x') return `${value.toFixed(2)}x`;
  if (unit === 'pages') return `${value} pages`;
  if (unit === 'px') return `${(value / 1e6).toFixed(2)} MP`;
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : value >= 1 ? 2 : 3;
  return `${value.toFixed(digits)} ${unit}`;
};
const cell = (figure) => {
  if (!figure) return 'missing';
  const { unit, values } = figure;
  if (values.length === 1) return show(values[0], unit);
  const [middle, low, high] = [median(values), Math.min(...values), Math.max(...values)].map((v) => show(v, unit));
  // The unit once, when the three share it: "64.5 ms (63.3-66.2)".
  const suffix = middle.slice(middle.lastIndexOf(' '));
  const bare = (text) => (middle.includes(' ') && text.endsWith(suffix) ? text.slice(0, -suffix.length) : text);
  return `${middle} (${bare(low)}-${bare(high)})`;
};

const LOWER = 'lower is better';
const HIGHER = 'higher is better';
// [label, our figure, the baseline's or peer's figure (or null), which way is better]
const sections = [
  {
    group: 'local writes',
    title: 'Local writes: the store against raw SQLite inserts of the same event rows (WAL, synchronous=FULL)',
    peer: 'raw SQLite',
    rows: [
      ['single durable edit, median', 'durable edit median', 'raw insert median', LOWER],
      ['single durable edit, p99', 'durable edit p99', 'raw insert p99', LOWER],
      ['bulk ingest of pulled events (one transaction)', 'ingest', 'raw bulk insert', HIGHER],
      ['  ed25519 checks alone, one thread: in one batch (as ingest)', 'signature checks in one batch', 'signature checks alone', HIGHER],
      ['rebuild of the projection', 'rebuild', null, HIGHER],
    ],
  },
  {
    group: 'sync',
    title: 'Sync against a peer: push (B, A) then a cold client pulls, over loopback',
    peer: 'PouchDB',
    rows: [
      ['push + cold pull', 'quayside replicate', 'pouchdb replicate', LOWER],
      ['  B, A send***', 'quayside push', 'pouchdb push', LOWER],
      ['  cold pull', 'quayside pull', 'pouchdb pull', LOWER],
      ['wire bytes, both directions', 'quayside wire bytes', 'pouchdb wire bytes', LOWER],
      ['  up', 'quayside wire bytes up', 'pouchdb wire bytes up', LOWER],
      ['  down', 'quayside wire bytes down', 'pouchdb wire bytes down', LOWER],
    ],
  },
  {
    group: 'scale',
    title: 'Scale: the app and the store over many cases (baseline: an empty store; a raw SQL query)',
    peer: 'baseline',
    rows: [
      ['app start to first page', 'app start to first page', 'app start to first page, empty store', LOWER],
      ['app process memory (PSS)', 'app memory', 'app memory, empty store', LOWER],
      ['  its peak RSS', 'app memory, peak RSS', null, LOWER],
      ['web view processes memory (PSS)', 'web view memory', 'web view memory, empty store', LOWER],
      ['app: next page, click to shown', 'app: next page', null, LOWER],
      ['app: search a case number, typed to shown*', 'app: search a case number', null, LOWER],
      ['app: statistics with the route map drawn, click to drawn', 'app: statistics with the route map drawn', null, LOWER],
      ['app: network of a repeat offender, click to drawn', 'app: network of a repeat offender drawn', null, LOWER],
      ['list: first page (50), median**', 'list: first page (50), default sort, median', 'raw query median', LOWER],
      ['list: first page (50), p99', 'list: first page (50), default sort, p99', null, LOWER],
      ['list: port + material + dates, median', 'list: port + material + dates, median', null, LOWER],
      ['list: sorted by seized kg, median', 'list: sorted by seized kg, median', null, LOWER],
      ['search: a seal number, median', 'list: full-text search, a seal, median', null, LOWER],
      ['search: a seal number, p99', 'list: full-text search, a seal, p99', null, LOWER],
      ['search: Chinese, 2 chars, median', 'list: search, Chinese, 2 chars, median', null, LOWER],
      ['search: Chinese, 2 chars, p99', 'list: search, Chinese, 2 chars, p99', null, LOWER],
      ['search: Chinese, 4-5 chars, median', 'list: search, Chinese, 4-5 chars, median', null, LOWER],
      ['search: Chinese, 4-5 chars, p99', 'list: search, Chinese, 4-5 chars, p99', null, LOWER],
      ['search: Thai fragment, median', 'list: search, Thai fragment, median', null, LOWER],
      ['search: Thai fragment, p99', 'list: search, Thai fragment, p99', null, LOWER],
      ['search: Latin surname, median', 'list: search, Latin surname, median', null, LOWER],
      ['search: Latin surname, p99', 'list: search, Latin surname, p99', null, LOWER],
      ['search: container as painted, median', 'list: search, container as painted, median', null, LOWER],
      ['search: container as painted, p99', 'list: search, container as painted, p99', null, LOWER],
      ['count: Chinese, 2 chars, median', 'count_cases, search, Chinese, 2 chars, median', null, LOWER],
      ['count: Latin surname, median', 'count_cases, search, Latin surname, median', null, LOWER],
      ['search indexes, bytes****', 'search index size', 'search index size, previous', LOWER],
      ['  of which the trigram index', 'search index size, trigram part', null, LOWER],
      ['  as the store holds them', 'search index size, in the store', null, LOWER],
      ['statistics, unfiltered, median', 'statistics, unfiltered, median', null, LOWER],
      ['seen in other cases, a case, median', 'entities of a case, and their cases, median', null, LOWER],
      ['seen in other cases, a case, p99', 'entities of a case, and their cases, p99', null, LOWER],
      ['seen in other cases, repeat offender, p99', "entities of the repeat offender's case, p99", null, LOWER],
      ['network of a repeat offender, median', "network of the repeat offender's case, median", null, LOWER],
      ['network of a repeat offender, p99', "network of the repeat offender's case, p99", null, LOWER],
      ['shortest link across it, p99', "shortest link to the network's farthest case, p99", null, LOWER],
    ],
  },
  {
    // Figures of two benchmarks' groups, so every name below carries its group; shown when both are.
    group: 'encryption',
    from: ['local writes', 'scale'],
    title: 'Encryption at rest: the store encrypted (SQLCipher, as the app opens it) against the same on a plaintext store, same process, same run',
    columns: ['encrypted', 'plaintext', 'encrypted/plaintext'],
    // The ratio here is what encryption costs (over 1: slower); the aim is under this.
    aim: 1.15,
    rows: [
      ['single durable edit, median', 'local writes/durable edit median, encrypted', 'local writes/durable edit median', LOWER],
      ['single durable edit, p99', 'local writes/durable edit p99, encrypted', 'local writes/durable edit p99', LOWER],
      ['list: first page (50) at scale, median', 'scale/list: first page (50), encrypted, median', 'scale/list: first page (50), plaintext, median', LOWER],
      ['open the store to its first page, median', 'scale/open to first page, encrypted, median', 'scale/open to first page, plaintext, median', LOWER],
      ['app start to first page*****', 'scale/app start to first page', null, LOWER],
    ],
  },
  {
    group: 'viewer',
    title: "The viewer's original at full size (a noise PNG near the 100 MB limit), asked to decoded in the page",
    peer: 'base64 over IPC',
    rows: [
      ['through the original: protocol', 'original at full size, protocol', 'original at full size, base64 over IPC', LOWER],
      ['the original', 'original size', null, LOWER],
    ],
  },
  {
    group: 'capture',
    title: 'A photo taken with the camera (mock camera, its largest frame) to its thumbnail shown in the case',
    peer: 'the same frame dropped as a file',
    rows: [
      ['camera capture to thumbnail shown', 'camera capture to thumbnail shown', 'same frame dropped as a file to thumbnail shown', LOWER],
      ['the frame', 'frame', null, LOWER],
    ],
  },
  {
    group: 'thumbnails',
    title: 'Thumbnails of 4000x3000 JPEGs to 256 px, per photo',
    peer: 'vipsthumbnail',
    rows: [
      ['one thread', 'quayside, 1 thread', 'vipsthumbnail, 1 thread', LOWER],
      ['two threads (vips: all cores)', 'quayside, 2 threads', 'vipsthumbnail, default', LOWER],
    ],
  },
  {
    group: 'pdf',
    title: 'Case-file PDF of one case: Chinese names, addresses and descriptions (left) against the same case in Latin script',
    peer: 'Latin script',
    rows: [
      ['PDF size', 'Chinese names: size', 'Latin names: size', LOWER],
      ['pages', 'Chinese names: pages', 'Latin names: pages', LOWER],
      ['export, fonts loaded', 'Chinese names: export', 'Latin names: export', LOWER],
      ['fonts read and loaded (once per export)', 'fonts read and loaded', null, LOWER],
    ],
  },
];

const pad = (text, width) => String(text).padEnd(width);
const repeats = Math.max(0, ...[...runs.values()].map((r) => r.values.length));
console.log(`\nmedian (min-max) of ${repeats} run(s); ratio: over 1 means Quayside is ahead`);
const missing = [];
const machine = []; // the ratios again as BENCH lines, after the table
const shown = [];
for (const { group, from, title, peer, columns, aim, rows } of sections) {
  const sources = from ?? [group];
  const present = [...runs.keys()].some((key) => sources.some((source) => key.startsWith(`${source}/`)));
  if (wanted ? !sources.every((source) => wanted.includes(source)) : !present) continue;
  shown.push(group);
  // A section drawing on other groups names each figure with its group.
  const key = (name) => (from ? name : `${group}/${name}`);
  const [oursHead, theirsHead, ratioHead] = columns ?? ['Quayside', peer, 'ratio'];
  console.log(`\n${title}`);
  console.log(`${pad('', 48)}${pad(oursHead, 34)}${pad(theirsHead, 34)}${ratioHead}${aim ? ` (aim: under ${aim.toFixed(2)})` : ''}`);
  for (const [label, ours, theirs, better] of rows) {
    const a = runs.get(key(ours));
    const b = theirs && runs.get(key(theirs));
    if (!a) missing.push(key(ours));
    if (theirs && !b) missing.push(key(theirs));
    let ratio = '';
    if (a && b && aim) {
      // The cost of the left against the right: over 1 means the left is behind.
      const value = better === LOWER ? median(a.values) / median(b.values) : median(b.values) / median(a.values);
      ratio = `${value.toFixed(2)}x ${value < aim ? 'under' : 'OVER'} ${aim.toFixed(2)}`;
      machine.push(`BENCH ${JSON.stringify({ group, name: `${ratioHead}: ${label.replace(/\*+$/, '').trim()}`, value, unit: 'x' })}`);
    } else if (a && b) {
      const value = better === LOWER ? median(b.values) / median(a.values) : median(a.values) / median(b.values);
      ratio = `${value.toFixed(2)}x`;
      machine.push(`BENCH ${JSON.stringify({ group, name: `ratio: ${label.trim()}`, value, unit: 'x' })}`);
    }
    console.log(`${pad(label, 48)}${pad(cell(a), 34)}${pad(theirs ? cell(b) : '', 34)}${ratio}`);
  }
}
if (wanted?.includes('scale')) {
  console.log("* includes the search box's 150 ms pause after typing");
  console.log('** baseline: raw SELECT of the ids of the 50 latest cases, on an index; the list reads whole summaries');
  console.log('**** both built alike in a scratch file from the same text; baseline: the one unicode61 index search had before the trigram index');
}
if (wanted?.includes('sync')) {
  console.log('*** Quayside: B then A each run a whole sync (push, pull of the other\'s events, proofs); PouchDB: replicate.to');
}
if (shown.includes('encryption')) {
  console.log('encrypted/plaintext: the cost of encryption, so over 1 means the encrypted store is behind (unlike the other ratios)');
  console.log('***** the app opens only encrypted stores (its start includes the key derivation): no plaintext start to set beside it;');
  console.log('      the row above times the same open and first page on the store alone, encrypted and plaintext');
}
if (machine.length > 0) console.log(`\n${machine.join('\n')}`);
if (missing.length > 0) {
  console.error(`\nno figures for: ${[...new Set(missing)].join('; ')}`);
  process.exit(1);
}
