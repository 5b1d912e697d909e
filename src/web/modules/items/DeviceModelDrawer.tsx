import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Drawer, Flex, Form, Input, Select, Switch, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/client.ts';
import {
  ISSUING_AGENCIES,
  LABEL_IDENTIFIERS,
  MRI_SAFETY,
  useChangeItem,
  type DeviceModel,
  type IssuingAgency,
  type Item,
  type LabelIdentifier,
  type MriSafety,
} from '../../api/items.ts';
import { applyServerErrors } from '../../components/form-errors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { deviceIdentifierProblem, normaliseGtin } from './device-identifier.ts';

interface LevelValues {
  name?: string;
  di?: string;
  quantityOfLower?: string;
}

interface DeviceModelForm {
  issuingAgency: IssuingAgency;
  primaryDi: string;
  basicUdiDi?: string;
  brand?: string;
  modelVersion: string;
  gmdnCode?: string;
  emdnCode?: string;
  riskClass: string;
  nmpaRegistration?: string;
  fdaPremarket?: string;
  sterile: boolean;
  singleUse: boolean;
  containsLatex: boolean;
  mriSafety: MriSafety;
  labelIdentifiers: LabelIdentifier[];
  packageLevels: LevelValues[];
  reason: string;
}

const QUANTITY = /^[1-9]\d{0,11}$/;
// Switches and choices that always hold a value: marked as required, not "(optional)".
const ALWAYS_SET = [{ required: true }];

function initialValues(item: Item): Partial<DeviceModelForm> {
  const device: DeviceModel | null = item.deviceModel;
  if (!device) {
    // A new device model: what a lot- or serial-tracked device's label usually carries.
    const label: LabelIdentifier[] =
      item.tracking === 'serial' ? ['serial', 'manufactureDate'] : ['lot', 'manufactureDate'];
    if (item.shelfLifeDays !== null) label.push('expiry');
    return {
      issuingAgency: 'GS1',
      sterile: false,
      singleUse: false,
      containsLatex: false,
      mriSafety: 'not_evaluated',
      labelIdentifiers: label,
      packageLevels: [],
    };
  }
  return {
    issuingAgency: device.issuingAgency,
    primaryDi: device.primaryDi,
    basicUdiDi: device.basicUdiDi ?? '',
    brand: device.brand ?? '',
    modelVersion: device.modelVersion,
    gmdnCode: device.gmdnCode ?? '',
    emdnCode: device.emdnCode ?? '',
    riskClass: device.riskClass,
    nmpaRegistration: device.nmpaRegistration ?? '',
    fdaPremarket: device.fdaPremarket ?? '',
    sterile: device.sterile,
    singleUse: device.singleUse,
    containsLatex: device.containsLatex,
    mriSafety: device.mriSafety,
    labelIdentifiers: LABEL_IDENTIFIERS.filter((key) => device.labelIdentifiers[key]),
    packageLevels: [...device.packageLevels]
      .sort((a, b) => a.level - b.level)
      .map(({ name, di, quantityOfLower }) => ({ name, di, quantityOfLower })),
  };
}

function optional(value: string | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}

/** A DI rule for the current issuing agency, with the check digit a mistyped GTIN needs. */
function diRule(t: TFunction, requiredMessage: string) {
  return ({ getFieldValue }: Pick<FormInstance, 'getFieldValue'>) => ({
    validator: (_: unknown, value: string | undefined) => {
      const text = value?.trim() ?? '';
      if (!text) return Promise.reject(new Error(requiredMessage));
      const problem = deviceIdentifierProblem(
        getFieldValue('issuingAgency') as IssuingAgency,
        text,
      );
      if (!problem) return Promise.resolve();
      const message =
        problem.kind === 'check_digit'
          ? t('items.device.rules.gtinCheckDigit', { digit: problem.expected })
          : problem.kind === 'gtin_length'
            ? t('items.device.rules.gtinPattern')
            : t('items.device.rules.hibcPattern');
      return Promise.reject(new Error(message));
    },
  });
}

