// A timeline change's values as a person reads them: a code of a list ("C3", "gallium_germanium")
// becomes its label in the reader's language, as the form shows it. Pure, tested without a window.
import type { Change, FieldInfo, SectionInfo } from "./bindings";
import { codeLabel, intlTag } from "./labels";
import { optionText } from "./statistics";

/** The field a change is about: the last part of its label that names one (`field.<field>`). */
function fieldOf(c: Change, sections: readonly SectionInfo[]): FieldInfo | undefined {
  const keys = c.label.flatMap((p) => ("key" in p ? [p.key] : []));
  for (const key of keys.reverse()) {
    for (const s of sections) {
      const f = s.fields.find((x) => x.label_key === key);
      if (f) return f;
    }
  }
  return undefined;
}

/** Codes read as their labels; a value no list knows (an older code) is kept as it is. */
export function readableChange(c: Change, sections: readonly SectionInfo[]): Change {
  const field = fieldOf(c, sections);
  if (!field || (field.input !== "choice" && field.input !== "multi_choice")) return c;
  const named = (code: string) => {
    const o = field.options.find((x) => x.code === code);
    return o ? optionText({ code: o.code, label: codeLabel(o) }) : code;
  };
  const read = (value: string | null) => {
    if (value === null) return null;
    if (field.input === "choice") return named(value);
    const names = value.split(/\s+/).filter(Boolean).map(named);
    return new Intl.ListFormat(intlTag(), { style: "narrow", type: "unit" }).format(names);
  };
  return { ...c, from: read(c.from), to: read(c.to) };
}
