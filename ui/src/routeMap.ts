// Route legs for the map: each route's countries in order (origin, transshipments, destination)
// cut into legs between neighbours, legs in both routes summed, each leg's line as wide as its
// cases call for.
import type { RouteCount } from "./bindings";

export type Leg = { from: string; to: string; cases: number; seized_kg: number };

/** The countries of a route in travel order, a country repeated in a row once. */
export function routeCountries(route: RouteCount): string[] {
  const all = [route.origin, route.transshipment, route.destination].flatMap((part) => part.split(/\s+/).filter(Boolean));
  return all.filter((c, i) => i === 0 || c !== all[i - 1]);
}

/** Every leg between two countries, the cases and kilograms of the routes that take it, most cases first. */
export function legsOf(routes: RouteCount[]): Leg[] {
  const legs = new Map<string, Leg>();
  for (const route of routes) {
    const countries = routeCountries(route);
    for (let i = 1; i < countries.length; i++) {
      const key = `${countries[i - 1]}>${countries[i]}`;
      const leg = legs.get(key) ?? { from: countries[i - 1], to: countries[i], cases: 0, seized_kg: 0 };
      leg.cases += route.cases;
      leg.seized_kg += route.seized_kg;
      legs.set(key, leg);
    }
  }
  return [...legs.values()].sort((a, b) => b.cases - a.cases || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

/** A leg's line width in px: 2 for the fewest cases to 14 for the most, by area (square root). */
export function legWidth(cases: number, most: number): number {
  if (most <= 0) return 2;
  return 2 + 12 * Math.sqrt(cases / most);
}

/** Every country a leg starts or ends in. */
export function countriesOf(legs: Leg[]): string[] {
  return [...new Set(legs.flatMap((l) => [l.from, l.to]))].sort();
}
