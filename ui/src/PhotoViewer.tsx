// One photo full size, with what proves it (hash, size, EXIF), its caption and exclusion. A modal
// dialog over the case: Esc closes it and nothing else, so the case stays where it was.
import { useEffect, useRef, useState } from "react";
import type { CaseView, Mark, Photo, WindowedImage } from "./bindings";
import type { Shape } from "./annotations";
import { AnnotationLayer, AnnotationPanel } from "./PhotoAnnotations";
import { call, originalUrl } from "./ipc";
import { errorText, formatDateTime, formatMessage, intlTag, t } from "./labels";
import { Dialog } from "./Dialog";
import { announce } from "./announcer";
import { isTyping } from "./shortcuts";

/** Formats a web view draws as they are, so their originals stream from the vault. */
const STREAMED = ["image/jpeg", "image/png", "image/webp"];

/** The full photo with what proves it: its hash, size, EXIF; the caption and exclusion. */
export function PhotoViewer(props: {
  photo: Photo;
  caseId: string;
  frozen: boolean;
  onSaved: (v: CaseView) => void;
  onClose: () => void;
  onStep: (step: number) => void;
  /** Where the cursor goes when it closes: the photo's thumbnail. */
  returnFocus: () => HTMLElement | null;
}) {
  const { photo, caseId, onClose, onStep } = props;
  const [src, setSrc] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [caption, setCaption] = useState(photo.caption ?? "");
  const [error, setError] = useState<string | null>(null);
  const [excluding, setExcluding] = useState(false);
  const [reason, setReason] = useState("");
  const [full, setFull] = useState(false);
  // An X-ray's gray levels through a window the person sets (16-bit TIFF or PNG only).
  const [windowed, setWindowed] = useState<WindowedImage | null>(null);
  const [levels, setLevels] = useState<{ low: number; high: number } | null>(null);
  // Annotations: shown or not, the shape being drawn, the text to place.
  const [annotationsShown, setAnnotationsShown] = useState(true);
  const [tool, setTool] = useState<Shape | null>(null);
  const [markText, setMarkText] = useState("");
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const excludeStart = useRef<HTMLButtonElement>(null);
  // The exclusion form closed: the cursor back on the button that opened it.
  const wasExcluding = useRef(false);
  useEffect(() => {
    if (wasExcluding.current && !excluding) (excludeStart.current ?? closeButton.current)?.focus();
    wasExcluding.current = excluding;
  }, [excluding]);

  useEffect(() => setCaption(photo.caption ?? ""), [photo.sha256, photo.caption]);

  // The original at full size streams from the vault (a 100 MB photo as bytes, not base64) when
  // the web view draws its format; if it cannot be had that way, the IPC path says why.
  const streamed = full && STREAMED.includes(photo.media_type);
  const [streamFailed, setStreamFailed] = useState(false);
  useEffect(() => setStreamFailed(false), [photo.sha256, full]);

  useEffect(() => {
    // Only this photo's answer may fill the view: stepping on quickly must never show the previous
    // photo's image under this photo's hash.
    let live = true;
    setSrc(null);
    setNote(null);
    if (streamed && !streamFailed) {
      setSrc(originalUrl(photo.sha256));
      return;
    }
    call("photo_image", { sha256: photo.sha256, size: full ? "original" : "preview" })
      .then((img) => {
        if (!live) return;
        setSrc(img.data_url);
        setNote(img.note ? formatMessage(img.note) : null);
      })
      .catch((e: unknown) => {
        if (!live) return;
        setSrc(null);
        setNote(errorText(e));
      });
    return () => {
      live = false;
    };
  }, [photo.sha256, full, streamed, streamFailed]);

  useEffect(() => {
    let live = true;
    setWindowed(null);
    setLevels(null);
    if (photo.media_type !== "image/tiff" && photo.media_type !== "image/png") return;
    call("photo_windowed", { sha256: photo.sha256 })
      .then((w) => live && setWindowed(w))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [photo.sha256, photo.media_type]);

  useEffect(() => {
    // Moved by a slider: asked for once the hand rests, the latest asking wins.
    if (!levels) return;
    let live = true;
    const timer = window.setTimeout(() => {
      call("photo_windowed", { sha256: photo.sha256, low: levels.low, high: levels.high })
        .then((w) => live && w && setWindowed(w))
        .catch((e: unknown) => live && setError(errorText(e)));
    }, 150);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [levels, photo.sha256]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (isTyping(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === "ArrowRight") onStep(1);
    else if (e.key === "ArrowLeft") onStep(-1);
  };

  const act = (p: Promise<CaseView>) =>
    p
      .then((v) => {
        setError(null);
        props.onSaved(v);
        announce(t("announce.saved"));
      })
      .catch((e: unknown) => setError(errorText(e)));
  const annotate = (annotation: string | null, mark: Mark | null) =>
    act(call("annotate_photo", { case_id: caseId, sha256: photo.sha256, annotation, mark }));
  const editable = !props.frozen && photo.excluded === null;
  const saveCaption = () => {
    if (caption.trim() !== (photo.caption ?? "")) act(call("set_photo_caption", { case_id: caseId, sha256: photo.sha256, text: caption }));
  };
  // Taken with the camera here: the app's own record; else what the file's EXIF says.
  const captured = photo.captured;
  const [lat, lon] = captured?.latitude != null ? [captured.latitude, captured.longitude] : [photo.exif.latitude, photo.exif.longitude];
  const gps = lat != null && lon != null ? `${lat.toFixed(5)}, ${lon.toFixed(5)}` : null;
  const taken = captured ? formatDateTime(captured.captured_at) : photo.exif.captured_at ? takenAt(photo.exif.captured_at) : null;
  const camera = captured?.camera ?? photo.exif.camera;
  // The device by the short id its own screen shows.
  const device = captured?.device_short_id ?? "";

  return (
    <Dialog
      onClose={onClose}
      label={t("viewer.label", { name: photo.file_name })}
      className="viewer"
      testId="viewer"
      initialFocus={closeButton}
      returnFocus={props.returnFocus}
      onKeyDown={onKeyDown}
    >
      <div className={`viewer-image ${full ? "full" : ""}`}>
        {(windowed?.data_url ?? src) ? (
          <img
            ref={setImage}
            src={windowed?.data_url ?? src ?? ""}
            alt={photo.caption ?? photo.file_name}
            onError={() => streamed && setStreamFailed(true)}
            data-testid="viewer-img"
          />
        ) : (
          <p className="no-thumb">{note ?? t("case.loading")}</p>
        )}
        {(windowed?.data_url ?? src) && (
          <AnnotationLayer
            image={image}
            annotations={photo.annotations}
            shown={annotationsShown}
            tool={editable ? tool : null}
            text={markText}
            onDraw={(mark) => annotate(null, mark)}
          />
        )}
      </div>
      <aside className="viewer-facts">
        <button ref={closeButton} className="close" onClick={onClose} aria-keyshortcuts="Escape" data-testid="viewer-close">
          <span aria-hidden="true">✕ </span>
          {t("viewer.close")}
        </button>
        <h2>{photo.file_name}</h2>
        {src && note && (
          <p className="hint" data-testid="viewer-note">
            {note}
          </p>
        )}
        {photo.excluded && <p className="error">{t("viewer.excluded", { reason: photo.excluded })}</p>}
        {windowed && (
          <GrayWindow
            image={windowed}
            onChange={(low, high) => setLevels({ low, high })}
            onAuto={() => setLevels({ low: windowed.auto_low, high: windowed.auto_high })}
          />
        )}
        <dl>
          <dt>{t("viewer.sha256")}</dt>
          <dd className="mono hash" data-testid="viewer-sha256">
            {photo.sha256}
          </dd>
          <dt>{t("viewer.size")}</dt>
          <dd>{t("viewer.size_value", { bytes: Number(photo.size), type: photo.media_type })}</dd>
          <dt>{t("viewer.taken")}</dt>
          <dd>{taken ?? t("viewer.not_in_file")}</dd>
          <dt>{t("viewer.camera")}</dt>
          <dd>{camera ?? t("viewer.not_in_file")}</dd>
          <dt>{t("viewer.position")}</dt>
          <dd>{gps ?? t("viewer.not_in_file")}</dd>
          <dt>{t("viewer.source")}</dt>
          <dd data-testid="viewer-source">
            {captured ? t("viewer.source_camera", { device }) : t("viewer.source_file")}
          </dd>
          <dt>{t("viewer.attached")}</dt>
          <dd>{t("viewer.attached_value", { date: formatDateTime(photo.attached_at), author: photo.attached_by })}</dd>
        </dl>
        <AnnotationPanel
          annotations={photo.annotations}
          editable={editable}
          shown={annotationsShown}
          onShown={setAnnotationsShown}
          tool={tool}
          onTool={(chosen) => {
            setTool(chosen);
            // Drawing shows what is drawn.
            if (chosen) setAnnotationsShown(true);
          }}
          text={markText}
          onText={setMarkText}
          onEdit={(id, mark) => annotate(id, mark)}
        />
        <label>
          {t("viewer.caption")}
          <textarea
            value={caption}
            rows={3}
            disabled={props.frozen || photo.excluded !== null}
            onChange={(e) => setCaption(e.target.value)}
            onBlur={saveCaption}
            onKeyDown={(e) => {
              if (e.key === "Enter" && !e.shiftKey) {
                e.preventDefault();
                saveCaption();
              }
            }}
            data-testid="viewer-caption"
          />
        </label>
        {error && (
          <p className="error" role="alert" id="viewer-error">
            {error}
          </p>
        )}
        {!props.frozen && !photo.excluded && !excluding && (
          <button ref={excludeStart} onClick={() => setExcluding(true)}>
            {t("viewer.exclude_start")}
          </button>
        )}
        {excluding && (
          <form
            className="inline"
            onSubmit={(e) => {
              e.preventDefault();
              // The form goes: the cursor to Close rather than nowhere.
              void act(call("exclude_photo", { case_id: caseId, sha256: photo.sha256, reason })).finally(() => closeButton.current?.focus());
              setExcluding(false);
            }}
          >
            <input
              autoFocus
              aria-label={t("viewer.exclude_reason")}
              placeholder={t("viewer.exclude_reason")}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <button type="submit">{t("viewer.exclude")}</button>
            <button type="button" onClick={() => setExcluding(false)}>
              {t("cases.cancel")}
            </button>
          </form>
        )}
        <button onClick={() => setFull(!full)} data-testid="viewer-full">
          {full ? t("viewer.fit") : t("viewer.full_size")}
        </button>
        <div className="viewer-nav">
          <button onClick={() => onStep(-1)} aria-keyshortcuts="ArrowLeft">
            {t("cases.previous")}
          </button>
          <button onClick={() => onStep(1)} aria-keyshortcuts="ArrowRight">
            {t("cases.next")}
          </button>
        </div>
      </aside>
    </Dialog>
  );
}

/**
 * When the camera says the photo was taken, to the second, in the reader's language. EXIF keeps the
 * camera's local time without a zone: read as local, it shows as the camera had it.
 */
function takenAt(exif: string): string {
  const d = new Date(exif.replace(" ", "T"));
  if (Number.isNaN(d.getTime())) return exif;
  return new Intl.DateTimeFormat(intlTag(), { dateStyle: "medium", timeStyle: "medium" }).format(d);
}

/** Black and white levels of an X-ray's window, over the range its detector uses (a power of two). */
function GrayWindow(props: { image: WindowedImage; onChange: (low: number, high: number) => void; onAuto: () => void }) {
  const { image } = props;
  const [low, setLow] = useState(image.low);
  const [high, setHigh] = useState(image.high);
  useEffect(() => {
    setLow(image.low);
    setHigh(image.high);
  }, [image.low, image.high]);
  const top = 2 ** Math.ceil(Math.log2(Math.max(image.auto_high, image.high) + 1));
  const change = (l: number, h: number) => {
    if (l >= h) return;
    setLow(l);
    setHigh(h);
    props.onChange(l, h);
  };
  return (
    <fieldset className="gray-window" data-testid="viewer-window">
      <legend>{t("viewer.window")}</legend>
      <p className="hint">{t("viewer.window_hint")}</p>
      <label>
        <span>{t("viewer.window_low", { level: low })}</span>
        <input type="range" min={0} max={top - 1} value={low} onChange={(e) => change(Number(e.target.value), high)} data-testid="viewer-window-low" />
      </label>
      <label>
        <span>{t("viewer.window_high", { level: high })}</span>
        <input type="range" min={1} max={top} value={high} onChange={(e) => change(low, Number(e.target.value))} data-testid="viewer-window-high" />
      </label>
      <button type="button" onClick={props.onAuto} data-testid="viewer-window-auto">
        {t("viewer.window_auto")}
      </button>
    </fieldset>
  );
}
