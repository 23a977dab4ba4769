// The camera at the container door: a live preview, a choice of camera, and photos taken one after
// another straight into the case. Each is a frame of the video track at the track's own size (the
// camera's full resolution as the platform offers it to a web view), not of the preview on the
// screen, and is recorded as taken here: the API adds this device and its clock to the signed event.
import { Camera, ScanLine } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import type { CaptureArgs } from "./bindings";
import { Dialog } from "./Dialog";
import { attachPhoto, callWithFile } from "./ipc";
import { errorText, t } from "./labels";

type Shot = { number: number; ok: boolean; text: string };

/** As large as the camera gives: the browser picks the nearest the camera can do. */
const FULL = { width: { ideal: 8192 }, height: { ideal: 8192 } };

/** Longest side of a frame searched for a code: enough for a seal's barcode, quick to send. */
const CODE_FRAME_SIDE = 1920;

/**
 * The camera, taking photos into the case; or, given `onCode`, reading a barcode or QR code from
 * a frame (a seal, a bag's label) and handing its text over.
 */
export function CameraCapture(props: { caseId: string; onTaken?: () => void; onCode?: (text: string) => void; onClose: () => void }) {
  const reading = props.onCode !== undefined;
  const video = useRef<HTMLVideoElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const takeButton = useRef<HTMLButtonElement>(null);
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [cameraId, setCameraId] = useState<string | null>(null);
  const [label, setLabel] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [shots, setShots] = useState<Shot[]>([]);
  const [busy, setBusy] = useState(false);
  const position = useRef<GeolocationCoordinates | null>(null);

  useEffect(() => {
    let live = true;
    let stream: MediaStream | null = null;
    setReady(false);
    const constraints: MediaTrackConstraints = cameraId ? { ...FULL, deviceId: { exact: cameraId } } : { ...FULL, facingMode: "environment" };
    navigator.mediaDevices
      .getUserMedia({ video: constraints, audio: false })
      .then(async (s) => {
        if (!live) return s.getTracks().forEach((track) => track.stop());
        stream = s;
        const track = s.getVideoTracks()[0];
        setLabel(track?.label || null);
        if (video.current) {
          video.current.srcObject = s;
          await video.current.play().catch(() => undefined);
        }
        // Cameras have names only once one may be used.
        const all = await navigator.mediaDevices.enumerateDevices();
        if (!live) return;
        setCameras(all.filter((d) => d.kind === "videoinput"));
        setFailure(null);
        setReady(true);
      })
      .catch((e: unknown) => live && setFailure(e instanceof Error ? `${e.name}: ${e.message}` : String(e)));
    return () => {
      live = false;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [cameraId]);

  // The preview is drawn whole inside its box, at the frame's own proportions (WebKitGTK fills
  // the element with a camera's video whatever `object-fit` says, so the element gets them).
  useEffect(() => {
    const v = video.current;
    const box = frame.current;
    if (!v || !box) return;
    const fit = () => {
      if (!v.videoWidth || !v.videoHeight) return;
      const scale = Math.min(box.clientWidth / v.videoWidth, box.clientHeight / v.videoHeight);
      v.style.width = `${Math.floor(v.videoWidth * scale)}px`;
      v.style.height = `${Math.floor(v.videoHeight * scale)}px`;
    };
    const watch = new ResizeObserver(fit);
    watch.observe(box);
    v.addEventListener("resize", fit);
    v.addEventListener("loadedmetadata", fit);
    return () => {
      watch.disconnect();
      v.removeEventListener("resize", fit);
      v.removeEventListener("loadedmetadata", fit);
    };
  }, [failure]);

  useEffect(() => {
    // Where, when the platform knows: asked once, never waited for.
    navigator.geolocation?.getCurrentPosition(
      (p) => (position.current = p.coords),
      () => undefined,
      { timeout: 10_000, maximumAge: 60_000 },
    );
  }, []);

  useEffect(() => {
    if (ready) takeButton.current?.focus();
  }, [ready]);

  async function readCode() {
    const v = video.current;
    if (!v || !v.videoWidth || busy || !props.onCode) return;
    setBusy(true);
    try {
      const scale = Math.min(1, CODE_FRAME_SIDE / Math.max(v.videoWidth, v.videoHeight));
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(v.videoWidth * scale);
      canvas.height = Math.round(v.videoHeight * scale);
      canvas.getContext("2d")?.drawImage(v, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.9));
      if (!blob) throw new Error("the frame could not be encoded");
      const texts = await callWithFile("read_codes", {}, new Uint8Array(await blob.arrayBuffer()));
      if (texts.length > 0) props.onCode(texts[0]);
      else setShots((s) => [...s, { number: s.length + 1, ok: false, text: t("camera.no_code") }]);
    } catch (e) {
      setShots((s) => [...s, { number: s.length + 1, ok: false, text: errorText(e) }]);
    } finally {
      setBusy(false);
    }
  }

  async function take() {
    const v = video.current;
    if (!v || !v.videoWidth || busy) return;
    setBusy(true);
    const number = shots.length + 1;
    try {
      const canvas = document.createElement("canvas");
      canvas.width = v.videoWidth;
      canvas.height = v.videoHeight;
      canvas.getContext("2d")?.drawImage(v, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.92));
      if (!blob) throw new Error("the frame could not be encoded");
      const stamp = new Date().toISOString().slice(0, 19).replaceAll(":", "-");
      const file = new File([blob], `camera-${stamp}-${number}.jpg`, { type: "image/jpeg" });
      const where = position.current;
      const capture: CaptureArgs = {
        camera: label ?? undefined,
        shot: number,
        latitude: where?.latitude,
        longitude: where?.longitude,
      };
      await attachPhoto(props.caseId, file, capture);
      setShots((s) => [...s, { number, ok: true, text: t("camera.shot_saved", { number }) }]);
      props.onTaken?.();
    } catch (e) {
      setShots((s) => [...s, { number, ok: false, text: t("camera.shot_failed", { number, reason: errorText(e) }) }]);
    } finally {
      setBusy(false);
    }
  }

  const saved = shots.filter((s) => s.ok).length;
  return (
    <Dialog labelledBy="camera-title" className="camera" testId="camera" initialFocus={takeButton} onClose={props.onClose}>
      <h2 id="camera-title">{reading ? t("camera.code_title") : t("camera.title")}</h2>
      <p className="hint">{reading ? t("camera.code_hint") : t("camera.hint")}</p>
      {failure ? (
        <p className="error" role="alert" data-testid="camera-failure">
          {t("camera.unavailable", { detail: failure })}
        </p>
      ) : (
        <div className="camera-preview" ref={frame}>
          {/* The preview has no words to caption: the photo is what it shows. */}
          <video ref={video} muted playsInline data-testid="camera-preview" data-ready={ready} />
          {!ready && <p className="hint">{t("camera.starting")}</p>}
        </div>
      )}
      <div className="camera-controls">
        {cameras.length > 1 && (
          <label>
            <span>{t("camera.choose")}</span>
            <select value={cameraId ?? cameras.find((c) => c.label === label)?.deviceId ?? ""} onChange={(e) => setCameraId(e.target.value)} data-testid="camera-choose">
              {cameras.map((c, i) => (
                <option key={c.deviceId} value={c.deviceId}>
                  {c.label || `${t("camera.open")} ${i + 1}`}
                </option>
              ))}
            </select>
          </label>
        )}
        {reading ? (
          <button ref={takeButton} type="button" className="primary camera-take" disabled={!ready || busy} onClick={() => void readCode()} data-testid="camera-read">
            <ScanLine size={24} aria-hidden="true" />
            {t("camera.read")}
          </button>
        ) : (
          <>
            <button ref={takeButton} type="button" className="primary camera-take" disabled={!ready || busy} onClick={() => void take()} data-testid="camera-take">
              <Camera size={24} aria-hidden="true" />
              {t("camera.take")}
            </button>
            <span aria-live="polite" data-testid="camera-count" data-count={saved}>
              {t("camera.taken", { count: saved })}
            </span>
          </>
        )}
        <button type="button" onClick={props.onClose} data-testid="camera-done">
          {t("camera.done")}
        </button>
      </div>
      {shots.length > 0 && (
        <ul className="camera-shots" data-testid="camera-shots">
          {shots.map((s) => (
            <li key={s.number} className={s.ok ? "ok" : "bad"}>
              {s.text}
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
