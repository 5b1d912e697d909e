import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  ENGINEERING_STATUSES,
  KIND_PATHS,
  useEngineeringVersions,
  type EngineeringKind,
  type EngineeringStatus,
  type EngineeringVersionSummary,
  type VersionFilters,
} from '../../api/engineering.ts';
import { useItem } from '../../api/items.ts';
import { useCan } from '../../auth/session.ts';
import { ExportCsvButton } from '../../components/ExportCsvButton.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTimeShort, formatIsoDate } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useSearchFilters } from '../../use-search-filters.ts';
import { ItemName } from '../items/item-tags.tsx';
import { VersionStatusTag } from './engineering-tags.tsx';
import { NewVersionDrawer } from './NewVersionDrawer.tsx';

const PAGE_SIZES = [20, 50, 100];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function BomsPage() {
  return <VersionsPage kind="bom" />;
}

export function RoutingsPage() {
  return <VersionsPage kind="routing" />;
}

/** The BOM or routing versions, newest first per item, filtered in the URL. */
function VersionsPage({ kind }: { kind: EngineeringKind }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const mayManage = useCan('engineering.manage');
  const [params, update] = useSearchFilters();
  const [creating, setCreating] = useState(false);
  const path = KIND_PATHS[kind];

  const itemId = params.get('itemId') ?? '';
  const filters: VersionFilters = {
    q: params.get('q') || undefined,
    status: oneOf(ENGINEERING_STATUSES, params.get('status')),
    itemId: UUID.test(itemId) ? itemId : undefined,
  };
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('size'), PAGE_SIZES[0] ?? 20);
  const versions = useEngineeringVersions(kind, {
    ...filters,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const filteredItem = useItem(filters.itemId ?? '', { enabled: filters.itemId !== undefined });
  const filtered = Object.values(filters).some((value) => value !== undefined);

  const columns: TableProps<EngineeringVersionSummary>['columns'] = [
    {
      key: 'item',
      title: t('engineering.fields.item'),
      render: (_, v) => (
        <Flex gap={8} align="start">
          <span className="mono nowrap">{v.item.code}</span>
          <ItemName item={v.item} language={language} />
        </Flex>
      ),
    },
    {
      key: 'version',
      title: t('engineering.fields.version'),
      width: 110,
      render: (_, v) => (
        <Link
          to={`/${path}/${v.id}`}
          className="nowrap"
          data-testid={`version-link-${v.item.code}-${v.versionNo}`}
        >
          {t('engineering.versionShort', { version: v.versionNo })}
        </Link>
      ),
    },
    {
      key: 'status',
      title: t('engineering.fields.status'),
      width: 120,
      render: (_, v) => <VersionStatusTag status={v.status} />,
    },
    {
      key: 'effectiveFrom',
      title: t('engineering.fields.effectiveFrom'),
      width: 150,
      render: (_, v) =>
        v.effectiveFrom ? (
          <span className="nowrap">{formatIsoDate(v.effectiveFrom, language)}</span>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'size',
      title: t(`engineering.${kind}.sizeColumn`),
      width: 110,
      align: 'right',
      render: (_, v) => <span className="mono">{v.size}</span>,
    },
    {
      key: 'note',
      title: t('engineering.fields.note'),
      ellipsis: true,
      render: (_, v) => v.note ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      key: 'updatedAt',
      title: t('engineering.fields.updatedAt'),
      width: 170,
      render: (_, v) => (
        <time dateTime={v.updatedAt} className="nowrap">
          {formatDateTimeShort(v.updatedAt, language)}
        </time>
      ),
    },
  ];

  return (
    <Page
      title={t(`engineering.${kind}.title`)}
      extra={
        <Flex gap={8} wrap>
          <ExportCsvButton entity={path} filters={{ ...filters }} testId={`${path}-export`} />
          {mayManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid={`new-${kind}`}
            >
              {t(`engineering.${kind}.new`)}
            </Button>
          )}
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" className="page-lead">
        {t(`engineering.${kind}.lead`)}
      </Typography.Paragraph>
      <Card size="small">
        <Flex gap={8} wrap className="table-toolbar" data-testid={`${path}-filters`}>
          <Input.Search
            key={filters.q ?? ''}
            defaultValue={filters.q}
            allowClear
            placeholder={t('engineering.searchPlaceholder')}
            onSearch={(value) => update({ q: value.trim() })}
            style={{ width: 280 }}
            data-testid={`${path}-search`}
          />
          <Select<EngineeringStatus>
            allowClear
            placeholder={t('engineering.allStatuses')}
            value={filters.status}
            onChange={(value) => update({ status: value })}
            options={ENGINEERING_STATUSES.map((value) => ({
              value,
              label: t(`engineering.status.${value}`),
            }))}
            style={{ width: 150 }}
            data-testid={`${path}-filter-status`}
          />
          {filters.itemId && (
            <Tag
              closable
              onClose={() => update({ itemId: undefined })}
              className="filter-tag"
              data-testid={`${path}-filter-item`}
            >
              {t('engineering.fields.item')}:{' '}
              {filteredItem.data ? filteredItem.data.code : t('common.loading')}
            </Tag>
          )}
        </Flex>
        {versions.isError && (
          <ProblemAlert
            error={versions.error}
            onRetry={() => void versions.refetch()}
            style={{ marginBottom: 12 }}
          />
        )}
        <Table<EngineeringVersionSummary>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={versions.data?.items ?? []}
          loading={versions.isFetching}
          scroll={{ x: 1080 }}
          onRow={(v) => ({
            onDoubleClick: () => void navigate(`/${path}/${v.id}`),
          })}
          locale={{
            emptyText: versions.isPending
              ? t('common.loading')
              : filtered
                ? t('engineering.noMatch')
                : t(`engineering.${kind}.empty`),
          }}
          pagination={{
            current: page,
            pageSize,
            total: versions.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (nextPage, nextSize) =>
              update({ page: nextSize === pageSize ? nextPage : 1, size: nextSize }),
          }}
          data-testid={`${path}-table`}
        />
      </Card>
      {creating && (
        <NewVersionDrawer
          kind={kind}
          onClose={() => setCreating(false)}
          onCreated={(version) => {
            setCreating(false);
            void navigate(`/${path}/${version.id}`);
          }}
        />
      )}
    </Page>
  );
}
