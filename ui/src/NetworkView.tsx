// The network around a case: the cases within two shared entities (companies, numbers,
// containers, documents) drawn as a graph, kept to dates and a port, and, for any case of it, how
// it is linked to this one, told in words. The list beside the graph holds everything the
// drawing shows, for the keyboard and screen readers.
import cytoscape from "cytoscape";
import { ArrowLeft } from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";
import type { EntityGraph, GraphCase, LinkStep } from "./bindings";
import { DEFAULT_FILTER } from "./caseFilter";
import { call } from "./ipc";
import { errorText, formatDateTime, label, stateLabel, t } from "./labels";
import { graphElements, stepTexts } from "./network";

/** The smallest zoom the graph is shown at by itself: 13 px labels at 0.75 are still read. */
const READABLE_ZOOM = 0.75;

type Kept = { opened_from: string; opened_to: string; port: string };

export function NetworkView(props: { caseId: string; onBack: () => void; onOpenCase: (id: string) => void }) {
  const { caseId } = props;
  const [kept, setKept] = useState<Kept>({ opened_from: "", opened_to: "", port: "" });
  const [graph, setGraph] = useState<EntityGraph | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<GraphCase | null>(null);
  const [steps, setSteps] = useState<LinkStep[] | null | undefined>(undefined);
  const drawing = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    const filter = { ...DEFAULT_FILTER, opened_from: kept.opened_from || null, opened_to: kept.opened_to || null, port: kept.port || null };
    call("entity_graph", { case_id: caseId, filter })
      .then((g) => {
        if (!live) return;
        setGraph(g);
        setError(null);
      })
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [caseId, kept]);

  const elements = useMemo(() => (graph ? graphElements(graph) : []), [graph]);
  // The labels are drawn on a canvas, which loads no web font by itself: the pieces of the Thai
  // and Chinese fonts their text needs are loaded first.
  const [fontsReady, setFontsReady] = useState(false);
  useEffect(() => {
    const text = elements.map((e) => String(e.data.label ?? "")).join("");
    let live = true;
    const family = getComputedStyle(document.body).fontFamily;
    Promise.all([document.fonts.load(`12px ${family}`, text), document.fonts.ready])
      .catch(() => undefined)
      .finally(() => live && setFontsReady(true));
    return () => {
      live = false;
    };
  }, [elements]);

  useEffect(() => {
    const container = drawing.current;
    if (!container || elements.length === 0 || !fontsReady) return;
    const css = getComputedStyle(document.documentElement);
    const token = (name: string) => css.getPropertyValue(name).trim();
    const family = getComputedStyle(document.body).fontFamily;
    const cy = cytoscape({
      container,
      elements,
      boxSelectionEnabled: false,
      minZoom: 0.2,
      maxZoom: 3,
      style: [
        {
          selector: "node",
          style: {
            label: "data(label)",
            color: token("--ink"),
            "font-family": family,
            "font-size": 13,
            "text-valign": "bottom",
            "text-margin-y": 4,
            "text-background-color": token("--surface"),
            "text-background-opacity": 0.85,
            "text-wrap": "ellipsis",
            "text-max-width": "220px",
          },
        },
        // Entities named above, cases below: a chain drawn in a line keeps its labels apart.
        { selector: "node.entity", style: { "text-valign": "top", "text-margin-y": -4 } },
        { selector: "node.case", style: { shape: "round-rectangle", width: 22, height: 22, "background-color": token("--accent") } },
        { selector: "node.first", style: { width: 34, height: 34, "border-width": 4, "border-color": token("--ink") } },
        { selector: "node.seized", style: { "background-color": token("--bad") } },
        { selector: "node.entity", style: { shape: "ellipse", width: 14, height: 14, "background-color": token("--muted") } },
        { selector: "node.summary", style: { "border-width": 3, "border-style": "dashed", "border-color": token("--ink") } },
        { selector: "edge", style: { width: 2, "line-color": token("--line"), "curve-style": "straight" } },
        { selector: "edge.linked", style: { "line-style": "dashed", "line-color": token("--warn-line") } },
        { selector: "node:selected", style: { "border-width": 4, "border-color": token("--focus") } },
      ],
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 20000, idealEdgeLength: () => 70, padding: 24 },
    });
    cy.on("tap", "node.case", (event) => {
      const id = event.target.data("caseId") as string;
      const found = graph?.cases.find((c) => c.id === id) ?? null;
      if (found && found.id !== caseId) setChosen(found);
    });
    // Drawn to fit the box, again whenever the box changes size (a window resized, zoomed).
    // Labels stay readable: a network too large to fit at that size is shown around the first
    // case, to be dragged and zoomed.
    const fit = new ResizeObserver(() => {
      cy.resize();
      cy.fit(undefined, 24);
      if (cy.zoom() < READABLE_ZOOM) {
        cy.zoom(READABLE_ZOOM);
        cy.center(cy.$("node.first"));
      }
    });
    fit.observe(container);
    // Laid out and drawn (the layout runs to its end before this): what a test or a timing waits for.
    container.dataset.drawn = String(cy.nodes().length);
    return () => {
      delete container.dataset.drawn;
      fit.disconnect();
      cy.destroy();
    };
  }, [elements, graph, caseId, fontsReady]);

  useEffect(() => {
    if (!chosen) return;
    let live = true;
    setSteps(undefined);
    call("shortest_link", { from: caseId, to: chosen.id })
      .then((found) => live && setSteps(found))
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [caseId, chosen]);

  const first = graph?.cases[0];
  return (
    <main className="detail network" data-testid="network">
      <div className="network-head">
        <button type="button" onClick={props.onBack} data-testid="network-back">
          <ArrowLeft size={20} aria-hidden="true" />
          {t("network.back")}
        </button>
        <h1>{first ? t("network.title", { case: first.case_number }) : t("case.loading")}</h1>
      </div>
      <form className="network-filter" onSubmit={(e) => e.preventDefault()}>
        <label>
          <span>{t("network.opened_from")}</span>
          <input type="date" value={kept.opened_from} onChange={(e) => setKept({ ...kept, opened_from: e.target.value })} data-testid="network-from" />
        </label>
        <label>
          <span>{t("network.opened_to")}</span>
          <input type="date" value={kept.opened_to} onChange={(e) => setKept({ ...kept, opened_to: e.target.value })} data-testid="network-to" />
        </label>
        <label>
          <span>{t("network.port")}</span>
          <input value={kept.port} maxLength={6} onChange={(e) => setKept({ ...kept, port: e.target.value })} data-testid="network-port" />
        </label>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {graph && (
        <>
          <p className="hint" data-testid="network-summary">
            {t("network.summary", { cases: graph.cases.length, entities: graph.entities.length })}
          </p>
          {graph.truncated && (
            <p className="notice" data-testid="network-truncated">
              {t("network.truncated", { max: graph.cases.length })}
            </p>
          )}
          <div className="network-body">
            <div
              ref={drawing}
              className="network-graph"
              role="img"
              aria-label={t("network.summary", { cases: graph.cases.length, entities: graph.entities.length })}
              data-testid="network-graph"
            />
            <section className="network-side" aria-labelledby="network-cases-title">
              {chosen && (
                <div className="network-path" aria-live="polite" data-testid="network-path">
                  <h2>{t("network.path_title", { from: first?.case_number ?? "", to: chosen.case_number })}</h2>
                  {steps === undefined ? (
                    <p className="hint">{t("case.loading")}</p>
                  ) : steps === null ? (
                    <p>{t("network.no_path", { from: first?.case_number ?? "", to: chosen.case_number })}</p>
                  ) : (
                    <ol>
                      {stepTexts(steps).map((text, i) => (
                        <li key={i}>{text}</li>
                      ))}
                    </ol>
                  )}
                  {chosen.summary ? (
                    <p className="hint" data-testid="network-summary-only">
                      {t("related.summary_only")}
                    </p>
                  ) : (
                    <button type="button" onClick={() => props.onOpenCase(chosen.id)} data-testid="network-open">
                      {t("network.open_case", { case: chosen.case_number })}
                    </button>
                  )}
                </div>
              )}
              <h2 id="network-cases-title">{t("network.cases")}</h2>
              {graph.cases.length < 2 ? (
                <p className="hint" data-testid="network-none">
                  {t("network.none")}
                </p>
              ) : (
                <ul className="network-cases">
                  {graph.cases.slice(1).map((c) => (
                    <li key={c.id}>
                      <button
                        type="button"
                        className="related-case"
                        aria-pressed={chosen?.id === c.id}
                        onClick={() => setChosen(c)}
                        data-testid="network-case"
                      >
                        <strong>{c.case_number}</strong>
                        <span>{c.port}</span>
                        <span>{formatDateTime(c.opened_at, false)}</span>
                        <span>{c.outcome ? label(`outcome.${c.outcome}`) : stateLabel(c.state)}</span>
                        <span className="related-linked">{t("network.depth", { depth: c.depth })}</span>
                        {c.summary && <span className="related-linked">{t("related.summary_only")}</span>}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        </>
      )}
    </main>
  );
}
