// A TCP proxy on loopback that counts the bytes of every connection in both directions, so both
// sides of the sync benchmark are measured by one rule: everything on the wire above TCP (request
// and status lines, headers, bodies), whatever each client or server library says it sent.
//
//   node counting-proxy.js 127.0.0.1:PORT   prints "listening on 127.0.0.1:N" once ready.
// On stdin, "count" answers one JSON line {"up":..,"down":..,"connections":..} (up: client to
// server); "reset" sets the counts to zero and answers "reset". The proxy ends with its stdin.
// No dependencies: it runs before `npm ci`, and the Rust side starts it too.
'use strict';

const net = require('net');
const readline = require('readline');

const [host, port] = (process.argv[2] || '').split(':');
if (!host || !port) {
  console.error('usage: node counting-proxy.js HOST:PORT');
  process.exit(2);
}

let up = 0;
let down = 0;
let connections = 0;

const proxy = net.createServer((client) => {
  connections += 1;
  const server = net.connect({ host, port: Number(port) });
  client.setNoDelay(true);
  server.setNoDelay(true);
  // Counted as they arrive, before they are passed on: once a client has its answer, every byte
  // of that exchange is in the counts.
  client.on('data', (chunk) => { up += chunk.length; });
  server.on('data', (chunk) => { down += chunk.length; });
  client.pipe(server);
  server.pipe(client);
  const close = () => { client.destroy(); server.destroy(); };
  client.on('error', close);
  server.on('error', close);
  client.on('close', close);
  server.on('close', close);
});

proxy.listen(0, '127.0.0.1', () => {
  const { address, port: listening } = proxy.address();
  process.stdout.write(`listening on ${address}:${listening}\n`);
});

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const command = line.trim();
  if (command === 'count') {
    process.stdout.write(`${JSON.stringify({ up, down, connections })}\n`);
  } else if (command === 'reset') {
    up = 0;
    down = 0;
    connections = 0;
    process.stdout.write('reset\n');
  }
}).on('close', () => process.exit(0));
