// The real sync server binary for end-to-end tests: a data folder, users made with its admin
// command, and a fixed loopback port so a restarted server keeps the address the apps know.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "./app.mjs";

export const SERVER = process.env.QUAYSIDE_SERVER ?? join(root, "target/debug/quayside-server");
export const PASSWORD = "correct horse battery";

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export class SyncServer {
  static async create(users) {
    const dataDir = mkdtempSync(join(tmpdir(), "quayside-server-e2e-"));
    for (const [name, role, ports] of users) {
      execFileSync(SERVER, ["--data-dir", dataDir, "user", "add", name, "--role", role, "--ports", ports], {
        input: `${PASSWORD}\n`,
      });
    }
    const server = new SyncServer(dataDir, await freePort());
    await server.start();
    return server;
  }

  constructor(dataDir, port) {
    this.dataDir = dataDir;
    this.port = port;
    this.address = `127.0.0.1:${port}`;
    // What a person types: plain http is only accepted on loopback, and an address without a
    // scheme means https.
    this.url = `http://${this.address}`;
    this.child = null;
  }

  /** Start and wait for its "listening on" line. */
  start() {
    return new Promise((resolve, reject) => {
      const child = spawn(SERVER, ["--data-dir", this.dataDir, "serve", "--listen", this.address], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      this.child = child;
      child.once("error", reject);
      child.stdout.on("data", (chunk) => {
        if (String(chunk).includes("listening on")) resolve();
      });
      child.once("exit", (code) => reject(new Error(`the server exited with ${code} before listening`)));
    });
  }

  /** Kill -9: the server is gone, as when the network or the machine goes. */
  stop() {
    if (!this.child) return Promise.resolve();
    const child = this.child;
    this.child = null;
    return new Promise((resolve) => {
      child.removeAllListeners("exit");
      child.once("exit", () => resolve());
      child.kill("SIGKILL");
    });
  }
}
