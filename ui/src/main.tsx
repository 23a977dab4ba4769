// The UI's entry point: mounts the app into the page.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
// Chinese and Thai names show on a machine without those fonts: the fonts ship with the UI, cut by
// Unicode range, and the web view loads a piece only when text on screen needs it. Thai comes in
// bold too (some 20 kB); Chinese bold is synthesised from the regular (each weight adds 3.5 MB).
import "@fontsource/noto-sans-thai/400.css";
import "@fontsource/noto-sans-thai/700.css";
import "@fontsource/noto-sans-sc/400.css";
import "./styles.css";
import "./styles/dialogs.css";
import "./styles/casefile.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
