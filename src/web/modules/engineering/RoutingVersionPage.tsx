import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  useRoutingVersion,
  useSaveRouting,
  type RoutingOperation,
  type RoutingOperationInput,
  type RoutingVersion,
} from '../../api/engineering.ts';
import { useCan } from '../../auth/session.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { plainDecimal } from '../items/item-format.ts';
import { DocumentLinks } from './DocumentLinks.tsx';
import { OperationDrawer } from './OperationDrawer.tsx';
import { routingContentOf, swapOperations } from './version-content.ts';
import { VersionLayout, VersionQueryPage } from './VersionLayout.tsx';

export function RoutingVersionPage() {
  const { id = '' } = useParams();
  const routing = useRoutingVersion(id);
  return (
    <VersionQueryPage kind="routing" query={routing}>
      {(version) => <RoutingVersionView key={version.id} version={version} />}
    </VersionQueryPage>
  );
}

type Editing = { index: number } | 'new' | null;

function RoutingVersionView({ version }: { version: RoutingVersion }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mayManage = useCan('engineering.manage');
  const editable = version.status === 'draft' && mayManage;
  const save = useSaveRouting(version.id);
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<unknown>(null);

  async function saveOperations(operations: RoutingOperationInput[]) {
    setError(null);
    try {
      await save.mutateAsync({ ...routingContentOf(version), operations });
      void message.success(t('engineering.routing.saved'));
    } catch (caught) {
      setError(caught);
    }
  }

  const current = routingContentOf(version).operations;

  return (
    <VersionLayout version={version} dirty={false}>
      {error !== null && <ProblemAlert error={error} style={{ marginBottom: 12 }} />}
      <Card
        size="small"
        className="section-card"
        title={t('engineering.routing.operationsTitle', { count: version.operations.length })}
        extra={
          editable && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="routing-add-operation"
            >
              {t('engineering.routing.addOperation')}
            </Button>
          )
        }
        data-testid="routing-operations"
      >
        <OperationsTable
          version={version}
          editable={editable}
          busy={save.isPending}
          onEdit={(index) => setEditing({ index })}
          onMove={(index, other) => void saveOperations(swapOperations(current, index, other))}
          onRemove={(index) => void saveOperations(current.filter((_, i) => i !== index))}
        />
      </Card>
      {editing !== null && (
        <OperationDrawer
          version={version}
          index={editing === 'new' ? null : editing.index}
          onClose={() => setEditing(null)}
        />
      )}
    </VersionLayout>
  );
}

function OperationsTable({
  version,
  editable,
  busy,
  onEdit,
  onMove,
  onRemove,
}: {
  version: RoutingVersion;
  editable: boolean;
  busy: boolean;
  onEdit: (index: number) => void;
  onMove: (index: number, other: number) => void;
  onRemove: (index: number) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  // Every operation opens with its specification; people fold away what they have read.
  const [folded, setFolded] = useState<ReadonlySet<number>>(new Set());
  const count = version.operations.length;
  const dash = <Typography.Text type="secondary">—</Typography.Text>;

  const columns: TableProps<RoutingOperation>['columns'] = [
    {
      key: 'opNo',
      title: t('engineering.routing.columns.opNo'),
      width: 80,
      render: (_, op) => (
        <span className="mono" data-testid="operation-no">
          {op.opNo}
        </span>
      ),
    },
    {
      key: 'name',
      title: t('engineering.routing.columns.name'),
      render: (_, op) => {
        const [primary, secondary] =
          language === 'zh-CN' ? [op.nameZh, op.nameEn] : [op.nameEn, op.nameZh];
        return (
          <span className="item-name" data-testid="operation-name">
            <span>{primary}</span>
            {secondary !== primary && (
              <Typography.Text type="secondary" className="item-name-other">
                {secondary}
              </Typography.Text>
            )}
          </span>
        );
      },
    },
    {
      key: 'workCentre',
      title: t('engineering.routing.columns.workCentre'),
      width: 130,
      render: (_, op) => <span className="mono">{op.workCentre}</span>,
    },
    {
      key: 'equipmentClass',
      title: t('engineering.routing.columns.equipmentClass'),
      width: 150,
      render: (_, op) =>
        op.equipmentClass ? <span className="mono">{op.equipmentClass}</span> : dash,
    },
    {
      key: 'skill',
      title: t('engineering.routing.columns.skill'),
      width: 160,
      render: (_, op) => (op.skillCode ? <Tag className="mono">{op.skillCode}</Tag> : dash),
    },
    {
      key: 'counts',
      title: t('engineering.routing.columns.contents'),
      width: 170,
      render: (_, op) => (
        <Flex vertical gap={0}>
          <Typography.Text type={op.parameters.length ? undefined : 'secondary'}>
            {t('engineering.routing.parameterCount', { count: op.parameters.length })}
          </Typography.Text>
          <Typography.Text type={op.inspections.length ? undefined : 'secondary'}>
            {t('engineering.routing.inspectionCount', { count: op.inspections.length })}
          </Typography.Text>
        </Flex>
      ),
    },
    ...(editable
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 150,
            render: (_: unknown, _op: RoutingOperation, index: number) => (
              <Flex gap={2}>
                <Button
                  type="text"
                  size="small"
                  icon={<EditOutlined />}
                  disabled={busy}
                  onClick={() => onEdit(index)}
                  aria-label={t('engineering.routing.editOperation')}
                  title={t('engineering.routing.editOperation')}
                  data-testid="operation-edit"
                />
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowUpOutlined />}
                  disabled={busy || index === 0}
                  onClick={() => onMove(index, index - 1)}
                  aria-label={t('engineering.routing.moveUp')}
                  title={t('engineering.routing.moveUp')}
                  data-testid="operation-move-up"
                />
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowDownOutlined />}
                  disabled={busy || index === count - 1}
                  onClick={() => onMove(index, index + 1)}
                  aria-label={t('engineering.routing.moveDown')}
                  title={t('engineering.routing.moveDown')}
                  data-testid="operation-move-down"
                />
                <Popconfirm
                  title={t('engineering.routing.removeConfirm')}
                  okText={t('engineering.routing.remove')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => onRemove(index)}
                >
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    disabled={busy}
                    aria-label={t('engineering.routing.remove')}
                    title={t('engineering.routing.remove')}
                    data-testid="operation-remove"
                  />
                </Popconfirm>
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <Table<RoutingOperation>
      size="small"
      rowKey="opNo"
      columns={columns}
      dataSource={version.operations}
      pagination={false}
      scroll={{ x: 980 }}
      expandable={{
        expandedRowKeys: version.operations
          .map((op) => op.opNo)
          .filter((opNo) => !folded.has(opNo)),
        onExpand: (expanded, op) =>
          setFolded((previous) => {
            const next = new Set(previous);
            if (expanded) next.delete(op.opNo);
            else next.add(op.opNo);
            return next;
          }),
        expandedRowRender: (op) => <OperationDetails op={op} />,
        rowExpandable: () => true,
      }}
      locale={{
        emptyText: (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              editable
                ? t('engineering.routing.noOperationsDraft')
                : t('engineering.routing.noOperations')
            }
          />
        ),
      }}
      data-testid="routing-operations-table"
    />
  );
}

