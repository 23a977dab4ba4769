// Tests only: catalogues as the app gets them, read from the catalogue files.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Locale } from "./bindings";
import { setCatalogue } from "./labels";

const LOCALES = join(__dirname, "../../crates/quayside-i18n/locales");

function files(tag: string): string[] {
  const dir = join(LOCALES, tag);
  return readdirSync(dir)
    .sort()
    .map((f) => readFileSync(join(dir, f), "utf8"));
}

/** The real catalogue of a language, English behind it. */
export function useCatalogue(locale: Locale = "en"): void {
  const tag = locale === "en-XA" ? "en" : locale;
  setCatalogue({ locale, tag, files: files(tag), english: files("en") });
}

/** A small English catalogue from key -> text pairs. */
export function useTestLabels(labels: Record<string, string>): void {
  const source = Object.entries(labels)
    .map(([key, text]) => `${key.replaceAll(".", "-")} = ${text}`)
    .join("\n");
  setCatalogue({ locale: "en", tag: "en", files: [], english: [source] });
}
