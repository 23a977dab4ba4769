// Route legs for the map: countries in travel order, legs summed across routes, widths by cases.
import { describe, expect, it } from "vitest";
import type { RouteCount } from "./bindings";
import { countriesOf, legsOf, legWidth, routeCountries } from "./routeMap";

const route = (origin: string, transshipment: string, destination: string, cases: number, seized_kg = 0): RouteCount => ({
  origin,
  transshipment,
  destination,
  cases,
  seized_kg,
});

describe("route legs", () => {
  it("reads a route's countries in order, a stay in one country once", () => {
    expect(routeCountries(route("CN", "TH MY", "MX", 1))).toEqual(["CN", "TH", "MY", "MX"]);
    expect(routeCountries(route("CN", "", "CN", 1))).toEqual(["CN"]);
    expect(routeCountries(route("", "", "", 1))).toEqual([]);
  });

  it("sums the legs routes share and orders them by cases", () => {
    const legs = legsOf([route("CN", "TH", "MX", 3, 100), route("CN", "TH", "US", 2, 50), route("VN", "", "MX", 1)]);
    expect(legs).toEqual([
      { from: "CN", to: "TH", cases: 5, seized_kg: 150 },
      { from: "TH", to: "MX", cases: 3, seized_kg: 100 },
      { from: "TH", to: "US", cases: 2, seized_kg: 50 },
      { from: "VN", to: "MX", cases: 1, seized_kg: 0 },
    ]);
    expect(countriesOf(legs)).toEqual(["CN", "MX", "TH", "US", "VN"]);
  });

  it("widens a leg by the square root of its share of the most cases", () => {
    expect(legWidth(100, 100)).toBe(14);
    expect(legWidth(25, 100)).toBe(8);
    expect(legWidth(0, 0)).toBe(2);
  });
});
