// The lock screen: set the device up (first run, data from an older version, or data whose keys
// are gone), show the recovery key once, unlock with a passphrase, or set a new one with the
// recovery key. Nothing of the cases is shown or read until a person unlocks. Setting up, a person
// chooses the language, and the screen speaks it at once.
import { useEffect, useRef, useState } from "react";
import type { Locale, LockState } from "./bindings";
import { call } from "./ipc";
import { errorText, formatMessage, t } from "./labels";
import { languageChoices, languageName, setsUp } from "./language";

/** An error kept as it came, worded when shown: in the language of the moment. */
type Failure = { error: unknown } | { key: string } | null;

/** A field an error is about: marked, and read with the error. */
function about(failure: Failure, id: string, invalid = true) {
  return failure ? { "aria-invalid": invalid || undefined, "aria-describedby": id } : {};
}

function FailureText(props: { failure: Failure; testId?: string; id: string }) {
  const { failure } = props;
  if (!failure) return null;
  return (
    <p className="error" role="alert" id={props.id} data-testid={props.testId}>
      {"key" in failure ? t(failure.key) : errorText(failure.error)}
    </p>
  );
}

/**
 * The lock screen. `language` is the one shown; setting up, `onLanguage` asks for another, and
 * the screen is drawn again in it, keeping what was typed.
 */
export function LockScreen(props: {
  state: LockState;
  onState: (state: LockState) => void;
  language: Locale;
  onLanguage: (locale: Locale) => void;
}) {
  const { state, onState } = props;
  return setsUp(state.phase) ? (
    <SetUp state={state} onState={onState} language={props.language} onLanguage={props.onLanguage} />
  ) : (
    <Unlock state={state} onState={onState} />
  );
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

function SetUp(props: {
  state: LockState;
  onState: (state: LockState) => void;
  language: Locale;
  onLanguage: (locale: Locale) => void;
}) {
  const { state, language } = props;
  const [name, setName] = useState("");
  const [passphrase, setPassphrase] = useState("");
  const [again, setAgain] = useState("");
  const [error, setError] = useState<Failure>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<{ key: string; next: LockState } | null>(null);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (passphrase !== again) {
      setError({ key: "lock.passphrases_differ" });
      return;
    }
    setBusy(true);
    setError(null);
    call("set_up", { name, passphrase, language })
      .then((r) => setShown({ key: r.recovery_key, next: r.state }))
      .catch((error: unknown) => setError({ error }))
      .finally(() => setBusy(false));
  };

  if (shown) {
    return <RecoveryKeyShown recoveryKey={shown.key} onDone={() => props.onState(shown.next)} />;
  }
  const title =
    state.phase === "encrypt_existing"
      ? t("lock.encrypt_title")
      : state.phase === "unreadable"
        ? t("lock.unreadable_title")
        : t("lock.set_up_title");
  return (
    <Screen title={title} testId="set-up">
      <label>
        {t("lock.language")}
        <select value={language} onChange={(e) => props.onLanguage(e.target.value as Locale)} data-testid="set-up-language">
          {languageChoices(language).map((locale) => (
            <option key={locale} value={locale}>
              {languageName(locale)}
            </option>
          ))}
        </select>
      </label>
      {state.phase === "encrypt_existing" && <p>{t("lock.encrypt_text")}</p>}
      {state.phase === "unreadable" && (
        <>
          {state.notice && (
            <p className="error" role="alert">
              {formatMessage(state.notice)}
            </p>
          )}
          <p>{t("lock.unreadable_text")}</p>
        </>
      )}
      <form onSubmit={submit} className="lock-form">
        <p>{t("lock.set_up_intro")}</p>
        <label>
          {t("lock.name")}
          <input
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="name"
            {...about(error, "set-up-error", false)}
            data-testid="user-name"
          />
        </label>
        <label>
          {t("lock.new_passphrase")}
          <input
            type="password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            autoComplete="new-password"
            {...about(error, "set-up-error", false)}
            data-testid="new-passphrase"
          />
        </label>
        <label>
          {t("lock.passphrase_again")}
          <input
            type="password"
            value={again}
            onChange={(e) => setAgain(e.target.value)}
            autoComplete="new-password"
            {...about(error, "set-up-error", error !== null && "key" in error)}
            data-testid="new-passphrase-again"
          />
        </label>
        <FailureText failure={error} id="set-up-error" />
        <button type="submit" className="primary" disabled={busy} data-testid="user-save">
          {busy ? t("lock.setting_up") : t("lock.set_up")}
        </button>
      </form>
    </Screen>
  );
}