/** No two identifiers of one device (unit of use and package levels) may be the same. */
function distinctDiRule(t: TFunction, index: number) {
  return ({ getFieldValue }: Pick<FormInstance, 'getFieldValue'>) => ({
    validator: (_: unknown, value: string | undefined) => {
      const agency = getFieldValue('issuingAgency') as IssuingAgency;
      const mine = normaliseGtin(agency, value?.trim() ?? '');
      if (!mine) return Promise.resolve();
      const levels = (getFieldValue('packageLevels') as LevelValues[] | undefined) ?? [];
      const others = [
        getFieldValue('primaryDi') as string | undefined,
        ...levels.filter((_level, i) => i !== index).map((level) => level.di),
      ].map((di) => normaliseGtin(agency, di?.trim() ?? ''));
      return others.includes(mine)
        ? Promise.reject(new Error(t('items.device.rules.repeatedDi')))
        : Promise.resolve();
    },
  });
}

/** The form fields that hold a device identifier. */
type DiField = ['primaryDi'] | ['packageLevels', number, 'di'];

/** The form field a device-model problem of the server names (params.field). */
function fieldOfProblem(field: unknown): DiField | null {
  if (typeof field !== 'string') return null;
  if (field === 'primaryDi') return ['primaryDi'];
  const level = /^packageLevels\.(\d+)\.di$/.exec(field);
  return level ? ['packageLevels', Number(level[1]), 'di'] : null;
}

