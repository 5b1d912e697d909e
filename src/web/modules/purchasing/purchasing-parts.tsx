import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  EditOutlined,
  InboxOutlined,
  MinusCircleOutlined,
} from '@ant-design/icons';
import { Select, Tag, Typography } from 'antd';
import { useDeferredValue, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSuppliers, type Supplier } from '../../api/partners.ts';
import { useLocations } from '../../api/plant.ts';
import type { PurchaseOrderStatus } from '../../api/purchasing.ts';
import type { LocationKind } from '../../../shared/plant.contract.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import type { Language } from '../../i18n/language.ts';
import { plainDecimal } from '../items/item-format.ts';

const STATUS_STYLE: Record<PurchaseOrderStatus, { color: string; icon: ReactNode }> = {
  draft: { color: 'default', icon: <EditOutlined /> },
  open: { color: 'blue', icon: <ClockCircleOutlined /> },
  partially_received: { color: 'gold', icon: <InboxOutlined /> },
  received: { color: 'green', icon: <CheckCircleOutlined /> },
  closed: { color: 'default', icon: <MinusCircleOutlined /> },
  cancelled: { color: 'red', icon: <CloseCircleOutlined /> },
};

export function PurchaseOrderStatusTag({ status }: { status: PurchaseOrderStatus }) {
  const { t } = useTranslation();
  const style = STATUS_STYLE[status];
  return (
    <Tag color={style.color} icon={style.icon} data-testid="po-status" data-status={status}>
      {t(`purchasing.status.${status}`)}
    </Tag>
  );
}

/** A quantity as the server stores it (numeric string), without trailing zeros, with its unit. */
export function Quantity({
  value,
  unit,
  testId,
}: {
  value: string;
  unit?: string;
  testId?: string;
}) {
  return (
    <span className="mono nowrap" data-testid={testId}>
      {plainDecimal(value)}
      {unit ? ` ${unit}` : ''}
    </span>
  );
}

interface Named {
  nameZh: string;
  nameEn: string;
}

export function nameOf(record: Named, language: Language): string {
  return language === 'zh-CN' ? record.nameZh : record.nameEn;
}

export function supplierNameOf(
  supplier: { legalNameZh: string; legalNameEn: string },
  language: Language,
): string {
  return language === 'zh-CN' ? supplier.legalNameZh : supplier.legalNameEn;
}

/** Code and name of an item, the code linking to the item. */
export function ItemCell({
  item,
}: {
  item: { id: string; code: string; nameZh: string; nameEn: string };
}) {
  const language = useLanguage();
  return (
    <span className="item-name">
      <Link to={`/items/${item.id}`} className="mono">
        {item.code}
      </Link>
      <Typography.Text type="secondary" className="item-name-other">
        {nameOf(item, language)}
      </Typography.Text>
    </span>
  );
}

/** Today in the browser's time zone, YYYY-MM-DD. */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const SEARCH_SIZE = 20;

export interface SupplierPickerProps {
  value?: string;
  onChange?: (id: string | undefined) => void;
  onPick?: (supplier: Supplier | undefined) => void;
  /** Disqualified suppliers are shown but cannot be chosen (nothing may be ordered from them). */
  forOrdering?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  testId?: string;
  width?: number | string;
}

/** Chooses a supplier by typing part of its code or name; the server searches. */
export function SupplierPicker({
  value,
  onChange,
  onPick,
  forOrdering = false,
  allowClear = false,
  placeholder,
  testId,
  width = '100%',
}: SupplierPickerProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim());
  const suppliers = useSuppliers({ q: query || undefined, limit: SEARCH_SIZE, offset: 0 });
  const [known, setKnown] = useState<Supplier[]>([]);
  const byId = new Map<string, Supplier>();
  for (const supplier of known) byId.set(supplier.id, supplier);
  for (const supplier of suppliers.data?.items ?? []) byId.set(supplier.id, supplier);
  const shown = [...byId.values()].filter(
    (supplier) =>
      supplier.id === value || suppliers.data?.items.some((found) => found.id === supplier.id),
  );

  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear={allowClear}
      value={value}
      onChange={(id) => {
        const supplier = id ? byId.get(id) : undefined;
        if (supplier) setKnown([supplier]);
        onChange?.(id);
        onPick?.(supplier);
      }}
      placeholder={placeholder ?? t('purchasing.create.supplierPlaceholder')}
      loading={suppliers.isFetching}
      notFoundContent={
        suppliers.isFetching ? t('common.loading') : t('purchasing.create.noSuppliers')
      }
      options={shown.map((supplier) => ({
        value: supplier.id,
        label: `${supplier.code} · ${supplierNameOf(supplier, language)}`,
        disabled: forOrdering && supplier.approvalStatus === 'disqualified',
      }))}
      optionRender={(option) => {
        const supplier = byId.get(String(option.value));
        if (!supplier) return option.label;
        return (
          <span className="picker-option" data-testid={`supplier-option-${supplier.code}`}>
            <span className="mono">{supplier.code}</span>
            <Typography.Text type="secondary" ellipsis>
              {supplierNameOf(supplier, language)}
            </Typography.Text>
          </span>
        );
      }}
      popupMatchSelectWidth={false}
      style={{ width, minWidth: 220 }}
      data-testid={testId}
    />
  );
}

export interface LocationPickerProps {
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** Only locations of this kind (quarantine for receipts). */
  kind?: LocationKind;
  testId?: string;
}

/** Chooses an active location (searchable by code or name); the server searches. */
export function LocationPicker({ value, onChange, kind, testId }: LocationPickerProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim());
  const locations = useLocations({
    q: query || undefined,
    kind,
    active: true,
    limit: 50,
    offset: 0,
  });
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={(id) => onChange?.(id)}
      placeholder={t('purchasing.pickers.locationPlaceholder')}
      loading={locations.isFetching}
      notFoundContent={
        locations.isFetching ? t('common.loading') : t('purchasing.pickers.noLocations')
      }
      options={(locations.data?.items ?? []).map((location) => ({
        value: location.id,
        label: `${location.code} · ${nameOf(location, language)}`,
      }))}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
