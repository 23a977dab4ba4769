// Scanning seal and bag numbers: a handheld barcode scanner types as a keyboard does, a burst of
// keystrokes ending in Enter. The box takes the burst whole (no check or save while it arrives, as
// a typed field does after each pause) and on Enter adds an entry holding the number, checked
// first: a refused number adds nothing and says why. The box keeps the cursor for the next scan,
// so an inspector scans seal after seal without touching the screen. Typed numbers work the same.
import { Camera, ScanLine } from "lucide-react";
import { useId, useRef, useState } from "react";
import type { CaseView, Field, SectionInfo } from "./bindings";
import { CameraCapture } from "./CameraCapture";
import { call } from "./ipc";
import { errorText, formatMessage, intlTag, t } from "./labels";
import { announce } from "./announcer";

export function ScanBox(props: {
  view: CaseView;
  info: SectionInfo;
  field: Field;
  /** The entry's name in words ("Seal"), for the box's label. */
  item: string;
  onSaved: (v: CaseView) => void;
}) {
  const { view, info, field, item } = props;
  const id = useId();
  const [text, setText] = useState("");
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const busy = useRef(false);
  const [camera, setCamera] = useState(false);
  // Mid-sentence in the label, as the add button words it.
  const named = item.toLocaleLowerCase(intlTag());

  async function scanned(value: string) {
    const number = value.trim();
    if (!number || busy.current) return;
    busy.current = true;
    try {
      const check = await call("check_field", { field, text: number, case_id: view.case.id, item: null });
      if (!check.valid) {
        setNote({ ok: false, text: check.text ? formatMessage(check.text) : t("form.not_valid") });
        return;
      }
      const added = await call("add_item", { case_id: view.case.id, section: info.section });
      const entry = added.case.items.filter((i) => i.section === info.section).at(-1);
      if (!entry) return;
      const saved = await call("set_field", { case_id: view.case.id, item: entry.id, field, text: number });
      props.onSaved(saved);
      setText("");
      const done = t("scan.added", { item, value: number });
      setNote({ ok: true, text: done });
      announce(done);
    } catch (e) {
      setNote({ ok: false, text: errorText(e) });
    } finally {
      busy.current = false;
    }
  }

  return (
    <div className="scan-box" data-testid={`scan-${info.section}`}>
      <label htmlFor={id}>
        <ScanLine size={20} aria-hidden="true" />
        {t("scan.label", { item: named })}
      </label>
      <div className="scan-row">
        <input
          id={id}
          value={text}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="done"
          aria-describedby={`${id}-note`}
          aria-invalid={note && !note.ok ? true : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setNote(null);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              void scanned(text);
            }
          }}
          data-testid="scan-input"
        />
        <button type="button" onClick={() => setCamera(true)} data-testid="scan-camera">
          <Camera size={20} aria-hidden="true" />
          {t("scan.camera")}
        </button>
      </div>
      {camera && (
        <CameraCapture
          caseId={view.case.id}
          onCode={(code) => {
            setCamera(false);
            void scanned(code);
          }}
          onClose={() => setCamera(false)}
        />
      )}
      <p id={`${id}-note`} className={note ? (note.ok ? "hint ok" : "error") : "hint"} data-testid="scan-note">
        {note ? note.text : t("scan.hint")}
      </p>
    </div>
  );
}
