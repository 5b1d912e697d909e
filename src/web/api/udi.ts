import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiFetchBlob, apiSend } from './client.ts';

// The UDI module's answers, as in src/server/modules/udi/udi.contract.ts. The
// web app may not import server code (lint rule module-boundaries), so they are
// repeated here; test/e2e/udi.e2e.test.ts fails to compile when they drift apart.

export interface Gs1Element {
  ai: string;
  /** The GS1 dictionary's data title, e.g. "BATCH/LOT" (empty for the few AIs without one). */
  title: string;
  value: string;
}

export interface Gs1Udi {
  agency: 'GS1';
  di?: string | undefined;
  gtin?: string | undefined;
  sscc?: string | undefined;
  lot?: string | undefined;
  serial?: string | undefined;
  /** ISO date; GS1 day 00 is the last day of that month. */
  expiry?: string | undefined;
  productionDate?: string | undefined;
  elements: Gs1Element[];
  bracketed: string;
  digitalLink?: string | undefined;
}

export const HIBC_STRUCTURES = ['primary', 'secondary', 'concatenated'] as const;

export interface HibcDetails {
  structure: (typeof HIBC_STRUCTURES)[number];
  lic?: string | undefined;
  pcn?: string | undefined;
  unitOfMeasure?: number | undefined;
  secondaryFlag?: '$$' | '$$+' | '$' | '$+' | 'julian' | undefined;
  quantity?: number | undefined;
  expiryFormat?:
    'MMYY' | 'MMDDYY' | 'YYMMDD' | 'YYMMDDHH' | 'YYJJJ' | 'YYJJJHH' | 'YYYYMMDD' | undefined;
  expiryHour?: number | undefined;
  linkCharacter?: string | undefined;
  checkCharacter: string;
}

export interface HibcUdi {
  agency: 'HIBCC';
  di?: string | undefined;
  lot?: string | undefined;
  serial?: string | undefined;
  expiry?: string | undefined;
  productionDate?: string | undefined;
  /** As encoded in the symbol: '+' … check character. */
  data: string;
  /** Data between asterisks, a space shown as '_'. */
  hri: string;
  hibc: HibcDetails;
}

export type Udi = Gs1Udi | HibcUdi;

export const UDI_SYMBOLOGIES = ['datamatrix', 'gs1-128', 'qr'] as const;
export type UdiSymbology = (typeof UDI_SYMBOLOGIES)[number];

export interface UdiBuildRequest {
  gtin: string;
  lot?: string | undefined;
  serial?: string | undefined;
  /** YYYY-MM-DD, or YYYY-MM for GS1 day 00. */
  expiry?: string | undefined;
  productionDate?: string | undefined;
}

export interface UdiBuildResponse {
  /** As a scanner transmits it: GS (0x1D) after variable-length values. */
  elementString: string;
  /** With '^' for FNC1, including FNC1 in first position. */
  elementStringCaret: string;
  bracketed: string;
  hri: string[];
  digitalLink?: string | undefined;
  udi: Gs1Udi;
}

export interface LabelParty {
  name: string;
  address?: string | undefined;
}

export interface DeviceLabelRequest {
  data: string;
  productName: string;
  description?: string | undefined;
  model?: string | undefined;
  manufacturer: LabelParty;
  widthMm?: number | undefined;
  heightMm?: number | undefined;
}

/** The data a symbol of this UDI encodes: the canonical element string, or the HIBC data. */
export function udiSymbolData(udi: Udi): string {
  return udi.agency === 'GS1' ? udi.bracketed : udi.data;
}

export const udiKeys = {
  recentScans: ['udi', 'recent-scans'] as const,
  symbol: (data: string, symbology: UdiSymbology) => ['udi', 'symbol', data, symbology] as const,
};

export function parseUdi(data: string): Promise<Udi> {
  return apiSend<Udi>('POST', '/api/udi/parse', { data });
}

/** The symbol of `data` as an SVG image (a Blob); data that is not a valid UDI is refused. */
export function useUdiSymbol(data: string | undefined, symbology: UdiSymbology) {
  return useQuery({
    queryKey: udiKeys.symbol(data ?? '', symbology),
    queryFn: ({ signal }) =>
      apiFetchBlob('POST', '/api/udi/render', { data, symbology, format: 'svg' }, { signal }),
    enabled: data !== undefined,
    // The same data always draws the same symbol.
    staleTime: Infinity,
  });
}

export function useBuildUdi() {
  return useMutation({
    mutationFn: (input: UdiBuildRequest) =>
      apiSend<UdiBuildResponse>('POST', '/api/udi/build', input),
  });
}

/** A device unit label as a PDF Blob. */
export function useDeviceLabel() {
  return useMutation({
    mutationFn: (input: DeviceLabelRequest) =>
      apiFetchBlob('POST', '/api/udi/labels/device', input),
  });
}

/** One reading of the scan screen: the data as given and what the server made of it. */
export interface UdiScan {
  id: number;
  input: string;
  scannedAt: number;
  result: { ok: true; udi: Udi } | { ok: false; error: ApiError };
}

const MAX_RECENT_SCANS = 20;
let nextScanId = 1;

/**
 * The session's recent scans, newest first. Kept in the query cache, so they
 * last while the person moves between screens and are forgotten with
 * everything else at sign-out; never stored in the browser.
 */
export function useRecentScans() {
  const queryClient = useQueryClient();
  const { data } = useQuery({
    queryKey: udiKeys.recentScans,
    queryFn: () => [] as UdiScan[],
    initialData: [] as UdiScan[],
    staleTime: Infinity,
    gcTime: Infinity,
  });
  return {
    scans: data,
    add(scan: Omit<UdiScan, 'id'>): UdiScan {
      const entry = { ...scan, id: nextScanId++ };
      queryClient.setQueryData<UdiScan[]>(udiKeys.recentScans, (previous = []) =>
        [entry, ...previous].slice(0, MAX_RECENT_SCANS),
      );
      return entry;
    },
    clear(): void {
      queryClient.setQueryData<UdiScan[]>(udiKeys.recentScans, []);
    },
  };
}

/** True for an answer that is a verdict on the code (422 with a UDI error code), not a failure to ask. */
export function isUdiVerdict(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 422;
}
