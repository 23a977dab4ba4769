// The lock screen: set the device up (first run, data from an older version, or data whose keys
// are gone), show the recovery key once, unlock with a passphrase, or set a new one with the
// recovery key. Nothing of the cases is shown or read until a person unlocks.
import { useEffect, useRef, useState } from "react";
import type { LockState } from "./bindings";
import { call } from "./ipc";
import { currentLocale, errorText, formatMessage } from "./labels";

const messageOf = (e: unknown) => errorText(e);

export function LockScreen(props: { state: LockState; onState: (state: LockState) => void }) {
  const { state, onState } = props;
  switch (state.phase) {
    case "new":
    case "encrypt_existing":
    case "unreadable":
      return <SetUp state={state} onState={onState} />;
    default:
      return <Unlock state={state} onState={onState} />;
  }
}

function Screen(props: { title: string; children: React.ReactNode; testId: string }) {
  return (
    <main className="welcome lock-screen" data-testid={props.testId}>
      <section className="card" aria-labelledby="lock-title">
        <h1 id="lock-title">{props.title}</h1>
        {props.children}
      </section>
    </main>
  );
}

function SetUp(props: { state: LockState; onState: (state: LockState) => void }) {
  const { state } = props;
  const [name, setName] = useState("");
  const [passphrase, setPassphrase] = useState("");
  const [again, setAgain] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<{ key: string; next: LockState } | null>(null);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (passphrase !== again) {
      setError("The two passphrases differ: type the same passphrase twice.");
      return;
    }
    setBusy(true);
    setError(null);
    call("set_up", { name, passphrase, language: currentLocale() })
      .then((r) => setShown({ key: r.recovery_key, next: r.state }))
      .catch((err: unknown) => setError(messageOf(err)))
      .finally(() => setBusy(false));
  };

  if (shown) {
    return <RecoveryKeyShown recoveryKey={shown.key} onDone={() => props.onState(shown.next)} />;
  }
  const title =
    state.phase === "encrypt_existing"
      ? "Protect the data on this device"
      : state.phase === "unreadable"
        ? "This device's data cannot be read"
        : "Set up Quayside on this device";
  return (
    <Screen title={title} testId="set-up">
      {state.phase === "encrypt_existing" && (
        <p>
          This device holds case files from an earlier version of Quayside that are not encrypted yet. Set a passphrase:
          they are encrypted before anything else happens.
        </p>
      )}
      {state.phase === "unreadable" && (
        <>
          {state.notice && (
            <p className="error" role="alert">
              {formatMessage(state.notice)}
            </p>
          )}
          <p>
            Its keys were destroyed (the device was wiped, or its keys file was lost), so nobody can read what it held.
            Set it up again, then sign in to the sync server to get the cases back. What had not been synced is lost.
          </p>
        </>
      )}
      <form onSubmit={submit} className="lock-form">
        <p>Your passphrase unlocks Quayside and encrypts everything it keeps on this device.</p>
        <label>
          Your name, as it should appear in case files
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" data-testid="user-name" />
        </label>
        <label>
          Passphrase (at least 8 characters)
          <input
            type="password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            autoComplete="new-password"
            data-testid="new-passphrase"
          />
        </label>
        <label>
          The same passphrase again
          <input
            type="password"
            value={again}
            onChange={(e) => setAgain(e.target.value)}
            autoComplete="new-password"
            data-testid="new-passphrase-again"
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy} data-testid="user-save">
          {busy ? "Setting up…" : "Set up"}
        </button>
      </form>
    </Screen>
  );
}

function RecoveryKeyShown(props: { recoveryKey: string; onDone: () => void }) {
  const [written, setWritten] = useState(false);
  return (
    <Screen title="Write down your recovery key" testId="recovery-key-shown">
      <p className="recovery-key" data-testid="recovery-key">
        {props.recoveryKey}
      </p>
      <p>
        Keep it on paper, away from this device. It is shown only now. With it you can set a new passphrase if you
        forget yours; without it, a forgotten passphrase means enrolling this device again and pulling its cases from
        the server. Cases not yet synced would be lost.
      </p>
      <label className="check">
        <input autoFocus type="checkbox" checked={written} onChange={(e) => setWritten(e.target.checked)} data-testid="recovery-written" />
        I have written the recovery key down
      </label>
      <button className="primary" disabled={!written} onClick={props.onDone} data-testid="recovery-done">
        Continue
      </button>
    </Screen>
  );
}

