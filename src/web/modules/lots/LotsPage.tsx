import { LoadingOutlined, PauseCircleOutlined, ScanOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Flex, Input, Select, Table, Typography } from 'antd';
import type { InputRef, TableProps } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  QUALITY_STATUSES,
  findLotsByCode,
  useLots,
  type BulkHoldResult,
  type LotFilters,
  type LotListItem,
  type QualityStatus,
} from '../../api/lots.ts';
import { useCan } from '../../auth/session.ts';
import { ExportCsvButton } from '../../components/ExportCsvButton.tsx';
import { problemMessage } from '../../components/form-errors.ts';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { PAGE_SIZES, oneOf, pageOf } from '../../list-params.ts';
import { useSearchFilters } from '../../use-search-filters.ts';
import { BulkHoldModal, BulkHoldResultCard } from './BulkHold.tsx';
import {
  ExpiryText,
  ItemCell,
  ItemSelect,
  LocationTreeFilter,
  Quantity,
  QualityStatusTag,
  SupplierPicker,
  isoDayFromToday,
} from './lot-parts.tsx';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateParam(value: string | null): string | undefined {
  return value !== null && ISO_DATE.test(value) ? value : undefined;
}

export function LotsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const mayManage = useCan('lot.manage');
  const [params, update] = useSearchFilters();
  const [holding, setHolding] = useState(false);
  const [holdResult, setHoldResult] = useState<BulkHoldResult | null>(null);

  const filters: LotFilters = {
    q: params.get('q') || undefined,
    itemId: params.get('itemId') || undefined,
    status: oneOf(QUALITY_STATUSES, params.get('status')),
    locationId: params.get('locationId') || undefined,
    supplierId: params.get('supplierId') || undefined,
    supplierLot: params.get('supplierLot') || undefined,
    expiresFrom: dateParam(params.get('expiresFrom')),
    expiresTo: dateParam(params.get('expiresTo')),
  };
  const { page, pageSize, limit, offset } = pageOf(params);
  const lots = useLots({ ...filters, limit, offset });
  const filtered = Object.values(filters).some((value) => value !== undefined);

  const columns: TableProps<LotListItem>['columns'] = [
    {
      key: 'code',
      title: t('lots.fields.code'),
      width: 170,
      render: (_, lot) => (
        <Link to={`/lots/${lot.id}`} className="mono nowrap" data-testid={`lot-link-${lot.code}`}>
          {lot.code}
        </Link>
      ),
    },
    {
      key: 'item',
      title: t('lots.fields.item'),
      render: (_, lot) => <ItemCell thing={lot} />,
    },
    {
      key: 'status',
      title: t('lots.fields.status'),
      width: 120,
      render: (_, lot) => <QualityStatusTag status={lot.qualityStatus} />,
    },
    {
      key: 'onHand',
      title: t('lots.fields.onHand'),
      width: 130,
      align: 'right',
      render: (_, lot) => <Quantity value={lot.quantityOnHand} unit={lot.unit} />,
    },
    {
      key: 'expiresOn',
      title: t('lots.fields.expiresOn'),
      width: 210,
      render: (_, lot) => <ExpiryText expiresOn={lot.expiresOn} daysToExpiry={lot.daysToExpiry} />,
    },
    {
      key: 'supplier',
      title: t('lots.fields.supplier'),
      width: 200,
      render: (_, lot) =>
        lot.supplierCode ? (
          <span className="item-name">
            <span className="mono">{lot.supplierCode}</span>
            <Typography.Text type="secondary" className="item-name-other" ellipsis>
              {language === 'zh-CN' ? lot.supplierNameZh : lot.supplierNameEn}
            </Typography.Text>
          </span>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'supplierLot',
      title: t('lots.fields.supplierLot'),
      width: 150,
      render: (_, lot) =>
        lot.supplierLot ? (
          <span className="mono nowrap">{lot.supplierLot}</span>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  return (
    <Page
      title={t('lots.title')}
      extra={
        <Flex gap={8} wrap>
          <ExportCsvButton entity="lots" filters={{ ...filters }} testId="lots-export" />
          {mayManage && (
            <Button
              icon={<PauseCircleOutlined />}
              onClick={() => setHolding(true)}
              data-testid="lots-bulk-hold"
            >
              {t('lots.bulkHold.open')}
            </Button>
          )}
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" className="page-lead">
        {t('lots.lead')}
      </Typography.Paragraph>
      <ScanLotBox onMany={(code) => update({ q: code })} />
      {holdResult && <BulkHoldResultCard result={holdResult} onClose={() => setHoldResult(null)} />}
      <Card size="small">
        <Flex gap={8} wrap className="table-toolbar" data-testid="lots-filters">
          <Input.Search
            key={filters.q ?? ''}
            defaultValue={filters.q}
            allowClear
            placeholder={t('lots.searchPlaceholder')}
            onSearch={(value) => update({ q: value.trim() })}
            style={{ width: 270 }}
            data-testid="lots-search"
          />
          <ItemSelect
            value={filters.itemId}
            onChange={(id) => update({ itemId: id })}
            placeholder={t('lots.filters.allItems')}
            width={220}
            testId="lots-filter-item"
          />
          <Select<QualityStatus>
            allowClear
            placeholder={t('lots.filters.allStatuses')}
            value={filters.status}
            onChange={(value) => update({ status: value })}
            options={QUALITY_STATUSES.map((value) => ({
              value,
              label: t(`lots.status.${value}`),
            }))}
            style={{ width: 150 }}
            data-testid="lots-filter-status"
          />
          <LocationTreeFilter
            value={filters.locationId}
            onChange={(id) => update({ locationId: id })}
            width={200}
            testId="lots-filter-location"
          />
          <SupplierPicker
            value={filters.supplierId}
            onChange={(id) => update({ supplierId: id })}
            placeholder={t('lots.filters.allSuppliers')}
            width={200}
            testId="lots-filter-supplier"
          />
          <Input.Search
            key={`sl-${filters.supplierLot ?? ''}`}
            defaultValue={filters.supplierLot}
            allowClear
            placeholder={t('lots.filters.supplierLot')}
            onSearch={(value) => update({ supplierLot: value.trim() })}
            style={{ width: 180 }}
            data-testid="lots-filter-supplier-lot"
          />
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            value={[
              filters.expiresFrom ? dayjs(filters.expiresFrom) : null,
              filters.expiresTo ? dayjs(filters.expiresTo) : null,
            ]}
            onChange={(range) => {
              const [from, to] = range ?? [null, null];
              update({
                expiresFrom: from ? from.format('YYYY-MM-DD') : undefined,
                expiresTo: to ? to.format('YYYY-MM-DD') : undefined,
              });
            }}
            presets={[
              {
                label: t('lots.filters.expiresWithin', { days: 30 }),
                value: [dayjs(isoDayFromToday(0)), dayjs(isoDayFromToday(30))],
              },
              {
                label: t('lots.filters.expiresWithin', { days: 90 }),
                value: [dayjs(isoDayFromToday(0)), dayjs(isoDayFromToday(90))],
              },
            ]}
            placeholder={[t('lots.filters.expiresFrom'), t('lots.filters.expiresTo')]}
            data-testid="lots-filter-expiry"
          />
        </Flex>
        {lots.isError && (
          <ProblemAlert
            error={lots.error}
            onRetry={() => void lots.refetch()}
            style={{ marginBottom: 12 }}
          />
        )}
        <Table<LotListItem>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={lots.data?.items ?? []}
          loading={lots.isFetching}
          scroll={{ x: 1180 }}
          locale={{
            emptyText: lots.isPending
              ? t('common.loading')
              : filtered
                ? t('lots.noMatch')
                : t('lots.empty'),
          }}
          pagination={{
            current: page,
            pageSize,
            total: lots.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (nextPage, nextSize) =>
              update({ page: nextSize === pageSize ? nextPage : 1, size: nextSize }),
          }}
          data-testid="lots-table"
        />
      </Card>
      {holding && (
        <BulkHoldModal
          onClose={() => setHolding(false)}
          onDone={(result) => setHoldResult(result)}
        />
      )}
    </Page>
  );
}

/**
 * A box for a handheld scanner (it types the code and presses Enter): one
 * match opens the lot, several fill the search, none says so.
 */
function ScanLotBox({ onMany }: { onMany: (code: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [notFound, setNotFound] = useState<string | null>(null);
  const inputRef = useRef<InputRef>(null);

  async function lookUp(raw: string) {
    const code = raw.trim();
    if (!code) return;
    setBusy(true);
    setNotFound(null);
    try {
      const found = await findLotsByCode(code);
      if (found.length === 1 && found[0]) {
        void navigate(`/lots/${found[0].id}`);
      } else if (found.length > 1) {
        onMany(code);
        setValue('');
      } else {
        setNotFound(code);
        setValue('');
        inputRef.current?.focus();
      }
    } catch (error) {
      void message.error(problemMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" className="section-card">
      <Flex gap={12} align="center" wrap>
        <Typography.Text strong>
          <ScanOutlined aria-hidden /> {t('lots.scan.label')}
        </Typography.Text>
        <Input
          ref={inputRef}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          onPressEnter={() => void lookUp(value)}
          placeholder={t('lots.scan.placeholder')}
          autoComplete="off"
          spellCheck={false}
          className="mono"
          style={{ width: 320 }}
          suffix={busy ? <LoadingOutlined /> : <span />}
          aria-label={t('lots.scan.label')}
          data-testid="lot-scan"
        />
        <Typography.Text type="secondary">{t('lots.scan.help')}</Typography.Text>
      </Flex>
      {notFound !== null && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={t('lots.scan.notFound', { code: notFound })}
          data-testid="lot-scan-not-found"
        />
      )}
    </Card>
  );
}
