// Unit tests of the shipping documents' type list and size wording (documents.ts).
import { describe, expect, it } from "vitest";
import { DOCUMENT_TYPES, documentSize, documentTypeKey } from "./documents";

describe("shipping documents", () => {
  it("offers every type once, other last", () => {
    expect(new Set(DOCUMENT_TYPES).size).toBe(6);
    expect(DOCUMENT_TYPES.at(-1)).toBe("other");
    expect(documentTypeKey("bill_of_lading")).toBe("document_type.bill_of_lading");
  });

  it("shows sizes as a file manager would", () => {
    expect(documentSize(200)).toEqual({ key: "documents.size_kb", size: 1 });
    expect(documentSize(512 * 1024)).toEqual({ key: "documents.size_kb", size: 512 });
    expect(documentSize(2.5 * 1024 * 1024)).toEqual({ key: "documents.size_mb", size: 2.5 });
  });
});
