import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The Maven build sets MRS_WEB_OUT to web/target/classes/META-INF/resources, which Quarkus serves.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: process.env.MRS_WEB_OUT ?? "dist",
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
});
