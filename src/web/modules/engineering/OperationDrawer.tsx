import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  AutoComplete,
  Button,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INSPECTION_KINDS,
  INSPECTION_RESULT_TYPES,
  useEquipmentClasses,
  useSaveRouting,
  useSkills,
  useWorkCentres,
  type RoutingVersion,
} from '../../api/engineering.ts';
import { useCan } from '../../auth/session.ts';
import { problemMessage } from '../../components/form-errors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { DocumentVersionPicker } from './pickers.tsx';
import { problemFields, type FieldPath } from './problem-fields.ts';
import {
  MEASURE,
  limitsInOrder,
  nextOpNo,
  operationInput,
  operationValues,
  routingContentOf,
  type InspectionValues,
  type OperationValues,
} from './version-content.ts';

function measureRule(t: TFunction) {
  return {
    validator: (_: unknown, value: string | undefined) =>
      !value?.trim() || MEASURE.test(value.trim())
        ? Promise.resolve()
        : Promise.reject(new Error(t('engineering.routing.rules.decimal'))),
  };
}

/** min ≤ target ≤ max over a parameter's fields, checked on its `min` field. */
function parameterOrderRule(t: TFunction, index: number) {
  return ({ getFieldValue }: Pick<FormInstance, 'getFieldValue'>) => ({
    validator: () => {
      const p = (getFieldValue(['parameters', index]) ?? {}) as Record<string, string | undefined>;
      return limitsInOrder(p.min, p.target, p.max)
        ? Promise.resolve()
        : Promise.reject(new Error(t('engineering.routing.rules.parameterOrder')));
    },
  });
}

/** A measured inspection needs a limit, with min ≤ max; checked on its `min` field. */
function inspectionLimitsRule(t: TFunction, index: number) {
  return ({ getFieldValue }: Pick<FormInstance, 'getFieldValue'>) => ({
    validator: () => {
      const q = (getFieldValue(['inspections', index]) ?? {}) as Partial<InspectionValues>;
      if (q.resultType !== 'measured') return Promise.resolve();
      if (!q.min?.trim() && !q.max?.trim()) {
        return Promise.reject(new Error(t('engineering.routing.rules.measuredNeedsLimit')));
      }
      return limitsInOrder(q.min, undefined, q.max)
        ? Promise.resolve()
        : Promise.reject(new Error(t('engineering.routing.rules.inspectionOrder')));
    },
  });
}

/** Where a refusal about operation `index` lands in this form (`operations.2.parameters.0` → `parameters.0.min`). */
function drawerField(path: FieldPath, index: number): FieldPath | null {
  if (path[0] !== 'operations' || path[1] !== index) return null;
  const rest = path.slice(2);
  if (rest.length === 0) return null;
  // A parameter or inspection refused as a whole (its limits): show it on its lower limit.
  return typeof rest[rest.length - 1] === 'number' ? [...rest, 'min'] : rest;
}

/**
 * Adds or edits one operation of a draft routing: names, work centre,
 * equipment class, qualification, documents, process parameters and
 * inspection points. Saving stores the whole routing at once.
 */
