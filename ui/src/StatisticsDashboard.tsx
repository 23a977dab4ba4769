// The statistics screen: charts and tables of the cases the list's filters select.
import { useEffect, useState, type Dispatch, type SetStateAction } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CaseFilter, FlagCode, ReferenceData, Statistics } from "./bindings";
import { call, CallError, saveExport } from "./ipc";
import { statisticsFilter } from "./caseFilter";
import { errorText, flagLabel, formatNumber, label, t } from "./labels";
import { axisTicks, axisWidth, CODE_FIELDS, codeList, fitLabel, kilograms, labelled, overTime, routePart, textEm, type LabelledBucket } from "./statistics";
import { FilterBar } from "./FilterBar";
import { RouteMap } from "./RouteMap";
import { ExportResult, useExport } from "./ExportResult";

const CASES_COLOUR = "#1d4ed8";
const KG_COLOUR = "#b45309";

/** Axis ticks and tooltips: counts and kilograms in the reader's language. */
const tick = (n: number) => formatNumber(n);
const tooltipValue = (value: unknown) => (typeof value === "number" ? formatNumber(value, 1) : String(value));
const wholeNumber = (n: number) => formatNumber(n, 0);

const FONT_PX = 11;
/** The widest a bar chart's category labels may take; longer ones are cut, whole in their title. */
const LABEL_MAX_PX = 190;
const BAR_ROW_PX = 34;

/** The axes of counts (whole numbers) and of kilograms, scaled to the largest value shown. */
function scales(rows: LabelledBucket[]) {
  const cases = axisTicks(Math.max(0, ...rows.map((r) => r.cases)), true);
  const kg = axisTicks(Math.max(0, ...rows.map((r) => r.seized_kg)), false);
  return {
    cases: { ticks: cases, domain: [0, cases[cases.length - 1]] as [number, number], width: axisWidth(cases.map(tick), FONT_PX) },
    kg: { ticks: kg, domain: [0, kg[kg.length - 1]] as [number, number], width: axisWidth(kg.map(tick), FONT_PX) },
  };
}

/** A category label that fits beside its bars; the whole label shows on hover. */
function CategoryTick(props: { x?: number | string; y?: number | string; payload?: { value?: unknown }; maxEm: number }) {
  const full = String(props.payload?.value ?? "");
  return (
    <text x={props.x} y={props.y} dy="0.35em" textAnchor="end" fontSize={FONT_PX} fill="currentColor">
      <title>{full}</title>
      {fitLabel(full, props.maxEm)}
    </text>
  );
}

/** Counts and kilograms of the cases the shared filter selects: every chart follows the list's filters. */
export function StatisticsDashboard(props: {
  reference: ReferenceData;
  filter: CaseFilter;
  onFilter: Dispatch<SetStateAction<CaseFilter>>;
  syncedAt: string | null;
}) {
  const { reference, filter, onFilter } = props;
  const [stats, setStats] = useState<Statistics | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [period, setPeriod] = useState<"week" | "month">("month");
  const exported = useExport();
  const selection = JSON.stringify(statisticsFilter({ ...filter, sort: "updated_at", descending: true }));

  useEffect(() => {
    let current = true;
    call("statistics", JSON.parse(selection) as CaseFilter)
      .then((s) => {
        if (!current) return;
        setStats(s);
        setError(null);
      })
      .catch((e: CallError) => current && setError(errorText(e)));
    return () => {
      current = false;
    };
  }, [selection, props.syncedAt]);

  const list = (field: (typeof CODE_FIELDS)[keyof typeof CODE_FIELDS]) => codeList(reference, field);

  return (
    <main className="list stats" data-testid="statistics">
      <div className="toolbar">
        <h1>{t("stats.title")}</h1>
        {stats && (
          <strong className="stats-total" data-testid="stats-total" data-total={stats.total_cases} data-kg={stats.total_seized_kg}>
            {t("stats.total", { count: stats.total_cases, weight: kilograms(stats.total_seized_kg) })}
          </strong>
        )}
        <span className="spacer" />
        <button
          onClick={() => exported.run(() => saveExport("export_statistics", { filter: JSON.parse(selection) as CaseFilter }))}
          disabled={exported.busy}
          data-testid="export-shared-stats"
          title={t("stats.export_hint")}
        >
          {t("stats.export")}
        </button>
      </div>
      <FilterBar filter={filter} reference={reference} onChange={onFilter} withSearch />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <ExportResult state={exported} onDismiss={exported.dismiss} />
      {stats && (
        <div className="charts">
          {/* A case can count in several rows of these three; each says how its weight is shared. */}
          <BucketChart
            title={t("stats.by_concealment")}
            testid="stats-by-concealment"
            rows={labelled(stats.by_concealment, list(CODE_FIELDS.concealment))}
            note={t("stats.note_concealment")}
          />
          <BucketChart
            title={t("stats.by_material")}
            testid="stats-by-material"
            rows={labelled(stats.by_material, list(CODE_FIELDS.material))}
            note={t("stats.note_material")}
          />
          <BucketChart title={t("stats.by_outcome")} testid="stats-by-outcome" rows={labelled(stats.by_outcome, list(CODE_FIELDS.outcome))} />
          <BucketChart
            title={t("stats.by_detection")}
            testid="stats-by-detection"
            rows={labelled(stats.by_detection, list(CODE_FIELDS.detection))}
            note={t("stats.note_detection")}
          />
          <BucketChart
            title={t("stats.by_flag")}
            testid="stats-by-flag"
            rows={stats.by_flag.map((b) => ({ ...b, label: b.key ? flagLabel(b.key as FlagCode) : t("stats.no_flag") }))}
            note={t("stats.note_flag")}
          />
          <OverTime period={period} onPeriod={setPeriod} rows={overTime(period === "week" ? stats.by_week : stats.by_month)} />
          <Routes stats={stats} />
        </div>
      )}
    </main>
  );
}