export function DeviceModelDrawer({ item, onClose }: { item: Item; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DeviceModelForm>();
  const change = useChangeItem(item.id);
  const [error, setError] = useState<unknown>(null);
  const agency = Form.useWatch('issuingAgency', form) ?? 'GS1';

  function submit(values: DeviceModelForm) {
    setError(null);
    const labels = new Set(values.labelIdentifiers);
    change.mutate(
      {
        change: {
          kind: 'device-model',
          body: {
            issuingAgency: values.issuingAgency,
            primaryDi: values.primaryDi.trim(),
            basicUdiDi: optional(values.basicUdiDi),
            brand: optional(values.brand),
            modelVersion: values.modelVersion.trim(),
            gmdnCode: optional(values.gmdnCode),
            emdnCode: optional(values.emdnCode),
            riskClass: values.riskClass.trim(),
            nmpaRegistration: optional(values.nmpaRegistration),
            fdaPremarket: optional(values.fdaPremarket),
            sterile: values.sterile,
            singleUse: values.singleUse,
            containsLatex: values.containsLatex,
            mriSafety: values.mriSafety,
            labelIdentifiers: {
              lot: labels.has('lot'),
              serial: labels.has('serial'),
              manufactureDate: labels.has('manufactureDate'),
              expiry: labels.has('expiry'),
            },
            packageLevels: (values.packageLevels ?? []).map((level, index) => ({
              level: index + 1,
              name: level.name?.trim() ?? '',
              di: level.di?.trim() ?? '',
              quantityOfLower: level.quantityOfLower?.trim() ?? '',
            })),
          },
        },
        reason: values.reason.trim(),
      },
      {
        onSuccess: () => {
          void message.success(t('items.device.saved'));
          onClose();
        },
        onError: (caught) => {
          const problem = toApiError(caught);
          const field = fieldOfProblem(problem.params?.field);
          if (problem.code === 'INVALID_DEVICE_IDENTIFIER' && field) {
            form.setFields([{ name: field, errors: [t('errors.INVALID_DEVICE_IDENTIFIER')] }]);
            return;
          }
          if (problem.code === 'DEVICE_LABEL_MISSING_TRACKING_ID') {
            form.setFields([
              { name: 'labelIdentifiers', errors: [t('errors.DEVICE_LABEL_MISSING_TRACKING_ID')] },
            ]);
            return;
          }
          if (!applyServerErrors(form, caught, t)) setError(caught);
        },
      },
    );
  }

  const text = (max: number) => [{ max }];

  return (
    <Drawer
      open
      title={t('items.device.drawerTitle', { code: item.code })}
      size={760}
      onClose={onClose}
      mask={{ closable: false }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose} disabled={change.isPending} data-testid="device-form-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            loading={change.isPending}
            onClick={() => form.submit()}
            data-testid="device-form-submit"
          >
            {t('items.device.submit')}
          </Button>
        </Flex>
      }
    >
      <Form<DeviceModelForm>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={initialValues(item)}
        onFinish={submit}
        disabled={change.isPending}
        className="dense-form"
        data-testid="device-form"
      >
        <Typography.Text strong className="form-section-title">
          {t('items.device.sections.identification')}
        </Typography.Text>
        <div className="form-grid-2">
          <Form.Item
            name="issuingAgency"
            label={t('items.device.fields.issuingAgency')}
            rules={[{ required: true }]}
          >
            <Select<IssuingAgency>
              options={ISSUING_AGENCIES.map((value) => ({
                value,
                label: t(`items.device.agencies.${value}`),
              }))}
              onChange={() => {
                // The DIs are read differently now: check again those already typed.
                const levels = (form.getFieldValue('packageLevels') as LevelValues[]) ?? [];
                const typed = [
                  ['primaryDi'] as DiField,
                  ...levels.map((_level, i): DiField => ['packageLevels', i, 'di']),
                ].filter((name) => form.isFieldTouched(name));
                if (typed.length > 0) void form.validateFields(typed).catch(() => undefined);
              }}
              data-testid="issuingAgency"
            />
          </Form.Item>
          <Form.Item
            name="primaryDi"
            label={t('items.device.fields.primaryDi')}
            extra={
              agency === 'GS1'
                ? t('items.device.help.primaryDiGs1')
                : t('items.device.help.primaryDiHibc')
            }
            rules={[diRule(t, t('items.device.rules.primaryDiRequired'))]}
            normalize={(value: string) => value.replace(/\s+/g, '')}
          >
            <Input autoComplete="off" spellCheck={false} className="mono" data-testid="primaryDi" />
          </Form.Item>
          <Form.Item
            name="modelVersion"
            label={t('items.device.fields.modelVersion')}
            rules={[
              { required: true, whitespace: true, message: t('items.device.rules.modelRequired') },
              { max: 100 },
            ]}
          >
            <Input autoComplete="off" data-testid="modelVersion" />
          </Form.Item>
          <Form.Item name="brand" label={t('items.device.fields.brand')} rules={text(100)}>
            <Input autoComplete="off" data-testid="brand" />
          </Form.Item>
          <Form.Item
            name="basicUdiDi"
            label={t('items.device.fields.basicUdiDi')}
            extra={t('items.device.help.basicUdiDi')}
            rules={text(40)}
          >
            <Input autoComplete="off" className="mono" data-testid="basicUdiDi" />
          </Form.Item>
          <Form.Item
            name="gmdnCode"
            label={t('items.device.fields.gmdnCode')}
            rules={[{ pattern: /^\d{5}$/, message: t('items.device.rules.gmdnPattern') }]}
          >
            <Input autoComplete="off" className="mono" data-testid="gmdnCode" />
          </Form.Item>
        </div>

        <Typography.Text strong className="form-section-title">
          {t('items.device.sections.regulatory')}
        </Typography.Text>
        <div className="form-grid-2">
          <Form.Item
            name="riskClass"
            label={t('items.device.fields.riskClass')}
            extra={t('items.device.help.riskClass')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('items.device.rules.riskClassRequired'),
              },
              { max: 20 },
            ]}
          >
            <Input autoComplete="off" data-testid="riskClass" />
          </Form.Item>
          <Form.Item
            name="emdnCode"
            label={t('items.device.fields.emdnCode')}
            rules={[{ pattern: /^[A-Z]\d{0,12}$/, message: t('items.device.rules.emdnPattern') }]}
          >
            <Input autoComplete="off" className="mono" data-testid="emdnCode" />
          </Form.Item>
          <Form.Item
            name="nmpaRegistration"
            label={t('items.device.fields.nmpaRegistration')}
            rules={text(60)}
          >
            <Input autoComplete="off" data-testid="nmpaRegistration" />
          </Form.Item>
          <Form.Item
            name="fdaPremarket"
            label={t('items.device.fields.fdaPremarket')}
            rules={text(30)}
          >
            <Input autoComplete="off" className="mono" data-testid="fdaPremarket" />
          </Form.Item>
        </div>

        <Typography.Text strong className="form-section-title">
          {t('items.device.sections.characteristics')}
        </Typography.Text>
        <div className="form-grid-4">
          <Form.Item
            name="sterile"
            label={t('items.device.fields.sterile')}
            valuePropName="checked"
            rules={ALWAYS_SET}
          >
            <Switch data-testid="sterile" />
          </Form.Item>
          <Form.Item
            name="singleUse"
            label={t('items.device.fields.singleUse')}
            valuePropName="checked"
            rules={ALWAYS_SET}
          >
            <Switch data-testid="singleUse" />
          </Form.Item>
          <Form.Item
            name="containsLatex"
            label={t('items.device.fields.containsLatex')}
            valuePropName="checked"
            rules={ALWAYS_SET}
          >
            <Switch data-testid="containsLatex" />
          </Form.Item>
          <Form.Item name="mriSafety" label={t('items.device.fields.mriSafety')} rules={ALWAYS_SET}>
            <Select<MriSafety>
              options={MRI_SAFETY.map((value) => ({
                value,
                label: t(`items.device.mri.${value}`),
              }))}
              data-testid="mriSafety"
            />
          </Form.Item>
        </div>

        <Form.Item
          name="labelIdentifiers"
          label={t('items.device.sections.label')}
          extra={t('items.device.help.labelIdentifiers')}
          required={item.tracking !== 'none'}
          rules={[
            {
              validator: (_: unknown, value: LabelIdentifier[] | undefined) => {
                const chosen = value ?? [];
                if (item.tracking === 'lot' && !chosen.includes('lot'))
                  return Promise.reject(new Error(t('items.device.rules.lotRequired')));
                if (item.tracking === 'serial' && !chosen.includes('serial'))
                  return Promise.reject(new Error(t('items.device.rules.serialRequired')));
                return Promise.resolve();
              },
            },
          ]}
        >
          <Checkbox.Group
            options={LABEL_IDENTIFIERS.map((value) => ({
              value,
              label: t(`items.device.labelIdentifiers.${value}`),
            }))}
            data-testid="labelIdentifiers"
          />
        </Form.Item>

        <PackageLevelsEditor />

        <Form.Item
          name="reason"
          label={t('common.reason')}
          extra={t('common.reasonHelp')}
          rules={[
            { required: true, whitespace: true, message: t('common.reasonRequired') },
            { max: 500 },
          ]}
        >
          <Input.TextArea
            rows={2}
            maxLength={500}
            showCount
            placeholder={t('common.reasonPlaceholder')}
            data-testid="reason"
          />
        </Form.Item>
      </Form>
      {error !== null && <ProblemAlert error={error} />}
    </Drawer>
  );
}

