import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  DOCUMENT_KINDS,
  useDocuments,
  type ControlledDocument,
  type DocumentFilters,
  type DocumentKind,
} from '../../api/documents.ts';
import { useCan } from '../../auth/session.ts';
import { ExportCsvButton } from '../../components/ExportCsvButton.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatIsoDate } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useSearchFilters } from '../../use-search-filters.ts';
import { CreateDocumentDrawer } from './CreateDocumentDrawer.tsx';
import { RevisionStatusTag } from './document-tags.tsx';

const PAGE_SIZES = [20, 50, 100];
const EFFECTIVE_FILTER = ['true', 'false'] as const;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function DocumentsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const mayManage = useCan('document.manage');
  const [params, update] = useSearchFilters();
  const [creating, setCreating] = useState(false);

  const filters: DocumentFilters = {
    q: params.get('q') || undefined,
    kind: oneOf(DOCUMENT_KINDS, params.get('kind')),
    hasEffective: oneOf(EFFECTIVE_FILTER, params.get('hasEffective')),
  };
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('size'), PAGE_SIZES[0] ?? 20);
  const documents = useDocuments({ ...filters, limit: pageSize, offset: (page - 1) * pageSize });
  const filtered = Object.values(filters).some((value) => value !== undefined);
  const dash = <Typography.Text type="secondary">—</Typography.Text>;

  const columns: TableProps<ControlledDocument>['columns'] = [
    {
      key: 'number',
      title: t('documents.fields.number'),
      width: 150,
      render: (_, doc) => (
        <Link
          to={`/documents/${doc.id}`}
          className="mono nowrap"
          data-testid={`document-link-${doc.number}`}
        >
          {doc.number}
        </Link>
      ),
    },
    {
      key: 'title',
      title: t('documents.fields.title'),
      render: (_, doc) => {
        const [primary, secondary] =
          language === 'zh-CN' ? [doc.titleZh, doc.titleEn] : [doc.titleEn, doc.titleZh];
        return (
          <span className="item-name">
            <span>{primary}</span>
            <Typography.Text type="secondary" className="item-name-other">
              {secondary}
            </Typography.Text>
          </span>
        );
      },
    },
    {
      key: 'kind',
      title: t('documents.fields.kind'),
      width: 150,
      render: (_, doc) => <span className="nowrap">{t(`documents.kinds.${doc.kind}`)}</span>,
    },
    {
      key: 'effective',
      title: t('documents.fields.effectiveRevision'),
      width: 190,
      render: (_, doc) =>
        doc.effectiveVersion ? (
          <span className="nowrap" data-testid="document-effective">
            <span className="mono revision-label">{doc.effectiveVersion.label}</span>
            {doc.effectiveVersion.effectiveFrom && (
              <Typography.Text type="secondary">
                {' '}
                {t('documents.sinceDate', {
                  date: formatIsoDate(doc.effectiveVersion.effectiveFrom, language),
                })}
              </Typography.Text>
            )}
          </span>
        ) : (
          <Typography.Text type="warning">{t('documents.noneEffective')}</Typography.Text>
        ),
    },
    {
      key: 'latest',
      title: t('documents.fields.latestRevision'),
      width: 170,
      render: (_, doc) =>
        doc.latestVersion ? (
          <Flex gap={6} align="center">
            <span className="mono revision-label">{doc.latestVersion.label}</span>
            <RevisionStatusTag status={doc.latestVersion.status} testId="document-latest-status" />
          </Flex>
        ) : (
          dash
        ),
    },
    {
      key: 'owner',
      title: t('documents.fields.owner'),
      width: 170,
      render: (_, doc) => <span className="nowrap">{doc.owner.fullName}</span>,
    },
  ];

  return (
    <Page
      title={t('documents.title')}
      extra={
        <Flex gap={8} wrap>
          <ExportCsvButton entity="documents" filters={{ ...filters }} testId="documents-export" />
          {mayManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="new-document"
            >
              {t('documents.new')}
            </Button>
          )}
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" className="page-lead">
        {t('documents.lead')}
      </Typography.Paragraph>
      <Card size="small">
        <Flex gap={8} wrap className="table-toolbar" data-testid="documents-filters">
          <Input.Search
            key={filters.q ?? ''}
            defaultValue={filters.q}
            allowClear
            placeholder={t('documents.searchPlaceholder')}
            onSearch={(value) => update({ q: value.trim() })}
            style={{ width: 280 }}
            data-testid="documents-search"
          />
          <Select<DocumentKind>
            allowClear
            placeholder={t('documents.allKinds')}
            value={filters.kind}
            onChange={(value) => update({ kind: value })}
            options={DOCUMENT_KINDS.map((value) => ({
              value,
              label: t(`documents.kinds.${value}`),
            }))}
            style={{ width: 170 }}
            data-testid="documents-filter-kind"
          />
          <Select<'true' | 'false'>
            allowClear
            placeholder={t('documents.allStatuses')}
            value={filters.hasEffective}
            onChange={(value) => update({ hasEffective: value })}
            options={[
              { value: 'true', label: t('documents.effectiveFilter.true') },
              { value: 'false', label: t('documents.effectiveFilter.false') },
            ]}
            style={{ width: 220 }}
            data-testid="documents-filter-status"
          />
        </Flex>
        {documents.isError && (
          <ProblemAlert
            error={documents.error}
            onRetry={() => void documents.refetch()}
            style={{ marginBottom: 12 }}
          />
        )}
        <Table<ControlledDocument>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={documents.data?.items ?? []}
          loading={documents.isFetching}
          scroll={{ x: 1080 }}
          locale={{
            emptyText: documents.isPending
              ? t('common.loading')
              : filtered
                ? t('documents.noMatch')
                : t('documents.empty'),
          }}
          pagination={{
            current: page,
            pageSize,
            total: documents.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (nextPage, nextSize) =>
              update({ page: nextSize === pageSize ? nextPage : 1, size: nextSize }),
          }}
          data-testid="documents-table"
        />
      </Card>
      {creating && (
        <CreateDocumentDrawer
          onClose={() => setCreating(false)}
          onCreated={(doc) => {
            setCreating(false);
            void navigate(`/documents/${doc.id}`);
          }}
        />
      )}
    </Page>
  );
}
