import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Certificate } from '../../api/partners.ts';
import en from '../../i18n/en.ts';
import { certificateFileProblem, certificateMediaType } from './certificate-file.ts';
import {
  addressText,
  certificateDueText,
  fileSizeText,
  isSevereWarning,
  relativeDays,
  warningText,
} from './partner-format.ts';

/** t() over the English messages, with {{value}} interpolation. */
const t = ((key: string, values: Record<string, unknown> = {}) => {
  const message = key.split('.').reduce<unknown>((node, part) => {
    return typeof node === 'object' && node !== null
      ? (node as Record<string, unknown>)[part]
      : undefined;
  }, en);
  return String(message).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
}) as unknown as TFunction;

function certificate(overrides: Partial<Certificate>): Certificate {
  return {
    id: 'c1',
    supplierId: 's1',
    type: 'iso13485',
    number: 'CN-13485-0815',
    issuer: 'TÜV SÜD',
    validFrom: '2025-01-01',
    validUntil: '2027-12-31',
    status: 'valid',
    daysUntilExpiry: 400,
    supersededById: null,
    file: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('how suppliers and customers are shown', () => {
  it('says how far off a day is, with words for the days around today', () => {
    expect(relativeDays(20, t)).toBe('in 20 days');
    expect(relativeDays(1, t)).toBe('tomorrow');
    expect(relativeDays(0, t)).toBe('today');
    expect(relativeDays(-1, t)).toBe('yesterday');
    expect(relativeDays(-405, t)).toBe('405 days ago');
  });

  it('says when a certificate expires or expired', () => {
    expect(certificateDueText(certificate({ status: 'expiring', daysUntilExpiry: 20 }), t)).toBe(
      'Expires in 20 days',
    );
    expect(certificateDueText(certificate({ status: 'expired', daysUntilExpiry: -3 }), t)).toBe(
      'Expired 3 days ago',
    );
  });

  it('names the certificate a warning is about, and ranks "do not use" warnings as severe', () => {
    const expired = certificate({ status: 'expired', daysUntilExpiry: -10 });
    const warning = {
      kind: 'certificate_expired',
      certificateId: 'c1',
      certificateType: 'iso13485',
      days: -10,
    } as const;
    expect(warningText(warning, [expired], t)).toBe(
      'ISO 13485 certificate CN-13485-0815 expired 10 days ago.',
    );
    expect(isSevereWarning(warning)).toBe(true);
    expect(isSevereWarning({ kind: 'certificate_expiring', days: 5 })).toBe(false);
    expect(isSevereWarning({ kind: 'status_disqualified' })).toBe(true);
  });

  it('writes an address on one line, leaving out what is not stated', () => {
    expect(
      addressText(
        {
          line1: 'Industriestraße 12',
          line2: null,
          city: 'Köln',
          region: null,
          postcode: '51063',
          country: 'DE',
        },
        'en',
      ),
    ).toBe('Industriestraße 12, 51063 Köln, Germany (DE)');
  });

  it('writes file sizes in B, kB and MB', () => {
    expect(fileSizeText(900, 'en')).toBe('900 B');
    expect(fileSizeText(1536, 'en')).toBe('1.5 kB');
    expect(fileSizeText(2.5 * 1024 * 1024, 'en')).toBe('2.5 MB');
  });
});

describe('certificate files', () => {
  it('takes PDF, PNG and JPEG by type or, when the browser gives none, by extension', () => {
    expect(certificateMediaType('iso.pdf', 'application/pdf')).toBe('application/pdf');
    expect(certificateMediaType('SCAN.JPG', '')).toBe('image/jpeg');
    expect(certificateMediaType('licence.png', '')).toBe('image/png');
    expect(certificateMediaType('notes.docx', 'application/msword')).toBeUndefined();
  });

  it('refuses files the server would refuse, before reading them', () => {
    expect(certificateFileProblem({ name: 'a.pdf', type: 'application/pdf', size: 10 })).toBe(
      undefined,
    );
    expect(certificateFileProblem({ name: 'a.txt', type: 'text/plain', size: 10 })).toBe('type');
    expect(certificateFileProblem({ name: 'a.pdf', type: 'application/pdf', size: 0 })).toBe(
      'empty',
    );
    expect(
      certificateFileProblem({
        name: 'a.pdf',
        type: 'application/pdf',
        size: 10 * 1024 * 1024 + 1,
      }),
    ).toBe('size');
  });
});
