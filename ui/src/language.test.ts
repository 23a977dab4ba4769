// Unit tests of the language choice (language.ts).
import { describe, expect, it } from "vitest";
import type { Locale } from "./bindings";
import { languageChoices, languageName, setsUp, shownLanguage } from "./language";
import { LANGUAGES } from "./labels";
import { useCatalogue } from "./testCatalogue";

const OWN_NAMES = ["English", "简体中文", "ไทย", "Español"];

describe("languageName", () => {
  it("names each language in its own words, whatever the catalogue", () => {
    for (const locale of ["en", "zh-CN", "th", "es"] as Locale[]) {
      useCatalogue(locale);
      expect(LANGUAGES.map(languageName)).toEqual(OWN_NAMES);
    }
  });
});

describe("languageChoices", () => {
  it("offers every language, and keeps one in force that is not offered", () => {
    expect(languageChoices("th")).toEqual(["en", "zh-CN", "th", "es"]);
    expect(languageChoices("en-XA")).toEqual(["en", "zh-CN", "th", "es", "en-XA"]);
  });
});

describe("shownLanguage", () => {
  it("shows the language chosen on the set-up screen while it is open", () => {
    for (const phase of ["new", "encrypt_existing", "unreadable"] as const) {
      expect(setsUp(phase)).toBe(true);
      expect(shownLanguage({ phase, language: "es" }, "th", "en")).toBe("th");
    }
  });

  it("shows the person's or the last used language otherwise, else the system's", () => {
    expect(setsUp("locked")).toBe(false);
    expect(shownLanguage({ phase: "unlocked", language: "es" }, "th", "en")).toBe("es");
    expect(shownLanguage({ phase: "locked", language: "zh-CN" }, null, "en")).toBe("zh-CN");
    expect(shownLanguage({ phase: "locked", language: null }, null, "th")).toBe("th");
    expect(shownLanguage({ phase: "new", language: null }, null, "es")).toBe("es");
  });
});
