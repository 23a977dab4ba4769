// The only module that talks to Tauri. Everything else calls `call` with a typed command name.
import { convertFileSrc, invoke } from "@tauri-apps/api/core";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import type {
  ApiError,
  AttachDocumentArgs,
  AttachedDocument,
  AttachPhotoArgs,
  AttachResult,
  CaptureArgs,
  Commands,
  DocumentType,
  ExportedFile,
  Message,
  PickedPhoto,
} from "./bindings";

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

/** A dropped file's bytes; one that cannot be read is refused like a command's error, keyed so the
 * screen words it in the reader's language (English for logs). */
async function dropped(file: File): Promise<Uint8Array> {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    const error: ApiError & { text: Message } = {
      code: "invalid_input",
      message: `${file.name} could not be read (${reason}): check that it is a file you may open. Nothing was stored.`,
      field: null,
      text: { key: "photos.unreadable", args: { file: { kind: "text", value: file.name }, reason: { kind: "text", value: reason } } },
    };
    throw new CallError(error);
  }
}

/**
 * Where the viewer loads a photo's original from: the app's `original:` protocol, which streams it
 * from the vault with its hash checked (`original://localhost/<sha256>`, or the Windows form),
 * rather than a base64 data URL over IPC.
 */
export function originalUrl(sha256: string): string {
  return convertFileSrc(sha256, "original");
}

/**
 * Attach one file to a case through the one command, `attach_photo`. The bytes go raw (no JSON, no
 * base64); the command and its arguments travel as headers. Imports do not wait in the queue of
 * edits (a 200-photo import must not hold up a field being saved meanwhile); the importer awaits
 * each file before the next, so they stay in order.
 */
export async function attachPhoto(caseId: string, file: File, capture?: CaptureArgs): Promise<AttachResult> {
  const bytes = await dropped(file);
  const args: AttachPhotoArgs = { case_id: caseId, file_name: file.name, capture };
  try {
    return (await invoke("api", bytes, {
      headers: { "x-command": "attach_photo", "x-args": encodeURIComponent(JSON.stringify(args)) },
    })) as AttachResult;
  } catch (e) {
    throw toCallError(e);
  }
}

/**
 * Attach a dropped file to a case as a shipping document of `documentType`, its bytes raw as a
 * photo's go. Not queued, like `attachPhoto`.
 */
export async function attachDocument(caseId: string, file: File, documentType: DocumentType, number: string): Promise<AttachedDocument> {
  const bytes = await dropped(file);
  const args: AttachDocumentArgs = { case_id: caseId, file_name: file.name, document_type: documentType, number };
  try {
    return (await invoke("api", bytes, {
      headers: { "x-command": "attach_document", "x-args": encodeURIComponent(JSON.stringify(args)) },
    })) as AttachedDocument;
  } catch (e) {
    throw toCallError(e);
  }
}

/** The commands that take a file's bytes beside their arguments (besides `attach_photo`). */
type FileCommand = "analyser_columns" | "import_readings" | "read_codes";

/**
 * Send a file's bytes to a command that reads one (an analyser's CSV export), raw as a photo's go.
 * It waits in the queue of edits: an import writes to the case.
 */
export function callWithFile<K extends FileCommand>(command: K, args: Commands[K]["args"], bytes: Uint8Array): Promise<Commands[K]["result"]> {
  const run = async () => {
    try {
      return (await invoke("api", bytes, {
        headers: { "x-command": command, "x-args": encodeURIComponent(JSON.stringify(args)) },
      })) as Commands[K]["result"];
    } catch (e) {
      throw toCallError(e);
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

const lockedListeners = new Set<(message: string) => void>();

/** Be told when any call finds the app locked (on demand elsewhere, or after an idle time). */
export function onLocked(listener: (message: string) => void): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

function noAnswer(e: unknown): ApiError & { text: Message } {
  const reason = String(e);
  return {
    code: "internal",
    message: `The app did not answer: ${reason}`,
    field: null,
    text: { key: "ipc.no_answer", args: { reason: { kind: "text", value: reason } } },
  };
}

function toCallError(e: unknown): CallError {
  // Anything that is not our error (Tauri's own failures) becomes one, so callers see one shape.
  const error = new CallError(isApiError(e) ? e : noAnswer(e));
  if (error.code === "locked") lockedListeners.forEach((listener) => listener(error.message));
  return error;
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

/** The commands that write an export file. */
export type ExportCommand = Extract<CommandName, `export_${string}`>;

/**
 * Run an export, then save it where the person chooses in the system's Save dialog (opened by the
 * app, not the web view). Answers `null` when the dialog is closed without a choice: nothing is
 * kept. Edits made before wait to be saved first, but the open dialog does not hold up later ones.
 */
export async function saveExport<K extends ExportCommand>(command: K, args: Commands[K]["args"]): Promise<ExportedFile | null> {
  await queue.catch(() => undefined);
  try {
    return (await invoke("save_export", { command, args })) as ExportedFile | null;
  } catch (e) {
    throw toCallError(e);
  }
}

/**
 * Ask for photos in the system's Open dialog, opened by the app: the answer names each file and
 * gives a token to attach it by, never its path. An empty list when the person cancels.
 */
export async function pickPhotos(title: string, filter: string): Promise<PickedPhoto[]> {
  try {
    return (await invoke("pick_photos", { title, filter })) as PickedPhoto[];
  } catch (e) {
    throw toCallError(e);
  }
}

/** Attach one file picked in the Open dialog; the app reads it from the disk. Not queued, like `attachPhoto`. */
export async function attachPickedPhoto(caseId: string, token: string): Promise<AttachResult> {
  try {
    return (await invoke("attach_picked_photo", { caseId, token })) as AttachResult;
  } catch (e) {
    throw toCallError(e);
  }
}

/** Ask for shipping documents (PDFs and scans) in the system's Open dialog, as `pickPhotos`. */
export async function pickDocuments(title: string, filter: string): Promise<PickedPhoto[]> {
  try {
    return (await invoke("pick_documents", { title, filter })) as PickedPhoto[];
  } catch (e) {
    throw toCallError(e);
  }
}

/** Attach one document picked in the Open dialog, with its type and number; the app reads the file. */
export async function attachPickedDocument(caseId: string, token: string, documentType: DocumentType, number: string): Promise<AttachedDocument> {
  try {
    return (await invoke("attach_picked_document", { caseId, token, documentType, number })) as AttachedDocument;
  } catch (e) {
    throw toCallError(e);
  }
}

/** Show a file saved in this run in the system's file manager. */
export async function showInFolder(path: string): Promise<void> {
  try {
    await invoke("show_in_folder", { path });
  } catch (e) {
    throw toCallError(e);
  }
}

/** Zoom the app's web view: 1 is 100%. Rejects outside the app, where there is no web view. */
export async function setZoom(factor: number): Promise<void> {
  await getCurrentWebview().setZoom(factor);
}
