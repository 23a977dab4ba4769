// Statistics buckets turned into labelled rows, weights and routes.
import { beforeAll, describe, expect, it } from "vitest";
import type { ReferenceData } from "./bindings";
import { useTestLabels } from "./testCatalogue";
import { codeList, kilograms, labelled, routeText } from "./statistics";

beforeAll(() => useTestLabels({ "concealment.C3": "False floor" }));

const reference = {
  sections: [
    {
      section: "concealments",
      label_key: "section.concealments",
      item_key: "item.concealments",
      is_list: true,
      fields: [
        {
          field: "concealment_method",
          section: "concealments",
          label_key: "field.concealment_method",
          input: "choice",
          input_hint_key: null,
          options: [{ code: "C3", key: "concealment.C3", hint_key: null }],
          personal: false,
          required: false,
        },
      ],
    },
  ],
  watchlist: [],
  weight_tolerance_percent: 5,
  max_photo_bytes: 1,
} as ReferenceData;

describe("labelled", () => {
  it("names codes from the reference data and the cases with none", () => {
    const list = codeList(reference, "concealment_method");
    const rows = labelled(
      [
        { key: "C3", cases: 2, seized_kg: 10 },
        { key: "", cases: 1, seized_kg: 0 },
        { key: "C99", cases: 1, seized_kg: 0 },
      ],
      list,
    );
    expect(rows.map((r) => r.label)).toEqual(["C3 False floor", "Not recorded", "C99"]);
  });
  it("finds no list for a field the reference data lacks", () => {
    expect(codeList(reference, "outcome_code")).toEqual([]);
  });
});

describe("kilograms", () => {
  it("groups thousands and keeps one decimal when there is one", () => {
    expect(kilograms(1234.5)).toBe("1,234.5 kg");
    expect(kilograms(1000)).toBe("1,000 kg");
    expect(kilograms(0.04)).toBe("0 kg");
  });
});

describe("routeText", () => {
  it("names each part and the unknown ones", () => {
    expect(routeText({ origin: "CN", transshipment: "SG AE", destination: "NL", cases: 1, seized_kg: 0 })).toBe("CN → SG, AE → NL");
    expect(routeText({ origin: "", transshipment: "", destination: "NL", cases: 1, seized_kg: 0 })).toBe("— → — → NL");
  });
});
