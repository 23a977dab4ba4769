// Tests only: a small English catalogue from key -> text pairs.
import { setCatalogue } from "./labels";

export function useTestLabels(labels: Record<string, string>): void {
  const source = Object.entries(labels)
    .map(([key, text]) => `${key.replaceAll(".", "-")} = ${text}`)
    .join("\n");
  setCatalogue({ locale: "en", tag: "en", files: [], english: [source] });
}
