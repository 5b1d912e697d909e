import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Drawer, Flex, Form, Input, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AQL_VALUES,
  INSPECTION_LEVELS,
  characteristicInput,
  useChangeInspectionPlan,
  type CharacteristicInput,
  type CharacteristicKind,
  type DefectClass,
  type InspectionPlan,
} from '../../api/inspection.ts';
import { applyServerErrors } from '../../components/form-errors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ItemPicker } from '../engineering/pickers.tsx';
import { compareDecimal, isDecimal } from '../../../shared/decimal.ts';

const KINDS: readonly CharacteristicKind[] = ['measured', 'attribute'];
const DEFECT_CLASSES: readonly DefectClass[] = ['critical', 'major', 'minor'];

interface CharacteristicValues {
  name: string;
  kind: CharacteristicKind;
  method?: string;
  nominal?: string;
  lowerLimit?: string;
  upperLimit?: string;
  unit?: string;
  inspectionLevel: CharacteristicInput['inspectionLevel'];
  aql: CharacteristicInput['aql'];
  defectClass: DefectClass;
}

interface PlanValues {
  itemId?: string;
  name: string;
  isDefault: boolean;
  notes?: string;
  characteristics: CharacteristicValues[];
  reason?: string;
}

const NEW_CHARACTERISTIC: CharacteristicValues = {
  name: '',
  kind: 'measured',
  inspectionLevel: 'II',
  aql: '1.0',
  defectClass: 'major',
};

function valuesOf(plan: InspectionPlan | undefined, itemId: string | undefined): PlanValues {
  if (!plan) {
    return { itemId, name: '', isDefault: true, characteristics: [{ ...NEW_CHARACTERISTIC }] };
  }
  return {
    itemId: plan.item.id,
    name: plan.name,
    isDefault: plan.isDefault,
    notes: plan.notes ?? undefined,
    characteristics: plan.characteristics.map((c) => ({
      name: c.name,
      kind: c.kind,
      method: c.method ?? undefined,
      nominal: c.nominal ?? undefined,
      lowerLimit: c.lowerLimit ?? undefined,
      upperLimit: c.upperLimit ?? undefined,
      unit: c.unit ?? undefined,
      inspectionLevel: c.inspectionLevel,
      aql: c.aql,
      defectClass: c.defectClass,
    })),
  };
}

export interface PlanEditorDrawerProps {
  /** The plan to edit; a new plan without. */
  plan?: InspectionPlan;
  /** A new plan's item, when it is opened from the item. */
  itemId?: string;
  onClose: () => void;
  onSaved: (plan: InspectionPlan) => void;
}

