import {
  BranchesOutlined,
  CheckCircleOutlined,
  CloseCircleOutlined,
  MergeCellsOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
  RollbackOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Dropdown, Flex, Table, Tag, Typography } from 'antd';
import type { DescriptionsProps, TableProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  useLot,
  type Activity,
  type GenealogyLink,
  type LotDetail,
  type LotLocationQuantity,
  type LotStatusChange,
} from '../../api/lots.ts';
import { useCan } from '../../auth/session.ts';
import { HistoryPanel } from '../../components/HistoryPanel.tsx';
import { Page } from '../../components/Page.tsx';
import { RecordPage } from '../../components/RecordPage.tsx';
import { SignaturesCard } from '../../components/SignaturesCard.tsx';
import { formatDateTime, formatDateTimeShort, formatIsoDate } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { LotActionDialogs, type LotDialog } from './LotActions.tsx';
import { LotOriginCard } from './LotOriginCard.tsx';
import { MovementsTable } from './MovementsTable.tsx';
import { ExpiryText, Quantity, QualityStatusTag, itemNameOf } from './lot-parts.tsx';
import { hasQuantity, quantityText } from './quantity.ts';

export function LotDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lot = useLot(id);
  const back = { to: '/lots', label: t('lots.title') };
  return (
    <RecordPage query={lot} title={t('lots.detailTitle')} back={back}>
      {(record) => <LotView lot={record} back={back} />}
    </RecordPage>
  );
}

const dash = <Typography.Text type="secondary">—</Typography.Text>;

/** Where a record that caused something lives in the app, if it has a screen. */
function sourcePath(source: { type: string; id: string }): string | null {
  switch (source.type) {
    case 'inspection':
      return `/inspections/${source.id}`;
    case 'purchase_order':
      return `/purchase-orders/${source.id}`;
    case 'trace_unit':
    case 'split':
    case 'merge':
      return `/lots/${source.id}`;
    default:
      return null;
  }
}

function SourceLink({ source }: { source: { type: string; id: string } }) {
  const { t } = useTranslation();
  const path = sourcePath(source);
  const label = t(`lots.sources.${source.type}`, { defaultValue: source.type });
  return path ? (
    <Link to={path} data-testid="lot-source" data-type={source.type}>
      {label}
    </Link>
  ) : (
    <span data-testid="lot-source" data-type={source.type}>
      {label} <span className="mono lot-source-id">{source.id.slice(0, 8)}</span>
    </span>
  );
}

