// Annotations over a photo in the viewer: the layer drawn over the image (and drawn on, with the
// chosen shape: drag, or tap the start and then the end; text is typed and then placed), and the
// panel that shows or hides them, picks the shape and lists each one to edit or remove. Each change
// is a signed event; the original is never touched.
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { Annotation, Mark, Point } from "./bindings";
import { distance, lineWidth, SHAPES, shapeKey, strokes, TAP, textSize, thinned, toPoint, type Shape } from "./annotations";
import { formatDateTime, t } from "./labels";
import { announce } from "./announcer";

/** Where the image is drawn within its scrolling frame, in pixels. */
type Frame = { left: number; top: number; width: number; height: number };

/** The marks over the image, and the surface a shape is drawn on while a tool is chosen. */
export function AnnotationLayer(props: {
  image: HTMLImageElement | null;
  annotations: Annotation[];
  shown: boolean;
  tool: Shape | null;
  text: string;
  onDraw: (mark: Mark) => void;
}) {
  const { image, tool } = props;
  const [frame, setFrame] = useState<Frame | null>(null);
  const [draft, setDraft] = useState<Mark | null>(null);
  // A tap set an arrow's or a box's start: the next tap sets its end.
  const [start, setStart] = useState<Point | null>(null);
  // Where the keyboard would place a point, while the drawing area has the focus.
  const [cursor, setCursor] = useState<Point | null>(null);
  const pressed = useRef<{ at: Point; points: Point[] } | null>(null);
  const svg = useRef<SVGSVGElement>(null);

  useLayoutEffect(() => {
    if (!image) return setFrame(null);
    const measure = () =>
      setFrame(image.offsetWidth > 0 ? { left: image.offsetLeft, top: image.offsetTop, width: image.offsetWidth, height: image.offsetHeight } : null);
    measure();
    image.addEventListener("load", measure);
    const observer = new ResizeObserver(measure);
    observer.observe(image);
    window.addEventListener("resize", measure);
    return () => {
      image.removeEventListener("load", measure);
      observer.disconnect();
      window.removeEventListener("resize", measure);
    };
  }, [image]);
  useEffect(() => {
    setStart(null);
    setDraft(null);
  }, [tool]);
  const keyed = tool !== null && tool !== "freehand";

  if (!frame || (!props.shown && !tool)) return null;
  const at = (e: React.PointerEvent) => toPoint(e.clientX, e.clientY, svg.current!.getBoundingClientRect());
  const twoPoint = (shape: "arrow" | "box", from: Point, to: Point): Mark => ({ shape, from, to });

  const onPointerDown = (e: React.PointerEvent) => {
    if (!tool) return;
    e.preventDefault();
    (e.target as Element).setPointerCapture?.(e.pointerId);
    const p = at(e);
    pressed.current = { at: p, points: [p] };
  };
  const onPointerMove = (e: React.PointerEvent) => {
    const down = pressed.current;
    if (!tool || !down) return;
    const p = at(e);
    if (tool === "freehand") {
      if (distance(p, down.points[down.points.length - 1]) >= 15) down.points.push(p);
      setDraft({ shape: "freehand", points: [...down.points] });
    } else if (tool === "arrow" || tool === "box") {
      if (distance(p, down.at) >= TAP) setDraft(twoPoint(tool, down.at, p));
    }
  };
  // A tap (or Enter on the keyboard's point): text goes here; an arrow or a box starts here, or
  // ends here when its start is set.
  const placeAt = (p: Point) => {
    if (tool === "text") {
      props.onDraw({ shape: "text", at: p, text: props.text });
    } else if (tool === "arrow" || tool === "box") {
      if (start) {
        setStart(null);
        if (distance(start, p) > 0) props.onDraw(twoPoint(tool, start, p));
      } else {
        setStart(p);
        announce(t("viewer.annotation_started"));
      }
    }
  };
  const onPointerUp = (e: React.PointerEvent) => {
    const down = pressed.current;
    pressed.current = null;
    if (!tool || !down) return;
    const p = at(e);
    setDraft(null);
    if (tool === "freehand") {
      const points = [...down.points, p];
      // A tap draws nothing: the stroke must go somewhere.
      if (points.some((q) => distance(q, points[0]) >= TAP / 2)) props.onDraw({ shape: "freehand", points: thinned(points) });
    } else if (tool !== "text" && distance(p, down.at) >= TAP) {
      setStart(null);
      props.onDraw(twoPoint(tool, down.at, p));
    } else {
      placeAt(p);
    }
  };
  // The keyboard's point: arrow keys move it (Shift: ten times as far), Enter or Space place it.
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!tool || tool === "freehand") return;
    const step = e.shiftKey ? 1000 : 100;
    const move: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const here = cursor ?? { x: 5000, y: 5000 };
    if (move[e.key]) {
      e.preventDefault();
      e.stopPropagation();
      const clamp = (v: number) => Math.min(10000, Math.max(0, v));
      setCursor({ x: clamp(here.x + move[e.key][0]), y: clamp(here.y + move[e.key][1]) });
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      placeAt(here);
    }
  };

  const { width, height } = frame;
  const marks = props.shown ? props.annotations.map((a) => a.mark) : [];
  return (
    <svg
      ref={svg}
      className={`annotation-layer ${tool ? "drawing" : ""}`}
      style={{ left: frame.left, top: frame.top, width, height }}
      viewBox={`0 0 ${width} ${height}`}
      // A drawing area the keyboard can work while a shape other than freehand is chosen; else
      // only a picture of what the list beside it names.
      {...(keyed ? { role: "application", tabIndex: 0, "aria-label": t("viewer.annotation_area") } : { "aria-hidden": true })}
      onKeyDown={onKeyDown}
      onFocus={() => keyed && setCursor((c) => c ?? { x: 5000, y: 5000 })}
      onBlur={() => setCursor(null)}
      data-testid="annotation-layer"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => {
        pressed.current = null;
        setDraft(null);
      }}
    >
      {marks.map((mark, i) => (
        <Drawn key={props.annotations[i].id} mark={mark} width={width} height={height} />
      ))}
      {draft && <Drawn mark={draft} width={width} height={height} draft />}
      {cursor && keyed && (
        <g className="annotation-cursor" data-testid="annotation-cursor">
          <line x1={(cursor.x / 10000) * width - 14} x2={(cursor.x / 10000) * width + 14} y1={(cursor.y / 10000) * height} y2={(cursor.y / 10000) * height} />
          <line x1={(cursor.x / 10000) * width} x2={(cursor.x / 10000) * width} y1={(cursor.y / 10000) * height - 14} y2={(cursor.y / 10000) * height + 14} />
        </g>
      )}
      {start && (
        <circle
          cx={(start.x / 10000) * width}
          cy={(start.y / 10000) * height}
          r={lineWidth(width, height) * 2}
          className="annotation-start"
          data-testid="annotation-start"
        />
      )}
    </svg>
  );
}

