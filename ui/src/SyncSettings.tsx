// Sync settings: sign in to a server, the account, and the last sync's report.
import { useEffect, useRef, useState } from "react";
import type { SyncRefusal, SyncReport, SyncStatus } from "./bindings";
import { callBeside, CallError } from "./ipc";
import { localTime } from "./format";
import { errorText, roleLabel } from "./labels";
import { describeSync, plural } from "./syncStatus";

const DEFAULT_DEVICE_NAME = "Quayside laptop";

type Run = (action: Promise<SyncStatus>) => Promise<SyncStatus>;

const messageOf = (e: unknown) => (errorText(e));

/** Server and sign-in, the account, the figures and what the server refused. Esc closes it. */
export function SyncSettings(props: { status: SyncStatus | null; run: Run; onClose: () => void }) {
  const { status, run, onClose } = props;
  const closeButton = useRef<HTMLButtonElement>(null);
  useCloseOnEscape(onClose);
  const line = status ? describeSync(status) : null;
  const account = status?.account ?? null;
  const showForm = !account || (line?.needsSignIn ?? false);

  useEffect(() => {
    if (!showForm) closeButton.current?.focus();
    // Only on opening: later polls must not move the cursor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div className="dialog-backdrop">
      <section className="dialog card" role="dialog" aria-modal="true" aria-labelledby="sync-settings-title" data-testid="sync-settings">
        <header className="dialog-head">
          <h1 id="sync-settings-title">Sync settings</h1>
          <button ref={closeButton} onClick={onClose} title="Close (Esc)" data-testid="close-sync-settings">
            Close
          </button>
        </header>
        {line && <p className={`sync-line tone-${line.tone}`}>{line.text}</p>}
        {status?.revocation_pending && (
          <p className="sync-line tone-warn" role="status" data-testid="revocation-pending">
            Signed out here. The server could not be reached to cancel this device's access: it is told at the next
            connection, by itself.
          </p>
        )}
        {status && account && <AccountPanel status={status} run={run} />}
        {showForm && <SignInForm server={status?.server ?? ""} username={account?.username ?? ""} again={account !== null} run={run} />}
        {status && account && <SyncFigures status={status} />}
        {status && status.refused.length > 0 && <RefusedList refused={status.refused} />}
      </section>
    </div>
  );
}

function useCloseOnEscape(onClose: () => void) {
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      // Taken in the capture phase so the page below (the case's "Esc: back to the list") never sees it.
      e.stopPropagation();
      close.current();
    };
    window.addEventListener("keydown", onKey, true);
    return () => {
      window.removeEventListener("keydown", onKey, true);
      opener?.focus();
    };
  }, []);
}

