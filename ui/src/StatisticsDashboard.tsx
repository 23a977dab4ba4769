// The statistics screen: charts and tables of the cases the list's filters select.
import { useEffect, useState, type Dispatch, type SetStateAction } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CaseFilter, ReferenceData, Statistics } from "./bindings";
import { call, CallError } from "./ipc";
import { statisticsFilter } from "./caseFilter";
import { errorText, formatNumber, label, t } from "./labels";
import { CODE_FIELDS, codeList, kilograms, labelled, overTime, routePart, routeText, type LabelledBucket } from "./statistics";
import { FilterBar } from "./FilterBar";
import { ExportResult, useExport } from "./ExportResult";

const CASES_COLOUR = "#1d4ed8";
const KG_COLOUR = "#b45309";

/** Axis ticks and tooltips: counts and kilograms in the reader's language. */
const tick = (n: number) => formatNumber(n);
const tooltipValue = (value: unknown) => (typeof value === "number" ? formatNumber(value, 1) : String(value));
const wholeNumber = (n: number) => formatNumber(n, 0);

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
          onClick={() => exported.run(() => call("export_statistics", { filter: JSON.parse(selection) as CaseFilter }))}
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
          <BucketChart title={t("stats.by_concealment")} testid="stats-by-concealment" rows={labelled(stats.by_concealment, list(CODE_FIELDS.concealment))} />
          <BucketChart title={t("stats.by_material")} testid="stats-by-material" rows={labelled(stats.by_material, list(CODE_FIELDS.material))} />
          <BucketChart title={t("stats.by_outcome")} testid="stats-by-outcome" rows={labelled(stats.by_outcome, list(CODE_FIELDS.outcome))} />
          <BucketChart title={t("stats.by_detection")} testid="stats-by-detection" rows={labelled(stats.by_detection, list(CODE_FIELDS.detection))} />
          <OverTime period={period} onPeriod={setPeriod} rows={overTime(period === "week" ? stats.by_week : stats.by_month)} />
          <Routes stats={stats} />
        </div>
      )}
    </main>
  );
}

/** Cases (left axis) and kilograms (right axis) per code, with the numbers in a table beside. */
function BucketChart(props: { title: string; testid: string; rows: LabelledBucket[] }) {
  const { rows } = props;
  const headingId = `${props.testid}-title`;
  return (
    <section className="section chart" aria-labelledby={headingId}>
      <h2 id={headingId}>{props.title}</h2>
      {rows.length === 0 ? (
        <p className="empty">{t("stats.none_recorded")}</p>
      ) : (
        <>
          <div className="chart-area" aria-hidden="true">
            <ResponsiveContainer width="100%" height={220}>
              <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" interval={0} tick={{ fontSize: 11 }} />
                <YAxis yAxisId="cases" allowDecimals={false} tickFormatter={tick} />
                <YAxis yAxisId="kg" orientation="right" tickFormatter={tick} />
                <Tooltip formatter={tooltipValue} />
                <Legend />
                <Bar yAxisId="cases" dataKey="cases" name={t("stats.cases")} fill={CASES_COLOUR} isAnimationActive={false} />
                <Bar yAxisId="kg" dataKey="seized_kg" name={t("stats.seized_kg")} fill={KG_COLOUR} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <NumbersTable testid={props.testid} caption={props.title} keyLabel="" rows={rows} />
        </>
      )}
    </section>
  );
}

function OverTime(props: { period: "week" | "month"; onPeriod: (p: "week" | "month") => void; rows: LabelledBucket[] }) {
  const { rows } = props;
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
              <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" tick={{ fontSize: 11 }} />
                <YAxis yAxisId="cases" allowDecimals={false} tickFormatter={tick} />
                <YAxis yAxisId="kg" orientation="right" tickFormatter={tick} />
                <Tooltip formatter={tooltipValue} />
                <Legend />
                <Line yAxisId="cases" dataKey="cases" name={t("stats.cases")} stroke={CASES_COLOUR} strokeWidth={2} isAnimationActive={false} />
                <Line yAxisId="kg" dataKey="seized_kg" name={t("stats.seized_kg")} stroke={KG_COLOUR} strokeWidth={2} isAnimationActive={false} />
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
function NumbersTable(props: { testid: string; caption: string; keyLabel: string; rows: LabelledBucket[] }) {
  return (
    <table className="numbers" data-testid={props.testid}>
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

function Routes({ stats }: { stats: Statistics }) {
  return (
    <section className="section chart wide" aria-labelledby="stats-routes-title">
      <h2 id="stats-routes-title">{t("stats.routes")}</h2>
      {stats.routes.length === 0 ? (
        <p className="empty">{t("stats.no_routes")}</p>
      ) : (
        <table className="numbers routes" data-testid="stats-routes">
          <thead>
            <tr>
              <th scope="col">{label("route_role.origin")}</th>
              <th scope="col">{label("route_role.transshipment")}</th>
              <th scope="col">{label("route_role.destination")}</th>
              <th scope="col">{t("stats.cases")}</th>
              <th scope="col">{t("stats.seized")}</th>
            </tr>
          </thead>
          <tbody>
            {stats.routes.map((r) => (
              <tr key={`${r.origin}|${r.transshipment}|${r.destination}`} aria-label={routeText(r)} data-cases={r.cases}>
                <td>{routePart(r.origin)}</td>
                <td>{routePart(r.transshipment)}</td>
                <td>{routePart(r.destination)}</td>
                <td>{wholeNumber(r.cases)}</td>
                <td>{kilograms(r.seized_kg)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