type Parameter = RoutingOperation['parameters'][number];
type Inspection = RoutingOperation['inspections'][number];

function limits(min: string | null, max: string | null, unit: string | null): string {
  const u = unit ? ` ${unit}` : '';
  if (min !== null && max !== null) return `${plainDecimal(min)} – ${plainDecimal(max)}${u}`;
  if (min !== null) return `≥ ${plainDecimal(min)}${u}`;
  if (max !== null) return `≤ ${plainDecimal(max)}${u}`;
  return '—';
}

/** An operation's documents, process parameters and inspection points. */
function OperationDetails({ op }: { op: RoutingOperation }) {
  const { t } = useTranslation();
  const value = (v: string | null) => (v === null ? '—' : plainDecimal(v));

  const parameterColumns: TableProps<Parameter>['columns'] = [
    { key: 'name', title: t('engineering.routing.parameters.name'), dataIndex: 'name' },
    {
      key: 'target',
      title: t('engineering.routing.parameters.target'),
      width: 76,
      align: 'right',
      render: (_, p) => <span className="mono">{value(p.target)}</span>,
    },
    {
      key: 'min',
      title: t('engineering.routing.parameters.min'),
      width: 76,
      align: 'right',
      render: (_, p) => <span className="mono">{value(p.min)}</span>,
    },
    {
      key: 'max',
      title: t('engineering.routing.parameters.max'),
      width: 76,
      align: 'right',
      render: (_, p) => <span className="mono">{value(p.max)}</span>,
    },
    {
      key: 'unit',
      title: t('engineering.routing.parameters.unit'),
      width: 70,
      render: (_, p) => p.unit ?? '—',
    },
  ];

  const inspectionColumns: TableProps<Inspection>['columns'] = [
    {
      key: 'characteristic',
      title: t('engineering.routing.inspections.characteristic'),
      dataIndex: 'characteristic',
    },
    {
      key: 'kind',
      title: t('engineering.routing.inspections.kind'),
      width: 110,
      render: (_, q) => t(`engineering.routing.inspections.kinds.${q.kind}`),
    },
    { key: 'method', title: t('engineering.routing.inspections.method'), dataIndex: 'method' },
    {
      key: 'result',
      title: t('engineering.routing.inspections.resultType'),
      width: 170,
      render: (_, q) =>
        q.resultType === 'pass_fail' ? (
          t('engineering.routing.inspections.resultTypes.pass_fail')
        ) : (
          <span>
            {t('engineering.routing.inspections.resultTypes.measured')}{' '}
            <span className="mono">{limits(q.min, q.max, q.unit)}</span>
          </span>
        ),
    },
  ];

  return (
    <div className="operation-details" data-testid="operation-details">
      {op.note && <Typography.Paragraph className="operation-note">{op.note}</Typography.Paragraph>}
      <DocumentLinks title={t('engineering.routing.fields.documents')} documents={op.documents} />
      <div className="operation-tables">
        <div>
          <Typography.Text strong className="form-section-title">
            {t('engineering.routing.parameters.title')}
          </Typography.Text>
          <Table<Parameter>
            size="small"
            rowKey="name"
            columns={parameterColumns}
            dataSource={op.parameters}
            pagination={false}
            locale={{ emptyText: t('engineering.routing.parameters.none') }}
            data-testid="operation-parameters"
          />
        </div>
        <div>
          <Typography.Text strong className="form-section-title">
            {t('engineering.routing.inspections.title')}
          </Typography.Text>
          <Table<Inspection>
            size="small"
            rowKey={(q) => `${q.characteristic}-${q.kind}`}
            columns={inspectionColumns}
            dataSource={op.inspections}
            pagination={false}
            locale={{ emptyText: t('engineering.routing.inspections.none') }}
            data-testid="operation-inspections"
          />
        </div>
      </div>
    </div>
  );
}
