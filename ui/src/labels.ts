// The catalogue: every text the UI shows comes from here, in the reader's language. The catalogue
// files are the Rust side's Fluent files (`quayside-i18n`), handed over by the `catalogue` command
// and formatted with Fluent's own library, so both sides word a message the same way and the UI
// holds no text of its own. Keys are written with dots (`section.route`); Fluent ids, with
// hyphens (`section-route`).
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import type {
  CaseState,
  CaseStatus,
  CatalogueFiles,
  CodeEntry,
  FlagCode,
  LabelPart,
  Locale,
  Message,
  ReviewState,
  SectionInfo,
} from "./bindings";
import { CallError } from "./ipc";

/** The languages a person chooses from; each is named in its own language (`language.<tag>`). */
export const LANGUAGES: Locale[] = ["en", "zh-CN", "th", "es"];

let bundle = new FluentBundle("en", { useIsolating: false });
let english = bundle;
let current: Locale = "en";

/**
 * The pseudo-locale: English accented and a third longer, so a screen shows at a glance which
 * text did not come from the catalogue, and which layout breaks with a longer language.
 */
const ACCENTED: Record<string, string> = Object.fromEntries(
  [..."aeiouyAEIOUYcnsCNS"].map((c, i) => [c, [..."àéîõüýÀÉÎÕÜÝçñšÇÑŠ"][i]]),
);
export function pseudo(text: string): string {
  const accented = [...text].map((c) => ACCENTED[c] ?? c).join("");
  const letters = text.replace(/[^A-Za-z]/g, "").length;
  return letters === 0 ? accented : `${accented}${"·".repeat(Math.ceil(letters * 0.3))}`;
}

function bundleOf(locale: string, files: string[], transform?: (text: string) => string): FluentBundle {
  const b = new FluentBundle(locale, { useIsolating: false, transform });
  for (const source of files) b.addResource(new FluentResource(source), { allowOverrides: true });
  return b;
}

/** Take a language's catalogue: the app's start and every change of language. */
export function setCatalogue(catalogue: CatalogueFiles): void {
  current = catalogue.locale;
  const transform = catalogue.locale === "en-XA" ? pseudo : undefined;
  english = bundleOf("en", catalogue.english, transform);
  bundle = catalogue.locale === "en" || catalogue.locale === "en-XA" ? english : bundleOf(catalogue.tag, catalogue.files);
}

/** The language in force, and the tag `Intl` formats dates and numbers with. */
export function currentLocale(): Locale {
  return current;
}
export function intlTag(): string {
  const tag = current === "en-XA" ? "en" : current;
  // Years as the person types them: Thai dates are Buddhist-era in Intl by default, so the
  // Gregorian calendar is asked for unless the person chose the Buddhist era.
  if (buddhistEra) return `${tag}-u-ca-buddhist`;
  return tag === "th" ? "th-u-ca-gregory" : tag;
}

let buddhistEra = false;
/** Whether the person counts years in the Buddhist era (2569 for 2026): dates are shown so. */
export function setBuddhistEra(on: boolean): void {
  buddhistEra = on;
}

/** The locale the system asks for, if it is one Quayside speaks. */
export function systemLocale(languages: readonly string[] = navigator.languages ?? [navigator.language]): Locale {
  for (const tag of languages) {
    const language = tag.toLowerCase().split(/[-_]/)[0];
    const found = LANGUAGES.find((l) => l.toLowerCase().split("-")[0] === language);
    if (found) return found;
  }
  return "en";
}

function formatIn(b: FluentBundle, key: string, args?: Record<string, FluentVariable>): string | undefined {
  const message = b.getMessage(key.replaceAll(".", "-"));
  if (!message?.value) return undefined;
  return b.formatPattern(message.value, args);
}

/** A key's text with its arguments; English where the language lacks it; the key if both do. */
export function t(key: string, args?: Record<string, string | number>): string {
  return formatIn(bundle, key, args) ?? formatIn(english, key, args) ?? key;
}

/** Whether the catalogue has a key (in English, which every language follows). */
export function hasText(key: string): boolean {
  return formatIn(english, key) !== undefined;
}

/** A key's text; for a key the catalogue lacks (a code or kind from a newer version), the code itself. */
export function label(key: string): string {
  return hasText(key) ? t(key) : key.slice(key.indexOf(".") + 1);
}

/** A message Rust sent (an error, a validation, a flag), in the reader's language. */
export function formatMessage(message: Message): string {
  const args: Record<string, string | number> = {};
  for (const [name, arg] of Object.entries(message.args)) {
    if (!arg) continue;
    if (arg.kind === "words") args[name] = arg.value[currentLocale()] ?? arg.value.en ?? "";
    else args[name] = arg.kind === "label" ? label(arg.value) : arg.value;
  }
  return t(message.key, args);
}

export const flagLabel = (code: FlagCode) => label(`flag.${code}`);
export const kindLabel = (kind: string) => label(`event.${kind}`);
export const roleLabel = (role: string) => label(`role.${role}`);
export const statusLabel = (status: CaseStatus) => label(`status.${status}`);
export const reviewLabel = (state: ReviewState) => label(`review.${state}`);
/** Where a case stands, status and review in one: what the header, list and queue show. */
export const stateLabel = (state: CaseState) => label(`state.${state}`);
export const codeLabel = (entry: CodeEntry) => label(entry.key);
export const codeHint = (entry: CodeEntry) => (entry.hint_key ? label(entry.hint_key) : undefined);

/** What one item of the section is called ("Seal"); the heading for a section of fields. */
export function itemLabel(section: SectionInfo): string {
  return label(section.item_key ?? section.label_key);
}

/** A timeline change's label: its parts' texts joined, "Seal 2 · Seal number". */
export function changeLabel(parts: LabelPart[]): string {
  return parts.map((p) => ("key" in p ? label(p.key) : `${label(p.named.key)} ${p.named.name}`)).join(" · ");
}

/** The key a reason for a change is labelled with: the timeline sets that line apart. */
export const REASON_KEY = "change.reason";

/** A date in the reader's language ("6 dic 2026, 14:05"), from an RFC 3339 timestamp. */
export function formatDateTime(rfc3339: string, withTime = true): string {
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return rfc3339;
  return new Intl.DateTimeFormat(intlTag(), {
    dateStyle: "medium",
    timeStyle: withTime ? "short" : undefined,
  }).format(d);
}

/** A number in the reader's language ("18.000,5" in Spanish). */
export function formatNumber(n: number, maximumFractionDigits = 3): string {
  return new Intl.NumberFormat(intlTag(), { maximumFractionDigits }).format(n);
}

/** What went wrong, in the reader's language: a command's error as its keyed text, else as said. */
export function errorText(e: unknown): string {
  if (e instanceof CallError) {
    const text = (e.error as { text?: Message }).text;
    return text ? formatMessage(text) : e.message;
  }
  return e instanceof Error ? e.message : String(e);
}
