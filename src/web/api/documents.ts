import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ControlledDocument,
  ControlledDocumentDetail,
  DocumentFileInput,
  DocumentKind,
  DocumentVersion,
  DocumentVersionStatus,
} from '../../shared/documents.contract.ts';
import type { ListResult } from '../../shared/list.ts';
import type { SignatureInput } from '../../shared/signatures.contract.ts';
import { apiFetchBlob, apiGet, apiSend, queryString } from './client.ts';

export type {
  ControlledDocument,
  ControlledDocumentDetail,
  DocumentFileInput,
  DocumentKind,
  DocumentVersion,
  DocumentVersionRef,
  DocumentVersionStatus,
} from '../../shared/documents.contract.ts';

// As in the contract; not imported from it, which would bring zod into the bundle.
export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'sop',
  'work_instruction',
  'specification',
  'label_artwork',
  'drawing',
  'form',
  'other',
];
export const DOCUMENT_VERSION_STATUSES: readonly DocumentVersionStatus[] = [
  'draft',
  'in_review',
  'approved',
  'effective',
  'superseded',
  'obsolete',
];
/** Largest file a document version may carry (bytes), as the server checks. */
export const MAX_DOCUMENT_FILE_BYTES = 10 * 1024 * 1024;

/** Statuses a revision can be withdrawn from (made obsolete), as the server allows. */
export const OBSOLETABLE_STATUSES: readonly DocumentVersionStatus[] = [
  'draft',
  'in_review',
  'approved',
  'effective',
  'superseded',
];

export interface DocumentFilters {
  q?: string;
  kind?: DocumentKind;
  /** 'true': documents with an effective revision; 'false': those without. */
  hasEffective?: 'true' | 'false';
}

export type DocumentListParams = DocumentFilters & { limit: number; offset: number };

export const documentKeys = {
  all: ['documents'] as const,
  list: (params: DocumentListParams) => ['documents', 'list', params] as const,
  detail: (id: string) => ['documents', 'detail', id] as const,
  version: (id: string) => ['documents', 'version', id] as const,
};

export function useDocuments(params: DocumentListParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: documentKeys.list(params),
    queryFn: ({ signal }) =>
      apiGet<ListResult<ControlledDocument>>(`/api/documents${queryString({ ...params })}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useDocument(id: string) {
  return useQuery({
    queryKey: documentKeys.detail(id),
    queryFn: ({ signal }) =>
      apiGet<ControlledDocumentDetail>(`/api/documents/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useDocumentVersion(id: string | undefined) {
  return useQuery({
    queryKey: documentKeys.version(id ?? ''),
    queryFn: ({ signal }) =>
      apiGet<DocumentVersion>(`/api/document-versions/${encodeURIComponent(id ?? '')}`, {
        signal,
      }),
    enabled: Boolean(id),
  });
}

export interface CreateDocumentInput {
  number: string;
  titleZh: string;
  titleEn: string;
  kind: DocumentKind;
  reason?: string;
}

export function useCreateDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateDocumentInput) =>
      apiSend<ControlledDocumentDetail>('POST', '/api/documents', input),
    onSuccess: (doc) => {
      queryClient.setQueryData(documentKeys.detail(doc.id), doc);
      void queryClient.invalidateQueries({ queryKey: documentKeys.all });
    },
  });
}

export function useCreateDocumentVersion(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { changeSummary: string; file?: DocumentFileInput }) =>
      apiSend<DocumentVersion>(
        'POST',
        `/api/documents/${encodeURIComponent(documentId)}/versions`,
        input,
      ),
    onSuccess: (version) => {
      queryClient.setQueryData(documentKeys.version(version.id), version);
      void queryClient.invalidateQueries({ queryKey: documentKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** Everything that can happen to a revision; the server decides whether its status allows it. */
export type DocumentVersionAction =
  | { kind: 'summary'; changeSummary: string }
  | { kind: 'file'; file: DocumentFileInput }
  | { kind: 'submit' }
  | { kind: 'return'; reason: string }
  | { kind: 'approve'; signature: SignatureInput }
  | { kind: 'make-effective'; effectiveFrom?: string }
  | { kind: 'obsolete'; signature: SignatureInput; reason: string };

function sendVersionAction(id: string, action: DocumentVersionAction): Promise<DocumentVersion> {
  const base = `/api/document-versions/${encodeURIComponent(id)}`;
  switch (action.kind) {
    case 'summary':
      return apiSend('PATCH', base, { changeSummary: action.changeSummary });
    case 'file':
      return apiSend('PUT', `${base}/file`, action.file);
    case 'submit':
      return apiSend('POST', `${base}/submit`);
    case 'return':
      return apiSend('POST', `${base}/return`, { reason: action.reason });
    case 'approve':
      return apiSend('POST', `${base}/approve`, { signature: action.signature });
    case 'make-effective':
      return apiSend(
        'POST',
        `${base}/make-effective`,
        action.effectiveFrom ? { effectiveFrom: action.effectiveFrom } : {},
      );
    case 'obsolete':
      return apiSend('POST', `${base}/obsolete`, {
        signature: action.signature,
        reason: action.reason,
      });
  }
}

export function useDocumentVersionAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: DocumentVersionAction) => sendVersionAction(id, action),
    onSuccess: (version) => {
      queryClient.setQueryData(documentKeys.version(id), version);
      // Making one revision effective supersedes another: refresh the document and lists.
      void queryClient.invalidateQueries({ queryKey: documentKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** The address of a revision's file (X-Checksum-SHA256 carries its SHA-256). */
export function documentFilePath(versionId: string): string {
  return `/api/document-versions/${encodeURIComponent(versionId)}/file`;
}

/** Downloads a revision's file as a Blob. */
export function fetchDocumentFile(versionId: string): Promise<Blob> {
  return apiFetchBlob('GET', documentFilePath(versionId));
}
