// Device settings: when the app locks itself, the language of the person signed in, who else may
// unlock it, a new recovery key, opening with the system login, and wiping the device. A modal
// dialog: Esc or Close gives the cursor back to what opened it.
import { useEffect, useRef, useState } from "react";
import type { Locale, LockState } from "./bindings";
import { call } from "./ipc";
import { Dialog } from "./Dialog";
import { currentLocale, errorText, t } from "./labels";
import { languageChoices, languageName } from "./language";
import { DisplaySettings } from "./DisplaySettings";

const IDLE_CHOICES = [1, 2, 5, 10, 15, 30, 60];

/** A labelled password or passphrase box, as each form here asks for one. */
function Secret(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: "current-password" | "new-password";
  describedBy?: string;
  testId: string;
}) {
  return (
    <label>
      {props.label}
      <input
        type="password"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        autoComplete={props.autoComplete}
        aria-describedby={props.describedBy}
        data-testid={props.testId}
      />
    </label>
  );
}

/** An error kept as it came, worded when shown: in the language of the moment. */
function ErrorText(props: { error: unknown; id?: string }) {
  return (
    <p className="error" role="alert" id={props.id}>
      {errorText(props.error)}
    </p>
  );
}

export function DeviceSettings(props: {
  state: LockState;
  onState: (state: LockState) => void;
  onClose: () => void;
  returnFocus?: () => HTMLElement | null;
}) {
  const { state, onState, onClose } = props;
  const close = useRef<HTMLButtonElement>(null);
  // Read afresh on opening: signing in or out of a server since changes what the parts offer.
  useEffect(() => {
    call("lock_state", {}).then(onState, () => undefined);
  }, [onState]);

  return (
    <Dialog onClose={onClose} labelledBy="device-settings-title" testId="device-settings" initialFocus={close} returnFocus={props.returnFocus}>
      <section className="dialog-body">
        <header className="dialog-head">
          <h1 id="device-settings-title">{t("device.title")}</h1>
          <button ref={close} onClick={onClose} aria-keyshortcuts="Escape" data-testid="close-device-settings">
            {t("app.close")}
          </button>
        </header>
        <IdleLock state={state} onState={onState} />
        <Language state={state} onState={onState} />
        <DisplaySettings state={state} onState={onState} />
        {state.people_from_server && !state.person_account && state.person && (
          <LinkAccount name={state.person} onState={onState} />
        )}
        <AddPerson fromServer={state.people_from_server} onState={onState} />
        {state.holds_recovery && <NewRecoveryKey />}
        {state.system_login_available && <SystemLogin state={state} onState={onState} />}
        <Wipe onState={onState} />
      </section>
    </Dialog>
  );
}

