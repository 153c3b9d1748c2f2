import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API runs on `attain serve` (port 4000 by default); ATTAIN_API points elsewhere.
// `vite preview` uses the same proxy.
const api = process.env.ATTAIN_API ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': { target: api, changeOrigin: false } } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
});
