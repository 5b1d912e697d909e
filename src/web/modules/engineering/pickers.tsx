import { Select, Typography } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocuments, type DocumentVersionRef } from '../../api/documents.ts';
import type { ItemRef } from '../../api/engineering.ts';
import { useItems } from '../../api/items.ts';
import { useCan } from '../../auth/session.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import type { Language } from '../../i18n/language.ts';

const SEARCH_SIZE = 20;

function itemLabel(item: Pick<ItemRef, 'nameZh' | 'nameEn'>, language: Language): string {
  return language === 'zh-CN' ? item.nameZh : item.nameEn;
}

export interface ItemPickerProps {
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** Items already named (the current choice), so their label shows before any search. */
  known?: readonly ItemRef[];
  /** Tells the form which item was picked (its unit and tracking decide the line's defaults). */
  onPick?: (item: ItemRef) => void;
  placeholder?: string;
  disabled?: boolean;
  status?: 'error' | 'warning';
  testId?: string;
  ariaLabel?: string;
}

/** Chooses an item by typing part of its code or name; the server searches. */
export function ItemPicker({
  value,
  onChange,
  known = [],
  onPick,
  placeholder,
  disabled,
  status,
  testId,
  ariaLabel,
}: ItemPickerProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim());
  const items = useItems({ q: query || undefined, limit: SEARCH_SIZE, offset: 0 });
  const byId = new Map<string, ItemRef>();
  for (const item of known) byId.set(item.id, item);
  for (const item of items.data?.items ?? []) byId.set(item.id, item);
  const shown = [...byId.values()].filter(
    (item) => item.id === value || items.data?.items.some((found) => found.id === item.id),
  );

  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={(id) => {
        onChange?.(id);
        const item = id ? byId.get(id) : undefined;
        if (item) onPick?.(item);
      }}
      placeholder={placeholder ?? t('engineering.pickers.itemPlaceholder')}
      loading={items.isFetching}
      disabled={disabled}
      status={status}
      notFoundContent={items.isFetching ? t('common.loading') : t('engineering.pickers.noItems')}
      options={shown.map((item) => ({
        value: item.id,
        label: `${item.code} · ${itemLabel(item, language)}`,
        disabled: item.status === 'obsolete',
      }))}
      optionRender={(option) => {
        const item = byId.get(String(option.value));
        if (!item) return option.label;
        return (
          <span className="picker-option" data-testid={`item-option-${item.code}`}>
            <span className="mono">{item.code}</span>
            <Typography.Text type="secondary" ellipsis>
              {itemLabel(item, language)}
            </Typography.Text>
          </span>
        );
      }}
      popupMatchSelectWidth={false}
      style={{ width: '100%', minWidth: 200 }}
      aria-label={ariaLabel}
      data-testid={testId}
    />
  );
}

export function documentRefLabel(doc: DocumentVersionRef, language: Language): string {
  return `${doc.number} ${doc.label} · ${language === 'zh-CN' ? doc.titleZh : doc.titleEn}`;
}

export interface DocumentVersionPickerProps {
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** Revisions already linked, so their labels show before any search. */
  known?: readonly DocumentVersionRef[];
  testId?: string;
  ariaLabel?: string;
}

/**
 * Links controlled document revisions that are approved or effective (what a
 * draft may link to): each document's effective revision, and its newest one
 * when that is approved.
 */
export function DocumentVersionPicker({
  value = [],
  onChange,
  known = [],
  testId,
  ariaLabel,
}: DocumentVersionPickerProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const mayRead = useCan('document.read');
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim());
  const documents = useDocuments(
    { q: query || undefined, limit: SEARCH_SIZE, offset: 0 },
    { enabled: mayRead },
  );
  const byId = new Map<string, DocumentVersionRef>();
  for (const ref of known) byId.set(ref.id, ref);
  for (const doc of documents.data?.items ?? []) {
    for (const version of [doc.effectiveVersion, doc.latestVersion]) {
      if (!version || (version.status !== 'effective' && version.status !== 'approved')) continue;
      byId.set(version.id, {
        id: version.id,
        documentId: doc.id,
        number: doc.number,
        titleZh: doc.titleZh,
        titleEn: doc.titleEn,
        label: version.label,
        status: version.status,
      });
    }
  }

  return (
    <Select<string[]>
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={(ids) => onChange?.(ids)}
      placeholder={t('engineering.pickers.documentsPlaceholder')}
      loading={documents.isFetching}
      notFoundContent={
        documents.isFetching ? t('common.loading') : t('engineering.pickers.noDocuments')
      }
      options={[...byId.values()].map((ref) => ({
        value: ref.id,
        label: documentRefLabel(ref, language),
      }))}
      style={{ width: '100%' }}
      aria-label={ariaLabel}
      data-testid={testId}
    />
  );
}
