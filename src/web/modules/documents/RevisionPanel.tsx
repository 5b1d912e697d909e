import {
  CheckCircleOutlined,
  CloudUploadOutlined,
  DeleteOutlined,
  DownloadOutlined,
  RollbackOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Skeleton,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { DescriptionsProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { saveBlob } from '../../api/csv.ts';
import {
  OBSOLETABLE_STATUSES,
  fetchDocumentFile,
  useDocumentVersion,
  useDocumentVersionAction,
  type ControlledDocumentDetail,
  type DocumentVersion,
} from '../../api/documents.ts';
import { useCan } from '../../auth/session.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { EffectiveDateModal } from '../../components/EffectiveDateModal.tsx';
import { problemMessage } from '../../components/form-errors.ts';
import { HistoryPanel } from '../../components/HistoryPanel.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { SignatureDialog } from '../../components/SignatureDialog.tsx';
import { SignaturesCard } from '../../components/SignaturesCard.tsx';
import { formatDateTime, formatIsoDate } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { formatBytes, sha256Hex } from './document-file.ts';
import { RevisionStatusTag } from './document-tags.tsx';
import { RevisionDrawer } from './RevisionDrawer.tsx';

type Dialog = 'file' | 'submit' | 'return' | 'approve' | 'make-effective' | 'obsolete';

/** Whether the downloaded bytes hash to the SHA-256 the server stored at upload. */
type Verification = 'verified' | 'mismatch' | 'unchecked';

/** One revision of a document: its file and checksum, lifecycle steps, signatures and history. */
export function RevisionPanel({
  document,
  versionId,
}: {
  document: ControlledDocumentDetail;
  versionId: string;
}) {
  const version = useDocumentVersion(versionId);
  if (version.isPending) {
    return (
      <Card size="small" className="section-card">
        <Skeleton active paragraph={{ rows: 5 }} />
      </Card>
    );
  }
  if (version.isError) {
    return (
      <ProblemAlert
        error={version.error}
        onRetry={() => void version.refetch()}
        style={{ marginBottom: 12 }}
      />
    );
  }
  return (
    <>
      <Revision document={document} version={version.data} />
      <SignaturesCard signatures={version.data.signatures} testId="revision-signatures" />
      <HistoryPanel entityType="document_version" entityId={version.data.id} />
    </>
  );
}

function Revision({
  document,
  version,
}: {
  document: ControlledDocumentDetail;
  version: DocumentVersion;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const mayManage = useCan('document.manage');
  const mayApprove = useCan('document.approve');
  const act = useDocumentVersionAction(version.id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [verification, setVerification] = useState<Verification | null>(null);
  const name = `${document.number} ${version.label}`;
  const { status } = version;
  const close = () => setDialog(null);
  const done = (action: string) => void message.success(t('documents.actions.done', { action }));
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const when = (value: string | null) =>
    value ? <time dateTime={value}>{formatDateTime(value, language)}</time> : dash;

  async function download() {
    if (!version.file) return;
    setDownloading(true);
    try {
      const blob = await fetchDocumentFile(version.id);
      const sha = await sha256Hex(await blob.arrayBuffer());
      const result: Verification =
        sha === null ? 'unchecked' : sha === version.file.sha256 ? 'verified' : 'mismatch';
      setVerification(result);
      saveBlob(blob, version.file.filename);
      if (result === 'mismatch') void message.error(t('documents.download.mismatchMessage'));
    } catch (error) {
      void message.error(`${t('documents.download.failed')} ${problemMessage(error, t)}`);
    } finally {
      setDownloading(false);
    }
  }

  const file = version.file;
  const fields: DescriptionsProps['items'] = [
    {
      key: 'summary',
      label: t('documents.fields.changeSummary'),
      span: 'filled',
      children: <span data-testid="revision-summary">{version.changeSummary}</span>,
    },
    {
      key: 'file',
      label: t('documents.fields.file'),
      span: 'filled',
      children: file ? (
        <Flex gap={12} align="center" wrap>
          <span data-testid="revision-file">{file.filename}</span>
          <Typography.Text type="secondary">
            {formatBytes(file.sizeBytes)} · {file.mediaType}
          </Typography.Text>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            loading={downloading}
            onClick={() => void download()}
            data-testid="revision-download"
          >
            {t('documents.download.button')}
          </Button>
          {verification && (
            <Tag
              color={
                verification === 'verified'
                  ? 'green'
                  : verification === 'mismatch'
                    ? 'red'
                    : 'default'
              }
              data-testid="revision-download-check"
              data-result={verification}
            >
              {t(`documents.download.${verification}`)}
            </Tag>
          )}
        </Flex>
      ) : (
        <Typography.Text type="warning" data-testid="revision-no-file">
          {t('documents.revision.noFile')}
        </Typography.Text>
      ),
    },
    {
      key: 'sha256',
      label: t('documents.fields.sha256'),
      span: 'filled',
      children: file ? (
        <Typography.Text
          className="mono checksum"
          copyable={{ text: file.sha256 }}
          data-testid="revision-sha256"
        >
          {file.sha256}
        </Typography.Text>
      ) : (
        dash
      ),
    },
    {
      key: 'createdBy',
      label: t('documents.fields.createdBy'),
      children: (
        <span>
          {version.createdBy.name} · {when(version.createdAt)}
        </span>
      ),
    },
    {
      key: 'uploadedAt',
      label: t('documents.fields.uploadedAt'),
      children: when(file?.uploadedAt ?? null),
    },
    {
      key: 'submittedAt',
      label: t('documents.fields.submittedAt'),
      children: when(version.submittedAt),
    },
    {
      key: 'approvedAt',
      label: t('documents.fields.approvedAt'),
      children: when(version.approvedAt),
    },
    {
      key: 'effectiveFrom',
      label: t('documents.fields.effectiveFrom'),
      children: version.effectiveFrom ? formatIsoDate(version.effectiveFrom, language) : dash,
    },
    {
      key: 'changeRequest',
      label: t('documents.fields.changeRequest'),
      children: version.changeRequestId ? (
        <Link to={`/changes/${version.changeRequestId}`}>{t('documents.openChangeRequest')}</Link>
      ) : (
        dash
      ),
    },
    ...(version.supersededAt
      ? [
          {
            key: 'superseded',
            label: t('documents.fields.supersededAt'),
            children: (
              <span>
                {when(version.supersededAt)}
                {version.supersededById && (
                  <>
                    {' · '}
                    <Link to={`/documents/${document.id}?rev=${version.supersededById}`}>
                      {t('documents.openSuccessor')}
                    </Link>
                  </>
                )}
              </span>
            ),
          },
        ]
      : []),
    ...(version.obsoletedAt
      ? [
          {
            key: 'obsoleted',
            label: t('documents.fields.obsoletedAt'),
            children: when(version.obsoletedAt),
          },
        ]
      : []),
  ];

  const actions = [
    status === 'draft' && mayManage && (
      <Button
        key="file"
        icon={<CloudUploadOutlined />}
        onClick={() => setDialog('file')}
        data-testid="revision-action-file"
      >
        {file ? t('documents.actions.replaceFile') : t('documents.actions.attachFile')}
      </Button>
    ),
    status === 'draft' && mayManage && (
      <Tooltip key="submit" title={file ? undefined : t('documents.actions.fileFirst')}>
        <Button
          type="primary"
          icon={<SendOutlined />}
          disabled={!file}
          onClick={() => setDialog('submit')}
          data-testid="revision-action-submit"
        >
          {t('documents.actions.submit')}
        </Button>
      </Tooltip>
    ),
    status === 'in_review' && mayApprove && (
      <Button
        key="approve"
        type="primary"
        icon={<SafetyCertificateOutlined />}
        onClick={() => setDialog('approve')}
        data-testid="revision-action-approve"
      >
        {t('documents.actions.approve')}
      </Button>
    ),
    status === 'in_review' && mayApprove && (
      <Button
        key="return"
        icon={<RollbackOutlined />}
        onClick={() => setDialog('return')}
        data-testid="revision-action-return"
      >
        {t('documents.actions.return')}
      </Button>
    ),
    status === 'approved' && mayApprove && (
      <Button
        key="effective"
        type="primary"
        icon={<CheckCircleOutlined />}
        onClick={() => setDialog('make-effective')}
        data-testid="revision-action-make-effective"
      >
        {t('documents.actions.makeEffective')}
      </Button>
    ),
    OBSOLETABLE_STATUSES.includes(status) && mayApprove && (
      <Button
        key="obsolete"
        danger
        icon={<DeleteOutlined />}
        onClick={() => setDialog('obsolete')}
        data-testid="revision-action-obsolete"
      >
        {t('documents.actions.obsolete')}
      </Button>
    ),
  ].filter(Boolean);

  const effective = document.effectiveVersion;
  return (
    <Card
      size="small"
      className="section-card"
      title={
        <Flex align="center" gap={8}>
          <span data-testid="revision-title">
            {t('documents.revision.title', { label: version.label })}
          </span>
          <RevisionStatusTag status={status} />
        </Flex>
      }
      extra={
        actions.length > 0 && (
          <Flex gap={8} wrap data-testid="revision-actions">
            {actions}
          </Flex>
        )
      }
      data-testid="revision-panel"
    >
      {status !== 'draft' && (
        <Alert
          type="info"
          showIcon
          title={t(`documents.locked.${status}`)}
          className="form-note"
          data-testid="revision-locked"
        />
      )}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={fields}
        styles={{ label: { width: 170 } }}
        data-testid="revision-details"
      />
      {dialog === 'file' && (
        <RevisionDrawer document={document} draft={version} onClose={close} onSaved={close} />
      )}
      {dialog === 'submit' && (
        <ConfirmModal
          title={`${t('documents.actions.submit')} · ${name}`}
          okText={t('documents.actions.submit')}
          description={t('documents.actions.submitDescription')}
          testId="revision-submit"
          onConfirm={async () => {
            await act.mutateAsync({ kind: 'submit' });
            done(t('documents.actions.submit'));
          }}
          onClose={close}
        />
      )}
      {dialog === 'return' && (
        <ReasonModal
          open
          title={`${t('documents.actions.return')} · ${name}`}
          okText={t('documents.actions.return')}
          testId="revision-return"
          description={<Alert type="info" title={t('documents.actions.returnDescription')} />}
          onSubmit={async ({ reason }) => {
            await act.mutateAsync({ kind: 'return', reason });
            done(t('documents.actions.return'));
          }}
          onClose={close}
        />
      )}
      {dialog === 'make-effective' && (
        <EffectiveDateModal
          title={`${t('documents.actions.makeEffective')} · ${name}`}
          okText={t('documents.actions.makeEffective')}
          description={
            <Alert
              type="info"
              showIcon
              title={
                effective
                  ? t('documents.actions.makeEffectiveSupersedes', {
                      label: version.label,
                      previous: effective.label,
                    })
                  : t('documents.actions.makeEffectiveFirst', { label: version.label })
              }
            />
          }
          dateLabel={t('documents.fields.effectiveFrom')}
          dateHelp={t('documents.actions.effectiveFromHelp')}
          testId="revision-make-effective"
          onConfirm={async (effectiveFrom) => {
            await act.mutateAsync({ kind: 'make-effective', effectiveFrom });
            done(t('documents.actions.makeEffective'));
          }}
          onClose={close}
        />
      )}
      <SignatureDialog
        open={dialog === 'approve'}
        title={t('documents.actions.approveTitle', { name })}
        summary={
          <Descriptions
            size="small"
            column={1}
            className="signature-summary"
            items={[
              {
                key: 'summary',
                label: t('documents.fields.changeSummary'),
                children: version.changeSummary,
              },
              {
                key: 'file',
                label: t('documents.fields.file'),
                children: file ? file.filename : '—',
              },
              {
                key: 'sha',
                label: t('documents.fields.sha256'),
                children: <span className="mono checksum">{file?.sha256 ?? '—'}</span>,
              },
            ]}
          />
        }
        allowedMeanings={['approved']}
        onSign={async (signature) => {
          await act.mutateAsync({ kind: 'approve', signature });
          done(t('documents.actions.approve'));
        }}
        onClose={close}
      />
      <SignatureDialog
        open={dialog === 'obsolete'}
        title={t('documents.actions.obsoleteTitle', { name })}
        summary={
          <Alert type="warning" showIcon title={t('documents.actions.obsoleteDescription')} />
        }
        allowedMeanings={['withdrawn']}
        requireReason
        onSign={async (signature, reason) => {
          await act.mutateAsync({ kind: 'obsolete', signature, reason: reason ?? '' });
          done(t('documents.actions.obsolete'));
        }}
        onClose={close}
      />
    </Card>
  );
}
