// The screens' catalogue files and the code agree: every key a screen asks for is in English with
// the arguments it passes, every key of the screens' files is used, and no screen holds words of
// its own in its markup.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const LOCALES = join(__dirname, "../../crates/quayside-i18n/locales/en");
const SCREEN_FILES = readdirSync(LOCALES).filter((f) => f.startsWith("screens-"));

/** Fluent id -> the variables its text uses. */
function messages(file: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  let id: string | null = null;
  for (const line of readFileSync(join(LOCALES, file), "utf8").split("\n")) {
    const head = /^([a-zA-Z][\w-]*)\s*=/.exec(line);
    if (head) {
      id = head[1];
      out.set(id, new Set());
    } else if (!line.startsWith(" ") && line.trim() !== "") {
      id = null;
    }
    if (id) for (const m of line.matchAll(/\{\s*\$(\w+)/g)) out.get(id)!.add(m[1]);
  }
  return out;
}

const sources = readdirSync(join(__dirname))
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts") && f !== "bindings.ts")
  .map((f) => ({ file: f, text: readFileSync(join(__dirname, f), "utf8") }));

const screens = new Map<string, Set<string>>();
for (const file of SCREEN_FILES) for (const [id, vars] of messages(file)) screens.set(id, vars);

describe("the screens' catalogue", () => {
  it("has every key a screen asks for, with the arguments it passes", () => {
    const problems: string[] = [];
    for (const { file, text } of sources) {
      for (const m of text.matchAll(/\bt\(\s*"([^"]+)"\s*(?:,\s*\{([^}]*)\})?/g)) {
        const id = m[1].replaceAll(".", "-");
        const vars = screens.get(id);
        if (!vars) {
          problems.push(`${file}: ${m[1]} is in no screens file`);
          continue;
        }
        const passed = new Set(
          (m[2] ?? "")
            .split(",")
            .map((a) => a.split(":")[0].trim())
            .filter(Boolean),
        );
        for (const v of vars) if (!passed.has(v)) problems.push(`${file}: ${m[1]} needs $${v}`);
        for (const p of passed) if (!vars.has(p)) problems.push(`${file}: ${m[1]} has no $${p}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("holds no key that no screen uses", () => {
    const literals = new Set<string>();
    for (const { text } of sources) for (const m of text.matchAll(/"([a-z][a-z0-9_]*(?:\.[a-zA-Z0-9_]+)+)"/g)) literals.add(m[1]);
    const unused = [...screens.keys()].filter((id) => !literals.has(id.replaceAll("-", ".")));
    expect(unused).toEqual([]);
  });

  it("leaves no words in a screen's markup: text, titles, names and placeholders come from t()", () => {
    const found: string[] = [];
    for (const { file, text } of sources.filter((s) => s.file.endsWith(".tsx"))) {
      for (const m of text.matchAll(/>([^<>{}]*[A-Za-z]{2}[^<>{}]*)</g)) {
        // A type's generics (`useState<string | null>(`) look like text between brackets.
        if (!/=>|\|\||&&|\(/.test(m[1])) found.push(`${file}: text "${m[1].trim()}"`);
      }
      for (const m of text.matchAll(/\b(title|aria-label|placeholder|alt|aria-description)="([^"]*[A-Za-z]{2}[^"]*)"/g)) {
        found.push(`${file}: ${m[1]}="${m[2]}"`);
      }
    }
    expect(found).toEqual([]);
  });
});
