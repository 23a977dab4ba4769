// The case list: filters, sortable columns, paging and exports of what it shows. A table: each row
// is headed by its case number, a button that opens the case.
import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from "react";
import type { AppInfo, CaseFilter, CaseSort, CaseSummary, ReferenceData } from "./bindings";
import { call, saveExport } from "./ipc";
import { nextSort } from "./format";
import { errorText, flagLabel, formatDateTime, label, stateLabel, t } from "./labels";
import { everyPage, narrowingCount, nextOffset, pageLabel, pageOf, previousOffset, refine } from "./caseFilter";
import { FilterBar } from "./FilterBar";
import { ExportResult, useExport } from "./ExportResult";
import { EvidenceReport, useEvidenceCheck } from "./EvidenceReport";
import type { ListRequest } from "./App";
import { ariaKeys } from "./shortcuts";

// Each column's heading is a catalogue key.
const COLUMNS: { sort: CaseSort | null; label: string }[] = [
  { sort: "case_number", label: "cases.column.case_number" },
  { sort: "port", label: "cases.column.port" },
  { sort: "status", label: "cases.column.status" },
  { sort: "container", label: "cases.column.container" },
  { sort: "flags", label: "cases.column.flags" },
  { sort: "opened_at", label: "cases.column.opened" },
  { sort: "updated_at", label: "cases.column.last_change" },
];
export function CaseList(props: {
  info: AppInfo;
  reference: ReferenceData;
  filter: CaseFilter;
  onFilter: Dispatch<SetStateAction<CaseFilter>>;
  syncedAt: string | null;
  onOpen: (id: string) => void;
  /** A shortcut's request (a new case, the search box), taken once. */
  request: ListRequest | null;
  onRequestTaken: () => void;
}) {
  const { filter, onFilter, request, onRequestTaken } = props;
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const evidence = useEvidenceCheck(setError);
  const exported = useExport();

  useEffect(() => {
    let current = true;
    Promise.all([call("list_cases", pageOf(filter)), call("count_cases", everyPage(filter))])
      .then(([page, count]) => {
        if (!current) return;
        setCases(page);
        setTotal(count.total);
        setError(null);
      })
      .catch((e: unknown) => current && setError(errorText(e)));
    return () => {
      current = false;
    };
    // Read again after each sync too: it may bring cases opened on other devices.
  }, [filter, props.syncedAt]);

  const newCaseButton = useRef<HTMLButtonElement>(null);
  const portInput = useRef<HTMLInputElement>(null);
  const [searchAsked, setSearchAsked] = useState(0);
  useEffect(() => {
    if (!request) return;
    onRequestTaken();
    if (request.kind === "search") setSearchAsked((n) => n + 1);
    // Already open: the cursor back in its port field.
    else if (creating) portInput.current?.focus();
    else setCreating(true);
  }, [request, onRequestTaken, creating]);
  const closeNewCase = () => {
    setCreating(false);
    newCaseButton.current?.focus();
  };

  const exportAs = (format: "csv" | "xlsx") => exported.run(() => saveExport("export_cases", { filter: everyPage(filter), format }));
  // Only the listed cases marked shareable and approved: the app says so if there are none.
  const exportForPartners = () => exported.run(() => saveExport("export_partner_cases", { filter: everyPage(filter), format: "csv" }));

  return (
    <main className="list">
      <div className="toolbar">
        <h1>{t("cases.title")}</h1>
        <span className="spacer" />
        <button onClick={() => exportAs("csv")} disabled={exported.busy || total === 0} data-testid="export-csv">
          {t("cases.export_csv")}
        </button>
        <button onClick={() => exportAs("xlsx")} disabled={exported.busy || total === 0} data-testid="export-xlsx">
          {t("cases.export_xlsx")}
        </button>
        <button onClick={exportForPartners} disabled={exported.busy || total === 0} data-testid="export-partner">
          {t("cases.export_partner")}
        </button>
        <button onClick={() => void evidence.run()} disabled={evidence.checking} data-testid="check-evidence">
          {evidence.checking ? t("cases.checking") : t("cases.check_evidence")}
        </button>
        <button
          ref={newCaseButton}
          className="primary"
          onClick={() => (creating ? portInput.current?.focus() : setCreating(true))}
          aria-keyshortcuts={ariaKeys("new_case")}
          aria-expanded={creating}
          data-testid="new-case"
        >
          {t("cases.new_case")}
        </button>
      </div>
      <FilterBar filter={filter} reference={props.reference} onChange={onFilter} withSearch searchAsked={searchAsked} onOpenCase={props.onOpen} />
      {creating && (
        <NewCase defaultPort={props.info.default_port ?? ""} input={portInput} onCancel={closeNewCase} onCreated={(id) => props.onOpen(id)} />
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <ExportResult state={exported} onDismiss={exported.dismiss} />
      {evidence.check && <EvidenceReport check={evidence.check} onClose={evidence.close} />}
      {cases && cases.length === 0 && filter.offset === 0 && (
        <p className="empty">{narrowingCount(filter) > 0 ? t("cases.empty_filtered") : t("cases.empty")}</p>
      )}
      {cases && (cases.length > 0 || filter.offset > 0) && (
        <>
          <CaseTable cases={cases} filter={filter} onFilter={onFilter} onOpen={props.onOpen} />
          <Pager offset={filter.offset} shown={cases.length} total={total ?? cases.length} onOffset={(offset) => onFilter((f) => refine(f, { offset }))} />
        </>
      )}
    </main>
  );
}

function CaseTable(props: {
  cases: CaseSummary[];
  filter: CaseFilter;
  onFilter: Dispatch<SetStateAction<CaseFilter>>;
  onOpen: (id: string) => void;
}) {
  const { filter, onOpen } = props;
  return (
    <table className="cases" data-testid="case-table">
      <thead>
        <tr>
          {COLUMNS.map((c) =>
            c.sort === null ? (
              <th key={c.label}>
                <span className="column-label">{t(c.label)}</span>
              </th>
            ) : (
              <SortableHeader key={c.sort} sort={c.sort} label={t(c.label)} filter={filter} onFilter={props.onFilter} />
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {props.cases.map((c) => {
          return (
            // A click anywhere on the row opens it too; the keyboard and screen readers use its button.
            <tr key={c.id} data-testid="case-row" onClick={() => onOpen(c.id)}>
              <th scope="row" className="mono">
                <button
                  className="link"
                  data-testid="open-case"
                  data-case={c.id}
                  onClick={(e) => {
                    e.stopPropagation();
                    onOpen(c.id);
                  }}
                >
                  {c.case_number}
                </button>
              </th>
              <td>{c.port}</td>
              <td>
                <span className={`status ${c.state}`} data-testid="case-row-state" data-state={c.state}>
                  {stateLabel(c.state)}
                </span>
              </td>
              <td className="mono">{c.container_number ?? ""}</td>
              <td>
                {c.flags.map((f) => (
                  <span key={f} className="flag" data-flag={f}>
                    {flagLabel(f)}
                  </span>
                ))}
              </td>
              <td>{formatDateTime(c.opened_at)}</td>
              <td>{formatDateTime(c.updated_at)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function SortableHeader(props: {
  sort: CaseSort;
  label: string;
  filter: CaseFilter;
  onFilter: Dispatch<SetStateAction<CaseFilter>>;
}) {
  const { sort, filter } = props;
  const sorted = filter.sort === sort;
  return (
    <th aria-sort={sorted ? (filter.descending ? "descending" : "ascending") : "none"}>
      <button onClick={() => props.onFilter((f) => refine(f, nextSort(f, sort)))} data-testid={`sort-${sort}`}>
        {props.label}
        {/* The direction is the header's aria-sort: the arrow is for the eye only. */}
        {sorted && <span aria-hidden="true">{filter.descending ? " ▼" : " ▲"}</span>}
      </button>
    </th>
  );
}

function Pager(props: { offset: number; shown: number; total: number; onOffset: (offset: number) => void }) {
  const previous = previousOffset(props.offset);
  const next = nextOffset(props.offset, props.total);
  return (
    <nav className="pager" aria-label={t("cases.pages")}>
      <button onClick={() => previous !== null && props.onOffset(previous)} disabled={previous === null} data-testid="page-previous">
        {t("cases.previous")}
      </button>
      <span data-testid="page-label" data-total={props.total} aria-live="polite">
        {pageLabel(props.offset, props.shown, props.total)}
      </span>
      <button onClick={() => next !== null && props.onOffset(next)} disabled={next === null} data-testid="page-next">
        {t("cases.next")}
      </button>
    </nav>
  );
}

function NewCase(props: {
  defaultPort: string;
  input: React.RefObject<HTMLInputElement | null>;
  onCancel: () => void;
  onCreated: (id: string) => void;
}) {
  const [port, setPort] = useState(props.defaultPort);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const input = props.input;
  useEffect(() => input.current?.focus(), [input]);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (pending) return; // a double Enter must not open two cases
    setPending(true);
    try {
      const view = await call("open_case", { port });
      // Remember the port for the next case; a failure here must not hide the new case.
      await call("set_default_port", { port }).catch(() => undefined);
      props.onCreated(view.case.id);
    } catch (err) {
      setError(errorText(err));
      setPending(false);
      input.current?.focus();
    }
  };
  return (
    <form
      className="card new-case"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key !== "Escape" || e.nativeEvent.isComposing) return;
        e.stopPropagation();
        props.onCancel();
      }}
      data-testid="new-case-form"
    >
      <label>
        {label("field.port")}
        <input
          ref={input}
          value={port}
          placeholder={t("cases.port_placeholder")}
          onChange={(e) => {
            setPort(e.target.value);
            setError(null);
          }}
          data-testid="new-case-port"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "new-case-port-error" : undefined}
        />
      </label>
      {error && (
        <p className="error" role="alert" id="new-case-port-error" data-testid="new-case-error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" data-testid="new-case-create" disabled={pending}>
        {t("cases.open_case")}
      </button>
      <button type="button" onClick={props.onCancel}>
        {t("cases.cancel")}
      </button>
    </form>
  );
}
