// An evidence item's or a sample's chain of custody on the case screen: handovers, who holds it,
// the next handover.
import { useRef, useState } from "react";
import type { CaseView, CustodyRecord } from "./bindings";
import { call, CallError } from "./ipc";
import { errorText, formatMessage, t } from "./labels";
import { afterHandover, currentHolder, custodyRow, holderLine, itemChain, newHandoverForm, senderText, type HandoverForm } from "./custody";
import { firstProblem, handoverProblems, MAX_CHARS, type Box, type Problem } from "./handover";

/** An evidence item's or a sample's handovers in time order, who holds it now, and a form to record the next one. */
export function CustodyChain(props: {
  caseId: string;
  item: string;
  /** "Evidence item 2" or "Sample 1", to tell one item's form from another's for screen readers. */
  name: string;
  records: CustodyRecord[];
  userName: string | null;
  /** The case cannot be changed now: the chain is shown, the form is not. */
  disabled: boolean;
  onSaved: (v: CaseView) => void;
  onError: (e: CallError) => void;
}) {
  const chain = itemChain(props.records, props.item);
  const holder = currentHolder(chain);
  const [form, setForm] = useState<HandoverForm>(() => newHandoverForm(props.userName));
  const [problems, setProblems] = useState<Partial<Record<Box, Problem>>>({});
  // The time box's own message, as the date check worded it.
  const [atMessage, setAtMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const boxes = useRef<Partial<Record<Box, HTMLInputElement | null>>>({});
  const from = senderText(form, holder);
  const values: Record<Box, string> = { from, to: form.to, place: form.place, at: form.at, condition: form.condition };
  const set = (key: keyof HandoverForm) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setForm((f) => ({ ...f, [key]: e.target.value }));
    // A box being corrected no longer shows what was wrong with it.
    setProblems((p) => ({ ...p, [key]: undefined }));
    if (key === "at") setAtMessage(null);
  };

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setPending(true);
    setError(null);
    try {
      // The time is read as the person types dates (their language, their era), with the same
      // check as a date field, so a time that cannot be read is said beside its box.
      let canonicalAt: string | null = null;
      let unreadable = false;
      if (values.at.trim() !== "") {
        const read = await call("check_field", { field: "sample_taken_at", text: values.at });
        if (read.valid) canonicalAt = read.value;
        else {
          unreadable = true;
          setAtMessage(read.text ? formatMessage(read.text) : t("form.not_valid"));
        }
      }
      const found = handoverProblems(values, canonicalAt);
      setProblems(found);
      const first = firstProblem(unreadable ? { ...found, at: found.at ?? "required" } : found);
      if (first) {
        boxes.current[first]?.focus();
        return;
      }
      const v = await call("record_custody", { case_id: props.caseId, item: props.item, from, to: form.to, place: form.place, at: form.at, condition: form.condition });
      setForm(afterHandover);
      props.onSaved(v);
    } catch (err) {
      // A missing change reason is the case screen's to ask for; anything else is this form's.
      if (err instanceof CallError && err.code === "reason_required") props.onError(err);
      else setError(errorText(err));
    } finally {
      setPending(false);
    }
  };

  const id = (key: string) => `custody-${props.item}-${key}`;
  const messageOf = (key: Box): string | null => {
    if (key === "at" && atMessage) return atMessage;
    const problem = problems[key];
    if (problem === "required") return t("custody.required");
    if (problem === "future") return t("custody.future");
    return null;
  };
  const box = (key: Box, label: string, placeholder?: string) => {
    const message = messageOf(key);
    return (
      <div className="field">
        <div className="field-head">
          <label className="field-label" htmlFor={id(key)}>
            {label}
          </label>
        </div>
        <input
          id={id(key)}
          ref={(el) => {
            boxes.current[key] = el;
          }}
          data-testid={`custody-${key}`}
          value={values[key]}
          placeholder={placeholder}
          maxLength={MAX_CHARS}
          autoComplete="off"
          onChange={set(key)}
          aria-invalid={message ? true : undefined}
          aria-describedby={`${id(key)}-note`}
        />
        <div id={`${id(key)}-note`} className={`note ${message ? "bad" : ""}`} data-testid={`custody-${key}-note`}>
          {message ?? ""}
        </div>
      </div>
    );
  };

  return (
    <div className="custody" data-testid="custody-chain" data-holder={holder ?? ""}>
      <h4>{t("custody.title")}</h4>
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
      {!props.disabled && (
        <form className="custody-form" onSubmit={(e) => void save(e)} aria-label={t("custody.form_label", { name: props.name })} noValidate>
          <h5>{t("custody.form_title")}</h5>
          <div className="grid">
            {box("from", t("custody.from"))}
            {box("to", t("custody.to"))}
            {box("place", t("custody.place"))}
            {box("at", t("custody.at"), t("custody.at_placeholder"))}
            {box("condition", t("custody.condition"), t("custody.condition_placeholder"))}
          </div>
          <p className={`note bad ${error ? "" : "cf-quiet"}`} role="alert" id={id("error")} data-testid="custody-error">
            {error ?? ""}
          </p>
          <button type="submit" className="primary" disabled={pending} data-testid="custody-save">
            {t("custody.save")}
          </button>
        </form>
      )}
    </div>
  );
}