function PackageLevelsEditor() {
  const { t } = useTranslation();
  return (
    <div className="package-levels" data-testid="package-levels-editor">
      <Typography.Text strong className="form-section-title">
        {t('items.device.levels.title')}
      </Typography.Text>
      <Typography.Text type="secondary" className="form-section-help">
        {t('items.device.levels.help')}
      </Typography.Text>
      <Form.List name="packageLevels">
        {(fields, { add, remove }) => (
          <>
            {fields.length > 0 && (
              <div className="package-level-row package-level-head" aria-hidden>
                <span>{t('items.device.levels.level')}</span>
                <span>{t('items.device.levels.name')}</span>
                <span>{t('items.device.levels.di')}</span>
                <span>{t('items.device.levels.quantityOfLower')}</span>
                <span />
              </div>
            )}
            {fields.map((field, index) => (
              <div
                key={field.key}
                className="package-level-row"
                data-testid={`package-level-${index + 1}`}
              >
                <span className="package-level-number mono">{index + 1}</span>
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[
                    {
                      required: true,
                      whitespace: true,
                      message: t('items.device.rules.levelNameRequired'),
                    },
                    { max: 60 },
                  ]}
                >
                  <Input
                    placeholder={t('items.device.levels.namePlaceholder')}
                    aria-label={`${t('items.device.levels.name')} ${index + 1}`}
                    data-testid="level-name"
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'di']}
                  dependencies={['issuingAgency', 'primaryDi']}
                  normalize={(value: string) => value.replace(/\s+/g, '')}
                  rules={[
                    diRule(t, t('items.device.rules.levelDiRequired')),
                    distinctDiRule(t, index),
                  ]}
                >
                  <Input
                    className="mono"
                    aria-label={`${t('items.device.levels.di')} ${index + 1}`}
                    data-testid="level-di"
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'quantityOfLower']}
                  rules={[
                    { required: true, message: t('items.device.rules.quantity') },
                    { pattern: QUANTITY, message: t('items.device.rules.quantity') },
                  ]}
                >
                  <Input
                    inputMode="numeric"
                    prefix="×"
                    aria-label={`${t('items.device.levels.quantityOfLower')} ${index + 1}`}
                    data-testid="level-quantity"
                  />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('items.device.levels.remove')}
                  title={t('items.device.levels.remove')}
                  onClick={() => remove(field.name)}
                  data-testid="level-remove"
                />
              </div>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ name: '', di: '', quantityOfLower: '' })}
              disabled={fields.length >= 9}
              block
              className="package-level-add"
              data-testid="level-add"
            >
              {t('items.device.levels.add')}
            </Button>
          </>
        )}
      </Form.List>
    </div>
  );
}
