// The language choice: which language the app shows, and the name each language has for itself.
// Pure, so it is unit-tested without a window.
import type { Locale, LockPhase, LockState } from "./bindings";
import { LANGUAGES, t } from "./labels";

/**
 * Each language's name for itself, the same in every catalogue: a person finds their own
 * language whatever the screen is in. The pseudo-locale is English, accented.
 */
const NAME_KEYS: Record<Locale, string> = {
  en: "language.en",
  "zh-CN": "language.zh_CN",
  th: "language.th",
  es: "language.es",
  "en-XA": "language.en",
};

export function languageName(locale: Locale): string {
  return t(NAME_KEYS[locale]);
}

/** The languages to offer: every one Quayside speaks, and the one in force if it is not one of them. */
export function languageChoices(current: Locale): Locale[] {
  return LANGUAGES.includes(current) ? LANGUAGES : [...LANGUAGES, current];
}

/** The phases in which the lock screen sets the device up (and offers a language). */
export function setsUp(phase: LockPhase): boolean {
  return phase === "new" || phase === "encrypt_existing" || phase === "unreadable";
}

/**
 * The language to show: the one chosen on the set-up screen while it is open, else the
 * person's (or, locked, the last one used here), else the system's.
 */
export function shownLanguage(lock: Pick<LockState, "phase" | "language">, chosen: Locale | null, system: Locale): Locale {
  if (chosen !== null && setsUp(lock.phase)) return chosen;
  return lock.language ?? system;
}
