import fs from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in src/web and is built into dist/web, which the Fastify
// server serves (static files + SPA fallback). In development the Vite server
// proxies /api to the API server on :3000.
const webRoot = path.resolve(import.meta.dirname, 'src/web');

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    // Ant Design alone is larger than Vite's default 500 kB warning limit.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached
        // across Lotline releases.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/,
              priority: 30,
            },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion)[\\/]/,
              priority: 20,
            },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': {
        target: 'http://localhost:3000',
        // The app's own modules in src/web/api/ share the /api prefix: Vite
        // serves those files, everything else under /api goes to the server.
        bypass: (req) => {
          const pathname = (req.url ?? '').split('?')[0] ?? '';
          const file = path.join(webRoot, pathname);
          return file.startsWith(webRoot + path.sep) && fs.existsSync(file) ? req.url : undefined;
        },
      },
    },
  },
  preview: { port: 4173 },
});