function IdleLock(props: { state: LockState; onState: (state: LockState) => void }) {
  const [error, setError] = useState<{ error: unknown } | null>(null);
  const choices = IDLE_CHOICES.includes(props.state.idle_lock_minutes)
    ? IDLE_CHOICES
    : [...IDLE_CHOICES, props.state.idle_lock_minutes].sort((a, b) => a - b);
  return (
    <section className="device-part">
      <h2>{t("device.lock")}</h2>
      <label>
        {t("device.idle_lock")}
        <select
          value={props.state.idle_lock_minutes}
          onChange={(e) => {
            setError(null);
            call("set_idle_lock", { minutes: Number(e.target.value) })
              .then(props.onState)
              .catch((error: unknown) => setError({ error }));
          }}
          data-testid="idle-lock-minutes"
        >
          {choices.map((m) => (
            <option key={m} value={m}>
              {t("device.minutes", { minutes: m })}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">{t("device.lock_hint")}</p>
      {error && <ErrorText error={error.error} />}
    </section>
  );
}

/**
 * The signed-in person's language. The app follows the lock state's language, so the new state
 * is read and handed on once it is kept: every screen then speaks it, this one too.
 */
function Language(props: { state: LockState; onState: (state: LockState) => void }) {
  const [error, setError] = useState<{ error: unknown } | null>(null);
  const current = props.state.language ?? currentLocale();
  const choose = (locale: Locale, buddhistEra?: boolean) => {
    setError(null);
    call("set_language", { locale, buddhist_era: buddhistEra ?? null })
      .then(() => call("lock_state", {}))
      .then(props.onState)
      .catch((error: unknown) => setError({ error }));
  };
  return (
    <section className="device-part">
      <h2>{t("device.language")}</h2>
      <label>
        {t("device.language_choice")}
        <select value={current} onChange={(e) => choose(e.target.value as Locale)} data-testid="language">
          {languageChoices(current).map((locale) => (
            <option key={locale} value={locale}>
              {languageName(locale)}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">{t("device.language_hint")}</p>
      {current === "th" && (
        <label className="check">
          <input
            type="checkbox"
            checked={props.state.buddhist_era}
            onChange={(e) => choose(current, e.target.checked)}
            data-testid="buddhist-era"
          />
          {t("device.buddhist_era", { year: "2569", common: "2026" })}
        </label>
      )}
      {error && <ErrorText error={error.error} />}
    </section>
  );
}

/**
 * The signed-in person, on this device since before it was signed in to a server, signs in with
 * their own account there: from then on they record under its user name and role.
 */
function LinkAccount(props: { name: string; onState: (state: LockState) => void }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<{ error: unknown } | null>(null);
  const described = error ? "account-error" : undefined;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    call("link_account", { username, password })
      .then((state) => {
        setPassword("");
        props.onState(state);
      })
      .catch((error: unknown) => setError({ error }));
  };
  return (
    <section className="device-part" data-testid="link-account">
      <h2>{t("device.account")}</h2>
      <p className="hint">{t("device.account_hint", { name: props.name })}</p>
      <form onSubmit={submit} className="lock-form">
        <label>
          {t("device.account_username")}
          <input
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            aria-describedby={described}
            data-testid="account-username"
          />
        </label>
        <Secret
          label={t("device.account_password")}
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          describedBy={described}
          testId="account-password"
        />
        {error && <ErrorText error={error.error} id="account-error" />}
        <button type="submit" data-testid="account-link">
          {t("device.account_link")}
        </button>
      </form>
    </section>
  );
}

/**
 * Another person who may unlock this device. On a device signed in to a sync server they sign in
 * with their account there (its user name is their name, its role theirs); without one they are
 * an inspector under the name typed.
 */
function AddPerson(props: { fromServer: boolean; onState: (state: LockState) => void }) {
  const { fromServer } = props;
  const [name, setName] = useState("");
  const [serverPassword, setServerPassword] = useState("");
  const [passphrase, setPassphrase] = useState("");
  // Who was added, or why not: worded when shown.
  const [outcome, setOutcome] = useState<{ added: string } | { error: unknown } | null>(null);
  const failed = outcome !== null && "error" in outcome;
  const described = failed ? "person-error" : undefined;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    call("add_person", { name, passphrase, server_password: fromServer ? serverPassword : null })
      .then((state) => {
        props.onState(state);
        setOutcome({ added: name.trim() });
        setName("");
        setServerPassword("");
        setPassphrase("");
      })
      .catch((error: unknown) => setOutcome({ error }));
  };
  return (
    <section className="device-part">
      <h2>{t("device.person")}</h2>
      <p className="hint">{t(fromServer ? "device.person_hint_server" : "device.person_hint")}</p>
      <form onSubmit={submit} className="lock-form">
        <label>
          {t(fromServer ? "device.person_username" : "device.person_name")}
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete={fromServer ? "username" : "name"}
            autoCapitalize={fromServer ? "none" : undefined}
            spellCheck={false}
            aria-describedby={described}
            data-testid="person-name"
          />
        </label>
        {fromServer && (
          <Secret
            label={t("device.person_server_password")}
            value={serverPassword}
            onChange={setServerPassword}
            autoComplete="current-password"
            describedBy={described}
            testId="person-server-password"
          />
        )}
        <Secret
          label={t(fromServer ? "device.person_passphrase_here" : "device.person_passphrase")}
          value={passphrase}
          onChange={setPassphrase}
          autoComplete="new-password"
          describedBy={described}
          testId="person-passphrase"
        />
        {outcome &&
          ("added" in outcome ? (
            <p className="ok" role="status">
              {t("device.person_added", { name: outcome.added })}
            </p>
          ) : (
            <ErrorText error={outcome.error} id="person-error" />
          ))}
        <button type="submit" data-testid="person-add">
          {t("device.add_person")}
        </button>
      </form>
    </section>
  );
}

/**
 * A new recovery key for the person who set the device up, after their passphrase: the written
 * copy was lost, or a set-up cut short never showed it. Shown once, here, as at set-up.
 */
function NewRecoveryKey() {
  const [passphrase, setPassphrase] = useState("");
  const [outcome, setOutcome] = useState<{ key: string } | { error: unknown } | null>(null);
  const failed = outcome !== null && "error" in outcome;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    call("new_recovery_key", { passphrase })
      .then((made) => {
        setOutcome({ key: made.recovery_key });
        setPassphrase("");
      })
      .catch((error: unknown) => setOutcome({ error }));
  };
  return (
    <section className="device-part">
      <h2>{t("device.recovery")}</h2>
      <p className="hint">{t("device.recovery_hint")}</p>
      {outcome && "key" in outcome ? (
        <div role="status">
          <p>{t("device.recovery_made")}</p>
          <p className="recovery-key" data-testid="new-recovery-key">
            {outcome.key}
          </p>
        </div>
      ) : (
        <form onSubmit={submit} className="lock-form">
          <Secret
            label={t("device.recovery_passphrase")}
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="current-password"
            describedBy={failed ? "recovery-error" : undefined}
            testId="recovery-key-passphrase"
          />
          {failed && <ErrorText error={outcome.error} id="recovery-error" />}
          <button type="submit" data-testid="make-recovery-key">
            {t("device.recovery_make")}
          </button>
        </form>
      )}
    </section>
  );
}

/**
 * Opening with the system login: a key to this device in the system's keyring for the signed-in
 * person, after their passphrase. Off by default; the hint says who else could then open it.
 */
function SystemLogin(props: { state: LockState; onState: (state: LockState) => void }) {
  const [passphrase, setPassphrase] = useState("");
  const [error, setError] = useState<{ error: unknown } | null>(null);
  const choose = (enabled: boolean) => {
    setError(null);
    call("set_system_login", { enabled, passphrase: enabled ? passphrase : null })
      .then((state) => {
        setPassphrase("");
        props.onState(state);
      })
      .catch((error: unknown) => setError({ error }));
  };
  return (
    <section className="device-part">
      <h2>{t("device.system_login")}</h2>
      <p className="hint">{t("device.system_login_hint")}</p>
      {props.state.system_login_yours ? (
        <>
          <p className="ok" role="status" data-testid="system-login-on">
            {t("device.system_login_on")}
          </p>
          <button onClick={() => choose(false)} data-testid="system-login-disable">
            {t("device.system_login_disable")}
          </button>
        </>
      ) : (
        <form
          className="lock-form"
          onSubmit={(e) => {
            e.preventDefault();
            choose(true);
          }}
        >
          <Secret
            label={t("device.system_login_passphrase")}
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="current-password"
            describedBy={error ? "system-login-error" : undefined}
            testId="system-login-passphrase"
          />
          {error && <ErrorText error={error.error} id="system-login-error" />}
          <button type="submit" data-testid="system-login-enable">
            {t("device.system_login_enable")}
          </button>
        </form>
      )}
      {props.state.system_login_yours && error && <ErrorText error={error.error} id="system-login-error" />}
    </section>
  );
}

function Wipe(props: { onState: (state: LockState) => void }) {
  const [word, setWord] = useState("");
  const [error, setError] = useState<{ error: unknown } | null>(null);
  // The word to type is the language's own (WIPE, BORRAR, ...).
  const wipeWord = t("device.wipe_word");
  const confirmed = word === wipeWord;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    call("wipe_device", {})
      .then(props.onState)
      .catch((error: unknown) => setError({ error }));
  };
  return (
    <section className="device-part danger">
      <h2>{t("device.wipe")}</h2>
      <p className="hint">{t("device.wipe_hint")}</p>
      <form onSubmit={submit} className="lock-form">
        <label>
          {t("device.wipe_confirm", { word: wipeWord })}
          <input value={word} onChange={(e) => setWord(e.target.value)} autoComplete="off" data-testid="wipe-confirm" />
        </label>
        {error && <ErrorText error={error.error} />}
        <button type="submit" className="danger" disabled={!confirmed} data-testid="wipe-device">
          {t("device.wipe")}
        </button>
      </form>
    </section>
  );
}
