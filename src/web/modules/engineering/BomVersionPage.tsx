import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
  SaveOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Form, Input, Switch, Table, Tag, Typography } from 'antd';
import type { FormInstance, FormListFieldData, TableProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { hasCode } from '../../api/client.ts';
import {
  useBomVersion,
  useSaveBom,
  type BomLine,
  type BomVersion,
  type ItemRef,
} from '../../api/engineering.ts';
import { useCan } from '../../auth/session.ts';
import { problemMessage } from '../../components/form-errors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { plainDecimal } from '../items/item-format.ts';
import { ItemName } from '../items/item-tags.tsx';
import { DocumentLinks } from './DocumentLinks.tsx';
import { DocumentVersionPicker, ItemPicker } from './pickers.tsx';
import { problemFields } from './problem-fields.ts';
import {
  PERCENT,
  bomContentOf,
  bomFormValues,
  isPositiveQuantity,
  type BomFormValues,
  type BomLineValues,
} from './version-content.ts';
import { VersionLayout, VersionQueryPage } from './VersionLayout.tsx';
import { WhereUsedCard } from './WhereUsedCard.tsx';

export function BomVersionPage() {
  const { id = '' } = useParams();
  const bom = useBomVersion(id);
  return (
    <VersionQueryPage kind="bom" query={bom}>
      {(version) => <BomVersionView key={version.id} version={version} />}
    </VersionQueryPage>
  );
}

function BomVersionView({ version }: { version: BomVersion }) {
  const mayManage = useCan('engineering.manage');
  const [dirty, setDirty] = useState(false);
  // A refusal of the last save stays shown even when the version turned out locked.
  const [saveError, setSaveError] = useState<unknown>(null);
  const editing = version.status === 'draft' && mayManage;

  return (
    <VersionLayout version={version} dirty={editing && dirty}>
      {saveError !== null && <ProblemAlert error={saveError} style={{ marginBottom: 12 }} />}
      {editing ? (
        <BomEditor version={version} onDirty={setDirty} onSaveError={setSaveError} />
      ) : (
        <BomLinesCard version={version} />
      )}
      <WhereUsedCard item={version.item} />
    </VersionLayout>
  );
}

function orDash(value: string | null) {
  return value ?? <Typography.Text type="secondary">—</Typography.Text>;
}

function RecordTag({ line }: { line: Pick<BomLine, 'recordTracking' | 'component'> }) {
  const { t } = useTranslation();
  if (line.component.tracking === 'none') {
    return <Typography.Text type="secondary">{t('engineering.bom.notTracked')}</Typography.Text>;
  }
  return line.recordTracking ? (
    <Tag color="blue" data-testid="line-record" data-record="true">
      {t(`engineering.bom.record.${line.component.tracking}`)}
    </Tag>
  ) : (
    <Tag data-testid="line-record" data-record="false">
      {t('engineering.bom.notRecorded')}
    </Tag>
  );
}

/** The lines of a locked version (or of a draft for someone who may not edit it). */
function BomLinesCard({ version }: { version: BomVersion }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const withDesignators = version.lines.some((l) => l.referenceDesignator);

  const columns: TableProps<BomLine>['columns'] = [
    { key: 'lineNo', title: '#', width: 48, align: 'right', dataIndex: 'lineNo' },
    {
      key: 'component',
      title: t('engineering.bom.columns.component'),
      render: (_, line) => (
        <Flex gap={8} align="start">
          <Link
            to={`/items/${line.componentItemId}`}
            className="mono nowrap"
            data-testid="line-component"
          >
            {line.component.code}
          </Link>
          <ItemName item={line.component} language={language} />
        </Flex>
      ),
    },
    {
      key: 'quantityPer',
      title: t('engineering.bom.columns.quantityPer'),
      width: 120,
      align: 'right',
      render: (_, line) => (
        <span className="mono" data-testid="line-quantity">
          {plainDecimal(line.quantityPer)}
        </span>
      ),
    },
    { key: 'uom', title: t('engineering.bom.columns.uom'), width: 70, dataIndex: 'uom' },
    {
      key: 'scrapPct',
      title: t('engineering.bom.columns.scrapPct'),
      width: 90,
      align: 'right',
      render: (_, line) => <span className="mono">{plainDecimal(line.scrapPct)} %</span>,
    },
    {
      key: 'record',
      title: t('engineering.bom.columns.recordTracking'),
      width: 150,
      render: (_, line) => <RecordTag line={line} />,
    },
    ...(withDesignators
      ? [
          {
            key: 'ref',
            title: t('engineering.bom.columns.referenceDesignator'),
            width: 150,
            render: (_: unknown, line: BomLine) => orDash(line.referenceDesignator),
          },
        ]
      : []),
    {
      key: 'note',
      title: t('engineering.bom.columns.note'),
      render: (_, line) => orDash(line.note),
    },
  ];

  return (
    <Card
      size="small"
      className="section-card"
      title={t('engineering.bom.linesTitle', { count: version.lines.length })}
      data-testid="bom-lines"
    >
      <Table<BomLine>
        size="small"
        rowKey="lineNo"
        columns={columns}
        dataSource={version.lines}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('engineering.bom.noLines') }}
        data-testid="bom-lines-table"
      />
      <DocumentLinks title={t('engineering.bom.documentsTitle')} documents={version.documents} />
    </Card>
  );
}