/** Creates an inspection plan or changes one: its item, name and characteristics with their sampling. */
export function PlanEditorDrawer({ plan, itemId, onClose, onSaved }: PlanEditorDrawerProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PlanValues>();
  const change = useChangeInspectionPlan();
  const [error, setError] = useState<unknown>(null);
  const kinds = Form.useWatch('characteristics', form) ?? [];

  async function submit(values: PlanValues) {
    setError(null);
    const characteristics = values.characteristics.map((c) =>
      characteristicInput({ ...c, inspectionLevel: c.inspectionLevel, aql: c.aql }),
    );
    const notes = values.notes?.trim();
    try {
      const saved = plan
        ? await change.mutateAsync({
            kind: 'update',
            id: plan.id,
            body: {
              name: values.name.trim(),
              isDefault: values.isDefault,
              notes: notes ? notes : null,
              characteristics,
              reason: values.reason?.trim() ?? '',
            },
          })
        : await change.mutateAsync({
            kind: 'create',
            body: {
              itemId: values.itemId ?? '',
              name: values.name.trim(),
              isDefault: values.isDefault,
              ...(notes ? { notes } : {}),
              characteristics,
            },
          });
      onSaved(saved);
    } catch (caught) {
      if (!applyServerErrors(form, caught, t)) setError(caught);
    }
  }

  const decimalRule = {
    validator: (_: unknown, value: string | undefined) =>
      !value?.trim() || isDecimal(value)
        ? Promise.resolve()
        : Promise.reject(new Error(t('inspection.char.decimal'))),
  };

  return (
    <Drawer
      open
      title={
        plan ? t('inspection.plans.editTitle', { code: plan.code }) : t('inspection.plans.newTitle')
      }
      size={980}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose} disabled={change.isPending} data-testid="plan-form-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            loading={change.isPending}
            onClick={() => form.submit()}
            data-testid="plan-form-submit"
          >
            {plan ? t('inspection.plans.save') : t('inspection.plans.create')}
          </Button>
        </Flex>
      }
    >
      <Form<PlanValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={valuesOf(plan, itemId)}
        onFinish={(values) => void submit(values)}
        disabled={change.isPending}
        className="dense-form"
        data-testid="plan-form"
      >
        <Flex gap={12} wrap>
          <Form.Item
            name="itemId"
            label={t('inspection.fields.item')}
            rules={[{ required: true, message: t('inspection.plans.itemRequired') }]}
            style={{ flex: '1 1 280px' }}
          >
            <ItemPicker
              known={plan ? [plan.item] : []}
              disabled={Boolean(plan)}
              testId="plan-item"
            />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('inspection.fields.name')}
            rules={[
              { required: true, whitespace: true, message: t('inspection.plans.nameRequired') },
              { max: 200 },
            ]}
            style={{ flex: '1 1 320px' }}
          >
            <Input placeholder={t('inspection.plans.namePlaceholder')} data-testid="plan-name" />
          </Form.Item>
          <Form.Item
            name="isDefault"
            label={t('inspection.fields.isDefault')}
            valuePropName="checked"
            tooltip={t('inspection.plans.isDefaultHelp')}
          >
            <Switch data-testid="plan-default" />
          </Form.Item>
        </Flex>
        <Form.Item name="notes" label={t('inspection.fields.notes')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="plan-notes" />
        </Form.Item>
        <Typography.Title level={5}>{t('inspection.fields.characteristics')}</Typography.Title>
        <Form.List
          name="characteristics"
          rules={[
            {
              validator: (_, value: unknown[] | undefined) =>
                value && value.length > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('inspection.plans.characteristicsRequired'))),
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => {
                const measured = (kinds[index]?.kind ?? 'measured') === 'measured';
                return (
                  <Card
                    key={field.key}
                    size="small"
                    title={`${index + 1}.`}
                    extra={
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('inspection.char.remove')}
                        data-testid={`char-remove-${index}`}
                      />
                    }
                    data-testid={`char-${index}`}
                  >
                    <Flex gap={8} wrap>
                      <Form.Item
                        name={[field.name, 'name']}
                        label={t('inspection.char.name')}
                        rules={[
                          {
                            required: true,
                            whitespace: true,
                            message: t('inspection.char.nameRequired'),
                          },
                          { max: 200 },
                        ]}
                        style={{ flex: '2 1 220px' }}
                      >
                        <Input
                          placeholder={t('inspection.char.namePlaceholder')}
                          data-testid={`char-name-${index}`}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'kind']}
                        label={t('inspection.char.kind')}
                        style={{ flex: '0 0 180px' }}
                      >
                        <Select
                          options={KINDS.map((value) => ({
                            value,
                            label: t(`inspection.kind.${value}`),
                          }))}
                          data-testid={`char-kind-${index}`}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'method']}
                        label={t('inspection.char.method')}
                        rules={[{ max: 500 }]}
                        style={{ flex: '2 1 220px' }}
                      >
                        <Input
                          placeholder={t('inspection.char.methodPlaceholder')}
                          data-testid={`char-method-${index}`}
                        />
                      </Form.Item>
                    </Flex>
                    <Flex gap={8} wrap>
                      {measured && (
                        <>
                          <Form.Item
                            name={[field.name, 'lowerLimit']}
                            label={t('inspection.char.lowerLimit')}
                            dependencies={[['characteristics', field.name, 'upperLimit']]}
                            rules={[
                              decimalRule,
                              ({ getFieldValue }) => ({
                                validator: (_: unknown, lower: string | undefined) => {
                                  const upper = getFieldValue([
                                    'characteristics',
                                    field.name,
                                    'upperLimit',
                                  ]) as string | undefined;
                                  if (!lower?.trim() && !upper?.trim()) {
                                    return Promise.reject(
                                      new Error(t('inspection.char.limitsRequired')),
                                    );
                                  }
                                  if (
                                    lower?.trim() &&
                                    upper?.trim() &&
                                    isDecimal(lower) &&
                                    isDecimal(upper) &&
                                    compareDecimal(lower, upper) > 0
                                  ) {
                                    return Promise.reject(
                                      new Error(t('inspection.char.limitsOrder')),
                                    );
                                  }
                                  return Promise.resolve();
                                },
                              }),
                            ]}
                            style={{ flex: '1 1 110px' }}
                          >
                            <Input
                              inputMode="decimal"
                              className="mono"
                              data-testid={`char-lower-${index}`}
                            />
                          </Form.Item>
                          <Form.Item
                            name={[field.name, 'nominal']}
                            label={t('inspection.char.nominal')}
                            rules={[decimalRule]}
                            style={{ flex: '1 1 110px' }}
                          >
                            <Input
                              inputMode="decimal"
                              className="mono"
                              data-testid={`char-nominal-${index}`}
                            />
                          </Form.Item>
                          <Form.Item
                            name={[field.name, 'upperLimit']}
                            label={t('inspection.char.upperLimit')}
                            rules={[decimalRule]}
                            style={{ flex: '1 1 110px' }}
                          >
                            <Input
                              inputMode="decimal"
                              className="mono"
                              data-testid={`char-upper-${index}`}
                            />
                          </Form.Item>
                          <Form.Item
                            name={[field.name, 'unit']}
                            label={t('inspection.char.unit')}
                            rules={[{ max: 20 }]}
                            style={{ flex: '0 0 90px' }}
                          >
                            <Input data-testid={`char-unit-${index}`} />
                          </Form.Item>
                        </>
                      )}
                      <Form.Item
                        name={[field.name, 'inspectionLevel']}
                        label={t('inspection.char.level')}
                        style={{ flex: '0 0 120px' }}
                      >
                        <Select
                          options={INSPECTION_LEVELS.map((value) => ({ value, label: value }))}
                          data-testid={`char-level-${index}`}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'aql']}
                        label={t('inspection.char.aql')}
                        style={{ flex: '0 0 100px' }}
                      >
                        <Select
                          options={AQL_VALUES.map((value) => ({ value, label: value }))}
                          data-testid={`char-aql-${index}`}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'defectClass']}
                        label={t('inspection.char.defectClass')}
                        style={{ flex: '0 0 110px' }}
                      >
                        <Select
                          options={DEFECT_CLASSES.map((value) => ({
                            value,
                            label: t(`inspection.defectClass.${value}`),
                          }))}
                          data-testid={`char-class-${index}`}
                        />
                      </Form.Item>
                    </Flex>
                  </Card>
                );
              })}
              <Form.ErrorList errors={errors} />
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ ...NEW_CHARACTERISTIC })}
                data-testid="char-add"
              >
                {t('inspection.char.add')}
              </Button>
            </Flex>
          )}
        </Form.List>
        {plan && (
          <Form.Item
            name="reason"
            label={t('common.reason')}
            extra={t('common.reasonHelp')}
            style={{ marginTop: 16 }}
            rules={[
              { required: true, whitespace: true, message: t('common.reasonRequired') },
              { max: 500 },
            ]}
          >
            <Input.TextArea
              rows={2}
              maxLength={500}
              placeholder={t('common.reasonPlaceholder')}
              data-testid="reason"
            />
          </Form.Item>
        )}
      </Form>
      {error !== null && <ProblemAlert error={error} style={{ marginTop: 12 }} />}
    </Drawer>
  );
}
