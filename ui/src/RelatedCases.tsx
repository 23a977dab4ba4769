// Repeat offenders: each company, person, number, container and document this case names that
// other cases name too, with those cases (opened in one press), and near spellings a person
// decides on. A warning at the top of the file names what a closed seizure named.
import { Network, ShieldAlert } from "lucide-react";
import type { CaseView, EntityMatches, NearKey, SeenIn } from "./bindings";
import { call } from "./ipc";
import { formatDateTime, label, stateLabel, t } from "./labels";
import { entityId, entityKey, seizedBefore, shownName, worthShowing, type Elsewhere } from "./related";

export function SeizureWarning(props: { entities: EntityMatches[]; onShow: (entity: EntityMatches) => void }) {
  const seized = seizedBefore(props.entities);
  if (seized.length === 0) return null;
  return (
    <div className="notice seizure-warning" data-testid="seizure-warning">
      <ShieldAlert size={22} aria-hidden="true" />
      <ul>
        {seized.map((e) => {
          const kind = label(`entity.${e.kind}`);
          const name = shownName(e);
          return (
            <li key={`${e.kind}:${e.key}`}>
              {t("related.seized_warning", { kind, name })}{" "}
              <button type="button" className="link" onClick={() => props.onShow(e)} data-testid="seizure-warning-show">
                {t("related.show_cases")}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Beside an entry or a field: what of it other cases name, each a button to those cases. */
export function SeenBadges(props: { entities: EntityMatches[]; onShow: (entity: EntityMatches) => void }) {
  const seen = props.entities.filter((e) => e.case_count > 0);
  if (seen.length === 0) return null;
  return (
    <div className="seen-badges">
      {seen.map((e) => {
        const kind = label(`entity.${e.kind}`);
        const count = e.case_count;
        return (
          <button
            type="button"
            key={`${e.kind}:${e.key}`}
            className={`seen-badge${e.seized_before ? " seized" : ""}`}
            onClick={() => props.onShow(e)}
            data-testid="seen-badge"
            data-kind={e.kind}
          >
            {e.seized_before && <ShieldAlert size={16} aria-hidden="true" />}
            {t("related.badge", { kind, count })}
          </button>
        );
      })}
    </div>
  );
}

export function RelatedCases(props: {
  caseId: string;
  entities: EntityMatches[] | null;
  /** The server's counts at other ports; null: not signed in, or not asked yet. */
  elsewhere: Elsewhere | null;
  /** The server could not be asked (offline). */
  elsewhereFailed: boolean;
  frozen: boolean;
  onOpenCase: (id: string) => void;
  onShowNetwork: () => void;
  onAct: (change: Promise<CaseView>) => void;
}) {
  const { entities } = props;
  if (entities === null) return <p className="hint">{t("case.loading")}</p>;
  const elsewhere: Elsewhere = props.elsewhere ?? new Map();
  const shown = worthShowing(entities, elsewhere);
  const unasked = props.elsewhereFailed && (
    <p className="hint" data-testid="elsewhere-offline">
      {t("related.elsewhere_offline")}
    </p>
  );
  const network = (
    <button type="button" className="related-network" onClick={props.onShowNetwork} data-testid="show-network">
      <Network size={20} aria-hidden="true" />
      {t("related.show_network")}
    </button>
  );
  if (shown.length === 0) {
    return (
      <>
        <p className="hint" data-testid="related-none">
          {t("related.none")}
        </p>
        {unasked}
        {network}
      </>
    );
  }
  const decide = (entity: EntityMatches, near: NearKey, same: boolean) =>
    props.onAct(call("set_entity_link", { case_id: props.caseId, kind: entity.kind, key: entity.key, other: near.key, same }));
  return (
    <>
    {network}
    {unasked}
    <ul className="related" data-testid="related">
      {shown.map((e) => (
        <li key={`${e.kind}:${e.key}`} id={entityId(e)} tabIndex={-1} className="related-entity" data-kind={e.kind}>
          <h3>
            <span className="related-kind">{label(`entity.${e.kind}`)}</span> <span className="related-name">{shownName(e)}</span>{" "}
            <span className={`related-count${e.seized_before ? " seized" : ""}`} data-testid="related-count">
              {t("related.seen_in", { count: e.case_count })}
            </span>
          </h3>
          {(elsewhere.get(entityKey(e)) ?? 0) > 0 && (
            <p className="related-elsewhere" data-testid="related-elsewhere">
              {t("related.elsewhere", { count: elsewhere.get(entityKey(e)) ?? 0 })}
            </p>
          )}
          {e.cases.length > 0 && (
            <ul className="related-cases">
              {e.cases.map((c) => (
                <li key={c.case_id}>
                  <SeenInCase seen={c} onOpen={props.onOpenCase} />
                </li>
              ))}
            </ul>
          )}
          {e.case_count > e.cases.length && <p className="hint">{t("related.newest_of", { shown: e.cases.length, count: e.case_count })}</p>}
          {e.suggestions.map((near) => (
            <div key={near.key} className="related-suggestion" data-testid="related-suggestion">
              <span>{t("related.maybe_same", { name: near.shown, count: near.cases })}</span>
              {!props.frozen && (
                <span className="related-decide">
                  <button
                    type="button"
                    onClick={() => decide(e, near, true)}
                    aria-label={t("related.same_label", { name: shownName(e), other: near.shown })}
                    data-testid="related-same"
                  >
                    {t("related.same")}
                  </button>
                  <button
                    type="button"
                    onClick={() => decide(e, near, false)}
                    aria-label={t("related.not_same_label", { name: shownName(e), other: near.shown })}
                    data-testid="related-not-same"
                  >
                    {t("related.not_same")}
                  </button>
                </span>
              )}
            </div>
          ))}
        </li>
      ))}
    </ul>
    </>
  );
}

/** Another case naming the entity: a button that opens it, saying where and how it ended. A case
 *  known only from another port's summary is not held here: said so, and nothing to press. */
function SeenInCase(props: { seen: SeenIn; onOpen: (id: string) => void }) {
  const { seen: c } = props;
  const ended = c.outcome ? label(`outcome.${c.outcome}`) : stateLabel(c.state);
  if (c.summary) {
    return (
      <div className="related-case related-summary" data-testid="related-summary" data-case={c.case_id}>
        <strong>{c.case_number}</strong>
        <span>{c.port}</span>
        <span>{formatDateTime(c.opened_at, false)}</span>
        <span className={c.outcome ? "related-outcome" : undefined}>{ended}</span>
        <span className="related-linked">{t("related.summary_only")}</span>
      </div>
    );
  }
  return (
    <button type="button" className="related-case" onClick={() => props.onOpen(c.case_id)} data-testid="related-case" data-case={c.case_id}>
      <strong>{c.case_number}</strong>
      <span>{c.port}</span>
      <span>{formatDateTime(c.opened_at, false)}</span>
      <span className={c.outcome ? "related-outcome" : undefined}>{ended}</span>
      {c.through_link && <span className="related-linked">{t("related.through_link")}</span>}
    </button>
  );
}
