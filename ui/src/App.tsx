import { useCallback, useEffect, useState } from "react";
import type { AppInfo, ReferenceData, Role } from "./bindings";
import { call, CallError } from "./ipc";
import { CaseList } from "./CaseList";
import { CaseDetail } from "./CaseDetail";
import { SyncBadge } from "./SyncBadge";
import { SyncSettings } from "./SyncSettings";
import { useSyncStatus } from "./useSyncStatus";

type Screen = { kind: "list" } | { kind: "case"; id: string };

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [reference, setReference] = useState<ReferenceData | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [screen, setScreen] = useState<Screen>({ kind: "list" });
  const [syncSettingsOpen, setSyncSettingsOpen] = useState(false);
  const sync = useSyncStatus();
  const syncedAt = sync.status?.last_synced_at ?? null;

  useEffect(() => {
    Promise.all([call("app_info", {}), call("reference_data", {})])
      .then(([i, r]) => {
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

  const openCase = useCallback((id: string) => setScreen({ kind: "case", id }), []);
  const back = useCallback(() => setScreen({ kind: "list" }), []);
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
        <button className="brand" onClick={back} title="Case list (Esc)">
          Quayside
        </button>
        <span className="who" data-testid="who">
          {info.user.name} · {info.user.role} · device {info.device_short_id}
        </span>
        <SyncBadge status={sync.status} run={sync.run} onOpenSettings={openSyncSettings} />
        <button className="small" onClick={openSyncSettings} data-testid="open-sync-settings">
          Sync settings
        </button>
      </header>
      {screen.kind === "list" ? (
        <CaseList info={info} syncedAt={syncedAt} onOpen={openCase} onInfo={setInfo} />
      ) : (
        <CaseDetail id={screen.id} reference={reference} syncedAt={syncedAt} onBack={back} />
      )}
      {syncSettingsOpen && <SyncSettings status={sync.status} run={sync.run} onClose={closeSyncSettings} />}
    </div>
  );
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
            <option value="inspector">Inspector</option>
            <option value="supervisor">Supervisor</option>
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
