// A timeline change's values as a person reads them, in the reader's language: text a person
// typed as typed, a field's code ("C3", "gallium_germanium") as its label as the form shows it,
// and the app's own words ("added", "withdrawn: …") from the catalogue. Pure, tested without a window.
import type { Change, ChangeValue, Field, FieldInfo, LabelPart, SectionInfo } from "./bindings";
import { codeLabel, formatMessage, intlTag, label } from "./labels";
import { optionText } from "./statistics";

/** A change with its values worded: what `describeChange` puts into a line. */
export type WordedChange = { label: LabelPart[]; from: string | null; to: string | null };

function fieldInfo(field: Field, sections: readonly SectionInfo[]): FieldInfo | undefined {
  for (const s of sections) {
    const f = s.fields.find((x) => x.field === field);
    if (f) return f;
  }
  return undefined;
}

/** A field's stored value: codes read as their labels; a value no list knows (an older code) as it is. */
function fieldValue(field: Field, value: string, sections: readonly SectionInfo[]): string {
  const info = fieldInfo(field, sections);
  if (!info || (info.input !== "choice" && info.input !== "multi_choice")) return value;
  const named = (code: string) => {
    const o = info.options.find((x) => x.code === code);
    return o ? optionText({ code: o.code, label: codeLabel(o) }) : code;
  };
  if (info.input === "choice") return named(value);
  const names = value.split(/\s+/).filter(Boolean).map(named);
  return new Intl.ListFormat(intlTag(), { style: "narrow", type: "unit" }).format(names);
}

/** One side of a change in the reader's language. */
export function valueText(v: ChangeValue, sections: readonly SectionInfo[]): string {
  if ("text" in v) return v.text;
  if ("key" in v) return label(v.key);
  if ("message" in v) return formatMessage(v.message);
  return fieldValue(v.field.field, v.field.value, sections);
}

/** The change with both values worded (`sections` says which fields have lists). */
export function readableChange(c: Change, sections: readonly SectionInfo[]): WordedChange {
  const read = (v: ChangeValue | null) => (v === null ? null : valueText(v, sections));
  return { label: c.label, from: read(c.from), to: read(c.to) };
}
