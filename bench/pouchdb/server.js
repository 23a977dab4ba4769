// The CouchDB-protocol server for the benchmark: express-pouchdb over in-memory PouchDB, in a node
// process of its own (as the Quayside server is its own process). Prints its address once ready.
// Minimal mode: only what PouchDB replication needs, no config or log files on disk.
'use strict';

const http = require('http');
const express = require('express-pouchdb');
const PouchDB = require('pouchdb-core').plugin(require('pouchdb-adapter-memory'));

const app = express(PouchDB.defaults({ adapter: 'memory' }), {
  mode: 'minimumForPouchDB',
  inMemoryConfig: true,
});
const server = http.createServer(app);
server.listen(0, '127.0.0.1', () => {
  const { address, port } = server.address();
  process.stdout.write(`listening on http://${address}:${port}\n`);
});
// Ends with its parent: the benchmark closes this pipe, or dies.
process.stdin.on('end', () => process.exit(0)).resume();
