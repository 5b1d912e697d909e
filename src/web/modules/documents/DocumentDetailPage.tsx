import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Skeleton, Table, Tag, Typography } from 'antd';
import type { DescriptionsProps, TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams, useSearchParams } from 'react-router';
import {
  useDocument,
  useDocumentVersion,
  type ControlledDocumentDetail,
} from '../../api/documents.ts';
import { useCan } from '../../auth/session.ts';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { testId as testIdProps } from '../../components/test-id.ts';
import { formatDateTime, formatDateTimeShort, formatIsoDate } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { RevisionStatusTag } from './document-tags.tsx';
import { RevisionDrawer } from './RevisionDrawer.tsx';
import { RevisionPanel } from './RevisionPanel.tsx';

type VersionSummary = ControlledDocumentDetail['versions'][number];

export function DocumentDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const doc = useDocument(id);
  const back = { to: '/documents', label: t('documents.title') };

  if (doc.isPending) {
    return (
      <Page title={t('documents.detailTitle')} back={back}>
        <Card size="small">
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      </Page>
    );
  }
  if (doc.isError) {
    return (
      <Page title={t('documents.detailTitle')} back={back}>
        <ProblemAlert error={doc.error} onRetry={() => void doc.refetch()} />
      </Page>
    );
  }
  return <DocumentDetail doc={doc.data} back={back} />;
}

/** /documents/versions/:id: finds the revision's document and shows it there. */
export function DocumentVersionRedirect() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const version = useDocumentVersion(id);
  if (version.isError) {
    return (
      <Page
        title={t('documents.detailTitle')}
        back={{ to: '/documents', label: t('documents.title') }}
      >
        <ProblemAlert error={version.error} onRetry={() => void version.refetch()} />
      </Page>
    );
  }
  if (!version.data) return <Skeleton active />;
  return (
    <Navigate
      replace
      to={`/documents/${version.data.documentId}?rev=${encodeURIComponent(version.data.id)}`}
    />
  );
}

function DocumentDetail({
  doc,
  back,
}: {
  doc: ControlledDocumentDetail;
  back: { to: string; label: string };
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const mayManage = useCan('document.manage');
  const [params, setParams] = useSearchParams();
  const [adding, setAdding] = useState(false);
  const [primary, secondary] =
    language === 'zh-CN' ? [doc.titleZh, doc.titleEn] : [doc.titleEn, doc.titleZh];

  const requested = params.get('rev');
  const selectedId =
    doc.versions.find((v) => v.id === requested)?.id ?? doc.latestVersion?.id ?? undefined;
  function select(versionId: string) {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set('rev', versionId);
        return next;
      },
      { replace: true },
    );
  }

  const when = (value: string) => <time dateTime={value}>{formatDateTime(value, language)}</time>;
  const fields: DescriptionsProps['items'] = [
    {
      key: 'number',
      label: t('documents.fields.number'),
      children: (
        <span className="mono" data-testid="document-number">
          {doc.number}
        </span>
      ),
    },
    { key: 'kind', label: t('documents.fields.kind'), children: t(`documents.kinds.${doc.kind}`) },
    { key: 'titleZh', label: t('documents.fields.titleZh'), children: doc.titleZh },
    { key: 'titleEn', label: t('documents.fields.titleEn'), children: doc.titleEn },
    {
      key: 'owner',
      label: t('documents.fields.owner'),
      children: (
        <span>
          {doc.owner.fullName}{' '}
          <Typography.Text type="secondary" className="mono">
            {doc.owner.username}
          </Typography.Text>
        </span>
      ),
    },
    {
      key: 'effective',
      label: t('documents.fields.effectiveRevision'),
      children: doc.effectiveVersion ? (
        <span data-testid="document-effective-revision">
          <span className="mono revision-label">{doc.effectiveVersion.label}</span>
          {doc.effectiveVersion.effectiveFrom &&
            ` · ${t('documents.sinceDate', {
              date: formatIsoDate(doc.effectiveVersion.effectiveFrom, language),
            })}`}
        </span>
      ) : (
        <Typography.Text type="warning">{t('documents.noneEffective')}</Typography.Text>
      ),
    },
    { key: 'createdAt', label: t('documents.fields.createdAt'), children: when(doc.createdAt) },
    { key: 'updatedAt', label: t('documents.fields.updatedAt'), children: when(doc.updatedAt) },
  ];

  const columns: TableProps<VersionSummary>['columns'] = [
    {
      key: 'label',
      title: t('documents.fields.revision'),
      width: 90,
      render: (_, v) => <span className="mono revision-label">{v.label}</span>,
    },
    {
      key: 'status',
      title: t('documents.fields.status'),
      width: 120,
      render: (_, v) => <RevisionStatusTag status={v.status} />,
    },
    { key: 'summary', title: t('documents.fields.changeSummary'), dataIndex: 'changeSummary' },
    {
      key: 'effectiveFrom',
      title: t('documents.fields.effectiveFrom'),
      width: 150,
      render: (_, v) =>
        v.effectiveFrom ? (
          formatIsoDate(v.effectiveFrom, language)
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'updatedAt',
      title: t('documents.fields.updatedAt'),
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
      title={`${doc.number} · ${primary}`}
      back={back}
      tags={
        <>
          <Tag>{t(`documents.kinds.${doc.kind}`)}</Tag>
          {doc.effectiveVersion && (
            <Tag color="green" data-testid="document-effective-tag">
              {t('documents.effectiveTag', { label: doc.effectiveVersion.label })}
            </Tag>
          )}
        </>
      }
      extra={
        mayManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="document-new-revision"
          >
            {t('documents.revision.new')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" className="page-lead">
        {secondary}
      </Typography.Paragraph>
      <Card size="small" className="section-card">
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={fields}
          styles={{ label: { width: 170 } }}
          data-testid="document-details"
        />
      </Card>
      <Card
        size="small"
        className="section-card"
        title={t('documents.revisionsTitle', { count: doc.versions.length })}
        data-testid="document-revisions"
      >
        {doc.versions.length === 0 ? (
          <Alert
            type="info"
            showIcon
            title={t('documents.noRevisions')}
            description={mayManage ? t('documents.noRevisionsHint') : undefined}
            data-testid="document-no-revisions"
          />
        ) : (
          <Table<VersionSummary>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={[...doc.versions].reverse()}
            pagination={false}
            rowClassName={(v) => (v.id === selectedId ? 'row-selected' : 'row-clickable')}
            onRow={(v) => ({
              onClick: () => select(v.id),
              ...testIdProps(`revision-row-${v.label}`),
            })}
            data-testid="document-revisions-table"
          />
        )}
      </Card>
      {selectedId && <RevisionPanel key={selectedId} document={doc} versionId={selectedId} />}
      {adding && (
        <RevisionDrawer
          document={doc}
          onClose={() => setAdding(false)}
          onSaved={(version) => {
            setAdding(false);
            select(version.id);
          }}
        />
      )}
    </Page>
  );
}
