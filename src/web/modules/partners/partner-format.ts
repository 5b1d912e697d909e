import type { TFunction } from 'i18next';
import type { Certificate, SupplierWarning } from '../../api/partners.ts';
import type { Language } from '../../i18n/language.ts';

// How suppliers and customers are shown: names, countries, addresses, dates. Text only.

/** The legal name in the UI language first; the other language's name as a second line. */
export function partnerNames(
  partner: { legalNameZh: string; legalNameEn: string },
  language: Language,
) {
  return language === 'zh-CN'
    ? { primary: partner.legalNameZh, secondary: partner.legalNameEn }
    : { primary: partner.legalNameEn, secondary: partner.legalNameZh };
}

/** "China (CN)" / "中国 (CN)" from an ISO 3166-1 alpha-2 code; the code itself if unknown. */
export function countryText(code: string, language: Language): string {
  try {
    const name = new Intl.DisplayNames([language], { type: 'region' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** A day relative to today, in words: "in 20 days", "tomorrow", "today", "3 days ago". */
export function relativeDays(days: number, t: TFunction): string {
  if (days > 1) return t('partners.relative.inDays', { count: days });
  if (days === 1) return t('partners.relative.tomorrow');
  if (days === 0) return t('partners.relative.today');
  if (days === -1) return t('partners.relative.yesterday');
  return t('partners.relative.daysAgo', { count: -days });
}

/** What a certificate's status means today: "expires in 20 days", "expired 3 days ago". */
export function certificateDueText(certificate: Certificate, t: TFunction): string {
  const when = relativeDays(certificate.daysUntilExpiry, t);
  switch (certificate.status) {
    case 'expired':
      return t('partners.certificates.expiredWhen', { when });
    case 'expiring':
    case 'valid':
      return t('partners.certificates.expiresWhen', { when });
    case 'not_yet_valid':
      return t('partners.certificates.notYetValid');
  }
}

/** 1536 → "1.5 kB", 2_400_000 → "2.3 MB". */
export function fileSizeText(bytes: number, language: Language): string {
  const format = (value: number) =>
    new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${format(bytes / 1024)} kB`;
  return `${format(bytes / (1024 * 1024))} MB`;
}

/** Warnings that say "do not use" come first and show in red; the rest in amber. */
export function isSevereWarning(warning: SupplierWarning): boolean {
  return (
    warning.kind === 'certificate_expired' ||
    warning.kind === 'no_valid_certificate' ||
    warning.kind === 'status_disqualified'
  );
}

/** One warning in words, naming the certificate it is about. */
export function warningText(
  warning: SupplierWarning,
  certificates: readonly Certificate[],
  t: TFunction,
): string {
  const certificate = certificates.find((c) => c.id === warning.certificateId);
  const what = certificate
    ? `${t(`partners.certificateType.${certificate.type}`)} ${certificate.number}`
    : warning.certificateType
      ? t(`partners.certificateType.${warning.certificateType}`)
      : '';
  const when = warning.days === undefined ? '' : relativeDays(warning.days, t);
  switch (warning.kind) {
    case 'certificate_expired':
      return t('partners.supplierWarnings.certificate_expired', { what, when });
    case 'certificate_expiring':
      return t('partners.supplierWarnings.certificate_expiring', { what, when });
    case 'no_valid_certificate':
    case 'status_pending':
    case 'status_conditional':
    case 'status_disqualified':
      return t(`partners.supplierWarnings.${warning.kind}`);
  }
}

/** A ship-to address on one line: "Line 1, Line 2, 201100 Shanghai, Shanghai, China (CN)". */
export function addressText(
  address: {
    line1: string;
    line2: string | null;
    city: string;
    region: string | null;
    postcode: string | null;
    country: string;
  },
  language: Language,
  options: { withCountry?: boolean } = {},
): string {
  const city = [address.postcode, address.city].filter(Boolean).join(' ');
  const country = options.withCountry === false ? null : countryText(address.country, language);
  return [address.line1, address.line2, city, address.region, country].filter(Boolean).join(', ');
}

/** Empty text as null: what the API takes for "not stated". */
export function textOrNull(value: string | undefined | null): string | null {
  const text = value?.trim();
  return text ? text : null;
}