function Unlock(props: { state: LockState; onState: (state: LockState) => void }) {
  const { state, onState } = props;
  const [passphrase, setPassphrase] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recovering, setRecovering] = useState(false);
  const wait = useCountdown(state.retry_in_seconds);
  const input = useRef<HTMLInputElement>(null);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    call("unlock", { passphrase })
      .then(onState)
      .catch((err: unknown) => {
        setError(messageOf(err));
        setPassphrase("");
        // The delay before the next try is in the lock state.
        call("lock_state", {}).then(onState, () => undefined);
      })
      .finally(() => {
        setBusy(false);
        input.current?.focus();
      });
  };

  if (recovering) return <Recover onState={onState} onCancel={() => setRecovering(false)} />;
  return (
    <Screen title="Quayside is locked" testId="unlock">
      {state.notice && <p className="notice">{formatMessage(state.notice)}</p>}
      <form onSubmit={submit} className="lock-form">
        <label>
          {state.people > 1 ? "Passphrase (each person unlocks with their own)" : "Passphrase"}
          <input
            ref={input}
            autoFocus
            type="password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            autoComplete="current-password"
            data-testid="passphrase"
          />
        </label>
        {error && (
          <p className="error" role="alert" data-testid="unlock-error">
            {error}
          </p>
        )}
        {wait > 0 && (
          <p className="notice" aria-live="polite" data-testid="unlock-wait">
            Too many wrong passphrases: try again in {wait} s.
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || wait > 0} data-testid="unlock-submit">
          {busy ? "Unlocking…" : "Unlock"}
        </button>
      </form>
      <button className="link" onClick={() => setRecovering(true)} data-testid="forgot-passphrase">
        Forgot your passphrase?
      </button>
    </Screen>
  );
}

function Recover(props: { onState: (state: LockState) => void; onCancel: () => void }) {
  const [recoveryKey, setRecoveryKey] = useState("");
  const [passphrase, setPassphrase] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    call("recover", { recovery_key: recoveryKey, new_passphrase: passphrase })
      .then(props.onState)
      .catch((err: unknown) => setError(messageOf(err)));
  };
  return (
    <Screen title="Set a new passphrase" testId="recover">
      <p>
        Type the recovery key written down when this device was set up. It sets a new passphrase for the person who set
        it up. Without the key, ask your administrator to enroll this device again; its cases come back from the server.
      </p>
      <form onSubmit={submit} className="lock-form">
        <label>
          Recovery key
          <input autoFocus value={recoveryKey} onChange={(e) => setRecoveryKey(e.target.value)} autoComplete="off" spellCheck={false} data-testid="recovery-input" />
        </label>
        <label>
          New passphrase (at least 8 characters)
          <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="new-password" data-testid="recovery-passphrase" />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="lock-actions">
          <button type="submit" className="primary" data-testid="recover-submit">
            Set passphrase and unlock
          </button>
          <button type="button" onClick={props.onCancel}>
            Back
          </button>
        </div>
      </form>
    </Screen>
  );
}

/** Seconds left of `seconds`, counting down once a second. */
function useCountdown(seconds: number | null): number {
  const [left, setLeft] = useState(seconds ?? 0);
  useEffect(() => {
    setLeft(seconds ?? 0);
    if (!seconds) return;
    const started = Date.now();
    const timer = window.setInterval(() => {
      const remaining = Math.max(0, seconds - Math.floor((Date.now() - started) / 1000));
      setLeft(remaining);
      if (remaining === 0) window.clearInterval(timer);
    }, 250);
    return () => window.clearInterval(timer);
  }, [seconds]);
  return left;
}
