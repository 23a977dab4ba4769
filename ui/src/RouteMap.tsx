// The routes on a world map: country outlines bundled with the app (Natural Earth, by
// world-atlas: no tiles, the app is offline), each leg between two countries a great-circle line
// as wide as its cases and as dark as its kilograms, following the dashboard's filter. The routes
// table beside it holds the same figures for the keyboard and screen readers.
import { geoArea, geoCentroid, geoNaturalEarth1, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import countries from "i18n-iso-countries";
import { useEffect, useMemo, useState } from "react";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";
import type { RouteCount } from "./bindings";
import { intlTag, t } from "./labels";
import { countriesOf, legsOf, legWidth } from "./routeMap";

const WIDTH = 960;
const HEIGHT = 500;

type Shape = Feature<Polygon | MultiPolygon>;

function shapesOf(topology: unknown): Shape[] {
  const t = topology as Topology<{ countries: GeometryCollection }>;
  return (feature(t, t.objects.countries) as FeatureCollection<Polygon | MultiPolygon>).features;
}

/** A country's point: the centre of its largest land (France's, not the Atlantic between it and Guiana). */
function centreOf(shape: Shape): [number, number] {
  if (shape.geometry.type === "Polygon") return geoCentroid(shape);
  const parts = shape.geometry.coordinates.map((coordinates) => ({ type: "Polygon" as const, coordinates }));
  const largest = parts.reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
  return geoCentroid(largest);
}

const WORLD = shapesOf(world);

export function RouteMap(props: { routes: RouteCount[] }) {
  const legs = useMemo(() => legsOf(props.routes), [props.routes]);
  const codes = useMemo(() => countriesOf(legs), [legs]);
  const [centres, setCentres] = useState<Map<string, [number, number]>>(new Map());

  // Each country's point from the outlines drawn; the few too small for them (Singapore, Hong
  // Kong) from the finer outlines, loaded only when a route names one.
  useEffect(() => {
    let live = true;
    const found = new Map<string, [number, number]>();
    const byNumber = (shapes: Shape[]) => new Map(shapes.map((s) => [String(s.id), s]));
    const coarse = byNumber(WORLD);
    const missing: string[] = [];
    for (const code of codes) {
      const shape = coarse.get(countries.alpha2ToNumeric(code) ?? "");
      if (shape) found.set(code, centreOf(shape));
      else missing.push(code);
    }
    setCentres(new Map(found));
    if (missing.length === 0) return;
    import("world-atlas/countries-50m.json")
      .then((finer) => {
        const fine = byNumber(shapesOf(finer.default));
        for (const code of missing) {
          const shape = fine.get(countries.alpha2ToNumeric(code) ?? "");
          if (shape) found.set(code, centreOf(shape));
        }
        if (live) setCentres(new Map(found));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [codes]);

  // Centred on the western Pacific: the legs from Asia to the Americas cross it whole, and those
  // to Europe cross Asia; only the Atlantic is cut at the edges.
  const projection = useMemo(() => geoNaturalEarth1().rotate([-150, 0]).fitSize([WIDTH, HEIGHT], { type: "Sphere" }), []);
  const path = useMemo(() => geoPath(projection), [projection]);
  const outlines = useMemo(() => WORLD.map((shape) => ({ id: String(shape.id), d: path(shape) ?? "" })), [path]);
  const names = useMemo(() => new Intl.DisplayNames([intlTag()], { type: "region" }), []);
  const most = legs[0]?.cases ?? 0;
  const heaviest = Math.max(0, ...legs.map((l) => l.seized_kg));
  const onRoutes = new Set(codes.map((c) => countries.alpha2ToNumeric(c)));

  return (
    <figure className="route-map" data-testid="route-map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="route-map-title">
        <title id="route-map-title">{t("stats.map_title", { legs: legs.length, countries: codes.length })}</title>
        <defs>
          <marker id="route-map-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerUnits="userSpaceOnUse" markerWidth="14" markerHeight="14" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className="route-map-arrow" />
          </marker>
        </defs>
        <path d={path({ type: "Sphere" }) ?? ""} className="route-map-sea" />
        {outlines.map((o) => (
          <path key={o.id} d={o.d} className={onRoutes.has(o.id) ? "route-map-land on-route" : "route-map-land"} />
        ))}
        {legs.map((leg) => {
          const a = centres.get(leg.from);
          const b = centres.get(leg.to);
          if (!a || !b) return null;
          const d = path({ type: "LineString", coordinates: [a, b] }) ?? "";
          const weight = heaviest > 0 ? 0.45 + 0.5 * (leg.seized_kg / heaviest) : 0.6;
          const from = names.of(leg.from) ?? leg.from;
          const to = names.of(leg.to) ?? leg.to;
          return (
            <path
              key={`${leg.from}>${leg.to}`}
              d={d}
              className="route-map-leg"
              strokeWidth={legWidth(leg.cases, most)}
              strokeOpacity={weight}
              markerEnd="url(#route-map-arrow)"
              data-leg={`${leg.from}>${leg.to}`}
              data-cases={leg.cases}
            >
              <title>{t("stats.map_leg", { from, to, cases: leg.cases, kg: Math.round(leg.seized_kg) })}</title>
            </path>
          );
        })}
        {codes.map((code) => {
          const at = centres.get(code);
          const point = at ? projection(at) : null;
          if (!point) return null;
          return (
            <text key={code} x={point[0]} y={point[1] - 8} className="route-map-code" textAnchor="middle">
              {code}
            </text>
          );
        })}
      </svg>
    </figure>
  );
}
