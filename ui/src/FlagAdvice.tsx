// Under the flags: the outcome they point to (a suggestion; the person decides) and the control list
// they were judged by, with the step onto a newer list when this device holds one.
import type { CaseView } from "./bindings";
import { call } from "./ipc";
import { flagLabel, label, t } from "./labels";

export function FlagAdvice(props: { view: CaseView; locked: boolean; onAct: (p: Promise<CaseView>) => void }) {
  const { view, locked, onAct } = props;
  const id = view.case.id;
  const suggested = view.suggested_outcome;
  const chosen = view.case.fields.outcome_code?.value;
  const open = view.state !== "closed" && view.state !== "withdrawn";
  const list = view.control_list;
  const outcome = suggested ? label(`outcome.${suggested.code}`) : "";
  const because = suggested ? suggested.because.map(flagLabel).join(", ") : "";
  return (
    <div className="flag-advice">
      {suggested && (
        <p className="suggested" data-testid="suggested-outcome" data-code={suggested.code}>
          {t("case.suggested_outcome", { outcome, flags: because })}
          {open && chosen !== suggested.code && (
            <button
              type="button"
              disabled={locked}
              data-testid="use-suggested-outcome"
              onClick={() => onAct(call("set_field", { case_id: id, item: null, field: "outcome_code", text: suggested.code }))}
            >
              {t("case.use_suggested_outcome")}
            </button>
          )}
        </p>
      )}
      <p className="control-list" data-testid="control-list" data-version={list.version}>
        {t("case.control_list", { version: list.version })}
        {open && list.newest > list.version && (
          <button type="button" disabled={locked} data-testid="apply-control-list" onClick={() => onAct(call("apply_control_list", { case_id: id }))}>
            {t("case.control_list_apply", { version: list.newest })}
          </button>
        )}
      </p>
    </div>
  );
}
