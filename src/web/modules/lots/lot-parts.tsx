import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  ExclamationCircleOutlined,
  PauseCircleOutlined,
  RollbackOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Select, Tag, TreeSelect, Typography } from 'antd';
import { useDeferredValue, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocationTreeNode } from '../../../shared/plant.contract.ts';
import { EXPIRY_WARNING_DAYS, type QualityStatus } from '../../api/lots.ts';
import { useItem, useItems } from '../../api/items.ts';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api/client.ts';
import { useSuppliers, type SupplierDetail } from '../../api/partners.ts';
import { useLocationTree, useLocations, type Location } from '../../api/plant.ts';
import { formatIsoDate } from '../../format.ts';
import type { Language } from '../../i18n/language.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { quantityText } from './quantity.ts';

const STATUS_STYLE: Record<QualityStatus, { color: string; icon: ReactNode }> = {
  quarantined: { color: 'gold', icon: <ClockCircleOutlined /> },
  released: { color: 'green', icon: <CheckCircleOutlined /> },
  on_hold: { color: 'orange', icon: <PauseCircleOutlined /> },
  rejected: { color: 'red', icon: <CloseCircleOutlined /> },
  recalled: { color: 'magenta', icon: <RollbackOutlined /> },
  expired: { color: 'default', icon: <ExclamationCircleOutlined /> },
};

export function QualityStatusTag({ status }: { status: QualityStatus }) {
  const { t } = useTranslation();
  const style = STATUS_STYLE[status];
  return (
    <Tag color={style.color} icon={style.icon} data-testid="lot-status" data-status={status}>
      {t(`lots.status.${status}`)}
    </Tag>
  );
}

export function Quantity({ value, unit }: { value: string; unit?: string | null }) {
  return (
    <span className="nowrap" data-testid="quantity">
      <span className="mono">{quantityText(value)}</span>
      {unit ? ` ${unit}` : ''}
    </span>
  );
}

/** The expiry date, with a warning when it is near or past. */
export function ExpiryText({
  expiresOn,
  daysToExpiry,
}: {
  expiresOn: string | null;
  daysToExpiry?: number | null;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!expiresOn) return <Typography.Text type="secondary">—</Typography.Text>;
  const days = daysToExpiry ?? daysUntil(expiresOn);
  return (
    <span className="nowrap">
      <time dateTime={expiresOn}>{formatIsoDate(expiresOn, language)}</time>
      {days < 0 ? (
        <Tag color="red" style={{ marginInlineStart: 6 }} data-testid="lot-expired-tag">
          {t('lots.expiry.past')}
        </Tag>
      ) : days <= EXPIRY_WARNING_DAYS ? (
        <Tag
          color="orange"
          icon={<WarningOutlined />}
          style={{ marginInlineStart: 6 }}
          data-testid="lot-expiring-tag"
        >
          {t('lots.expiry.inDays', { days })}
        </Tag>
      ) : null}
    </span>
  );
}

/** Whole days from today (UTC, as the server counts) to a calendar date. */
export function daysUntil(isoDate: string, now: Date = new Date()): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((new Date(`${isoDate}T00:00:00Z`).getTime() - today) / 86_400_000);
}

/** A calendar date `days` from today (UTC), YYYY-MM-DD. */
export function isoDayFromToday(days: number, now: Date = new Date()): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

export function itemNameOf(
  thing: { itemNameZh: string; itemNameEn: string },
  language: Language,
): string {
  return language === 'zh-CN' ? thing.itemNameZh : thing.itemNameEn;
}

export function ItemCell({
  thing,
}: {
  thing: { itemId: string; itemCode: string; itemNameZh: string; itemNameEn: string };
}) {
  const language = useLanguage();
  return (
    <span className="item-name">
      <span className="mono">{thing.itemCode}</span>
      <Typography.Text type="secondary" className="item-name-other" ellipsis>
        {itemNameOf(thing, language)}
      </Typography.Text>
    </span>
  );
}

function locationName(location: { nameZh: string; nameEn: string }, language: Language): string {
  return language === 'zh-CN' ? location.nameZh : location.nameEn;
}

export interface LocationPickerProps {
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** Only these locations may be chosen (where the lot has stock). */
  onlyIds?: readonly string[];
  exceptId?: string;
  allowClear?: boolean;
  placeholder?: string;
  testId?: string;
  width?: number | string;
}

/**
 * Chooses an active location by typing its code or name; every option says its
 * kind, since the kind decides what may go there (production takes only released lots).
 */
export function LocationPicker({
  value,
  onChange,
  onlyIds,
  exceptId,
  allowClear,
  placeholder,
  testId,
  width = '100%',
}: LocationPickerProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const locations = useLocations({ active: true, limit: 200, offset: 0 });
  const shown = (locations.data?.items ?? []).filter(
    (location) =>
      location.id !== exceptId && (onlyIds === undefined || onlyIds.includes(location.id)),
  );
  const byId = new Map<string, Location>(shown.map((location) => [location.id, location]));
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'search' }}
      allowClear={allowClear}
      value={value}
      onChange={(id) => onChange?.(id)}
      placeholder={placeholder ?? t('lots.pickers.locationPlaceholder')}
      loading={locations.isFetching}
      notFoundContent={locations.isFetching ? t('common.loading') : t('lots.pickers.noLocations')}
      options={shown.map((location) => ({
        value: location.id,
        label: `${location.code} · ${locationName(location, language)}`,
        search: `${location.code} ${location.nameZh} ${location.nameEn} ${location.path}`,
      }))}
      optionRender={(option) => {
        const location = byId.get(String(option.value));
        if (!location) return option.label;
        return (
          <span className="picker-option" data-testid={`location-option-${location.code}`}>
            <span className="mono">{location.code}</span>
            <Typography.Text type="secondary" ellipsis>
              {locationName(location, language)} · {t(`plant.locationKind.${location.kind}`)}
            </Typography.Text>
          </span>
        );
      }}
      popupMatchSelectWidth={false}
      style={{ width, minWidth: 200 }}
      data-testid={testId}
    />
  );
}