function LotView({ lot, back }: { lot: LotDetail; back: { to: string; label: string } }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const mayManage = useCan('lot.manage');
  const mayRelease = useCan('lot.release');
  const [dialog, setDialog] = useState<LotDialog | null>(null);
  const status = lot.qualityStatus;
  const hasStock = hasQuantity(lot.quantityOnHand);
  const divisible = lot.kind === 'lot';

  const statusActions: ReactNode[] = [];
  if (mayRelease && status === 'quarantined')
    statusActions.push(
      <Button
        key="release"
        type="primary"
        icon={<CheckCircleOutlined />}
        onClick={() => setDialog({ kind: 'release' })}
        data-testid="lot-action-release"
      >
        {t('lots.actions.release')}
      </Button>,
    );
  if (mayRelease && status === 'on_hold')
    statusActions.push(
      <Button
        key="release-hold"
        type="primary"
        icon={<PlayCircleOutlined />}
        onClick={() => setDialog({ kind: 'release-hold' })}
        data-testid="lot-action-release-hold"
      >
        {t('lots.actions.releaseHold')}
      </Button>,
    );
  if (mayManage && status === 'released')
    statusActions.push(
      <Button
        key="hold"
        icon={<PauseCircleOutlined />}
        onClick={() => setDialog({ kind: 'hold' })}
        data-testid="lot-action-hold"
      >
        {t('lots.actions.hold')}
      </Button>,
    );
  if (mayRelease && (status === 'quarantined' || status === 'on_hold'))
    statusActions.push(
      <Button
        key="reject"
        danger
        icon={<CloseCircleOutlined />}
        onClick={() => setDialog({ kind: 'reject' })}
        data-testid="lot-action-reject"
      >
        {t('lots.actions.reject')}
      </Button>,
    );
  if (mayRelease && status !== 'recalled')
    statusActions.push(
      <Button
        key="recall"
        danger
        icon={<RollbackOutlined />}
        onClick={() => setDialog({ kind: 'recall' })}
        data-testid="lot-action-recall"
      >
        {t('lots.actions.recall')}
      </Button>,
    );

  const stockMenu = [
    { key: 'adjustment', label: t('lots.actions.adjust'), disabled: false },
    { key: 'scrap', label: t('lots.actions.scrap'), disabled: !hasStock },
    ...(divisible
      ? [
          { key: 'split', label: t('lots.actions.split'), disabled: !hasStock },
          { key: 'merge', label: t('lots.actions.merge'), disabled: !hasStock },
        ]
      : []),
  ];

  const fields: DescriptionsProps['items'] = [
    {
      key: 'code',
      label: t('lots.fields.code'),
      children: (
        <span className="mono" data-testid="lot-code">
          {lot.code}
        </span>
      ),
    },
    { key: 'kind', label: t('lots.fields.kind'), children: t(`lots.kinds.${lot.kind}`) },
    {
      key: 'item',
      label: t('lots.fields.item'),
      span: 'filled',
      children: (
        <Link to={`/items/${lot.itemId}`} data-testid="lot-item">
          <span className="mono">{lot.itemCode}</span> {itemNameOf(lot, language)}
        </Link>
      ),
    },
    {
      key: 'supplier',
      label: t('lots.fields.supplier'),
      children: lot.supplierId ? (
        <Link to={`/suppliers/${lot.supplierId}`} data-testid="lot-supplier">
          <span className="mono">{lot.supplierCode}</span>{' '}
          {language === 'zh-CN' ? lot.supplierNameZh : lot.supplierNameEn}
        </Link>
      ) : (
        dash
      ),
    },
    {
      key: 'supplierLot',
      label: t('lots.fields.supplierLot'),
      children: lot.supplierLot ? (
        <span className="mono" data-testid="lot-supplier-lot">
          {lot.supplierLot}
        </span>
      ) : (
        dash
      ),
    },
    {
      key: 'manufacturedOn',
      label: t('lots.fields.manufacturedOn'),
      children: lot.manufacturedOn ? formatIsoDate(lot.manufacturedOn, language) : dash,
    },
    {
      key: 'expiresOn',
      label: t('lots.fields.expiresOn'),
      children: <ExpiryText expiresOn={lot.expiresOn} daysToExpiry={lot.daysToExpiry} />,
    },
    {
      key: 'origin',
      label: t('lots.fields.origin'),
      children: lot.source ? <SourceLink source={lot.source} /> : dash,
    },
    {
      key: 'status',
      label: t('lots.fields.status'),
      children: <QualityStatusTag status={status} />,
    },
    {
      key: 'received',
      label: t('lots.fields.received'),
      children: <Quantity value={lot.receivedQuantity} unit={lot.unit} />,
    },
    {
      key: 'onHand',
      label: t('lots.fields.onHand'),
      children: (
        <span data-testid="lot-on-hand">
          <Quantity value={lot.quantityOnHand} unit={lot.unit} />
        </span>
      ),
    },
    {
      key: 'createdAt',
      label: t('lots.fields.createdAt'),
      children: <time dateTime={lot.createdAt}>{formatDateTime(lot.createdAt, language)}</time>,
    },
  ];

  return (
    <Page
      title={`${lot.code} · ${itemNameOf(lot, language)}`}
      back={back}
      tags={<QualityStatusTag status={status} />}
      extra={
        (statusActions.length > 0 || mayManage) && (
          <Flex gap={8} wrap data-testid="lot-actions">
            {statusActions}
            {mayManage && (
              <Button
                icon={<SwapOutlined />}
                disabled={!hasStock}
                onClick={() => setDialog({ kind: 'transfer' })}
                data-testid="lot-action-transfer"
              >
                {t('lots.actions.transfer')}
              </Button>
            )}
            {mayManage && (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: stockMenu.map((entry) => ({
                    ...entry,
                    'data-testid': `lot-action-${entry.key}`,
                  })),
                  onClick: ({ key }) => setDialog({ kind: key as 'adjustment' }),
                }}
              >
                <Button icon={<BranchesOutlined />} data-testid="lot-action-more">
                  {t('lots.actions.more')}
                </Button>
              </Dropdown>
            )}
          </Flex>
        )
      }
    >
      {status === 'on_hold' && (
        <Alert
          type="warning"
          showIcon
          icon={<PauseCircleOutlined />}
          className="section-card"
          title={t('lots.onHoldBanner')}
          description={lot.holdReason ?? undefined}
          data-testid="lot-hold-banner"
        />
      )}
      {(status === 'rejected' || status === 'recalled' || status === 'expired') && (
        <Alert
          type="error"
          showIcon
          className="section-card"
          title={t(`lots.blockedBanner.${status}`)}
          data-testid="lot-blocked-banner"
        />
      )}
      <Card size="small" className="section-card" title={t('lots.identityTitle')}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={fields}
          styles={{ label: { width: 170 } }}
          data-testid="lot-details"
        />
      </Card>
      <LotOriginCard lot={lot} />
      <QuantitiesCard lot={lot} mayManage={mayManage} onAction={setDialog} />
      <StatusHistoryCard changes={lot.statusHistory} />
      <GenealogyCard lot={lot} />
      <Card
        size="small"
        className="section-card"
        title={t('lots.movements.title')}
        extra={
          <Link to={`/stock?lotId=${lot.id}`} data-testid="lot-open-stock">
            {t('lots.openStock')}
          </Link>
        }
      >
        <MovementsTable
          filters={{ lotId: lot.id }}
          showLot={false}
          pageSize={10}
          testId="lot-movements"
        />
      </Card>
      <ActivitiesCard activities={lot.activities} />
      <SignaturesCard signatures={lot.signatures} testId="lot-signatures" />
      <HistoryPanel entityType="trace_unit" entityId={lot.id} />
      <LotActionDialogs lot={lot} dialog={dialog} onClose={() => setDialog(null)} />
    </Page>
  );
}

