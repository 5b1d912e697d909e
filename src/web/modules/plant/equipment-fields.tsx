import { AutoComplete, Form, Input, InputNumber, TreeSelect, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useEquipmentList,
  useLocationTree,
  type EquipmentDataInput,
  type LocationTreeNode,
} from '../../api/plant.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import type { Language } from '../../i18n/language.ts';
import { plantNames } from './plant-format.ts';

// Form fields shared by the new-equipment drawer and the edit dialog.

export const CLASS_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

export interface EquipmentDataValues {
  nameZh: string;
  nameEn: string;
  class: string;
  locationId?: string | null;
  manufacturer?: string;
  model?: string;
  serialNumber?: string;
  calibrationIntervalDays?: number | null;
  maintenanceIntervalDays?: number | null;
}

function textOrNull(value: string | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}

export function equipmentDataOf(values: EquipmentDataValues): EquipmentDataInput {
  return {
    nameZh: values.nameZh.trim(),
    nameEn: values.nameEn.trim(),
    class: values.class.trim(),
    locationId: values.locationId ?? null,
    manufacturer: textOrNull(values.manufacturer),
    model: textOrNull(values.model),
    serialNumber: textOrNull(values.serialNumber),
    calibrationIntervalDays: values.calibrationIntervalDays ?? null,
    maintenanceIntervalDays: values.maintenanceIntervalDays ?? null,
  };
}

interface LocationOption {
  value: string;
  title: string;
  label: ReactNode;
  disabled?: boolean;
  children: LocationOption[];
}

function locationOptions(nodes: readonly LocationTreeNode[], language: Language): LocationOption[] {
  return nodes.map((node) => ({
    value: node.id,
    title: `${node.code} ${node.nameZh} ${node.nameEn}`,
    label: (
      <span>
        <span className="mono">{node.code}</span> {plantNames(node, language).primary}
      </span>
    ),
    disabled: !node.active,
    children: locationOptions(node.children, language),
  }));
}

export function EquipmentDataFields() {
  const { t } = useTranslation();
  const language = useLanguage();
  const tree = useLocationTree(false);
  const known = useEquipmentList({ limit: 200, offset: 0 });
  const classes = useMemo(
    () => [...new Set((known.data?.items ?? []).map((e) => e.class))].sort(),
    [known.data],
  );
  const nameRule = [
    { required: true, whitespace: true, message: t('plant.form.nameRequired') },
    { max: 200 },
  ];
  const interval = (help: string) => ({
    extra: help,
    rules: [
      {
        type: 'integer' as const,
        min: 1,
        max: 3650,
        message: t('plant.equipment.form.intervalRange'),
      },
    ],
  });

  return (
    <>
      <div className="form-grid-2">
        <Form.Item name="nameZh" label={t('plant.fields.nameZh')} rules={nameRule}>
          <Input autoComplete="off" data-testid="nameZh" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('plant.fields.nameEn')} rules={nameRule}>
          <Input autoComplete="off" data-testid="nameEn" />
        </Form.Item>
        <Form.Item
          name="class"
          label={t('plant.equipment.fields.class')}
          extra={t('plant.equipment.form.classHelp')}
          normalize={(value: string) => value.toLowerCase()}
          rules={[
            { required: true, whitespace: true, message: t('plant.equipment.form.classRequired') },
            { pattern: CLASS_PATTERN, message: t('plant.equipment.form.classPattern') },
          ]}
        >
          <AutoComplete
            options={classes.map((value) => ({ value }))}
            showSearch={{
              filterOption: (input, option) =>
                String(option?.value ?? '').includes(input.toLowerCase()),
            }}
            className="mono"
            data-testid="class"
          />
        </Form.Item>
        <Form.Item
          name="locationId"
          label={t('plant.equipment.fields.location')}
          extra={t('plant.equipment.form.locationHelp')}
        >
          <TreeSelect<string>
            allowClear
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            loading={tree.isFetching}
            treeData={locationOptions(tree.data?.items ?? [], language)}
            treeTitleRender={(node) => (node as LocationOption).label}
            popupMatchSelectWidth={420}
            data-testid="locationId"
          />
        </Form.Item>
      </div>
      <div className="form-grid-3">
        <Form.Item
          name="manufacturer"
          label={t('plant.equipment.fields.manufacturer')}
          rules={[{ max: 200 }]}
        >
          <Input autoComplete="off" data-testid="manufacturer" />
        </Form.Item>
        <Form.Item name="model" label={t('plant.equipment.fields.model')} rules={[{ max: 200 }]}>
          <Input autoComplete="off" data-testid="model" />
        </Form.Item>
        <Form.Item
          name="serialNumber"
          label={t('plant.equipment.fields.serialNumber')}
          rules={[{ max: 100 }]}
        >
          <Input autoComplete="off" className="mono" data-testid="serialNumber" />
        </Form.Item>
      </div>
      <Typography.Text strong className="form-section-title">
        {t('plant.equipment.form.intervalsTitle')}
      </Typography.Text>
      <div className="form-grid-2">
        <Form.Item
          name="calibrationIntervalDays"
          label={t('plant.equipment.fields.calibrationIntervalDays')}
          {...interval(t('plant.equipment.form.calibrationIntervalHelp'))}
        >
          <InputNumber<number>
            min={1}
            max={3650}
            precision={0}
            style={{ width: '100%' }}
            suffix={t('plant.equipment.form.days')}
            data-testid="calibrationIntervalDays"
          />
        </Form.Item>
        <Form.Item
          name="maintenanceIntervalDays"
          label={t('plant.equipment.fields.maintenanceIntervalDays')}
          {...interval(t('plant.equipment.form.maintenanceIntervalHelp'))}
        >
          <InputNumber<number>
            min={1}
            max={3650}
            precision={0}
            style={{ width: '100%' }}
            suffix={t('plant.equipment.form.days')}
            data-testid="maintenanceIntervalDays"
          />
        </Form.Item>
      </div>
    </>
  );
}
