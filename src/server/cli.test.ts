// Drives the real `lotline` command as a person would: start, Ctrl-C, start again.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './platform/identity/index.ts';

const CLI = path.resolve(import.meta.dirname, 'cli.ts');
let dataDir: string;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lotline-cli-'));
});
afterAll(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // Always the embedded database here: this file tests its persistence.
  return {
    ...process.env,
    DATABASE_URL: '',
    LOTLINE_DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: env(extraEnv) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface Server {
  child: ChildProcessWithoutNullStreams;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

function serve(args: string[] = []): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--no-web', ...args], { env: env() });
    let out = '';
    const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /is running at (http:\/\/\S+)[\s\S]*Press Ctrl-C/.exec(out);
      if (m?.[1]) resolve({ child, url: m[1], output: () => out, exited });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) =>
      reject(new Error(`serve exited with ${code} before it was ready:\n${out}`)),
    );
  });
}

async function aboutOf(url: string): Promise<{ instanceId: string; database: { kind: string } }> {
  // The demo administrator exists because the first start loaded the demo data.
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const res = await fetch(`${url}/api/about`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as { instanceId: string; database: { kind: string } };
}

describe('lotline serve on the embedded database', () => {
  it('starts, stops cleanly on Ctrl-C, and keeps its data across restarts', async () => {
    const first = await serve(['--demo-if-new']);
    expect(first.output()).toMatch(/embedded PGlite at .*pglite/);
    expect(first.output()).toMatch(/evaluation, training and single-user pilots/);
    const health = await fetch(`${first.url}/api/health`);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      database: { kind: 'pglite', ok: true },
    });
    const before = await aboutOf(first.url);
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);

    const second = await serve(['--demo-if-new']);
    const after = await aboutOf(second.url);
    expect(after.instanceId).toBe(before.instanceId);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('loaded the demo data once, on the new database, and refuses to load it twice', async () => {
    const again = await run(['seed', '--demo']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already loaded/);
  });

  it('migrate reports an up-to-date database', async () => {
    const res = await run(['migrate']);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/up to date/);
  });
});

describe('lotline command line', () => {
  it('explains each subcommand with --help', async () => {
    for (const [cmd, expected] of [
      ['serve', /--demo-if-new/],
      ['migrate', /pending database migration/],
      ['seed', /--demo/],
    ] as const) {
      const res = await run([cmd, '--help']);
      expect(res.code).toBe(0);
      expect(res.stdout).toMatch(expected);
    }
  });

  it('refuses a bad configuration with exit code 2 and names the variable', async () => {
    const res = await run(['migrate'], { PORT: 'eighty' });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/Invalid configuration:\n {2}- PORT: must be a whole number/);
  });

  it('refuses an unknown command with exit code 2', async () => {
    const res = await run(['frobnicate']);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/unknown command 'frobnicate'/);
  });
});
