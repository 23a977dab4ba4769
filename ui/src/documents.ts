// Shipping documents: the types a person chooses from, in the order offered, and a file's size in
// the unit a file manager would show it.
import type { DocumentType } from "./bindings";

/** Every document type, in the order the form offers them; `other` last. */
export const DOCUMENT_TYPES: DocumentType[] = [
  "bill_of_lading",
  "commercial_invoice",
  "packing_list",
  "certificate_of_origin",
  "export_licence",
  "other",
];

/** The label key of a document type. */
export const documentTypeKey = (type: DocumentType) => `document_type.${type}`;

/** A size as the catalogue's key and number: kilobytes under a megabyte, else megabytes, one decimal. */
export function documentSize(bytes: number): { key: "documents.size_kb" | "documents.size_mb"; size: number } {
  const kb = bytes / 1024;
  if (kb < 1024) return { key: "documents.size_kb", size: Math.max(1, Math.round(kb)) };
  return { key: "documents.size_mb", size: Math.round((kb / 1024) * 10) / 10 };
}
