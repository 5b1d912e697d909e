// Starts the real `lotline serve` (built web app, fresh embedded database with the
// demo data) on a free port, as a separate process, for browser tests.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface E2eServer {
  url: string;
  stop(): Promise<void>;
}

export async function startE2eServer(): Promise<E2eServer> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lotline-e2e-'));
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [path.join(ROOT, 'src/server/cli.ts'), 'serve', '--demo-if-new'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: '',
        LOTLINE_DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
    },
  );
  let output = '';
  const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /is running at (http:\/\/\S+)[\s\S]*Press Ctrl-C/.exec(output);
      if (m?.[1]) resolve(m[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`lotline serve exited with ${code}:\n${output}`)));
  });
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
