// The supervisors' review queue: cases waiting for a decision, filtered by port and inspector.
import { useEffect, useState } from "react";
import type { QueueFilter, ReviewQueue as Queue } from "./bindings";
import { call, CallError } from "./ipc";
import { errorText, formatDateTime, stateLabel, t } from "./labels";

/** Cases waiting for a supervisor, oldest first (the store's order), by port and inspector. */
export function ReviewQueue(props: { ports: string[]; syncedAt: string | null; onOpen: (id: string) => void }) {
  const [filter, setFilter] = useState<QueueFilter>({ port: null, inspector: null });
  const [queue, setQueue] = useState<Queue | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Ports seen in the queue stay offered once the list is narrowed to one of them.
  const [seenPorts, setSeenPorts] = useState<string[]>([]);

  useEffect(() => {
    let current = true;
    call("review_queue", filter)
      .then((q) => {
        if (!current) return;
        setQueue(q);
        setError(null);
        setSeenPorts((old) => [...new Set([...old, ...q.cases.map((c) => c.port)])].sort());
      })
      .catch((e: CallError) => current && setError(errorText(e)));
    return () => {
      current = false;
    };
  }, [filter, props.syncedAt]);

  const ports = [...new Set([...props.ports, ...seenPorts])].sort();
  return (
    <main className="list" data-testid="review-queue">
      <div className="toolbar">
        <h1>{t("queue.title")}</h1>
        <label>
          {t("queue.port")}
          <select value={filter.port ?? ""} onChange={(e) => setFilter({ ...filter, port: e.target.value || null })} data-testid="queue-port">
            <option value="">{t("queue.all")}</option>
            {ports.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("queue.inspector")}
          <select
            value={filter.inspector ?? ""}
            onChange={(e) => setFilter({ ...filter, inspector: e.target.value || null })}
            data-testid="queue-inspector"
          >
            <option value="">{t("queue.all")}</option>
            {(queue?.inspectors ?? []).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {queue && queue.cases.length === 0 && (
        <p className="empty">{filter.port || filter.inspector ? t("queue.empty_filtered") : t("queue.empty")}</p>
      )}
      {queue && queue.cases.length > 0 && (
        <table className="cases" data-testid="queue-table">
          <thead>
            <tr>
              <th scope="col">{t("queue.case_number")}</th>
              <th scope="col">{t("queue.port")}</th>
              <th scope="col">{t("queue.review")}</th>
              <th scope="col">{t("queue.waiting_since")}</th>
              <th scope="col">{t("queue.submitted_by")}</th>
              <th scope="col">{t("queue.container")}</th>
              <th scope="col">{t("queue.flags")}</th>
            </tr>
          </thead>
          <tbody>
            {queue.cases.map((c) => (
              // A click anywhere on the row opens it too; the keyboard and screen readers use its
              // button, named by the case number, in the row's header cell.
              <tr key={c.id} data-testid="queue-row" data-state={c.state} onClick={() => props.onOpen(c.id)}>
                <th scope="row" className="mono">
                  <button
                    className="link"
                    onClick={(e) => {
                      e.stopPropagation();
                      props.onOpen(c.id);
                    }}
                    data-testid="open-queued-case"
                  >
                    {c.case_number}
                  </button>
                </th>
                <td>{c.port}</td>
                <td>
                  <span className={`status ${c.state}`}>{stateLabel(c.state)}</span>
                </td>
                <td>{formatDateTime(c.queued_at)}</td>
                <td>{c.submitted_by ?? ""}</td>
                <td className="mono">{c.container_number ?? ""}</td>
                <td>{c.flag_count > 0 ? <span className="flag">{t("queue.flag_count", { count: c.flag_count })}</span> : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
