// Sync settings: sign in to a server, the account, and the last sync's report. A modal dialog:
// Esc or Close gives the cursor back to what opened it.
import { useEffect, useRef, useState } from "react";
import type { SyncRefusal, SyncStatus } from "./bindings";
import { callBeside, CallError } from "./ipc";
import { Dialog } from "./Dialog";
import { localTime } from "./format";
import { errorText, formatMessage, roleLabel, t } from "./labels";
import { describeReport, describeSync } from "./syncStatus";
import type { RunSync as Run } from "./useSyncStatus";

/** What a server address looks like: an example, the same in every language. */
const SERVER_EXAMPLE = "https://sync.customs.example:8640";

/** An error kept as it came, worded when shown: in the language of the moment. */
function ErrorText(props: { error: unknown; testId: string; id?: string }) {
  return (
    <p className="error" role="alert" id={props.id} data-testid={props.testId}>
      {errorText(props.error)}
    </p>
  );
}

/** Server and sign-in, the account, the figures and what the server refused. Esc closes it. */
export function SyncSettings(props: { status: SyncStatus | null; run: Run; onClose: () => void; returnFocus?: () => HTMLElement | null }) {
  const { status, run, onClose } = props;
  const closeButton = useRef<HTMLButtonElement>(null);
  const line = status ? describeSync(status) : null;
  const account = status?.account ?? null;
  const showForm = !account || (line?.needsSignIn ?? false);

  // Signed in, the form goes: the cursor, which was in it, goes to Close, the next step.
  const formShown = useRef(showForm);
  useEffect(() => {
    if (formShown.current && !showForm) closeButton.current?.focus();
    formShown.current = showForm;
  }, [showForm]);

  return (
    <Dialog
      onClose={onClose}
      labelledBy="sync-settings-title"
      testId="sync-settings"
      initialFocus={showForm ? undefined : closeButton}
      returnFocus={props.returnFocus}
    >
      <header className="dialog-head">
        <h1 id="sync-settings-title">{t("sync.settings")}</h1>
        <button ref={closeButton} onClick={onClose} aria-keyshortcuts="Escape" data-testid="close-sync-settings">
          {t("app.close")}
        </button>
      </header>
      {line && <p className={`sync-line tone-${line.tone}`}>{line.text}</p>}
      {status?.revocation_pending && (
        <p className="sync-line tone-warn" role="status" data-testid="revocation-pending">
          {t("sync.revocation_pending")}
        </p>
      )}
      {status && account && <AccountPanel status={status} run={run} />}
      {showForm && <SignInForm server={status?.server ?? ""} username={account?.username ?? ""} again={account !== null} run={run} />}
      {status && account && <SyncFigures status={status} />}
      {status && status.refused.length > 0 && <RefusedList refused={status.refused} />}
    </Dialog>
  );
}

type SignInField = "server" | "username" | "password";

/** The fields a refused sign-in is about, so the error is read with them and the cursor goes to the first. */
export function fieldsOfSignInError(error: unknown, typed: Record<SignInField, string>): SignInField[] {
  const code = error instanceof CallError ? error.code : null;
  if (code === "sign_in_failed") return ["username", "password"];
  if (code === "invalid_input") {
    const empty = (["server", "username", "password"] as const).filter((f) => typed[f].trim() === "");
    return empty.length > 0 ? empty : ["server"];
  }
  // Unreachable, not a Quayside server, a certificate: the address is the thing to check.
  return ["server"];
}

