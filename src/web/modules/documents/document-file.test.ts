import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesToBase64, formatBytes, sha256Hex } from './document-file.ts';

describe('document files in the browser', () => {
  it('encodes any bytes as base64, also past one chunk', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });

  it('computes the SHA-256 the server stores for the file', async () => {
    const bytes = new TextEncoder().encode('WI-IS-010 rev B\n组装作业指导书');
    expect(await sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('states sizes in binary units, as the 10 MiB limit is stated', () => {
    expect(formatBytes(204)).toBe('204 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MiB');
    expect(formatBytes(250 * 1024)).toBe('250 KiB');
  });
});
