// Reads the `BENCH {json}` lines of every run (stdin) and prints, for each figure of both sides,
// the median with its spread (min-max), and the ratios PouchDB / Quayside of the medians.
// Also prints the medians and the ratios as BENCH lines, for machines.
'use strict';

const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const runs = new Map(); // name -> { unit, values }
for (const line of lines) {
  if (!line.startsWith('BENCH ')) continue;
  const { name, value, unit } = JSON.parse(line.slice('BENCH '.length));
  if (!runs.has(name)) runs.set(name, { unit, values: [] });
  runs.get(name).values.push(value);
}

const median = (values) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const show = (value, unit) => {
  if (unit === 's') return value.toFixed(2);
  if (unit === 'B') return value >= 1e6 ? `${(value / 1e6).toFixed(2)} MB` : `${(value / 1e3).toFixed(1)} kB`;
  return value.toFixed(0);
};
const cell = (figure) => {
  if (!figure) return 'missing';
  const { unit, values } = figure;
  const spread = `${show(Math.min(...values), unit)}-${show(Math.max(...values), unit)}`;
  return `${show(median(values), unit)} (${spread})`;
};

// [label, figure name without the side, whether a larger value is better]
const rows = [
  ['replicate, push + cold pull (s)', 'replicate', false],
  ['  push: B then A to server (s)', 'push', false],
  ['  pull: server to cold C (s)', 'pull', false],
  ['wire bytes, both directions', 'wire bytes', false],
  ['  up (clients to server)', 'wire bytes up', false],
  ['  down (server to clients)', 'wire bytes down', false],
  ['edits/s', 'edits/s', true],
];
const repeats = Math.max(0, ...[...runs.values()].map((r) => r.values.length));
console.log(`\nsync against a peer: median (min-max) of ${repeats} run(s); ratio = PouchDB / Quayside (over 1: Quayside ahead)`);
const pad = (text, width) => String(text).padEnd(width);
console.log(`${pad('', 34)}${pad('Quayside', 34)}${pad('PouchDB', 34)}ratio`);
for (const [label, name, largerIsBetter] of rows) {
  const ours = runs.get(`quayside ${name}`);
  const theirs = runs.get(`pouchdb ${name}`);
  let ratio = '';
  if (ours && theirs) {
    const value = largerIsBetter ? median(ours.values) / median(theirs.values) : median(theirs.values) / median(ours.values);
    ratio = `${value.toFixed(2)}x`;
  }
  console.log(`${pad(label, 34)}${pad(cell(ours), 34)}${pad(cell(theirs), 34)}${ratio}`);
}
const body = runs.get('quayside body bytes');
if (body) console.log(`(Quayside request and response bodies alone: ${cell(body)})`);

for (const [name, { unit, values }] of runs) {
  console.log(`BENCH ${JSON.stringify({ group: 'sync', name: `${name} median`, value: median(values), unit })}`);
}
let failed = false;
for (const [name, label] of [['replicate', 'time'], ['wire bytes', 'bytes']]) {
  const ours = runs.get(`quayside ${name}`);
  const theirs = runs.get(`pouchdb ${name}`);
  if (!ours || !theirs) {
    failed = true;
    continue;
  }
  const value = median(theirs.values) / median(ours.values);
  console.log(`BENCH ${JSON.stringify({ group: 'sync', name: `pouchdb/quayside ${label}`, value, unit: 'x' })}`);
}
if (failed) {
  console.error('a side printed no figures');
  process.exit(1);
}