/** One mark: a dark halo under a bright line, so it reads on any photo. */
function Drawn(props: { mark: Mark; width: number; height: number; draft?: boolean }) {
  const { mark, width, height } = props;
  const line = lineWidth(width, height);
  if (mark.shape === "text") {
    const size = textSize(width, height);
    return (
      <text
        x={(mark.at.x / 10000) * width}
        y={(mark.at.y / 10000) * height + size}
        fontSize={size}
        strokeWidth={line}
        className="annotation-text"
        data-testid="annotation-mark"
        data-shape="text"
      >
        {mark.text}
      </text>
    );
  }
  const lines = strokes(mark, width, height).map((points) => points.map(([x, y]) => `${x},${y}`).join(" "));
  return (
    <g className={props.draft ? "annotation draft" : "annotation"} data-testid={props.draft ? "annotation-draft" : "annotation-mark"} data-shape={mark.shape}>
      {lines.map((p, i) => (
        <polyline key={`halo${i}`} points={p} className="halo" strokeWidth={line * 2.2} />
      ))}
      {lines.map((p, i) => (
        <polyline key={`line${i}`} points={p} className="line" strokeWidth={line} />
      ))}
    </g>
  );
}

/** Show or hide the marks, choose a shape, and each mark listed to edit (text) or remove. */
export function AnnotationPanel(props: {
  annotations: Annotation[];
  editable: boolean;
  shown: boolean;
  onShown: (shown: boolean) => void;
  tool: Shape | null;
  onTool: (tool: Shape | null) => void;
  text: string;
  onText: (text: string) => void;
  onEdit: (id: string, mark: Mark | null) => void;
}) {
  const { annotations, editable, tool } = props;
  return (
    <fieldset className="annotations" data-testid="viewer-annotations">
      <legend>{t("viewer.annotations")}</legend>
      <div className="toggle">
        <button type="button" aria-pressed={props.shown} onClick={() => props.onShown(!props.shown)} data-testid="annotations-shown">
          {t("viewer.annotations_shown")}
        </button>
      </div>
      {editable && (
        <>
          <div className="annotation-tools toggle" role="group" aria-label={t("viewer.annotation_tools")}>
            {SHAPES.map((shape) => (
              <button
                key={shape}
                type="button"
                aria-pressed={tool === shape}
                onClick={() => props.onTool(tool === shape ? null : shape)}
                data-testid={`annotate-${shape}`}
              >
                {t(shapeKey(shape))}
              </button>
            ))}
          </div>
          {tool === "text" && (
            <label>
              {t("viewer.annotation_text")}
              <input value={props.text} maxLength={200} onChange={(e) => props.onText(e.target.value)} data-testid="annotation-text" />
            </label>
          )}
          {tool && <p className="hint">{t(tool === "text" ? "viewer.annotation_hint_text" : tool === "freehand" ? "viewer.annotation_hint_freehand" : "viewer.annotation_hint")}</p>}
          {tool && tool !== "freehand" && <p className="hint">{t("viewer.annotation_keys")}</p>}
        </>
      )}
      {annotations.length === 0 ? (
        <p className="hint">{t("viewer.annotations_none")}</p>
      ) : (
        <ol className="annotation-list" data-testid="annotation-list">
          {annotations.map((a) => (
            <AnnotationEntry key={a.id} annotation={a} editable={editable} onEdit={props.onEdit} />
          ))}
        </ol>
      )}
    </fieldset>
  );
}

