// `lotline udi …` as a label station or script runs it: JSON on stdout, exit codes.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeSymbols } from '../../test/support/barcode.ts';

const CLI = path.resolve(import.meta.dirname, 'cli.ts');
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lotline-cli-udi-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    // No database is opened: an unusable DATABASE_URL proves it.
    const env = { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
    const child = spawn(process.execPath, [CLI, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('lotline udi parse', () => {
  it('prints the normalised object and exits 0', async () => {
    const result = await run(['udi', 'parse', '01095060001343521727123110LOT42^21SN0001']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      agency: 'GS1',
      di: '09506000134352',
      lot: 'LOT42',
      serial: 'SN0001',
      expiry: '2027-12-31',
      bracketed: '(01)09506000134352(17)271231(10)LOT42(21)SN0001',
    });
  });

  it('reads HIBC data (with $ that a shell would expand in double quotes)', async () => {
    const result = await run(['udi', 'parse', '+A123BJC5D6E71G']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ agency: 'HIBCC', di: 'A123BJC5D6E71' });
  });

  it('prints the error as JSON on stdout and exits 1 for invalid data', async () => {
    const result = await run(['udi', 'parse', '(01)09506000134353']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      error: {
        code: 'GS1_CHECK_DIGIT',
        message: expect.stringContaining('at position 17'),
        ai: '01',
        position: 17,
      },
    });
  });

  it('explains ^ for FNC1 and shell quoting in --help', async () => {
    const result = await run(['udi', 'parse', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('write ^ instead');
    expect(result.stdout).toContain('single quotes');
  });
});

describe('lotline udi render', () => {
  it('writes a PNG that scans back as the same UDI', async () => {
    const file = path.join(dir, 'udi.png');
    const result = await run([
      'udi',
      'render',
      '(01)09506000134352(17)271231(10)LOT42(21)SN0001',
      '--symbology',
      'datamatrix',
      '--format',
      'png',
      '-o',
      file,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      output: file,
      contentType: 'image/png',
      encoder: 'gs1datamatrix',
    });
    const [symbol] = await decodeSymbols(await fs.readFile(file));
    expect(symbol?.scan).toBe(']d201095060001343521727123110LOT42\u001d21SN0001');
  });

  it('takes the format from the file name', async () => {
    const file = path.join(dir, 'udi.svg');
    const result = await run([
      'udi',
      'render',
      '(01)09506000134352',
      '--symbology',
      'qr',
      '-o',
      file,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(await fs.readFile(file, 'utf8')).toMatch(/^<svg /);
  });

  it('exits 1 with the error JSON for invalid data, writing nothing', async () => {
    const file = path.join(dir, 'bad.png');
    const result = await run(['udi', 'render', '(01)09506000134353', '-o', file]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { code: 'GS1_CHECK_DIGIT' } });
    await expect(fs.access(file)).rejects.toThrow();
  });

  it('exits 1 with UDI_CANNOT_RENDER for data too long for GS1-128', async () => {
    const long = '(01)09506000134352(17)271231(10)ABCDEFGHIJKLMNOPQRST(21)ABCDEFGHIJ';
    const result = await run(['udi', 'render', long, '--symbology', 'gs1-128', '-o', '-']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      error: { code: 'UDI_CANNOT_RENDER', symbology: 'gs1-128' },
    });
  });

  it.each([
    [['--symbology', 'pdf417', '-o', 'x.png']],
    [['--format', 'gif', '-o', 'x.gif']],
    [['--scale', '0', '-o', 'x.png']],
    [[]],
  ])('exits 2 on bad options %j', async (options) => {
    const result = await run(['udi', 'render', '(01)09506000134352', ...options]);
    expect(result.code).toBe(2);
  });
});