function QuantitiesCard({
  lot,
  mayManage,
  onAction,
}: {
  lot: LotDetail;
  mayManage: boolean;
  onAction: (dialog: LotDialog) => void;
}) {
  const { t } = useTranslation();
  const places = lot.quantitiesByLocation.filter((place) => hasQuantity(place.quantity));
  const columns: TableProps<LotLocationQuantity>['columns'] = [
    {
      key: 'location',
      title: t('lots.fields.location'),
      render: (_, place) => (
        <span className="item-name">
          <Link to={`/stock?locationId=${place.locationId}`} className="mono">
            {place.locationCode}
          </Link>
          <Typography.Text type="secondary" className="item-name-other">
            {place.locationPath}
          </Typography.Text>
        </span>
      ),
    },
    {
      key: 'kind',
      title: t('lots.fields.locationKind'),
      width: 150,
      render: (_, place) => <Tag>{t(`plant.locationKind.${place.locationKind}`)}</Tag>,
    },
    {
      key: 'quantity',
      title: t('lots.fields.quantity'),
      width: 140,
      align: 'right',
      render: (_, place) => <Quantity value={place.quantity} unit={lot.unit} />,
    },
    ...(mayManage
      ? [
          {
            key: 'actions',
            title: '',
            width: 120,
            render: (_: unknown, place: LotLocationQuantity) => (
              <Button
                size="small"
                icon={<SwapOutlined />}
                onClick={() => onAction({ kind: 'transfer', fromLocationId: place.locationId })}
                data-testid={`transfer-from-${place.locationCode}`}
              >
                {t('lots.actions.transfer')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card size="small" className="section-card" title={t('lots.quantitiesTitle')}>
      <Table<LotLocationQuantity>
        size="small"
        rowKey="locationId"
        columns={columns}
        dataSource={places}
        pagination={false}
        locale={{ emptyText: t('lots.noStock') }}
        data-testid="lot-quantities"
      />
    </Card>
  );
}

function StatusHistoryCard({ changes }: { changes: readonly LotStatusChange[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const newestFirst = [...changes].sort((a, b) => b.changedAt.localeCompare(a.changedAt));
  const columns: TableProps<LotStatusChange>['columns'] = [
    {
      key: 'at',
      title: t('lots.history.at'),
      width: 170,
      render: (_, c) => (
        <time dateTime={c.changedAt} className="nowrap">
          {formatDateTimeShort(c.changedAt, language)}
        </time>
      ),
    },
    {
      key: 'change',
      title: t('lots.history.change'),
      width: 260,
      render: (_, c) => (
        <Flex gap={4} align="center" wrap>
          {c.fromStatus ? <QualityStatusTag status={c.fromStatus} /> : null}
          {c.fromStatus ? <span aria-hidden>→</span> : null}
          <QualityStatusTag status={c.toStatus} />
        </Flex>
      ),
    },
    { key: 'by', title: t('lots.history.by'), width: 150, dataIndex: 'changedBy' },
    {
      key: 'signature',
      title: t('lots.history.signature'),
      width: 160,
      render: (_, c) =>
        c.signature ? (
          <Tag color="blue" data-testid="status-signature">
            {t(`signature.meanings.${c.signature.meaning}`)} · {c.signature.signerName}
          </Tag>
        ) : (
          dash
        ),
    },
    { key: 'reason', title: t('lots.history.reason'), render: (_, c) => c.reason ?? dash },
  ];
  return (
    <Card size="small" className="section-card" title={t('lots.history.title')}>
      <Table<LotStatusChange>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={newestFirst}
        pagination={newestFirst.length > 10 ? { pageSize: 10, size: 'small' } : false}
        locale={{ emptyText: t('lots.history.empty') }}
        data-testid="lot-status-history"
      />
    </Card>
  );
}

function GenealogyList({
  links,
  unit,
  testId,
}: {
  links: readonly GenealogyLink[];
  unit: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (links.length === 0)
    return <Typography.Text type="secondary">{t('lots.genealogy.none')}</Typography.Text>;
  return (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }} data-testid={testId}>
      {links.map((link) => (
        <li key={`${link.traceUnitId}-${link.activityId}`}>
          <Link to={`/lots/${link.traceUnitId}`} className="mono">
            {link.code}
          </Link>{' '}
          <QualityStatusTag status={link.qualityStatus} />
          {link.quantity && <Quantity value={link.quantity} unit={unit} />}{' '}
          <Typography.Text type="secondary">
            {t(`lots.activityTypes.${link.activityType}`)} ·{' '}
            {formatDateTimeShort(link.occurredAt, language)}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

function GenealogyCard({ lot }: { lot: LotDetail }) {
  const { t } = useTranslation();
  const { parents, children } = lot.genealogy;
  return (
    <Card
      size="small"
      className="section-card"
      title={
        <span>
          <MergeCellsOutlined aria-hidden /> {t('lots.genealogy.title')}
        </span>
      }
      data-testid="lot-genealogy"
    >
      {parents.length === 0 && children.length === 0 ? (
        <Typography.Text type="secondary">{t('lots.genealogy.empty')}</Typography.Text>
      ) : (
        <Flex gap={24} wrap>
          <div style={{ flex: 1, minWidth: 280 }}>
            <Typography.Title level={5} style={{ fontSize: 14, margin: '0 0 4px' }}>
              {t('lots.genealogy.parents')}
            </Typography.Title>
            <GenealogyList links={parents} unit={lot.unit} testId="lot-parents" />
          </div>
          <div style={{ flex: 1, minWidth: 280 }}>
            <Typography.Title level={5} style={{ fontSize: 14, margin: '0 0 4px' }}>
              {t('lots.genealogy.children')}
            </Typography.Title>
            <GenealogyList links={children} unit={lot.unit} testId="lot-children" />
          </div>
        </Flex>
      )}
    </Card>
  );
}

function UnitLinks({ units }: { units: Activity['inputs'] }) {
  if (units.length === 0) return dash;
  return (
    <Flex gap={6} wrap>
      {units.map((unit) => (
        <span key={unit.traceUnitId} className="nowrap">
          <Link to={`/lots/${unit.traceUnitId}`} className="mono">
            {unit.code}
          </Link>
          {unit.quantity && (
            <Typography.Text type="secondary"> × {quantityText(unit.quantity)}</Typography.Text>
          )}
        </span>
      ))}
    </Flex>
  );
}

function ActivitiesCard({ activities }: { activities: readonly Activity[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns: TableProps<Activity>['columns'] = [
    {
      key: 'at',
      title: t('lots.history.at'),
      width: 170,
      render: (_, a) => (
        <time dateTime={a.occurredAt} className="nowrap">
          {formatDateTimeShort(a.occurredAt, language)}
        </time>
      ),
    },
    {
      key: 'type',
      title: t('lots.activities.type'),
      width: 130,
      render: (_, a) => (
        <span data-testid="activity-type" data-type={a.type}>
          {t(`lots.activityTypes.${a.type}`)}
        </span>
      ),
    },
    { key: 'actor', title: t('lots.history.by'), width: 140, dataIndex: 'actorName' },
    {
      key: 'inputs',
      title: t('lots.activities.inputs'),
      width: 200,
      render: (_, a) => <UnitLinks units={a.inputs} />,
    },
    {
      key: 'outputs',
      title: t('lots.activities.outputs'),
      width: 200,
      render: (_, a) => <UnitLinks units={a.outputs} />,
    },
    {
      key: 'source',
      title: t('lots.activities.source'),
      width: 150,
      render: (_, a) => (a.source ? <SourceLink source={a.source} /> : dash),
    },
    { key: 'reason', title: t('lots.history.reason'), render: (_, a) => a.reason ?? dash },
  ];
  return (
    <Card size="small" className="section-card" title={t('lots.activities.title')}>
      <Table<Activity>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={[...activities]}
        scroll={{ x: 1000 }}
        pagination={activities.length > 10 ? { pageSize: 10, size: 'small' } : false}
        locale={{ emptyText: t('lots.activities.empty') }}
        data-testid="lot-activities"
      />
    </Card>
  );
}