function AnnotationEntry(props: { annotation: Annotation; editable: boolean; onEdit: (id: string, mark: Mark | null) => void }) {
  const { annotation, editable } = props;
  const { mark } = annotation;
  const [text, setText] = useState(mark.shape === "text" ? mark.text : "");
  useEffect(() => setText(mark.shape === "text" ? mark.text : ""), [mark]);
  const shape = t(shapeKey(mark.shape));
  const saveText = () => {
    if (mark.shape === "text" && text.trim() !== mark.text) props.onEdit(annotation.id, { ...mark, text });
  };
  return (
    <li data-testid="annotation-entry">
      <span className="annotation-shape">{shape}</span>
      {mark.shape === "text" &&
        (editable ? (
          <input
            aria-label={t("viewer.annotation_text")}
            value={text}
            maxLength={200}
            onChange={(e) => setText(e.target.value)}
            onBlur={saveText}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                saveText();
              }
            }}
            data-testid="annotation-entry-text"
          />
        ) : (
          <q>{mark.text}</q>
        ))}
      <span className="hint">{t("viewer.annotation_by", { author: annotation.set_by, date: formatDateTime(annotation.set_at) })}</span>
      {editable && (
        <button type="button" onClick={() => props.onEdit(annotation.id, null)} data-testid="annotation-remove">
          {t("viewer.annotation_remove", { shape })}
        </button>
      )}
    </li>
  );
}
