// Device settings: when the app locks itself, who else may unlock it, and wiping the device.
// Esc closes it.
import { useEffect, useRef, useState } from "react";
import type { LockState } from "./bindings";
import { call } from "./ipc";
import { errorText } from "./labels";

const messageOf = (e: unknown) => (errorText(e));
const IDLE_CHOICES = [1, 2, 5, 10, 15, 30, 60];
const WIPE_WORD = "WIPE";

export function DeviceSettings(props: { state: LockState; onState: (state: LockState) => void; onClose: () => void }) {
  const { state, onState, onClose } = props;
  const close = useRef<HTMLButtonElement>(null);
  // The parent passes a new onClose at each render (every status poll): the effect must not run
  // again then, or it would take the focus from the field being typed in.
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      e.stopPropagation();
      closeRef.current();
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, []);

  return (
    <div className="dialog-backdrop">
      <section className="dialog card" role="dialog" aria-modal="true" aria-labelledby="device-settings-title" data-testid="device-settings">
        <header className="dialog-head">
          <h1 id="device-settings-title">This device</h1>
          <button ref={close} onClick={onClose} title="Close (Esc)" data-testid="close-device-settings">
            Close
          </button>
        </header>
        <IdleLock state={state} onState={onState} />
        <AddPerson onState={onState} />
        <Wipe onState={onState} />
      </section>
    </div>
  );
}

function IdleLock(props: { state: LockState; onState: (state: LockState) => void }) {
  const [error, setError] = useState<string | null>(null);
  const choices = IDLE_CHOICES.includes(props.state.idle_lock_minutes)
    ? IDLE_CHOICES
    : [...IDLE_CHOICES, props.state.idle_lock_minutes].sort((a, b) => a - b);
  return (
    <section className="device-part">
      <h2>Lock</h2>
      <label>
        Lock Quayside after this long without use
        <select
          value={props.state.idle_lock_minutes}
          onChange={(e) =>
            call("set_idle_lock", { minutes: Number(e.target.value) })
              .then(props.onState)
              .catch((err: unknown) => setError(messageOf(err)))
          }
          data-testid="idle-lock-minutes"
        >
          {choices.map((m) => (
            <option key={m} value={m}>
              {m === 1 ? "1 minute" : `${m} minutes`}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">Lock it at once with Ctrl+L or the Lock button. Unlocking keeps what you were typing.</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function AddPerson(props: { onState: (state: LockState) => void }) {
  const [name, setName] = useState("");
  const [passphrase, setPassphrase] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    call("add_person", { name, passphrase })
      .then((state) => {
        props.onState(state);
        setMessage({ ok: true, text: `${name.trim()} can now unlock this device with their own passphrase.` });
        setName("");
        setPassphrase("");
      })
      .catch((err: unknown) => setMessage({ ok: false, text: messageOf(err) }));
  };
  return (
    <section className="device-part">
      <h2>Another person</h2>
      <p className="hint">
        A colleague who shares this device unlocks it with a passphrase of their own; their name goes with their changes.
        They record as an inspector until they sign in to the sync server with their own account.
      </p>
      <form onSubmit={submit} className="lock-form">
        <label>
          Their name
          <input value={name} onChange={(e) => setName(e.target.value)} data-testid="person-name" />
        </label>
        <label>
          Their passphrase (at least 8 characters)
          <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="new-password" data-testid="person-passphrase" />
        </label>
        {message && (
          <p className={message.ok ? "ok" : "error"} role={message.ok ? "status" : "alert"}>
            {message.text}
          </p>
        )}
        <button type="submit" data-testid="person-add">
          Add person
        </button>
      </form>
    </section>
  );
}

function Wipe(props: { onState: (state: LockState) => void }) {
  const [word, setWord] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    call("wipe_device", {})
      .then(props.onState)
      .catch((err: unknown) => setError(messageOf(err)));
  };
  return (
    <section className="device-part danger">
      <h2>Wipe this device</h2>
      <p className="hint">
        Destroys this device's keys: nothing it holds can be read again, by anyone. Cases not yet synced are lost. Use it
        when the device leaves your hands.
      </p>
      <form onSubmit={submit} className="lock-form">
        <label>
          Type {WIPE_WORD} to confirm
          <input value={word} onChange={(e) => setWord(e.target.value)} autoComplete="off" data-testid="wipe-confirm" />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="danger" disabled={word !== WIPE_WORD} data-testid="wipe-device">
          Wipe this device
        </button>
      </form>
    </section>
  );
}
