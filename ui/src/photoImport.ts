// What the import says about one file it took: attached or already there, then each note Rust
// gave (a name that disagrees with the content, no thumbnail and why), in the reader's language.
import type { AttachResult } from "./bindings";
import { formatMessage, t } from "./labels";

/** The outcome line of one imported file. */
export function importedText(r: AttachResult): string {
  const done = r.status === "attached" ? t("photos.attached") : t("photos.already_attached");
  // Each note joined by the catalogue's separator, so a Chinese line takes a full-width one.
  return r.notes.reduce((line, note) => t("photos.with_note", { outcome: line, note: formatMessage(note) }), done);
}