interface TreeOption {
  value: string;
  title: string;
  label: ReactNode;
  children: TreeOption[];
}

function treeOptions(nodes: readonly LocationTreeNode[], language: Language): TreeOption[] {
  return nodes.map((node) => ({
    value: node.id,
    title: `${node.code} ${node.nameZh} ${node.nameEn}`,
    label: (
      <span data-testid={`location-node-${node.code}`}>
        <span className="mono">{node.code}</span> {locationName(node, language)}
      </span>
    ),
    children: treeOptions(node.children, language),
  }));
}

/** A location filter: the plant's location tree (a location includes everything below it). */
export function LocationTreeFilter({
  value,
  onChange,
  testId,
  width = 240,
}: {
  value?: string;
  onChange: (id: string | undefined) => void;
  testId?: string;
  width?: number;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const tree = useLocationTree(false);
  return (
    <TreeSelect<string>
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      value={value}
      onChange={(id) => onChange(id || undefined)}
      placeholder={t('lots.filters.allLocations')}
      loading={tree.isFetching}
      treeData={treeOptions(tree.data?.items ?? [], language)}
      treeTitleRender={(node) => (node as TreeOption).label}
      popupMatchSelectWidth={380}
      style={{ width }}
      data-testid={testId}
    />
  );
}

/** Chooses a supplier by typing part of its code or name; the server searches. */
export function SupplierPicker({
  value,
  onChange,
  placeholder,
  testId,
  width = '100%',
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  testId?: string;
  width?: number | string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim());
  const suppliers = useSuppliers({ q: query || undefined, limit: 20, offset: 0 });
  const [known, setKnown] = useState<
    { id: string; code: string; legalNameZh: string; legalNameEn: string }[]
  >([]);
  const byId = new Map(known.map((s) => [s.id, s]));
  for (const supplier of suppliers.data?.items ?? []) byId.set(supplier.id, supplier);
  // A value from the address bar: its label comes from the supplier itself.
  const current = useQuery({
    queryKey: ['suppliers', 'detail', value ?? ''],
    queryFn: ({ signal }) =>
      apiGet<SupplierDetail>(`/api/suppliers/${encodeURIComponent(value ?? '')}`, { signal }),
    enabled: Boolean(value) && !byId.has(value ?? ''),
  });
  if (current.data && !byId.has(current.data.id)) byId.set(current.data.id, current.data);
  const name = (s: { legalNameZh: string; legalNameEn: string }) =>
    language === 'zh-CN' ? s.legalNameZh : s.legalNameEn;
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value}
      onChange={(id) => {
        const supplier = id ? byId.get(id) : undefined;
        if (supplier) setKnown([supplier]);
        onChange?.(id);
      }}
      placeholder={placeholder ?? t('lots.pickers.supplierPlaceholder')}
      loading={suppliers.isFetching}
      notFoundContent={suppliers.isFetching ? t('common.loading') : t('lots.pickers.noSuppliers')}
      options={[...byId.values()].map((supplier) => ({
        value: supplier.id,
        label: `${supplier.code} · ${name(supplier)}`,
      }))}
      popupMatchSelectWidth={false}
      style={{ width, minWidth: 200 }}
      data-testid={testId}
    />
  );
}

/** Chooses an item by typing part of its code or name; the server searches. */
export function ItemSelect({
  value,
  onChange,
  placeholder,
  testId,
  width = '100%',
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  testId?: string;
  width?: number | string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim());
  const items = useItems({ q: query || undefined, limit: 20, offset: 0 });
  const [known, setKnown] = useState<
    { id: string; code: string; nameZh: string; nameEn: string }[]
  >([]);
  const byId = new Map(known.map((item) => [item.id, item]));
  for (const item of items.data?.items ?? []) byId.set(item.id, item);
  // A value from the address bar: its label comes from the item itself.
  const current = useItem(value ?? '', { enabled: Boolean(value) && !byId.has(value ?? '') });
  if (current.data && !byId.has(current.data.id)) byId.set(current.data.id, current.data);
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value}
      onChange={(id) => {
        const item = id ? byId.get(id) : undefined;
        if (item) setKnown([item]);
        onChange?.(id);
      }}
      placeholder={placeholder ?? t('lots.pickers.itemPlaceholder')}
      loading={items.isFetching}
      notFoundContent={items.isFetching ? t('common.loading') : t('lots.pickers.noItems')}
      options={[...byId.values()].map((item) => ({
        value: item.id,
        label: `${item.code} · ${language === 'zh-CN' ? item.nameZh : item.nameEn}`,
      }))}
      optionRender={(option) => (
        <span data-testid={`item-option-${byId.get(String(option.value))?.code ?? ''}`}>
          {option.label}
        </span>
      )}
      popupMatchSelectWidth={false}
      style={{ width, minWidth: 200 }}
      data-testid={testId}
    />
  );
}
