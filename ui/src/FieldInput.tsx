// One field of the case form: live validation, drafts, saving, and the conflict notice.
import { useContext, useEffect, useRef, useState } from "react";
import type { CaseView, Conflict, FieldInfo } from "./bindings";
import { call, CallError } from "./ipc";
import { toggleCode } from "./format";
import { codeHint, codeLabel, errorText, formatMessage, intlTag, label, t } from "./labels";
import { optionText } from "./statistics";
import { ConflictNotice } from "./ConflictNotice";
import type { EntryChoice } from "./entries";
import { ReasonPromptContext } from "./reasonPrompt";

type Note = { tone: "ok" | "bad" | "info"; text: string } | null;

const CHECK_DELAY_MS = 120; // live feedback while typing
const SAVE_DELAY_MS = 500; // autosave (or draft) once typing pauses
// Long text is kept as a draft at once but recorded only after a longer pause (or on leaving the
// field), so a paragraph becomes one event rather than one per breath.
const LONG_TEXT_RECORD_MS = 2000;

/**
 * One field of the case file. What is valid is saved as an event once typing pauses; what is not
 * is kept as a draft, so a crash mid-form loses nothing. The check runs in Rust as you type.
 */
export function FieldInput(props: {
  caseId: string;
  item: string | null;
  info: FieldInfo;
  saved: string | null;
  draft: string | undefined;
  /** Set when this field was edited on two devices at once and nobody has settled it yet. */
  conflict?: Conflict;
  /** The case cannot be changed now: the value is shown as text, not as a box to type in. */
  readOnly?: boolean;
  /** A reviewer expects this filled and it is not (nor a field that would do instead). */
  expected?: boolean;
  /** For a link to another entry: the entries to choose from. */
  entries?: EntryChoice[];
  onSaved: (view: CaseView) => void;
}) {
  const { caseId, item, info, saved, onSaved } = props;
  const [text, setText] = useState(props.draft ?? saved ?? "");
  const [note, setNote] = useState<Note>(props.draft !== undefined ? { tone: "info", text: t("form.draft_restored") } : null);
  const [state, setState] = useState<"clean" | "dirty" | "saving" | "draft">(props.draft !== undefined ? "draft" : "clean");
  const latest = useRef(text);
  const checkTimer = useRef<number | undefined>(undefined);
  const saveTimer = useRef<number | undefined>(undefined);
  const recordTimer = useRef<number | undefined>(undefined);
  const checkSeq = useRef(0);
  // Saves of this field run one after another, so an older value can never land after a newer one.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const id = `f-${item ?? "case"}-${info.field}`;
  // The conflict a Keep was clicked for: hidden at once, shown again only if that save fails or
  // the saved case still has it.
  const conflictKey = props.conflict?.values.map((v) => v.event_id).join(" ") ?? null;
  const [settling, setSettling] = useState<string | null>(null);
  const conflict = conflictKey !== null && conflictKey !== settling ? props.conflict : undefined;
  const reasonPrompt = useContext(ReasonPromptContext);
  // Text refused for want of a change reason waits (kept as a draft) until a reason is given.
  const waitingForReason = useRef(false);
  useEffect(() => {
    if (!waitingForReason.current) return;
    waitingForReason.current = false;
    void save(latest.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reasonPrompt.given]);

  // Follow the stored value when it changes elsewhere, unless the person is editing this field.
  useEffect(() => {
    if (state === "clean") {
      setText(saved ?? "");
      latest.current = saved ?? "";
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saved]);

  useEffect(() => () => {
    window.clearTimeout(checkTimer.current);
    window.clearTimeout(saveTimer.current);
    window.clearTimeout(recordTimer.current);
  }, []);

  // A draft restored on load: if it is valid now, record it; if not, say why it was not saved.
  useEffect(() => {
    const draft = props.draft;
    if (draft === undefined) return;
    call("check_field", { field: info.field, text: draft, case_id: caseId, item })
      .then((r) => {
        if (r.valid) {
          setState("dirty");
          void save(draft);
        } else {
          setNote({
            tone: "bad",
            text: r.text ? t("form.draft_restored_invalid", { reason: formatMessage(r.text) }) : t("form.draft_restored_not_valid"),
          });
        }
      })
      .catch(() => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function check(value: string) {
    const seq = ++checkSeq.current;
    call("check_field", { field: info.field, text: value, case_id: caseId, item })
      .then((r) => {
        if (seq !== checkSeq.current) return; // a newer keystroke already asked
        if (!r.valid) setNote({ tone: "bad", text: r.text ? formatMessage(r.text) : t("form.not_valid") });
        else setNote(r.text ? { tone: "ok", text: formatMessage(r.text) } : null);
      })
      .catch(() => undefined);
  }

  function save(value: string) {
    window.clearTimeout(saveTimer.current);
    window.clearTimeout(recordTimer.current);
    queue.current = queue.current.then(() => record(value));
    return queue.current;
  }

  function keepDraft(value: string) {
    call("save_draft", { case_id: caseId, item, field: info.field, text: value }).catch(() => undefined);
    recordTimer.current = window.setTimeout(() => void save(value), LONG_TEXT_RECORD_MS);
  }

  async function record(value: string) {
    if (latest.current !== value) return; // a newer value is queued behind this one
    setState("saving");
    try {
      const view = await call("set_field", { case_id: caseId, item, field: info.field, text: value });
      if (latest.current === value) setState("clean");
      onSaved(view);
      setSettling(null);
    } catch (e) {
      const err = e as CallError;
      setSettling(null);
      if (err.code === "invalid_input") {
        await call("save_draft", { case_id: caseId, item, field: info.field, text: value }).catch(() => undefined);
        setNote({ tone: "bad", text: errorText(err) });
        setState("draft");
      } else if (err.code === "reason_required") {
        await call("save_draft", { case_id: caseId, item, field: info.field, text: value }).catch(() => undefined);
        setNote({ tone: "bad", text: t("form.needs_reason") });
        setState("dirty");
        waitingForReason.current = true;
        reasonPrompt.ask();
      } else {
        // Keep the text whatever went wrong, and try again by itself rather than wait for an edit.
        await call("save_draft", { case_id: caseId, item, field: info.field, text: value }).catch(() => undefined);
        setNote({ tone: "bad", text: t("form.not_saved", { reason: errorText(err) }) });
        setState("dirty");
        if (err.code === "storage_busy" || err.code === "internal") {
          saveTimer.current = window.setTimeout(() => void save(value), 2000);
        }
      }
    }
  }

  function edit(value: string, immediately = false) {
    setText(value);
    latest.current = value;
    setState("dirty");
    window.clearTimeout(checkTimer.current);
    window.clearTimeout(saveTimer.current);
    if (immediately) {
      void save(value);
      return;
    }
    window.clearTimeout(recordTimer.current);
    checkTimer.current = window.setTimeout(() => check(value), CHECK_DELAY_MS);
    saveTimer.current = window.setTimeout(
      () => (info.input === "long_text" ? keepDraft(value) : void save(value)),
      SAVE_DELAY_MS,
    );
  }

  const flush = () => {
    if (state === "dirty") void save(latest.current);
  };

  const readOnly = props.readOnly === true;
  // Read-only shows what the file holds; what was typed and not saved comes back with the box.
  const shown = readOnly ? (saved ?? "") : text;
  const empty = shown.trim() === "";
  const showExpected = props.expected === true && empty && !readOnly;
  const stateText = state === "saving" ? t("form.saving") : state === "draft" ? t("form.draft") : state === "dirty" ? t("form.editing") : "";
  // The name is the field's name alone; its state, tags, message and conflict describe it.
  const describedBy = [
    `${id}-note`,
    `${id}-state`,
    info.personal ? `${id}-personal` : null,
    showExpected ? `${id}-expected` : null,
    conflict ? `${id}-conflict` : null,
  ]
    .filter(Boolean)
    .join(" ");
  const invalid = note?.tone === "bad" ? true : undefined;

  let control: React.ReactNode;
  if (readOnly) {
    control = (
      <div id={id} className={`value${empty ? " not-filled" : ""}`} data-field={info.field} data-readonly="true" aria-labelledby={`${id}-label`} aria-describedby={describedBy}>
        {empty ? t("form.not_filled") : shownValue(info, shown, props.entries)}
      </div>
    );
  } else if (info.input === "choice") {
    control = (
      <select
        id={id}
        data-field={info.field}
        value={text}
        onChange={(e) => edit(e.target.value, true)}
        aria-invalid={invalid}
        aria-describedby={describedBy}
      >
        <option value="">—</option>
        {info.options.map((o) => (
          <option key={o.code} value={o.code} title={codeHint(o)}>
            {optionText({ code: o.code, label: codeLabel(o) })}
          </option>
        ))}
      </select>
    );
  } else if (info.input === "entry_choice") {
    // A link kept to an entry no longer offered (withdrawn since) stays shown, as its id says nothing.
    const entries = props.entries ?? [];
    const gone = text !== "" && !entries.some((e) => e.id === text);
    control = (
      <select
        id={id}
        data-field={info.field}
        value={text}
        // Nothing to choose yet (no entry to link to): out of the Tab order, so the keyboard goes on.
        disabled={!entries.length && text === ""}
        onChange={(e) => edit(e.target.value, true)}
        aria-invalid={invalid}
        aria-describedby={describedBy}
      >
        <option value="">—</option>
        {gone && <option value={text}>{t("form.entry_gone")}</option>}
        {entries.map((e) => (
          <option key={e.id} value={e.id}>
            {e.name}
          </option>
        ))}
      </select>
    );
  } else if (info.input === "multi_choice") {
    control = (
      <div className="multi" id={id} data-field={info.field} role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy}>
        {info.options.map((o) => (
          <label key={o.code} className="check" title={codeHint(o)}>
            <input type="checkbox" checked={text.split(" ").includes(o.code)} onChange={(e) => edit(toggleCode(text, o.code, e.target.checked), true)} />
            {o.code} {codeLabel(o)}
          </label>
        ))}
      </div>
    );
  } else if (info.input === "long_text") {
    control = (
      <textarea
        id={id}
        data-field={info.field}
        value={text}
        rows={2}
        placeholder={info.input_hint_key ? label(info.input_hint_key) : undefined}
        onChange={(e) => edit(e.target.value)}
        onBlur={flush}
        aria-invalid={invalid}
        aria-describedby={describedBy}
      />
    );
  } else {
    control = (
      <input
        id={id}
        data-field={info.field}
        value={text}
        placeholder={info.input_hint_key ? label(info.input_hint_key) : undefined}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => edit(e.target.value)}
        onBlur={flush}
        onKeyDown={(e) => e.key === "Enter" && flush()}
        aria-invalid={invalid}
        aria-describedby={describedBy}
      />
    );
  }

  // A box that is not a form control (read-only text, a group of boxes) is named by the label's id.
  const labelled = readOnly || info.input === "multi_choice";
  return (
    <div
      className={`field ${info.input}${conflict ? " conflicted" : ""}${readOnly ? " readonly" : ""}${showExpected ? " expected" : ""}`}
      data-state={state}
      data-box={info.field}
    >
      <div className="field-head">
        {labelled ? (
          <span className="field-label" id={`${id}-label`}>
            {label(info.label_key)}
          </span>
        ) : (
          <label className="field-label" htmlFor={id} id={`${id}-label`}>
            {label(info.label_key)}
          </label>
        )}
        {info.personal && (
          <span className="tag personal" id={`${id}-personal`}>
            <span aria-hidden="true">{t("form.personal")}</span>
            <span className="cf-sr">{t("form.personal_title")}</span>
          </span>
        )}
        {showExpected && (
          <span className="tag expected" id={`${id}-expected`}>
            {t("form.expected")}
          </span>
        )}
        <span className="state" id={`${id}-state`} data-testid={`state-${info.field}`}>
          {stateText}
        </span>
      </div>
      {control}
      {conflict && (
        // Keeping a value is an edit like any other: it goes through this field's save queue.
        <ConflictNotice
          id={`${id}-conflict`}
          conflict={conflict}
          disabled={readOnly || state === "saving"}
          onKeep={(value) => {
            setSettling(conflictKey);
            edit(value, true);
          }}
        />
      )}
      <div id={`${id}-note`} className={`note ${note?.tone ?? ""}`} data-testid={`note-${info.field}`} aria-live="polite">
        {note?.text ?? ""}
      </div>
    </div>
  );
}

/** A stored value as a person reads it: a code's label, several codes' labels, else the text. */
function shownValue(info: FieldInfo, text: string, entries?: EntryChoice[]): string {
  if (info.input === "entry_choice") return entries?.find((e) => e.id === text)?.name ?? t("form.entry_gone");
  const named = (code: string) => {
    const o = info.options.find((x) => x.code === code);
    return o ? optionText({ code: o.code, label: codeLabel(o) }) : code;
  };
  if (info.input === "choice") return named(text);
  if (info.input === "multi_choice") {
    const names = text.split(/\s+/).filter(Boolean).map(named);
    return new Intl.ListFormat(intlTag(), { style: "narrow", type: "unit" }).format(names);
  }
  return text;
}
