// Statistics buckets turned into labelled rows, weights and routes.
import { setBuddhistEra } from "./labels";
import { beforeEach, describe, expect, it } from "vitest";
import type { ReferenceData } from "./bindings";
import { useCatalogue } from "./testCatalogue";
import { axisTicks, axisWidth, codeList, fitLabel, kilograms, labelled, overTime, periodLabel, routePart, textEm } from "./statistics";

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
          entries_of: null,
          personal: false,
          required: false,
        },
      ],
    },
  ],
  watchlist: [],
  weight_tolerance_percent: 5,
  max_photo_bytes: 1,
  max_document_bytes: 1,
  flags: [],
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
    expect(periodLabel("2026-W07")).toBe("สัปดาห์ที่ 07/2026");
    setBuddhistEra(true);
    expect(periodLabel("2026-W07")).toBe("สัปดาห์ที่ 07/2569");
    expect(periodLabel("2026-02")).toBe("ก.พ. 2569");
    setBuddhistEra(false);
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

describe("routePart", () => {
  it("names each country of a leg in order, and a leg not known", () => {
    expect(routePart("CN")).toBe("CN");
    expect(routePart("SG MY SG")).toBe("SG, MY, SG");
    expect(routePart("")).toBe("—");
  });
});

describe("axisTicks", () => {
  it("counts one case as 0 and 1, not 0 to 4 in quarters", () => {
    expect(axisTicks(1, true)).toEqual([0, 1]);
    expect(axisTicks(2, true)).toEqual([0, 1, 2]);
    expect(axisTicks(4, true)).toEqual([0, 1, 2, 3, 4]);
    expect(axisTicks(5, true)).toEqual([0, 2, 4, 6]);
    expect(axisTicks(0, true)).toEqual([0, 1]);
  });
  it("keeps counts whole and at most five ticks, up to a hundred thousand cases and beyond", () => {
    for (const max of [1, 3, 7, 9, 11, 26, 99, 101, 1234, 99_999, 100_000, 123_456, 2_500_001]) {
      const ticks = axisTicks(max, true);
      expect(ticks.every(Number.isInteger), `${max}: ${ticks}`).toBe(true);
      expect(ticks.length, `${max}: ${ticks}`).toBeLessThanOrEqual(5);
      expect(ticks[0]).toBe(0);
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
      expect(ticks[ticks.length - 2]).toBeLessThan(max);
    }
    expect(axisTicks(100_000, true)).toEqual([0, 25_000, 50_000, 75_000, 100_000]);
  });
  it("lets kilograms have fractions, without floating-point noise", () => {
    expect(axisTicks(2400, false)).toEqual([0, 1000, 2000, 3000]);
    expect(axisTicks(0.3, false)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(axisTicks(1, false)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(axisTicks(0, false)).toEqual([0, 1]);
    expect(axisTicks(Number.NaN, false)).toEqual([0, 1]);
  });
});

describe("fitLabel", () => {
  it("leaves a label that fits as it is", () => {
    expect(fitLabel("O4 Seized", 10)).toBe("O4 Seized");
  });
  it("cuts a long label within its room, with an ellipsis", () => {
    const long = "C3 Hidden inside articles or liquids";
    const cut = fitLabel(long, 12);
    expect(cut.endsWith("…")).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(textEm(cut)).toBeLessThanOrEqual(12);
  });
  it("counts Chinese characters as wide and Thai marks as taking no room", () => {
    expect(textEm("藏匿方式")).toBe(4);
    expect(fitLabel("隐藏在物品或液体内部的货物", 6)).toBe("隐藏在物品…");
    // ซ่ (a letter and its tone mark) is one place wide, and a cut never parts them.
    expect(textEm("ซ่อน")).toBeCloseTo(1.8);
    expect(fitLabel("ซุกซ่อนในสินค้าหรือของเหลว", 4)).toBe("ซุกซ่อน…");
    expect(fitLabel("กี่กี่กี่กี่", 2.2)).toBe("กี่กี่…");
  });
});

describe("axisWidth", () => {
  it("makes room for the widest tick label", () => {
    expect(axisWidth(["0", "50,000", "100,000"], 11)).toBe(Math.ceil(7 * 0.6 * 11) + 12);
    expect(axisWidth([], 11)).toBe(Math.ceil(11) + 12);
  });
});
