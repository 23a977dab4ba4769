// The only module that talks to Tauri. Everything else calls `call` with a typed command name.
import { invoke } from "@tauri-apps/api/core";
import type { ApiError, AttachResult, Commands } from "./bindings";

export type CommandName = keyof Commands;

export class CallError extends Error {
  readonly error: ApiError;
  constructor(error: ApiError) {
    super(error.message);
    this.error = error;
  }
  get code() {
    return this.error.code;
  }
}

function isApiError(value: unknown): value is ApiError {
  return typeof value === "object" && value !== null && "code" in value && "message" in value;
}

// Calls run one at a time, in the order they were made. The backend command is async, so without
// this two saves could reach the store, and their answers the screen, in either order.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Call a command outside the queue: a read-only one (a long check re-hashing every photo), or a
 * sync command (sign in, sync now), which touches no case and may wait on the network. Neither
 * must hold up the edits made meanwhile.
 */
export function callBeside<K extends CommandName>(command: K, args: Commands[K]["args"]): Promise<Commands[K]["result"]> {
  return callNow(command, args);
}

/** Call a Quayside command. Rejects with a CallError whose `code` the UI can act on. */
export function call<K extends CommandName>(command: K, args: Commands[K]["args"]): Promise<Commands[K]["result"]> {
  const run = () => callNow(command, args);
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

/**
 * Attach one file to a case through the one command, `attach_photo`; the bytes travel base64 in
 * its arguments. Imports do not wait in the queue of edits (a 200-photo import must not hold up a
 * field being saved meanwhile); the importer awaits each file before the next, so they stay in order.
 */
export async function attachPhoto(caseId: string, file: File): Promise<AttachResult> {
  let bytes: string;
  try {
    bytes = await base64Of(file);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new CallError({
      code: "invalid_input",
      message: `${file.name} could not be read (${reason}): check that it is a file you may open. Nothing was stored.`,
      field: null,
    });
  }
  return callNow("attach_photo", { case_id: caseId, file_name: file.name, bytes_base64: bytes });
}

/** The file's bytes in base64, encoded by the browser (a data URL) rather than a loop in script. */
function base64Of(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      // An empty file's data URL may have no comma at all: then there are no bytes.
      const url = String(reader.result);
      const comma = url.indexOf(",");
      resolve(comma < 0 ? "" : url.slice(comma + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.readAsDataURL(file);
  });
}

function toCallError(e: unknown): CallError {
  // Anything that is not our error (Tauri's own failures) becomes one, so callers see one shape.
  return new CallError(
    isApiError(e) ? e : { code: "internal", message: `The app did not answer: ${String(e)}`, field: null },
  );
}

async function callNow<K extends CommandName>(
  command: K,
  args: Commands[K]["args"],
): Promise<Commands[K]["result"]> {
  try {
    return (await invoke("api", { command, args })) as Commands[K]["result"];
  } catch (e) {
    throw toCallError(e);
  }
}