export function OperationDrawer({
  version,
  index,
  onClose,
}: {
  version: RoutingVersion;
  /** The operation edited; null adds one. */
  index: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<OperationValues>();
  const save = useSaveRouting(version.id);
  const [error, setError] = useState<unknown>(null);
  const workCentres = useWorkCentres(useCan('location.read'));
  const skills = useSkills(useCan('qualification.read'));
  const equipmentClasses = useEquipmentClasses(useCan('equipment.read'));
  const existing = index === null ? undefined : version.operations[index];
  const resultTypes = Form.useWatch('inspections', form) as InspectionValues[] | undefined;

  const initialValues: OperationValues = existing
    ? operationValues(existing)
    : {
        opNo: nextOpNo(version.operations),
        documentVersionIds: [],
        parameters: [],
        inspections: [],
      };
  const otherOpNos = version.operations.filter((_, i) => i !== index).map((op) => op.opNo);
  const name = (item: { code: string; nameZh: string; nameEn: string }) =>
    `${item.code} · ${language === 'zh-CN' ? item.nameZh : item.nameEn}`;

  async function submit(values: OperationValues) {
    setError(null);
    const operations = routingContentOf(version).operations;
    const operation = operationInput(values);
    const at = index ?? operations.length;
    if (index === null) operations.push(operation);
    else operations[index] = operation;
    try {
      await save.mutateAsync({ ...routingContentOf(version), operations });
      void message.success(t('engineering.routing.saved'));
      onClose();
    } catch (caught) {
      const fields = problemFields(caught).flatMap(({ path, message: text }) => {
        const field = drawerField(path, at);
        return field ? [{ name: field, errors: [text ?? problemMessage(caught, t)] }] : [];
      });
      if (fields.length > 0) (form as FormInstance).setFields(fields);
      setError(caught);
    }
  }

  return (
    <Drawer
      open
      title={
        existing
          ? t('engineering.routing.editTitle', { opNo: existing.opNo })
          : t('engineering.routing.addTitle')
      }
      size={960}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose} disabled={save.isPending} data-testid="operation-form-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="operation-form-submit"
          >
            {t('engineering.routing.saveOperation')}
          </Button>
        </Flex>
      }
    >
      <Form<OperationValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
        disabled={save.isPending}
        className="dense-form"
        data-testid="operation-form"
      >
        <div className="form-grid-operation">
          <Form.Item
            name="opNo"
            label={t('engineering.routing.fields.opNo')}
            rules={[
              { required: true, message: t('engineering.routing.rules.opNo') },
              {
                validator: (_: unknown, value: number | null | undefined) =>
                  value !== null && value !== undefined && otherOpNos.includes(value)
                    ? Promise.reject(new Error(t('engineering.routing.rules.opNoTaken')))
                    : Promise.resolve(),
              },
            ]}
          >
            <InputNumber
              min={1}
              max={9999}
              precision={0}
              style={{ width: '100%' }}
              data-testid="opNo"
            />
          </Form.Item>
          <Form.Item
            name="nameZh"
            label={t('engineering.routing.fields.nameZh')}
            rules={[
              { required: true, whitespace: true, message: t('engineering.routing.rules.name') },
              { max: 200 },
            ]}
          >
            <Input data-testid="nameZh" />
          </Form.Item>
          <Form.Item
            name="nameEn"
            label={t('engineering.routing.fields.nameEn')}
            rules={[
              { required: true, whitespace: true, message: t('engineering.routing.rules.name') },
              { max: 200 },
            ]}
          >
            <Input data-testid="nameEn" />
          </Form.Item>
        </div>
        <div className="form-grid-3">
          <Form.Item
            name="workCentre"
            label={t('engineering.routing.fields.workCentre')}
            extra={t('engineering.routing.help.workCentre')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('engineering.routing.rules.workCentre'),
              },
              { max: 40 },
            ]}
          >
            <AutoComplete
              options={(workCentres.data?.items ?? []).map((l) => ({
                value: l.code,
                label: name(l),
              }))}
              showSearch={{
                filterOption: (input, option) =>
                  String(option?.label ?? '')
                    .toLowerCase()
                    .includes(input.toLowerCase()),
              }}
              data-testid="workCentre"
            />
          </Form.Item>
          <Form.Item
            name="equipmentClass"
            label={t('engineering.routing.fields.equipmentClass')}
            extra={t('engineering.routing.help.equipmentClass')}
            rules={[{ max: 60 }]}
          >
            <AutoComplete
              options={(equipmentClasses.data ?? []).map((c) => ({ value: c }))}
              showSearch={{
                filterOption: (input, option) =>
                  String(option?.value ?? '')
                    .toLowerCase()
                    .includes(input.toLowerCase()),
              }}
              data-testid="equipmentClass"
            />
          </Form.Item>
          <Form.Item
            name="skillCode"
            label={t('engineering.routing.fields.skillCode')}
            extra={t('engineering.routing.help.skillCode')}
            rules={[{ max: 60 }]}
          >
            <AutoComplete
              options={(skills.data?.items ?? []).map((s) => ({ value: s.code, label: name(s) }))}
              showSearch={{
                filterOption: (input, option) =>
                  String(option?.label ?? '')
                    .toLowerCase()
                    .includes(input.toLowerCase()),
              }}
              data-testid="skillCode"
            />
          </Form.Item>
        </div>
        <Form.Item
          name="documentVersionIds"
          label={t('engineering.routing.fields.documents')}
          extra={t('engineering.routing.help.documents')}
        >
          <DocumentVersionPicker known={existing?.documents ?? []} testId="operation-documents" />
        </Form.Item>
        <Form.Item name="note" label={t('engineering.routing.fields.note')} rules={[{ max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="operation-note" />
        </Form.Item>

        <Typography.Text strong className="form-section-title">
          {t('engineering.routing.parameters.title')}
        </Typography.Text>
        <Form.List name="parameters">
          {(fields, { add, remove }) => (
            <div className="spec-rows" data-testid="parameter-rows">
              {fields.length > 0 && (
                <div className="spec-row spec-row-parameter spec-row-head" aria-hidden>
                  <span>{t('engineering.routing.parameters.name')}</span>
                  <span>{t('engineering.routing.parameters.target')}</span>
                  <span>{t('engineering.routing.parameters.min')}</span>
                  <span>{t('engineering.routing.parameters.max')}</span>
                  <span>{t('engineering.routing.parameters.unit')}</span>
                  <span />
                </div>
              )}
              {fields.map((field) => (
                <div
                  key={field.key}
                  className="spec-row spec-row-parameter"
                  data-testid={`parameter-${field.name + 1}`}
                >
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        message: t('engineering.routing.rules.parameterName'),
                      },
                      { max: 120 },
                    ]}
                  >
                    <Input
                      aria-label={t('engineering.routing.parameters.name')}
                      data-testid="parameter-name"
                    />
                  </Form.Item>
                  {(['target', 'min', 'max'] as const).map((key) => (
                    <Form.Item
                      key={key}
                      name={[field.name, key]}
                      dependencies={
                        key === 'min'
                          ? [
                              ['parameters', field.name, 'target'],
                              ['parameters', field.name, 'max'],
                            ]
                          : undefined
                      }
                      normalize={(value: string) => value.replace(',', '.').trim()}
                      rules={
                        key === 'min'
                          ? [measureRule(t), parameterOrderRule(t, field.name)]
                          : [measureRule(t)]
                      }
                    >
                      <Input
                        inputMode="decimal"
                        className="mono"
                        aria-label={t(`engineering.routing.parameters.${key}`)}
                        data-testid={`parameter-${key}`}
                      />
                    </Form.Item>
                  ))}
                  <Form.Item name={[field.name, 'unit']} rules={[{ max: 20 }]}>
                    <Input
                      aria-label={t('engineering.routing.parameters.unit')}
                      data-testid="parameter-unit"
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('engineering.routing.remove')}
                    data-testid="parameter-remove"
                  />
                </div>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({})}
                data-testid="parameter-add"
              >
                {t('engineering.routing.parameters.add')}
              </Button>
            </div>
          )}
        </Form.List>

        <Typography.Text strong className="form-section-title">
          {t('engineering.routing.inspections.title')}
        </Typography.Text>
        <Form.List name="inspections">
          {(fields, { add, remove }) => (
            <div className="spec-rows" data-testid="inspection-rows">
              {fields.map((field) => {
                const measured = resultTypes?.[field.name]?.resultType === 'measured';
                return (
                  <div
                    key={field.key}
                    className="spec-inspection"
                    data-testid={`inspection-${field.name + 1}`}
                  >
                    <div className="spec-row spec-row-inspection">
                      <Form.Item
                        name={[field.name, 'characteristic']}
                        label={t('engineering.routing.inspections.characteristic')}
                        rules={[
                          {
                            required: true,
                            whitespace: true,
                            message: t('engineering.routing.rules.characteristic'),
                          },
                          { max: 200 },
                        ]}
                      >
                        <Input data-testid="inspection-characteristic" />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'kind']}
                        label={t('engineering.routing.inspections.kind')}
                        rules={[{ required: true }]}
                      >
                        <Select
                          options={INSPECTION_KINDS.map((value) => ({
                            value,
                            label: t(`engineering.routing.inspections.kinds.${value}`),
                          }))}
                          data-testid="inspection-kind"
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'resultType']}
                        label={t('engineering.routing.inspections.resultType')}
                        rules={[{ required: true }]}
                      >
                        <Select
                          options={INSPECTION_RESULT_TYPES.map((value) => ({
                            value,
                            label: t(`engineering.routing.inspections.resultTypes.${value}`),
                          }))}
                          data-testid="inspection-result-type"
                        />
                      </Form.Item>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('engineering.routing.remove')}
                        className="spec-remove"
                        data-testid="inspection-remove"
                      />
                    </div>
                    <div className="spec-row spec-row-inspection-2">
                      <Form.Item
                        name={[field.name, 'method']}
                        label={t('engineering.routing.inspections.method')}
                        rules={[
                          {
                            required: true,
                            whitespace: true,
                            message: t('engineering.routing.rules.method'),
                          },
                          { max: 500 },
                        ]}
                      >
                        <Input data-testid="inspection-method" />
                      </Form.Item>
                      {measured && (
                        <>
                          <Form.Item
                            name={[field.name, 'min']}
                            label={t('engineering.routing.inspections.min')}
                            dependencies={[
                              ['inspections', field.name, 'max'],
                              ['inspections', field.name, 'resultType'],
                            ]}
                            normalize={(value: string) => value.replace(',', '.').trim()}
                            rules={[measureRule(t), inspectionLimitsRule(t, field.name)]}
                          >
                            <Input
                              inputMode="decimal"
                              className="mono"
                              data-testid="inspection-min"
                            />
                          </Form.Item>
                          <Form.Item
                            name={[field.name, 'max']}
                            label={t('engineering.routing.inspections.max')}
                            normalize={(value: string) => value.replace(',', '.').trim()}
                            rules={[measureRule(t)]}
                          >
                            <Input
                              inputMode="decimal"
                              className="mono"
                              data-testid="inspection-max"
                            />
                          </Form.Item>
                          <Form.Item
                            name={[field.name, 'unit']}
                            label={t('engineering.routing.inspections.unit')}
                            rules={[{ max: 20 }]}
                          >
                            <Input data-testid="inspection-unit" />
                          </Form.Item>
                        </>
                      )}
                    </div>
                  </div>
                );
              })}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ kind: 'in_process', resultType: 'pass_fail' })}
                data-testid="inspection-add"
              >
                {t('engineering.routing.inspections.add')}
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
      {error !== null && <ProblemAlert error={error} style={{ marginTop: 12 }} />}
    </Drawer>
  );
}
