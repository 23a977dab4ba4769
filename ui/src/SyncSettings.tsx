// Sync settings: sign in to a server, the account, and the last sync's report.
import { useEffect, useRef, useState } from "react";
import type { SyncRefusal, SyncStatus } from "./bindings";
import { callBeside, CallError } from "./ipc";
import { localTime } from "./format";
import { errorText, roleLabel, t } from "./labels";
import { describeReport, describeSync } from "./syncStatus";
import type { RunSync as Run } from "./useSyncStatus";

/** What a server address looks like: an example, the same in every language. */
const SERVER_EXAMPLE = "https://sync.customs.example:8640";

/** An error kept as it came, worded when shown: in the language of the moment. */
function ErrorText(props: { error: unknown; testId: string }) {
  return (
    <p className="error" role="alert" data-testid={props.testId}>
      {errorText(props.error)}
    </p>
  );
}

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
          <h1 id="sync-settings-title">{t("sync.settings")}</h1>
          <button ref={closeButton} onClick={onClose} title={t("app.close_title")} data-testid="close-sync-settings">
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
  const [deviceName, setDeviceName] = useState(() => t("sync.device_name_default"));
  const [error, setError] = useState<{ error: unknown } | null>(null);
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
        setError({ error: err });
        if (err instanceof CallError && err.code === "sign_in_failed") passwordInput.current?.focus();
      })
      .finally(() => setBusy(false));
  };

  const firstEmpty = !server ? "server" : !username ? "username" : "password";
  return (
    <form className="sign-in" onSubmit={submit} data-testid="sync-sign-in-form">
      <h2>{props.again ? t("sync.sign_in_again") : t("sync.sign_in_title")}</h2>
      <p className="meta">{props.again ? t("sync.sign_in_again_text") : t("sync.sign_in_text")}</p>
      <label>
        {t("sync.server_address")}
        <input
          value={server}
          onChange={(e) => setServer(e.target.value)}
          placeholder={SERVER_EXAMPLE}
          autoFocus={firstEmpty === "server"}
          autoComplete="url"
          spellCheck={false}
          data-testid="sync-server"
        />
      </label>
      <label>
        {t("sync.user_name")}
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
        {t("sync.password")}
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
        {t("sync.device_name")} <span className="meta">{t("sync.device_name_hint")}</span>
        <input value={deviceName} onChange={(e) => setDeviceName(e.target.value)} data-testid="sync-device-name" />
      </label>
      {error && <ErrorText error={error.error} testId="sync-error" />}
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
            <li key={i}>{p}</li>
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
            <span className="meta">{t("sync.refused_at", { time: localTime(r.refused_at) })}</span>: {r.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}