/**
 * Cases (bottom axis) and kilograms (top axis) per code, as horizontal bars so long labels have
 * room, with the numbers in a table below. The chart is a picture of the table: hidden from
 * screen readers, and nothing in it takes focus.
 */
function BucketChart(props: { title: string; testid: string; rows: LabelledBucket[]; note?: string }) {
  const { rows } = props;
  const headingId = `${props.testid}-title`;
  const noteId = `${props.testid}-note`;
  const scale = scales(rows);
  const labelPx = Math.min(LABEL_MAX_PX, Math.ceil(Math.max(0, ...rows.map((r) => textEm(r.label))) * FONT_PX) + 12);
  return (
    <section className="section chart" aria-labelledby={headingId}>
      <h2 id={headingId}>{props.title}</h2>
      {rows.length === 0 ? (
        <p className="empty">{t("stats.none_recorded")}</p>
      ) : (
        <>
          <div className="chart-area" aria-hidden="true">
            <ResponsiveContainer width="100%" height={rows.length * BAR_ROW_PX + 96}>
              <BarChart layout="vertical" data={rows} accessibilityLayer={false} margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} xAxisId="cases" />
                <YAxis type="category" dataKey="label" width={labelPx} interval={0} tick={<CategoryTick maxEm={(labelPx - 12) / FONT_PX} />} />
                <XAxis
                  xAxisId="cases"
                  type="number"
                  orientation="bottom"
                  allowDecimals={false}
                  ticks={scale.cases.ticks}
                  domain={scale.cases.domain}
                  tickFormatter={tick}
                  tick={{ fontSize: FONT_PX, fill: CASES_COLOUR }}
                />
                <XAxis
                  xAxisId="kg"
                  type="number"
                  orientation="top"
                  ticks={scale.kg.ticks}
                  domain={scale.kg.domain}
                  tickFormatter={tick}
                  tick={{ fontSize: FONT_PX, fill: KG_COLOUR }}
                />
                <Tooltip formatter={tooltipValue} />
                <Legend />
                <Bar xAxisId="cases" dataKey="cases" name={t("stats.cases")} fill={CASES_COLOUR} isAnimationActive={false} />
                <Bar xAxisId="kg" dataKey="seized_kg" name={t("stats.seized_kg")} fill={KG_COLOUR} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          {props.note && (
            <p className="hint" id={noteId}>
              {props.note}
            </p>
          )}
          <NumbersTable testid={props.testid} caption={props.title} keyLabel="" rows={rows} describedBy={props.note ? noteId : undefined} />
        </>
      )}
    </section>
  );
}

