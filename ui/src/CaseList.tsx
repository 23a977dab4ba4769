import { useEffect, useRef, useState } from "react";
import type { AppInfo, CaseFilter, CaseSort, CaseStatus, CaseSummary, VaultReport, VerifyReport } from "./bindings";
import { call, callBeside, CallError } from "./ipc";
import { FLAG_LABELS, localTime, nextSort } from "./format";

const COLUMNS: { sort: CaseSort; label: string }[] = [
  { sort: "case_number", label: "Case number" },
  { sort: "port", label: "Port" },
  { sort: "status", label: "Status" },
  { sort: "container", label: "Container" },
  { sort: "flags", label: "Flags" },
  { sort: "opened_at", label: "Opened" },
  { sort: "updated_at", label: "Last change" },
];

export function CaseList(props: {
  info: AppInfo;
  syncedAt: string | null;
  onOpen: (id: string) => void;
  onInfo: (i: AppInfo) => void;
}) {
  const [filter, setFilter] = useState<CaseFilter>({ status: null, flagged_only: false, sort: "updated_at", descending: true });
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [checking, setChecking] = useState(false);
  const [evidence, setEvidence] = useState<{ log: VerifyReport; vault: VaultReport } | null>(null);
  const [search, setSearch] = useState("");

  // Results as you type: the list follows the search box once typing pauses briefly.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setFilter((f) => ((f.search ?? "") === search ? f : { ...f, search: search || null }));
    }, 150);
    return () => window.clearTimeout(timer);
  }, [search]);

  async function checkEvidence() {
    setChecking(true);
    try {
      const [log, vault] = await Promise.all([callBeside("verify_log", {}), callBeside("check_vault", {})]);
      setEvidence({ log, vault });
    } catch (e) {
      setError((e as CallError).message);
    } finally {
      setChecking(false);
    }
  }

  useEffect(() => {
    call("list_cases", filter)
      .then((c) => {
        setCases(c);
        setError(null);
      })
      .catch((e: CallError) => setError(e.message));
    // Read again after each sync too: it may bring cases opened on other devices.
  }, [filter, props.syncedAt]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "n") {
        e.preventDefault();
        setCreating(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <main className="list">
      <div className="toolbar">
        <h1>Cases</h1>
        <input
          type="search"
          className="search"
          placeholder="Search numbers, seals, parties, notes…"
          aria-label="Search cases"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="case-search"
        />
        <label>
          Status{" "}
          <select
            data-testid="status-filter"
            value={filter.status ?? ""}
            onChange={(e) => setFilter({ ...filter, status: (e.target.value || null) as CaseStatus | null })}
          >
            <option value="">All</option>
            <option value="open">Open</option>
            <option value="closed">Closed</option>
            <option value="withdrawn">Withdrawn</option>
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={filter.flagged_only}
            onChange={(e) => setFilter({ ...filter, flagged_only: e.target.checked })}
          />
          Flagged only
        </label>
        <span className="spacer" />
        <button onClick={() => void checkEvidence()} disabled={checking} data-testid="check-evidence" title="Re-check every signature and every photo">
          {checking ? "Checking…" : "Check evidence"}
        </button>
        <button className="primary" onClick={() => setCreating(true)} data-testid="new-case" title="Ctrl+N">
          New case
        </button>
      </div>
      {creating && (
        <NewCase
          defaultPort={props.info.default_port ?? ""}
          onCancel={() => setCreating(false)}
          onCreated={(id) => props.onOpen(id)}
        />
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {evidence && <EvidenceReport {...evidence} onClose={() => setEvidence(null)} />}
      {cases && cases.length === 0 && (
        <p className="empty">
          No cases {filter.status || filter.flagged_only || filter.search ? "match these filters" : "yet: press New case (Ctrl+N)"}.
        </p>
      )}
      {cases && cases.length > 0 && (
        <table className="cases" data-testid="case-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.sort} aria-sort={filter.sort === c.sort ? (filter.descending ? "descending" : "ascending") : "none"}>
                  <button onClick={() => setFilter({ ...filter, ...nextSort(filter, c.sort) })}>
                    {c.label}
                    {filter.sort === c.sort ? (filter.descending ? " ▼" : " ▲") : ""}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr
                key={c.id}
                tabIndex={0}
                data-testid="case-row"
                onClick={() => props.onOpen(c.id)}
                onKeyDown={(e) => e.key === "Enter" && props.onOpen(c.id)}
              >
                <td className="mono">
                  <button className="link" data-testid="open-case" onClick={() => props.onOpen(c.id)} tabIndex={-1}>
                    {c.case_number}
                  </button>
                </td>
                <td>{c.port}</td>
                <td>
                  <span className={`status ${c.status}`}>{c.status}</span>
                </td>
                <td className="mono">{c.container_number ?? ""}</td>
                <td>
                  {c.flags.map((f) => (
                    <span key={f} className="flag" data-flag={f}>
                      {FLAG_LABELS[f]}
                    </span>
                  ))}
                </td>
                <td>{localTime(c.opened_at)}</td>
                <td>{localTime(c.updated_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

function NewCase(props: { defaultPort: string; onCancel: () => void; onCreated: (id: string) => void }) {
  const [port, setPort] = useState(props.defaultPort);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
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
      setError((err as CallError).message);
      setPending(false);
    }
  };
  return (
    <form className="card new-case" onSubmit={submit} onKeyDown={(e) => e.key === "Escape" && props.onCancel()}>
      <label>
        Port of inspection (UN/LOCODE)
        <input
          ref={input}
          value={port}
          placeholder="e.g. NLRTM"
          onChange={(e) => setPort(e.target.value)}
          data-testid="new-case-port"
          aria-invalid={error ? true : undefined}
        />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" data-testid="new-case-create" disabled={pending}>
        Open case
      </button>
      <button type="button" onClick={props.onCancel}>
        Cancel
      </button>
    </form>
  );
}

function EvidenceReport(props: { log: VerifyReport; vault: VaultReport; onClose: () => void }) {
  const { log, vault } = props;
  const problems = log.problems.length + vault.problems.length;
  return (
    <div className={`card evidence ${problems ? "bad" : "ok"}`} role="status" data-testid="evidence-report">
      {problems === 0 ? (
        <strong>
          Verified: {log.events} events from {log.devices} device{log.devices === 1 ? "" : "s"}, {vault.photos_checked} photo
          {vault.photos_checked === 1 ? "" : "s"}. Every signature, device chain and photo is as recorded.
        </strong>
      ) : (
        <>
          <strong className="error">{problems} problem{problems === 1 ? "" : "s"} found</strong>
          <ul>
            {log.problems.map((p) => (
              <li key={`e-${p.event_id}-${p.what}`}>
                Event {p.event_id} (device {p.device_id.slice(0, 8)}, sequence {p.device_seq}): {p.what}
              </li>
            ))}
            {vault.problems.map((p) => (
              <li key={`p-${p.case_id}-${p.sha256}`}>
                Photo {p.file_name} of case {p.case_number}: {p.problem}
              </li>
            ))}
          </ul>
        </>
      )}{" "}
      <button className="quiet" onClick={props.onClose}>
        Close
      </button>
    </div>
  );
}
