// The peer side of the sync benchmark: the data set replicated by PouchDB over the CouchDB
// replication protocol to express-pouchdb on loopback (its own process, server.js), through the
// same counting proxy the Quayside side uses.
//
//   BENCH_DATASET=dataset.json node replicate.js
//
// Local databases A (every case: one document, each edit a new revision) and B (the concurrent
// edits) are memory databases. Before the measured span, as on the Quayside side, B receives the
// cases it will edit: A creates them, replicates them to the server and B replicates them back.
// Then both edit offline; measured: B -> server, A -> server (push), then server -> a cold C
// (pull). C is checked (every document, its winning revision, its conflict, its values) before
// any figure is printed.
'use strict';

const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const crypto = require('crypto');
const readline = require('readline');

const PouchDB = require('pouchdb-core')
  .plugin(require('pouchdb-adapter-memory'))
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-replication'));

const AUTHOR_A = 'Ines Inspector';
const AUTHOR_B = 'Ivan Inspector';

// A child process whose stdout is read line by line.
function start(args) {
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout });
  const waiting = [];
  const ready = [];
  lines.on('line', (line) => (waiting.length ? waiting.shift()(line) : ready.push(line)));
  const nextLine = () => new Promise((resolve) => (ready.length ? resolve(ready.shift()) : waiting.push(resolve)));
  return { child, nextLine };
}

async function main() {
  const dataset = JSON.parse(fs.readFileSync(process.env.BENCH_DATASET, 'utf8'));
  const cases = dataset.cases;

  const server = start([path.join(__dirname, 'server.js')]);
  const serverUrl = (await server.nextLine()).replace('listening on ', '');
  const proxy = start([path.join(__dirname, '..', 'counting-proxy.js'), new URL(serverUrl).host]);
  const proxyAddress = (await proxy.nextLine()).replace('listening on ', '');
  const counts = async () => { proxy.child.stdin.write('count\n'); return JSON.parse(await proxy.nextLine()); };
  const resetCounts = async () => { proxy.child.stdin.write('reset\n'); await proxy.nextLine(); };

  const run = crypto.randomUUID();
  const local = (name) => new PouchDB(`${name}-${run}`, { adapter: 'memory' });
  const a = local('a');
  const b = local('b');
  const c = local('c');
  const remote = new PouchDB(`http://${proxyAddress}/cases`);

  // Documents as device A holds them, by case index; each put moves the _rev.
  const docs = [];
  const put = async (db, doc) => { doc._rev = (await db.put(doc)).rev; };
  const open = async (index) => {
    const now = new Date().toISOString();
    const doc = {
      _id: crypto.randomUUID(),
      type: 'case',
      case_number: `${cases[index].port}-2026-BENCHA-${String(index + 1).padStart(4, '0')}`,
      port: cases[index].port,
      opened_at: now,
      opened_by: AUTHOR_A,
      fields: {},
      updated_at: now,
      updated_by: AUTHOR_A,
    };
    await put(a, doc);
    docs[index] = doc;
  };
  const concurrent = cases.map((c) => c.edits.some((e) => e.by === 'B'));

  // Not measured: B receives the cases it will edit, as a second inspector's device would.
  for (let i = 0; i < cases.length; i++) if (concurrent[i]) await open(i);
  await a.replicate.to(remote);
  await b.replicate.from(remote);
  await resetCounts();

  // Offline on both devices.
  for (let i = 0; i < cases.length; i++) {
    if (!docs[i]) await open(i);
    for (const edit of cases[i].edits) {
      if (edit.by !== 'A') continue;
      docs[i].fields[edit.field] = edit.value;
      docs[i].updated_at = new Date().toISOString();
      docs[i].updated_by = AUTHOR_A;
      await put(a, docs[i]);
    }
  }
  for (let i = 0; i < cases.length; i++) {
    for (const edit of cases[i].edits) {
      if (edit.by !== 'B') continue;
      const doc = await b.get(docs[i]._id);
      doc.fields[edit.field] = edit.value;
      doc.updated_at = new Date().toISOString();
      doc.updated_by = AUTHOR_B;
      await b.put(doc);
    }
  }

  const started = process.hrtime.bigint();
  const pushB = await b.replicate.to(remote);
  const pushA = await a.replicate.to(remote);
  const pushed = process.hrtime.bigint();
  const pull = await c.replicate.from(remote);
  const ended = process.hrtime.bigint();
  const wire = await counts();

  for (const result of [pushB, pushA, pull]) {
    if (!result.ok || result.doc_write_failures !== 0) throw new Error(`replication failed: ${JSON.stringify(result)}`);
  }
  const expectedEdits = cases.reduce((n, c) => n + 1 + c.edits.length, 0);
  await check(c, cases, docs, concurrent);

  const seconds = (from, to) => Number(to - from) / 1e9;
  const total = seconds(started, ended);
  const figures = [
    ['pouchdb replicate', total, 's'],
    ['pouchdb push', seconds(started, pushed), 's'],
    ['pouchdb pull', seconds(pushed, ended), 's'],
    ['pouchdb wire bytes', wire.up + wire.down, 'B'],
    ['pouchdb wire bytes up', wire.up, 'B'],
    ['pouchdb wire bytes down', wire.down, 'B'],
    ['pouchdb edits/s', expectedEdits / total, 'edits/s'],
  ];
  for (const [name, value, unit] of figures) {
    console.log(`BENCH ${JSON.stringify({ group: 'sync', name, value, unit })}`);
  }
  console.log(`pouchdb: ${cases.length} cases, ${expectedEdits} edits (${dataset.concurrent} concurrent) replicated ` +
    `in ${total.toFixed(2)} s (push ${seconds(started, pushed).toFixed(2)} s, pull ${seconds(pushed, ended).toFixed(2)} s), ` +
    `${wire.up + wire.down} bytes on the wire (${wire.up} up, ${wire.down} down, ${wire.connections} connections)`);

  proxy.child.stdin.end();
  server.child.stdin.end();
}

// C must hold every case with A's last revision winning (the longer branch) and B's as its conflict.
async function check(c, cases, docs, concurrent) {
  const all = await c.allDocs({ include_docs: true, conflicts: true });
  if (all.rows.length !== cases.length) throw new Error(`C holds ${all.rows.length} documents, expected ${cases.length}`);
  const byId = new Map(all.rows.map((row) => [row.id, row.doc]));
  for (let i = 0; i < cases.length; i++) {
    const doc = byId.get(docs[i]._id);
    if (!doc) throw new Error(`case ${i} missing on C`);
    const revisionsByA = 1 + cases[i].edits.filter((e) => e.by === 'A').length;
    if (doc._rev !== docs[i]._rev || Number(doc._rev.split('-')[0]) !== revisionsByA) {
      throw new Error(`case ${i}: winning revision ${doc._rev}, expected ${docs[i]._rev}`);
    }
    if (JSON.stringify(doc.fields) !== JSON.stringify(docs[i].fields)) throw new Error(`case ${i}: fields differ`);
    const conflicts = doc._conflicts || [];
    const edit = cases[i].edits.find((e) => e.by === 'B');
    if (conflicts.length !== (edit ? 1 : 0)) throw new Error(`case ${i}: ${conflicts.length} conflicts`);
    if (edit) {
      const rival = await c.get(doc._id, { rev: conflicts[0] });
      if (!rival._rev.startsWith('2-') || rival.fields[edit.field] !== edit.value) {
        throw new Error(`case ${i}: the conflicting revision is not B's edit`);
      }
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