function RecoveryKeyShown(props: { recoveryKey: string; onDone: () => void }) {
  const [written, setWritten] = useState(false);
  return (
    <Screen title={t("lock.recovery_title")} testId="recovery-key-shown">
      <p className="recovery-key" data-testid="recovery-key">
        {props.recoveryKey}
      </p>
      <p>{t("lock.recovery_text")}</p>
      <label className="check">
        <input autoFocus type="checkbox" checked={written} onChange={(e) => setWritten(e.target.checked)} data-testid="recovery-written" />
        {t("lock.recovery_written")}
      </label>
      <button className="primary" disabled={!written} onClick={props.onDone} data-testid="recovery-done">
        {t("lock.continue")}
      </button>
    </Screen>
  );
}

function Unlock(props: { state: LockState; onState: (state: LockState) => void }) {
  const { state, onState } = props;
  const [passphrase, setPassphrase] = useState("");
  const [error, setError] = useState<Failure>(null);
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
      .catch((error: unknown) => {
        setError({ error });
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
    <Screen title={t("lock.locked_title")} testId="unlock">
      {state.notice && <p className="notice">{formatMessage(state.notice)}</p>}
      <form onSubmit={submit} className="lock-form">
        <label>
          {state.people > 1 ? t("lock.passphrase_own") : t("lock.passphrase")}
          <input
            ref={input}
            autoFocus
            type="password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            autoComplete="current-password"
            {...about(error, "unlock-error")}
            data-testid="passphrase"
          />
        </label>
        <FailureText failure={error} testId="unlock-error" id="unlock-error" />
        {wait > 0 && (
          <p className="notice" aria-live="polite" data-testid="unlock-wait">
            {t("lock.wait", { seconds: wait })}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || wait > 0} data-testid="unlock-submit">
          {busy ? t("lock.unlocking") : t("lock.unlock")}
        </button>
      </form>
      {state.system_login_unlock && (
        <button
          onClick={() => {
            setError(null);
            call("unlock_with_system_login", {})
              .then(onState)
              .catch((error: unknown) => setError({ error }));
          }}
          data-testid="system-login-unlock"
        >
          {t("lock.system_login")}
        </button>
      )}
      <button className="link" onClick={() => setRecovering(true)} data-testid="forgot-passphrase">
        {t("lock.forgot")}
      </button>
    </Screen>
  );
}

function Recover(props: { onState: (state: LockState) => void; onCancel: () => void }) {
  const [recoveryKey, setRecoveryKey] = useState("");
  const [passphrase, setPassphrase] = useState("");
  const [error, setError] = useState<Failure>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    call("recover", { recovery_key: recoveryKey, new_passphrase: passphrase })
      .then(props.onState)
      .catch((error: unknown) => setError({ error }));
  };
  return (
    <Screen title={t("lock.recover_title")} testId="recover">
      <p>{t("lock.recover_text")}</p>
      <form onSubmit={submit} className="lock-form">
        <label>
          {t("lock.recovery_key")}
          <input
            autoFocus
            value={recoveryKey}
            onChange={(e) => setRecoveryKey(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            {...about(error, "recover-error", false)}
            data-testid="recovery-input"
          />
        </label>
        <label>
          {t("lock.recover_passphrase")}
          <input
            type="password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            autoComplete="new-password"
            {...about(error, "recover-error", false)}
            data-testid="recovery-passphrase"
          />
        </label>
        <FailureText failure={error} id="recover-error" />
        <div className="lock-actions">
          <button type="submit" className="primary" data-testid="recover-submit">
            {t("lock.recover")}
          </button>
          <button type="button" onClick={props.onCancel}>
            {t("lock.back")}
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
