import { AutoComplete, Form, Input, InputNumber, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { StorageInput } from '../../api/items.ts';

// Form fields shared by the new-item drawer and the edit dialog.

/** The storage and shelf-life fields as the form holds them (text as typed). */
export interface ItemDetailValues {
  nameZh: string;
  nameEn: string;
  uom: string;
  shelfLifeDays?: number | null;
  tempMinC?: string;
  tempMaxC?: string;
  humidityMaxPct?: string;
}

const DECIMAL = /^-?\d{1,10}(\.\d{1,4})?$/;
const UNITS = ['pcs', 'set', 'box', 'kg', 'g', 'l', 'ml', 'm', 'roll', 'sheet'];

function decimalOrNull(value: string | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}

/** The form's storage fields as the API takes them: empty = not stated (null). */
export function storageOf(values: ItemDetailValues): StorageInput {
  return {
    tempMinC: decimalOrNull(values.tempMinC),
    tempMaxC: decimalOrNull(values.tempMaxC),
    humidityMaxPct: decimalOrNull(values.humidityMaxPct),
  };
}

function decimalRule(t: TFunction) {
  return {
    validator: (_: unknown, value: string | undefined) =>
      !value?.trim() || DECIMAL.test(value.trim())
        ? Promise.resolve()
        : Promise.reject(new Error(t('items.create.decimal'))),
  };
}

export function ItemDetailFields() {
  const { t } = useTranslation();
  return (
    <>
      <div className="form-grid-2">
        <Form.Item
          name="nameZh"
          label={t('items.fields.nameZh')}
          rules={[
            { required: true, whitespace: true, message: t('items.create.nameRequired') },
            { max: 200 },
          ]}
        >
          <Input autoComplete="off" data-testid="nameZh" />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t('items.fields.nameEn')}
          rules={[
            { required: true, whitespace: true, message: t('items.create.nameRequired') },
            { max: 200 },
          ]}
        >
          <Input autoComplete="off" data-testid="nameEn" />
        </Form.Item>
        <Form.Item
          name="uom"
          label={t('items.fields.uom')}
          extra={t('items.create.uomHelp')}
          rules={[
            { required: true, whitespace: true, message: t('items.create.uomRequired') },
            { max: 20 },
          ]}
        >
          <AutoComplete
            options={UNITS.map((unit) => ({ value: unit }))}
            showSearch={{
              filterOption: (input, option) =>
                String(option?.value ?? '')
                  .toLowerCase()
                  .startsWith(input.toLowerCase()),
            }}
            data-testid="uom"
          />
        </Form.Item>
        <Form.Item
          name="shelfLifeDays"
          label={t('items.fields.shelfLifeDays')}
          extra={t('items.create.shelfLifeHelp')}
          rules={[
            {
              type: 'integer',
              min: 1,
              max: 36500,
              message: t('items.create.shelfLifeRange'),
            },
          ]}
        >
          <InputNumber<number>
            min={1}
            max={36500}
            precision={0}
            style={{ width: '100%' }}
            data-testid="shelfLifeDays"
          />
        </Form.Item>
      </div>
      <Typography.Text strong className="form-section-title">
        {t('items.create.storageTitle')}
      </Typography.Text>
      <Typography.Text type="secondary" className="form-section-help">
        {t('items.create.storageHelp')}
      </Typography.Text>
      <div className="form-grid-3">
        <Form.Item name="tempMinC" label={t('items.fields.tempMinC')} rules={[decimalRule(t)]}>
          <Input suffix="°C" inputMode="decimal" data-testid="tempMinC" />
        </Form.Item>
        <Form.Item
          name="tempMaxC"
          label={t('items.fields.tempMaxC')}
          dependencies={['tempMinC']}
          rules={[
            decimalRule(t),
            ({ getFieldValue }: Pick<FormInstance, 'getFieldValue'>) => ({
              validator: (_: unknown, value: string | undefined) => {
                const min = (getFieldValue('tempMinC') as string | undefined)?.trim();
                const max = value?.trim();
                if (!min || !max || !DECIMAL.test(min) || !DECIMAL.test(max))
                  return Promise.resolve();
                // Only compared, never computed with: comparing as numbers is exact enough.
                return Number(min) <= Number(max)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('items.create.minAboveMax')));
              },
            }),
          ]}
        >
          <Input suffix="°C" inputMode="decimal" data-testid="tempMaxC" />
        </Form.Item>
        <Form.Item
          name="humidityMaxPct"
          label={t('items.fields.humidityMaxPct')}
          rules={[
            decimalRule(t),
            {
              validator: (_: unknown, value: string | undefined) => {
                const text = value?.trim();
                if (!text || !DECIMAL.test(text)) return Promise.resolve();
                const n = Number(text);
                return n >= 0 && n <= 100
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('items.create.humidityRange')));
              },
            },
          ]}
        >
          <Input suffix="% RH" inputMode="decimal" data-testid="humidityMaxPct" />
        </Form.Item>
      </div>
    </>
  );
}