const CELL = { style: { marginBottom: 0 } };

/**
 * The draft's lines as a form: pick components, set quantities, scrap and
 * whether the lot/serial is recorded; add, remove and reorder; save all at once.
 */
function BomEditor({
  version,
  onDirty,
  onSaveError,
}: {
  version: BomVersion;
  onDirty: (dirty: boolean) => void;
  onSaveError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<BomFormValues>();
  const save = useSaveBom(version.id);
  const [dirty, setDirty] = useState(false);
  const [known, setKnown] = useState<Map<string, ItemRef>>(
    () => new Map(version.lines.map((l) => [l.componentItemId, l.component])),
  );
  const lines = Form.useWatch('lines', form) as BomLineValues[] | undefined;

  function markDirty(value: boolean) {
    setDirty(value);
    onDirty(value);
  }

  // The stored version changed (its note was saved): take it unless there are edits.
  useEffect(() => {
    if (!dirty) form.setFieldsValue(bomFormValues(version));
  }, [version.updatedAt]);

  function componentOf(index: number): ItemRef | undefined {
    const id = lines?.[index]?.componentItemId;
    return id ? known.get(id) : undefined;
  }

  async function submit(values: BomFormValues) {
    onSaveError(null);
    try {
      const saved = await save.mutateAsync(bomContentOf(values, version.note));
      form.setFieldsValue(bomFormValues(saved));
      markDirty(false);
      void message.success(t('engineering.bom.saved'));
    } catch (error) {
      const fields = problemFields(error);
      if (fields.length > 0) {
        (form as FormInstance).setFields(
          fields.map(({ path, message: text }) => ({
            name: path,
            errors: [text ?? problemMessage(error, t)],
          })),
        );
      }
      onSaveError(error);
      // Someone submitted the version meanwhile: show it as it now is (locked).
      if (hasCode(error, 'VERSION_LOCKED')) markDirty(false);
    }
  }

  function discard() {
    form.setFieldsValue(bomFormValues(version));
    onSaveError(null);
    markDirty(false);
  }

  const columns = (
    move: (from: number, to: number) => void,
    remove: (index: number) => void,
    count: number,
  ): TableProps<FormListFieldData>['columns'] => [
    {
      key: 'lineNo',
      title: '#',
      width: 44,
      align: 'right',
      render: (_, field, index) => (
        <span className="bom-line-no" data-testid={`bom-line-${field.key}`}>
          {index + 1}
        </span>
      ),
    },
    {
      key: 'component',
      title: t('engineering.bom.columns.component'),
      render: (_, field, index) => (
        <Form.Item
          {...CELL}
          name={[field.name, 'componentItemId']}
          rules={[
            { required: true, message: t('engineering.bom.rules.componentRequired') },
            {
              validator: (_rule, value: string | undefined) => {
                if (!value) return Promise.resolve();
                if (value === version.itemId) {
                  return Promise.reject(new Error(t('engineering.bom.rules.isParent')));
                }
                const first = (form.getFieldValue('lines') as BomLineValues[]).findIndex(
                  (l) => l.componentItemId === value,
                );
                return first !== -1 && first < index
                  ? Promise.reject(
                      new Error(t('engineering.bom.rules.duplicate', { line: first + 1 })),
                    )
                  : Promise.resolve();
              },
            },
          ]}
        >
          <ItemPicker
            known={[...known.values()]}
            ariaLabel={`${t('engineering.bom.columns.component')} ${index + 1}`}
            testId="line-component-picker"
            onPick={(item) => {
              setKnown((previous) => new Map(previous).set(item.id, item));
              form.setFieldValue(['lines', field.name, 'recordTracking'], item.tracking !== 'none');
            }}
          />
        </Form.Item>
      ),
    },
    {
      key: 'quantityPer',
      title: t('engineering.bom.columns.quantityPer'),
      width: 120,
      render: (_, field, index) => (
        <Form.Item
          {...CELL}
          name={[field.name, 'quantityPer']}
          normalize={(value: string) => value.replace(',', '.').trim()}
          rules={[
            {
              validator: (_rule, value: string | undefined) =>
                value && isPositiveQuantity(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('engineering.bom.rules.quantity'))),
            },
          ]}
        >
          <Input
            inputMode="decimal"
            className="mono"
            aria-label={`${t('engineering.bom.columns.quantityPer')} ${index + 1}`}
            data-testid="line-quantity-input"
          />
        </Form.Item>
      ),
    },
    {
      key: 'uom',
      title: t('engineering.bom.columns.uom'),
      width: 64,
      render: (_, _field, index) => (
        <span className="mono" data-testid="line-uom">
          {componentOf(index)?.uom ?? '—'}
        </span>
      ),
    },
    {
      key: 'scrapPct',
      title: t('engineering.bom.columns.scrapPct'),
      width: 110,
      render: (_, field, index) => (
        <Form.Item
          {...CELL}
          name={[field.name, 'scrapPct']}
          normalize={(value: string) => value.replace(',', '.').trim()}
          rules={[{ pattern: PERCENT, message: t('engineering.bom.rules.scrap') }]}
        >
          <Input
            inputMode="decimal"
            suffix="%"
            className="mono"
            placeholder="0"
            aria-label={`${t('engineering.bom.columns.scrapPct')} ${index + 1}`}
            data-testid="line-scrap-input"
          />
        </Form.Item>
      ),
    },
    {
      key: 'recordTracking',
      title: <span className="nowrap">{t('engineering.bom.columns.recordTracking')}</span>,
      width: 160,
      render: (_, field, index) => {
        const component = componentOf(index);
        const untracked = component?.tracking === 'none';
        return (
          <Flex align="center" gap={6}>
            <Form.Item {...CELL} name={[field.name, 'recordTracking']} valuePropName="checked">
              <Switch
                size="small"
                disabled={untracked}
                aria-label={`${t('engineering.bom.columns.recordTracking')} ${index + 1}`}
                data-testid="line-record-switch"
              />
            </Form.Item>
            <Typography.Text type="secondary" className="nowrap bom-tracking-note">
              {component?.tracking === 'lot' || component?.tracking === 'serial'
                ? t(`engineering.bom.trackingShort.${component.tracking}`)
                : untracked
                  ? t('engineering.bom.notTracked')
                  : ''}
            </Typography.Text>
          </Flex>
        );
      },
    },
    {
      key: 'note',
      title: t('engineering.bom.columns.note'),
      width: 200,
      render: (_, field, index) => (
        <Form.Item {...CELL} name={[field.name, 'note']} rules={[{ max: 500 }]}>
          <Input
            aria-label={`${t('engineering.bom.columns.note')} ${index + 1}`}
            data-testid="line-note-input"
          />
        </Form.Item>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 108,
      render: (_, field, index) => (
        <Flex gap={2}>
          <Button
            type="text"
            size="small"
            icon={<ArrowUpOutlined />}
            disabled={index === 0}
            onClick={() => move(index, index - 1)}
            aria-label={t('engineering.bom.moveUp')}
            title={t('engineering.bom.moveUp')}
            data-testid="line-move-up"
          />
          <Button
            type="text"
            size="small"
            icon={<ArrowDownOutlined />}
            disabled={index === count - 1}
            onClick={() => move(index, index + 1)}
            aria-label={t('engineering.bom.moveDown')}
            title={t('engineering.bom.moveDown')}
            data-testid="line-move-down"
          />
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            onClick={() => remove(field.name)}
            aria-label={t('engineering.bom.removeLine')}
            title={t('engineering.bom.removeLine')}
            data-testid="line-remove"
          />
        </Flex>
      ),
    },
  ];

  return (
    <Card
      size="small"
      className="section-card bom-editor"
      title={
        <Flex align="center" gap={8}>
          <span>{t('engineering.bom.linesTitle', { count: lines?.length ?? 0 })}</span>
          {dirty && (
            <Tag color="gold" data-testid="bom-unsaved">
              {t('engineering.bom.unsaved')}
            </Tag>
          )}
        </Flex>
      }
      extra={
        <Flex gap={8}>
          <Button
            icon={<UndoOutlined />}
            disabled={!dirty || save.isPending}
            onClick={discard}
            data-testid="bom-discard"
          >
            {t('engineering.bom.discard')}
          </Button>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={!dirty}
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="bom-save"
          >
            {t('engineering.bom.save')}
          </Button>
        </Flex>
      }
      data-testid="bom-editor"
    >
      <Form<BomFormValues>
        form={form}
        initialValues={bomFormValues(version)}
        onValuesChange={() => markDirty(true)}
        onFinish={(values) => void submit(values)}
        disabled={save.isPending}
        className="dense-form"
      >
        <Form.List name="lines">
          {(fields, { add, remove, move }) => (
            <>
              <Table<FormListFieldData>
                size="small"
                rowKey="key"
                columns={columns(
                  (from, to) => {
                    move(from, to);
                    markDirty(true);
                  },
                  (index) => {
                    remove(index);
                    markDirty(true);
                  },
                  fields.length,
                )}
                dataSource={fields}
                pagination={false}
                scroll={{ x: 1000 }}
                locale={{
                  emptyText: (
                    <Empty
                      image={Empty.PRESENTED_IMAGE_SIMPLE}
                      description={t('engineering.bom.noLinesDraft')}
                    />
                  ),
                }}
                data-testid="bom-lines-table"
              />
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                block
                className="bom-add-line"
                onClick={() => {
                  add({ recordTracking: true, scrapPct: '' });
                  markDirty(true);
                }}
                data-testid="bom-add-line"
              >
                {t('engineering.bom.addLine')}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Text strong className="form-section-title bom-documents-title">
          {t('engineering.bom.documentsTitle')}
        </Typography.Text>
        <Form.Item name="documentVersionIds" extra={t('engineering.bom.documentsHelp')}>
          <DocumentVersionPicker
            known={version.documents}
            ariaLabel={t('engineering.bom.documentsTitle')}
            testId="bom-documents-picker"
          />
        </Form.Item>
      </Form>
    </Card>
  );
}
