// The keyboard shortcuts, listed from the same table the keys are read with.
import { Fragment } from "react";
import { Dialog } from "./Dialog";
import { t } from "./labels";
import { keyCaps, SHORTCUT_LABELS, SHORTCUTS } from "./shortcuts";

export function HelpOverlay(props: { onClose: () => void; returnFocus?: () => HTMLElement | null }) {
  return (
    <Dialog onClose={props.onClose} labelledBy="help-title" className="help" testId="help-overlay" returnFocus={props.returnFocus}>
      <header className="dialog-head">
        <h1 id="help-title">{t("shortcut.title")}</h1>
        <button onClick={props.onClose} aria-keyshortcuts="Escape" data-testid="close-help">
          {t("app.close")}
        </button>
      </header>
      <p className="hint">{t("shortcut.while_typing")}</p>
      <table className="shortcuts">
        <thead>
          <tr>
            <th scope="col">{t("shortcut.column_action")}</th>
            <th scope="col">{t("shortcut.column_keys")}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action} data-action={s.action}>
              <th scope="row">{t(SHORTCUT_LABELS[s.action])}</th>
              <td>
                {s.keys.map((binding, i) => (
                  <Fragment key={binding}>
                    {i > 0 && <span className="or"> {t("shortcut.or")} </span>}
                    <kbd>
                      {keyCaps(binding).map((cap, j) => (
                        <Fragment key={j}>
                          {j > 0 && "+"}
                          <kbd>{cap}</kbd>
                        </Fragment>
                      ))}
                    </kbd>
                  </Fragment>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
