// Device settings' Display part: the signed-in person's theme, density and zoom. Each change is
// kept as theirs at once (`set_display`) and the new lock state handed on, so the app is drawn
// anew as it comes back.
import { useState } from "react";
import type { Density, DisplayChoice, LockState, Theme } from "./bindings";
import { call } from "./ipc";
import { errorText, t } from "./labels";
import { nextZoom, ZOOM_DEFAULT, ZOOM_STEPS, type ZoomStep } from "./display";

// Each choice's words; null follows the system.
const THEMES: { value: Theme | null; key: string }[] = [
  { value: null, key: "display.theme_system" },
  { value: "light", key: "display.theme_light" },
  { value: "contrast", key: "display.theme_contrast" },
  { value: "dark", key: "display.theme_dark" },
];
const DENSITIES: { value: Density | null; key: string }[] = [
  { value: null, key: "display.density_system" },
  { value: "compact", key: "display.density_compact" },
  { value: "touch", key: "display.density_touch" },
];

export function DisplaySettings(props: { state: LockState; onState: (state: LockState) => void }) {
  const { state, onState } = props;
  const choice = state.display;
  const [error, setError] = useState<{ error: unknown } | null>(null);
  const change = (patch: Partial<DisplayChoice>) => {
    setError(null);
    call("set_display", { ...choice, ...patch })
      .then(onState)
      .catch((error: unknown) => setError({ error }));
  };
  const zoom = (step: ZoomStep) => change({ zoom_percent: nextZoom(choice.zoom_percent, step) });
  return (
    <section className="device-part" aria-labelledby="display-title" data-testid="display-settings">
      <h2 id="display-title">{t("display.title")}</h2>
      <p className="hint">{t("display.hint")}</p>
      <Choices name="theme" legend={t("display.theme")} options={THEMES} chosen={choice.theme} onChoose={(theme) => change({ theme })} />
      <Choices name="density" legend={t("display.density")} options={DENSITIES} chosen={choice.density} onChoose={(density) => change({ density })} />
      <div className="zoom-row" role="group" aria-labelledby="display-zoom">
        <span id="display-zoom">{t("display.zoom")}</span>
        <button onClick={() => zoom("out")} disabled={choice.zoom_percent <= ZOOM_STEPS[0]} data-testid="zoom-out">
          {t("display.zoom_out")}
        </button>
        <output className="zoom-level" aria-live="polite" data-testid="zoom-level" data-zoom={choice.zoom_percent}>
          {t("display.zoom_level", { percent: choice.zoom_percent })}
        </output>
        <button onClick={() => zoom("in")} disabled={choice.zoom_percent >= ZOOM_STEPS[ZOOM_STEPS.length - 1]} data-testid="zoom-in">
          {t("display.zoom_in")}
        </button>
        <button onClick={() => zoom("reset")} disabled={choice.zoom_percent === ZOOM_DEFAULT} data-testid="zoom-reset">
          {t("display.zoom_reset")}
        </button>
      </div>
      <p className="hint">{t("display.zoom_hint")}</p>
      {error && (
        <p className="error" role="alert">
          {errorText(error.error)}
        </p>
      )}
    </section>
  );
}

/** One setting's radio choices; `null` is "as the system says". */
function Choices<V extends string>(props: {
  name: "theme" | "density";
  legend: string;
  options: { value: V | null; key: string }[];
  chosen: V | null;
  onChoose: (value: V | null) => void;
}) {
  return (
    <fieldset className="choices" data-testid={`display-${props.name}`}>
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.key} className="choice">
          <input
            type="radio"
            name={`display-${props.name}`}
            checked={props.chosen === o.value}
            onChange={() => props.onChoose(o.value)}
            data-testid={`${props.name}-${o.value ?? "system"}`}
          />
          {t(o.key)}
        </label>
      ))}
    </fieldset>
  );
}
