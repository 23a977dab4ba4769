// An evidence item's chain of custody on the case screen: handovers, who holds it, the next handover.
import { useState } from "react";
import type { CaseView, CustodyRecord } from "./bindings";
import { call, CallError } from "./ipc";
import { errorText, t } from "./labels";
import { afterHandover, currentHolder, custodyRow, holderLine, itemChain, newHandoverForm, senderText, type HandoverForm } from "./custody";

/** An evidence item's handovers in time order, who holds it now, and a form to record the next one. */
export function CustodyChain(props: {
  caseId: string;
  item: string;
  /** "Evidence item 2", to tell one item's form from another's for screen readers. */
  name: string;
  records: CustodyRecord[];
  userName: string | null;
  disabled: boolean;
  onSaved: (v: CaseView) => void;
  onError: (e: CallError) => void;
}) {
  const chain = itemChain(props.records, props.item);
  const holder = currentHolder(chain);
  const [form, setForm] = useState<HandoverForm>(() => newHandoverForm(props.userName));
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const from = senderText(form, holder);
  const set = (key: keyof HandoverForm) => (e: React.ChangeEvent<HTMLInputElement>) => setForm((f) => ({ ...f, [key]: e.target.value }));

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    setPending(true);
    call("record_custody", { case_id: props.caseId, item: props.item, from, to: form.to, place: form.place, at: form.at, condition: form.condition })
      .then((v) => {
        setError(null);
        setForm(afterHandover);
        props.onSaved(v);
      })
      .catch((err: CallError) => {
        // A missing change reason is the case screen's to ask for; anything else is this form's.
        if (err.code === "reason_required") props.onError(err);
        else setError(errorText(err));
      })
      .finally(() => setPending(false));
  };

  const id = (key: string) => `custody-${props.item}-${key}`;
  const box = (key: keyof HandoverForm, label: string, value: string, placeholder?: string) => (
    <div className="field">
      <label htmlFor={id(key)}>{label}</label>
      <input
        id={id(key)}
        data-testid={`custody-${key}`}
        value={value}
        placeholder={placeholder}
        onChange={set(key)}
        disabled={props.disabled}
        aria-describedby={error ? id("error") : undefined}
      />
    </div>
  );

  return (
    <div className="custody" data-testid="custody-chain" data-holder={holder ?? ""}>
      <h3>{t("custody.title")}</h3>
      {chain.length > 0 && (
        <ol className="custody-rows">
          {chain.map((r) => (
            <li key={r.event_id} data-testid="custody-row">
              {custodyRow(r)}
            </li>
          ))}
        </ol>
      )}
      <p className={`custody-holder ${holder === null ? "none" : ""}`} data-testid="custody-holder">
        {holderLine(holder)}
      </p>
      <form className="custody-form" onSubmit={save} aria-label={t("custody.form_label", { name: props.name })}>
        <h4>{t("custody.form_title")}</h4>
        <div className="grid">
          {box("from", t("custody.from"), from)}
          {box("to", t("custody.to"), form.to)}
          {box("place", t("custody.place"), form.place)}
          {box("at", t("custody.at"), form.at, t("custody.at_placeholder"))}
          {box("condition", t("custody.condition"), form.condition, t("custody.condition_placeholder"))}
        </div>
        {error && (
          <p className="note bad" role="alert" id={id("error")} data-testid="custody-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={props.disabled || pending} data-testid="custody-save">
          {t("custody.save")}
        </button>
      </form>
    </div>
  );
}
