import { Select, Typography } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSuppliers } from '../../api/partners.ts';
import { useLanguage } from '../../i18n/use-language.ts';

export interface SupplierPickerProps {
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  testId?: string;
  style?: React.CSSProperties;
}

/** Chooses a supplier by typing part of its code or name; the server searches. */
export function SupplierPicker({
  value,
  onChange,
  placeholder,
  testId,
  style,
}: SupplierPickerProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim());
  const suppliers = useSuppliers({ q: query || undefined, limit: 20, offset: 0 });
  const name = (s: { legalNameZh: string; legalNameEn: string }) =>
    language === 'zh-CN' ? s.legalNameZh : s.legalNameEn;

  return (
    <Select<string>
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={(id) => onChange?.(id)}
      placeholder={placeholder ?? t('inspection.allSuppliers')}
      loading={suppliers.isFetching}
      notFoundContent={suppliers.isFetching ? t('common.loading') : undefined}
      options={(suppliers.data?.items ?? []).map((s) => ({
        value: s.id,
        label: `${s.code} · ${name(s)}`,
      }))}
      optionRender={(option) => {
        const supplier = suppliers.data?.items.find((s) => s.id === option.value);
        if (!supplier) return option.label;
        return (
          <span className="picker-option">
            <span className="mono">{supplier.code}</span>
            <Typography.Text type="secondary" ellipsis>
              {name(supplier)}
            </Typography.Text>
          </span>
        );
      }}
      popupMatchSelectWidth={false}
      style={style ?? { width: 220 }}
      data-testid={testId}
    />
  );
}
