// The first-case guide: what a seizure file needs, ticked as the file fills, each step a way to
// its part of the file. Shown on a person's first cases (guide.ts) until they hide it.
import { Circle, CircleCheck, ListChecks, X } from "lucide-react";
import { guideSteps, type Completeness, type Part } from "./completeness";
import { t } from "./labels";

const STEP_TEXT: Partial<Record<Part, string>> = {
  declaration: "casefile.guide_declaration",
  goods_found: "casefile.guide_goods_found",
  concealments: "casefile.guide_concealments",
  photos: "casefile.guide_photos",
  parties: "casefile.guide_parties",
  outcome: "casefile.guide_outcome",
};

export function CaseGuide(props: { completeness: Completeness; onGo: (part: Part) => void; onHide: () => void }) {
  const steps = guideSteps(props.completeness);
  const done = steps.filter((s) => s.done).length;
  return (
    <section className="cf-guide" aria-labelledby="cf-guide-title" data-testid="case-guide" data-done={done}>
      <div className="cf-guide-head">
        <ListChecks size={24} />
        <h2 id="cf-guide-title">{t("casefile.guide_title")}</h2>
        <span className="cf-guide-count">{t("casefile.guide_count", { done, total: steps.length })}</span>
        <button type="button" className="cf-guide-hide" onClick={props.onHide} data-testid="guide-hide">
          <X size={20} />
          {t("casefile.guide_hide")}
        </button>
      </div>
      <p>{t("casefile.guide_intro")}</p>
      <ol>
        {steps.map((s) => (
          <li key={s.part} className={s.done ? "done" : ""} data-step={s.part} data-done={s.done}>
            {s.done ? <CircleCheck size={20} /> : <Circle size={20} />}
            <button type="button" className="link" onClick={() => props.onGo(s.part)} aria-describedby={`cf-guide-${s.part}`}>
              {t(STEP_TEXT[s.part] ?? s.part)}
            </button>
            <span id={`cf-guide-${s.part}`} className="cf-sr">
              {s.done ? t("casefile.guide_done") : t("casefile.guide_todo")}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
