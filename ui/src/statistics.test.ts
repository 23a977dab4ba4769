// Statistics buckets turned into labelled rows, weights and routes.
import { beforeEach, describe, expect, it } from "vitest";
import type { ReferenceData } from "./bindings";
import { useCatalogue } from "./testCatalogue";
import { codeList, kilograms, labelled, overTime, periodLabel, routeText } from "./statistics";

beforeEach(() => useCatalogue());

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
    expect(rows.map((r) => r.label)).toEqual(["C3 Hidden inside articles or liquids", "Not recorded", "C99"]);
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
  it("writes the number and the unit as the reader's language does", () => {
    useCatalogue("es");
    expect(kilograms(12345.5)).toBe("12.345,5 kg");
    useCatalogue("zh-CN");
    expect(kilograms(1234.5)).toBe("1,234.5千克");
    useCatalogue("th");
    expect(kilograms(1234.5)).toBe("1,234.5 กก.");
  });
});

describe("periodLabel", () => {
  it("keeps the ISO week in English and names months as the reader does", () => {
    expect(periodLabel("2026-W07")).toBe("2026-W07");
    expect(periodLabel("2026-02")).toBe("Feb 2026");
    expect(overTime([{ key: "2026-W48", cases: 2, seized_kg: 1450 }])).toEqual([{ key: "2026-W48", label: "2026-W48", cases: 2, seized_kg: 1450 }]);
  });
  it("numbers the year in the reader's calendar", () => {
    useCatalogue("th");
    expect(periodLabel("2026-W07")).toBe("สัปดาห์ที่ 07/2569");
    expect(periodLabel("2026-02")).toBe("ก.พ. 2569");
    useCatalogue("zh-CN");
    expect(periodLabel("2026-W07")).toBe("2026年第07周");
    expect(periodLabel("2026-02")).toBe("2026年2月");
    useCatalogue("es");
    expect(periodLabel("2026-W07")).toBe("Sem. 07/2026");
  });
  it("leaves a key it does not know as it is", () => {
    expect(periodLabel("")).toBe("");
    expect(periodLabel("2026")).toBe("2026");
  });
});

describe("routeText", () => {
  it("names each part and the unknown ones", () => {
    expect(routeText({ origin: "CN", transshipment: "SG AE", destination: "NL", cases: 1, seized_kg: 0 })).toBe("CN → SG, AE → NL");
    expect(routeText({ origin: "", transshipment: "", destination: "NL", cases: 1, seized_kg: 0 })).toBe("— → — → NL");
  });
});
