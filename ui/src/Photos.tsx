// A case's photo gallery and the import of files into it.
import { Camera, ImagePlus } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import type { AttachResult, CaseView, Photo } from "./bindings";
import { attachPhoto, attachPickedPhoto, call, pickPhotos } from "./ipc";
import { errorText, formatDateTime, formatMessage, t } from "./labels";
import { importedText } from "./photoImport";
import { CameraCapture } from "./CameraCapture";
import { PhotoViewer } from "./PhotoViewer";

type Outcome = { file: string; ok: boolean; text: string };

/** One file to import: picked in the Open dialog (the app reads it) or dropped on the page. */
type Source = { name: string; size: number; attach(): Promise<AttachResult> };

/** How often the gallery refreshes during a long import: often enough to see it grow. */
const REFRESH_EVERY = 10;

export function Photos(props: {
  view: CaseView;
  frozen: boolean;
  maxBytes: number;
  onSaved: (v: CaseView) => void;
}) {
  const { view, frozen, onSaved } = props;
  const caseId = view.case.id;
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [dragging, setDragging] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [camera, setCamera] = useState(false);
  const gallery = useRef<HTMLDivElement>(null);
  // The photo last shown: its thumbnail gets the cursor when the viewer closes, so the person
  // goes on from the photo they stepped to.
  const lastShown = useRef<string | null>(null);
  if (open) lastShown.current = open;

  const refresh = () => call("get_case", { case_id: caseId }).then(onSaved).catch(() => undefined);

  const dropped = (files: File[]): Source[] =>
    files.map((file) => ({ name: file.name, size: file.size, attach: () => attachPhoto(caseId, file) }));

  async function pickAndImport() {
    try {
      const picked = await pickPhotos(t("photos.pick_title"), t("photos.pick_filter"));
      await importFiles(picked.map((p) => ({ name: p.file_name, size: p.size, attach: () => attachPickedPhoto(caseId, p.token) })));
    } catch (e) {
      setOutcomes([{ file: t("photos.title"), ok: false, text: errorText(e) }]);
    }
  }

  async function importFiles(files: Source[]) {
    if (files.length === 0) return;
    if (progress) {
      // One import at a time; say so for each file rather than drop them silently.
      const busy = files.map((f) => ({ file: f.name, ok: false, text: t("photos.busy") }));
      setOutcomes((o) => [...o, ...busy]);
      return;
    }
    setOutcomes([]);
    setProgress({ done: 0, total: files.length });
    for (const [i, file] of files.entries()) {
      let outcome: Outcome;
      if (file.size > props.maxBytes) {
        // Refused before reading: a huge file would otherwise be loaded into memory first.
        const size = Math.round(file.size / 1024 / 1024);
        const limit = Math.round(props.maxBytes / 1024 / 1024);
        outcome = { file: file.name, ok: false, text: t("photos.too_big", { size, limit }) };
      } else {
        try {
          const r = await file.attach();
          outcome = { file: file.name, ok: true, text: importedText(r) };
        } catch (e) {
          outcome = { file: file.name, ok: false, text: errorText(e) };
        }
      }
      setOutcomes((o) => [...o, outcome]);
      setProgress({ done: i + 1, total: files.length });
      if ((i + 1) % REFRESH_EVERY === 0) await refresh();
    }
    await refresh();
    setProgress(null);
  }

  const failed = outcomes.filter((o) => !o.ok).length;
  const photos = view.case.photos;
  const index = open ? photos.findIndex((p) => p.sha256 === open) : -1;

  return (
    <section
      id="s-photos"
      className={`section photos ${dragging ? "dragging" : ""}`}
      data-section="photos"
      onDragOver={(e) => {
        if (frozen) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        if (!frozen) void importFiles(dropped([...e.dataTransfer.files]));
      }}
    >
      <h2>
        {t("photos.title")} <span className="count">{photos.filter((p) => !p.excluded).length}</span>
      </h2>
      <div className="photo-actions">
        <button
          type="button"
          className="cf-add"
          disabled={frozen || progress !== null}
          data-testid="photo-add"
          onClick={() => void pickAndImport()}
        >
          <ImagePlus size={20} />
          {t("photos.add")}
        </button>
        <button type="button" className="cf-add" disabled={frozen || progress !== null} data-testid="camera-open" onClick={() => setCamera(true)}>
          <Camera size={20} />
          {t("camera.open")}
        </button>
        <span className="hint">{t("photos.drop")}</span>
      </div>
      {progress && (
        <div className="progress" data-testid="photo-progress">
          <progress max={progress.total} value={progress.done} />
          <span>{t("photos.progress", { done: progress.done, total: progress.total })}</span>
        </div>
      )}
      {outcomes.length > 0 && (
        <details className="outcomes" open={failed > 0} data-testid="photo-outcomes">
          <summary>
            {failed
              ? t("photos.imported_some", { imported: outcomes.length - failed, total: outcomes.length, failed })
              : t("photos.imported", { imported: outcomes.length, total: outcomes.length })}
          </summary>
          <ul>
            {outcomes.map((o, i) => (
              <li key={i} className={o.ok ? "ok" : "bad"} data-ok={o.ok}>
                <strong>{o.file}</strong>: {o.text}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="gallery" data-testid="gallery" ref={gallery}>
        {photos.map((p) => (
          <Thumb key={p.sha256} photo={p} onOpen={() => setOpen(p.sha256)} />
        ))}
      </div>
      {camera && <CameraCapture caseId={caseId} onTaken={() => void refresh()} onClose={() => setCamera(false)} />}
      {index >= 0 && (
        <PhotoViewer
          photo={photos[index]}
          caseId={caseId}
          frozen={frozen}
          onSaved={onSaved}
          onClose={() => setOpen(null)}
          onStep={(step) => setOpen(photos[(index + step + photos.length) % photos.length].sha256)}
          returnFocus={() =>
            lastShown.current ? (gallery.current?.querySelector<HTMLElement>(`[data-sha256="${CSS.escape(lastShown.current)}"]`) ?? null) : null
          }
        />
      )}
    </section>
  );
}

function Thumb({ photo, onOpen }: { photo: Photo; onOpen: () => void }) {
  const [src, setSrc] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call("photo_image", { sha256: photo.sha256, size: "thumbnail" })
      .then((img) => {
        if (!live) return;
        setSrc(img.data_url);
        setNote(img.note ? formatMessage(img.note) : null);
      })
      .catch((e: unknown) => live && setNote(errorText(e)));
    return () => {
      live = false;
    };
  }, [photo.sha256]);
  return (
    <button
      className={`thumb ${photo.excluded ? "excluded" : ""}`}
      onClick={onOpen}
      data-testid="thumb"
      data-sha256={photo.sha256}
      data-caption={photo.caption ?? ""}
      aria-haspopup="dialog"
    >
      {/* Named by its caption below: the image would only say it again. */}
      {src ? <img src={src} alt="" /> : <span className="no-thumb">{note ?? "…"}</span>}
      <span className="thumb-name">{photo.excluded ? t("photos.excluded", { name: photo.file_name }) : photo.caption ?? photo.file_name}</span>
      <span className="thumb-time">{formatDateTime(photo.exif.captured_at?.replace(" ", "T") ?? photo.attached_at)}</span>
      {photo.annotations.length > 0 && (
        <span className="thumb-marks" data-testid="thumb-marks">
          {t("photos.annotated", { count: photo.annotations.length })}
        </span>
      )}
    </button>
  );
}
