import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import type { Plugin } from "vite";

// The font packages offer each piece as WOFF2 and again as WOFF for old browsers. Every web view
// the app runs in reads WOFF2, so the WOFF copies (4.7 MB for Chinese) are left out of the build.
const woff2Only: Plugin = {
  name: "quayside-woff2-only",
  enforce: "pre",
  transform(code, id) {
    if (!/@fontsource\/.*\.css$/.test(id)) return null;
    return { code: code.replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/g, ""), map: null };
  },
};

export default defineConfig({
  plugins: [woff2Only, react()],
  base: "./",
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { outDir: "dist", emptyOutDir: true, target: "safari15" },
  test: { environment: "node", include: ["src/**/*.test.ts"] },
});