function SignInForm(props: { server: string; username: string; again: boolean; run: Run }) {
  const [server, setServer] = useState(props.server);
  const [username, setUsername] = useState(props.username);
  const [password, setPassword] = useState("");
  const [deviceName, setDeviceName] = useState(() => t("sync.device_name_default"));
  const [error, setError] = useState<{ error: unknown; fields: SignInField[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const inputs = {
    server: useRef<HTMLInputElement>(null),
    username: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
  };

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
        const fields = fieldsOfSignInError(err, { server, username, password: secret });
        setError({ error: err, fields });
        inputs[fields.includes("password") ? "password" : fields[0]].current?.focus();
      })
      .finally(() => setBusy(false));
  };

  // Opened (or signed out), the cursor waits in the first field to fill.
  useEffect(() => {
    inputs[!props.server ? "server" : !props.username ? "username" : "password"].current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const invalid = (field: SignInField) =>
    error?.fields.includes(field) ? { "aria-invalid": true, "aria-describedby": "sync-error" } : {};
  return (
    <form className="sign-in" onSubmit={submit} data-testid="sync-sign-in-form">
      <h2>{props.again ? t("sync.sign_in_again") : t("sync.sign_in_title")}</h2>
      <p className="meta">{props.again ? t("sync.sign_in_again_text") : t("sync.sign_in_text")}</p>
      <label>
        {t("sync.server_address")}
        <input
          ref={inputs.server}
          value={server}
          onChange={(e) => setServer(e.target.value)}
          placeholder={SERVER_EXAMPLE}
          {...invalid("server")}
          autoComplete="url"
          spellCheck={false}
          data-testid="sync-server"
        />
      </label>
      <label>
        {t("sync.user_name")}
        <input
          ref={inputs.username}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          {...invalid("username")}
          autoComplete="username"
          spellCheck={false}
          data-testid="sync-username"
        />
      </label>
      <label>
        {t("sync.password")}
        <input
          ref={inputs.password}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          {...invalid("password")}
          autoComplete="current-password"
          data-testid="sync-password"
        />
      </label>
      <label>
        {t("sync.device_name")} <span className="meta">{t("sync.device_name_hint")}</span>
        <input value={deviceName} onChange={(e) => setDeviceName(e.target.value)} data-testid="sync-device-name" />
      </label>
      {error && <ErrorText error={error.error} testId="sync-error" id="sync-error" />}
      <button type="submit" className="primary" disabled={busy} data-testid="sync-sign-in">
        {busy ? t("sync.signing_in") : t("sync.sign_in")}
      </button>
    </form>
  );
}

function AccountPanel(props: { status: SyncStatus; run: Run }) {
  const { status } = props;
  const account = status.account!;
  const [error, setError] = useState<{ error: unknown } | null>(null);
  const [busy, setBusy] = useState(false);
  const signOut = () => {
    setBusy(true);
    setError(null);
    props
      .run(callBeside("sign_out", {}))
      .catch((err: unknown) => setError({ error: err }))
      .finally(() => setBusy(false));
  };
  return (
    <section className="sync-account">
      <dl className="facts" data-testid="sync-account">
        <dt>{t("sync.user")}</dt>
        <dd>{account.username}</dd>
        <dt>{t("sync.role")}</dt>
        <dd>{roleLabel(account.role)}</dd>
        <dt>{t("sync.ports")}</dt>
        <dd className="mono">{account.ports.join(", ") || t("sync.no_ports")}</dd>
        <dt>{t("sync.server")}</dt>
        <dd className="mono">{status.server ?? "—"}</dd>
      </dl>
      <div className="sync-account-actions">
        <button onClick={signOut} disabled={busy} data-testid="sync-sign-out">
          {t("sync.sign_out")}
        </button>
        {status.events_waiting > 0 && <span className="meta">{t("sync.unsent", { count: status.events_waiting })}</span>}
      </div>
      {error && <ErrorText error={error.error} testId="sync-sign-out-error" />}
    </section>
  );
}

function SyncFigures({ status }: { status: SyncStatus }) {
  const report = status.activity?.last_report ?? null;
  return (
    <section>
      <dl className="facts" data-testid="sync-figures">
        <dt>{t("sync.last_synced")}</dt>
        <dd>{status.last_synced_at ? localTime(status.last_synced_at) : t("sync.never")}</dd>
        <dt>{t("sync.events_waiting")}</dt>
        <dd>{status.events_waiting}</dd>
        <dt>{t("sync.photos_waiting")}</dt>
        <dd>{status.photos_waiting}</dd>
        <dt>{t("sync.photos_to_fetch")}</dt>
        <dd>{status.photos_to_fetch}</dd>
        {report && (
          <>
            <dt>{t("sync.last_sync")}</dt>
            <dd>{describeReport(report)}</dd>
          </>
        )}
      </dl>
      {report && report.photo_problems.length > 0 && (
        <ul className="error">
          {report.photo_problems.map((p, i) => (
            <li key={i}>{formatMessage(p)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RefusedList({ refused }: { refused: SyncRefusal[] }) {
  return (
    <section className="sync-refused" data-testid="sync-refused">
      <h2>{t("sync.refused_title", { count: refused.length })}</h2>
      <p className="meta">{t("sync.refused_text")}</p>
      <ul>
        {refused.map((r) => (
          <li key={r.event_id} data-event={r.event_id}>
            <strong>{t("sync.refused_change", { seq: String(r.device_seq) })}</strong>{" "}
            <span className="meta">{t("sync.refused_at", { time: localTime(r.refused_at) })}</span>: {formatMessage(r.reason)}
          </li>
        ))}
      </ul>
    </section>
  );
}
