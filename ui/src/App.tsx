// The app shell: loads the profile, reference data and labels, then routes between the screens.
import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import type { AppInfo, CaseFilter, ReferenceData, Role } from "./bindings";
import { call, CallError } from "./ipc";
import { CaseList } from "./CaseList";
import { CaseDetail } from "./CaseDetail";
import { SyncBadge } from "./SyncBadge";
import { SyncSettings } from "./SyncSettings";
import { useSyncStatus } from "./useSyncStatus";
import { ReviewQueue } from "./ReviewQueue";
import { DEFAULT_FILTER } from "./caseFilter";
import { roleLabel, setLabels } from "./labels";

// The chart library is most of the bundle: load it when the dashboard is first opened.
const StatisticsDashboard = lazy(() => import("./StatisticsDashboard").then((m) => ({ default: m.StatisticsDashboard })));

type ListScreen = { kind: "list" } | { kind: "statistics" } | { kind: "queue" };
// A case remembers the screen it was opened from, so Back returns there.
type Screen = ListScreen | { kind: "case"; id: string; from: ListScreen };

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [reference, setReference] = useState<ReferenceData | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [screen, setScreen] = useState<Screen>({ kind: "list" });
  const [syncSettingsOpen, setSyncSettingsOpen] = useState(false);
  // One filter for the list, the dashboard and the exports: every chart follows what the list shows.
  const [filter, setFilter] = useState<CaseFilter>(DEFAULT_FILTER);
  const sync = useSyncStatus();
  const syncedAt = sync.status?.last_synced_at ?? null;

  useEffect(() => {
    Promise.all([call("app_info", {}), call("reference_data", {}), call("labels", {})])
      .then(([i, r, labels]) => {
        // Before the reference data is set: nothing that shows a label renders until then.
        setLabels(labels);
        setInfo(i);
        setReference(r);
      })
      .catch((e: unknown) => setFatal(e instanceof CallError ? e.message : String(e)));
  }, []);

  // Signing in sets this device's role to the account's (the server refuses events claiming
  // another): show the role the next edits will carry.
  const accountRole = sync.status?.account?.role ?? null;
  useEffect(() => {
    if (accountRole === null) return;
    call("app_info", {})
      .then(setInfo)
      .catch(() => undefined);
  }, [accountRole]);

  const role = info?.user?.role ?? null;
  const reviews = role === "supervisor" || role === "admin";
  // Bumped when an open case changes review state, so the count in the top bar follows at once.
  const [reviewChanges, setReviewChanges] = useState(0);
  const reviewStateSeen = useCallback(() => setReviewChanges((n) => n + 1), []);
  const queueCount = useQueueCount(reviews, screen, syncedAt, reviewChanges);

  const openCase = useCallback(
    (id: string) => setScreen((from) => ({ kind: "case", id, from: from.kind === "case" ? from.from : from })),
    [],
  );
  const back = useCallback(() => setScreen((s) => (s.kind === "case" ? s.from : { kind: "list" })), []);
  const home = useCallback(() => setScreen({ kind: "list" }), []);
  const openSyncSettings = useCallback(() => setSyncSettingsOpen(true), []);
  const closeSyncSettings = useCallback(() => setSyncSettingsOpen(false), []);

  if (fatal) {
    return (
      <main className="fatal" role="alert" data-testid="fatal">
        <h1>Quayside cannot open its case store</h1>
        <p>{fatal}</p>
        <p>Nothing has been changed. Fix the problem above and start Quayside again.</p>
      </main>
    );
  }
  if (!info || !reference) return <main className="loading">Opening the case store…</main>;
  if (!info.user) return <WhoAreYou onDone={setInfo} />;

  return (
    <div className="app">
      <header className="topbar">
        <button className="brand" onClick={home} title="Case list (Esc)" data-testid="open-cases">
          Quayside
        </button>
        <nav className="screens" aria-label="Screens">
          <button className="small" onClick={home} aria-current={screen.kind === "list" ? "page" : undefined}>
            Cases
          </button>
          <button
            className="small"
            onClick={() => setScreen({ kind: "statistics" })}
            aria-current={screen.kind === "statistics" ? "page" : undefined}
            data-testid="open-statistics"
          >
            Statistics
          </button>
          {reviews && (
            <button
              className="small"
              onClick={() => setScreen({ kind: "queue" })}
              aria-current={screen.kind === "queue" ? "page" : undefined}
              data-testid="open-review-queue"
              data-count={queueCount ?? ""}
            >
              Review queue{queueCount !== null ? ` (${queueCount})` : ""}
            </button>
          )}
        </nav>
        <span className="who" data-testid="who">
          {info.user.name} · {roleLabel(info.user.role)} · device {info.device_short_id}
        </span>
        <SyncBadge status={sync.status} run={sync.run} onOpenSettings={openSyncSettings} />
        <button className="small" onClick={openSyncSettings} data-testid="open-sync-settings">
          Sync settings
        </button>
      </header>
      {screen.kind === "list" && (
        <CaseList info={info} reference={reference} filter={filter} onFilter={setFilter} syncedAt={syncedAt} onOpen={openCase} />
      )}
      {screen.kind === "statistics" && (
        <Suspense fallback={<main className="loading">Opening statistics…</main>}>
          <StatisticsDashboard reference={reference} filter={filter} onFilter={setFilter} syncedAt={syncedAt} />
        </Suspense>
      )}
      {screen.kind === "queue" && (
        <ReviewQueue ports={sync.status?.account?.ports ?? []} syncedAt={syncedAt} onOpen={openCase} />
      )}
      {screen.kind === "case" && (
        <CaseDetail
          id={screen.id}
          role={info.user.role}
          userName={info.user.name}
          reference={reference}
          syncedAt={syncedAt}
          onBack={back}
          onReviewState={reviewStateSeen}
        />
      )}
      {syncSettingsOpen && <SyncSettings status={sync.status} run={sync.run} onClose={closeSyncSettings} />}
    </div>
  );
}

/** Cases waiting for review, for the top bar: read again on each screen, sync and review step. */
function useQueueCount(reviews: boolean, screen: Screen, syncedAt: string | null, reviewChanges: number): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    if (!reviews) return;
    let current = true;
    call("review_queue", {})
      .then((q) => current && setCount(q.cases.length))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [reviews, screen, syncedAt, reviewChanges]);
  return reviews ? count : null;
}

function WhoAreYou({ onDone }: { onDone: (info: AppInfo) => void }) {
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("inspector");
  const [error, setError] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    call("set_user", { name, role })
      .then(onDone)
      .catch((err: CallError) => setError(err.message));
  };
  return (
    <main className="welcome">
      <form onSubmit={submit} className="card" data-testid="who-are-you">
        <h1>Who is using this device?</h1>
        <p>Your name is recorded with every change you make to a case file.</p>
        <label>
          Name
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} data-testid="user-name" />
        </label>
        <label>
          Role
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option value="inspector">{roleLabel("inspector")}</option>
            <option value="supervisor">{roleLabel("supervisor")}</option>
          </select>
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" data-testid="user-save">
          Continue
        </button>
      </form>
    </main>
  );
}
