/// <reference types="vitest/config" />
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// Served by the gateway at /console/ (gateway/src/console.ts); `vite dev` proxies the API to a running `npm start`.
export default defineConfig({
  base: "/console/",
  plugins: [react()],
  // The councils' rules, from their TypeScript source: the same functions the meetings subgraph runs.
  resolve: { alias: { "@contagem/rules": fileURLToPath(new URL("../../packages/rules/src/index.ts", import.meta.url)) } },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true, assetsInlineLimit: 0 },
  server: {
    proxy: { "/graphql": "http://localhost:4000", "/console/config.json": "http://localhost:4000", "/console/dev-sign-in": "http://localhost:4000", "/documents": "http://localhost:4000" },
  },
  test: { environment: "jsdom", include: ["src/**/*.test.tsx", "src/**/*.test.ts"], setupFiles: ["src/test-setup.ts"] },
});