function OverTime(props: { period: "week" | "month"; onPeriod: (p: "week" | "month") => void; rows: LabelledBucket[] }) {
  const { rows } = props;
  const scale = scales(rows);
  const dots = rows.length <= 36;
  return (
    <section className="section chart wide" aria-labelledby="stats-over-time-title">
      <div className="chart-head">
        <h2 id="stats-over-time-title">{t("stats.over_time")}</h2>
        <div className="toggle" role="group" aria-label={t("stats.period")}>
          <button aria-pressed={props.period === "week"} onClick={() => props.onPeriod("week")} data-testid="stats-period-week">
            {t("stats.by_week")}
          </button>
          <button aria-pressed={props.period === "month"} onClick={() => props.onPeriod("month")} data-testid="stats-period-month">
            {t("stats.by_month")}
          </button>
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="empty">{t("stats.no_cases")}</p>
      ) : (
        <>
          <div className="chart-area" aria-hidden="true">
            <ResponsiveContainer width="100%" height={240}>
              <LineChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} yAxisId="cases" />
                {/* Periods are skipped where they would overlap: a hundred weeks do not fit. */}
                <XAxis dataKey="label" tick={{ fontSize: FONT_PX }} interval="preserveStartEnd" minTickGap={12} />
                <YAxis
                  yAxisId="cases"
                  allowDecimals={false}
                  ticks={scale.cases.ticks}
                  domain={scale.cases.domain}
                  width={scale.cases.width}
                  tickFormatter={tick}
                  tick={{ fontSize: FONT_PX, fill: CASES_COLOUR }}
                />
                <YAxis
                  yAxisId="kg"
                  orientation="right"
                  ticks={scale.kg.ticks}
                  domain={scale.kg.domain}
                  width={scale.kg.width}
                  tickFormatter={tick}
                  tick={{ fontSize: FONT_PX, fill: KG_COLOUR }}
                />
                <Tooltip formatter={tooltipValue} />
                <Legend />
                {/* A single period is a dot, no line; a hundred dots would hide the lines. */}
                <Line yAxisId="cases" dataKey="cases" name={t("stats.cases")} stroke={CASES_COLOUR} strokeWidth={2} dot={dots} isAnimationActive={false} />
                <Line yAxisId="kg" dataKey="seized_kg" name={t("stats.seized_kg")} stroke={KG_COLOUR} strokeWidth={2} dot={dots} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
          <NumbersTable
            testid="stats-over-time"
            caption={props.period === "week" ? t("stats.cases_by_week") : t("stats.cases_by_month")}
            keyLabel={props.period === "week" ? t("stats.week") : t("stats.month")}
            rows={rows}
          />
        </>
      )}
    </section>
  );
}

/** The chart's numbers, for screen readers, for reading exact values, and for the e2e tests. */
function NumbersTable(props: { testid: string; caption: string; keyLabel: string; rows: LabelledBucket[]; describedBy?: string }) {
  return (
    <table className="numbers" data-testid={props.testid} aria-describedby={props.describedBy}>
      <caption className="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.keyLabel}</th>
          <th scope="col">{t("stats.cases")}</th>
          <th scope="col">{t("stats.seized")}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.key} data-key={r.key} data-cases={r.cases}>
            <th scope="row">{r.label}</th>
            <td>{wholeNumber(r.cases)}</td>
            <td>{kilograms(r.seized_kg)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const LEG = { textAlign: "left" } as const;

/** One row per route: origin, transshipment and destination each in its own column, then the figures. */
function Routes({ stats }: { stats: Statistics }) {
  return (
    <section className="section chart wide" aria-labelledby="stats-routes-title">
      <h2 id="stats-routes-title">{t("stats.routes")}</h2>
      {stats.routes.length === 0 ? (
        <p className="empty">{t("stats.no_routes")}</p>
      ) : (
        <>
        <RouteMap routes={stats.routes} />
        <table className="numbers routes" data-testid="stats-routes">
          <thead>
            <tr>
              {/* Each leg's heading sits over its cells: left, as the countries are, not right as numbers. */}
              <th scope="col" style={LEG}>
                {label("route_role.origin")}
              </th>
              <th scope="col" style={LEG}>
                {label("route_role.transshipment")}
              </th>
              <th scope="col" style={LEG}>
                {label("route_role.destination")}
              </th>
              <th scope="col">{t("stats.cases")}</th>
              <th scope="col">{t("stats.seized")}</th>
            </tr>
          </thead>
          <tbody>
            {stats.routes.map((r) => (
              <tr key={`${r.origin}|${r.transshipment}|${r.destination}`} data-cases={r.cases}>
                <td>{routePart(r.origin)}</td>
                <td>{routePart(r.transshipment)}</td>
                <td>{routePart(r.destination)}</td>
                <td>{wholeNumber(r.cases)}</td>
                <td>{kilograms(r.seized_kg)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </>
      )}
    </section>
  );
}