function SignInForm(props: { server: string; username: string; again: boolean; run: Run }) {
  const [server, setServer] = useState(props.server);
  const [username, setUsername] = useState(props.username);
  const [password, setPassword] = useState("");
  const [deviceName, setDeviceName] = useState(DEFAULT_DEVICE_NAME);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordInput = useRef<HTMLInputElement>(null);

  // The status may come after the form opened: offer its server unless one was typed meanwhile.
  useEffect(() => {
    if (props.server) setServer((typed) => typed || props.server);
  }, [props.server]);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const secret = password;
    setPassword(""); // never kept, whatever the answer
    setBusy(true);
    setError(null);
    props
      .run(callBeside("sign_in", { server, username, password: secret, device_name: deviceName }))
      .catch((err: unknown) => {
        setError(messageOf(err));
        if (err instanceof CallError && err.code === "sign_in_failed") passwordInput.current?.focus();
      })
      .finally(() => setBusy(false));
  };

  const firstEmpty = !server ? "server" : !username ? "username" : "password";
  return (
    <form className="sign-in" onSubmit={submit} data-testid="sync-sign-in-form">
      <h2>{props.again ? "Sign in again" : "Sign in to a sync server"}</h2>
      <p className="meta">
        {props.again
          ? "The server no longer accepts this device's sign-in. Nothing on this device is lost; it is sent once you are signed in."
          : "Cases stay on this device either way. Signed in, they are sent to the server and shared cases come back, whenever it can be reached."}
      </p>
      <label>
        Server address
        <input
          value={server}
          onChange={(e) => setServer(e.target.value)}
          placeholder="https://sync.customs.example:8640"
          autoFocus={firstEmpty === "server"}
          autoComplete="url"
          spellCheck={false}
          data-testid="sync-server"
        />
      </label>
      <label>
        User name
        <input
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoFocus={firstEmpty === "username"}
          autoComplete="username"
          spellCheck={false}
          data-testid="sync-username"
        />
      </label>
      <label>
        Password
        <input
          ref={passwordInput}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoFocus={firstEmpty === "password"}
          autoComplete="current-password"
          data-testid="sync-password"
        />
      </label>
      <label>
        Device name <span className="meta">(how this device shows in the server's device list)</span>
        <input value={deviceName} onChange={(e) => setDeviceName(e.target.value)} data-testid="sync-device-name" />
      </label>
      {error && (
        <p className="error" role="alert" data-testid="sync-error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy} data-testid="sync-sign-in">
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

function AccountPanel(props: { status: SyncStatus; run: Run }) {
  const { status } = props;
  const account = status.account!;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signOut = () => {
    setBusy(true);
    setError(null);
    props
      .run(callBeside("sign_out", {}))
      .catch((err: unknown) => setError(messageOf(err)))
      .finally(() => setBusy(false));
  };
  return (
    <section className="sync-account">
      <dl className="facts" data-testid="sync-account">
        <dt>User</dt>
        <dd>{account.username}</dd>
        <dt>Role</dt>
        <dd>{roleLabel(account.role)}</dd>
        <dt>Ports</dt>
        <dd className="mono">{account.ports.join(", ") || "none"}</dd>
        <dt>Server</dt>
        <dd className="mono">{status.server ?? "—"}</dd>
      </dl>
      <div className="sync-account-actions">
        <button onClick={signOut} disabled={busy} data-testid="sync-sign-out">
          Sign out
        </button>
        {status.events_waiting > 0 && (
          <span className="meta">{plural(status.events_waiting, "event")} not sent yet will wait here for the next sign-in.</span>
        )}
      </div>
      {error && (
        <p className="error" role="alert" data-testid="sync-sign-out-error">
          {error}
        </p>
      )}
    </section>
  );
}

function SyncFigures({ status }: { status: SyncStatus }) {
  const report = status.activity?.last_report ?? null;
  return (
    <section>
      <dl className="facts" data-testid="sync-figures">
        <dt>Last synced</dt>
        <dd>{status.last_synced_at ? localTime(status.last_synced_at) : "never"}</dd>
        <dt>Events waiting</dt>
        <dd>{status.events_waiting}</dd>
        <dt>Photos waiting</dt>
        <dd>{status.photos_waiting}</dd>
        <dt>Photos to fetch</dt>
        <dd>{status.photos_to_fetch}</dd>
        {report && (
          <>
            <dt>Last sync</dt>
            <dd>{describeReport(report)}</dd>
          </>
        )}
      </dl>
      {report && report.photo_problems.length > 0 && (
        <ul className="error">
          {report.photo_problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function describeReport(r: SyncReport): string {
  const parts = [`sent ${plural(r.pushed, "event")}`, `received ${plural(r.pulled, "event")}`];
  if (r.photos_uploaded || r.photos_downloaded) parts.push(`photos ${r.photos_uploaded} up, ${r.photos_downloaded} down`);
  if (r.quarantined) parts.push(`${r.quarantined} refused`);
  return parts.join(" · ");
}

function RefusedList({ refused }: { refused: SyncRefusal[] }) {
  return (
    <section className="sync-refused" data-testid="sync-refused">
      <h2>Refused by the server ({refused.length})</h2>
      <p className="meta">
        The server set these changes from this device aside and does not pass them on. They stay in this device's record;
        show the reasons to your administrator.
      </p>
      <ul>
        {refused.map((r) => (
          <li key={r.event_id} data-event={r.event_id}>
            <strong>Change {r.device_seq}</strong> <span className="meta">refused {localTime(r.refused_at)}</span>: {r.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}
