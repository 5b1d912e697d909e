import {
  CheckCircleOutlined,
  DownloadOutlined,
  FileTextOutlined,
  InboxOutlined,
  SearchOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Table, Tag, Typography, Upload } from 'antd';
import type { TableProps } from 'antd';
import type { TFunction } from 'i18next';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/client.ts';
import {
  csvTemplatePath,
  downloadFile,
  importCsv,
  rejectedRows,
  type CsvImportReport,
  type CsvRowError,
} from '../api/csv.ts';
import { decodeCsvBytes, isCsvFileName, MAX_CSV_BYTES, type CsvFileText } from './csv-file.ts';
import { isTranslatedCode } from './form-errors.ts';
import { ProblemAlert } from './ProblemAlert.tsx';

export interface CsvImportDialogProps {
  open: boolean;
  onClose: () => void;
  /** The list's API segment: `items` posts to /api/items/import. */
  entity: string;
  /** Dialog title; by default “Import from CSV”. */
  title?: string;
  /** Queries to refetch after a successful import (the list's key prefix, e.g. ['items']). */
  invalidate?: readonly QueryKey[];
  /** Called after a successful import with its report. */
  onImported?: (report: CsvImportReport) => void;
  testId?: string;
}

type ChosenFile = CsvFileText & { name: string; size: number };

/** What the last check or import said. */
type Outcome =
  | { kind: 'checked'; report: CsvImportReport }
  | { kind: 'imported'; report: CsvImportReport }
  | { kind: 'rejected'; errors: CsvRowError[] }
  | { kind: 'failed'; error: unknown };

/**
 * Imports a CSV file into a list: choose the file, “Check file” (a dry run that
 * reports every bad row), then “Import” (all rows or none).
 */
export function CsvImportDialog({
  open,
  onClose,
  entity,
  title,
  invalidate = [],
  onImported,
  testId = 'csv-import',
}: CsvImportDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | 'template' | null>(null);

  function reset() {
    setFile(null);
    setFileProblem(null);
    setOutcome(null);
  }

  async function choose(chosen: File) {
    setOutcome(null);
    if (!isCsvFileName(chosen.name)) {
      setFile(null);
      setFileProblem(t('csv.import.notCsv'));
      return;
    }
    if (chosen.size > MAX_CSV_BYTES) {
      setFile(null);
      setFileProblem(t('csv.import.fileTooLarge'));
      return;
    }
    setFileProblem(null);
    setFile({
      name: chosen.name,
      size: chosen.size,
      ...decodeCsvBytes(await chosen.arrayBuffer()),
    });
  }

  async function send(dryRun: boolean) {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'import');
    try {
      const report = await importCsv(entity, file.text, { dryRun });
      setOutcome({ kind: dryRun ? 'checked' : 'imported', report });
      if (!dryRun) {
        for (const queryKey of [...invalidate, ['audit']]) {
          void queryClient.invalidateQueries({ queryKey });
        }
        onImported?.(report);
      }
    } catch (error) {
      const rows = rejectedRows(error);
      setOutcome(rows ? { kind: 'rejected', errors: rows } : { kind: 'failed', error });
    } finally {
      setBusy(null);
    }
  }

  async function downloadTemplate() {
    setBusy('template');
    try {
      await downloadFile(
        csvTemplatePath(entity),
        `lotline-${entity.replaceAll('/', '-')}-template.csv`,
      );
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    } finally {
      setBusy(null);
    }
  }

  const imported = outcome?.kind === 'imported';
  const checkFound = outcome?.kind === 'checked' && outcome.report.errors.length > 0;

  const footer = (
    <Flex justify="space-between" align="center" gap={8} wrap>
      <Button
        type="link"
        icon={<DownloadOutlined />}
        loading={busy === 'template'}
        onClick={() => void downloadTemplate()}
        className="csv-template-link"
        data-testid={`${testId}-template`}
      >
        {t('csv.import.template')}
      </Button>
      <Flex gap={8}>
        <Button onClick={onClose} disabled={busy === 'import'} data-testid={`${testId}-close`}>
          {imported ? t('csv.import.close') : t('common.cancel')}
        </Button>
        {!imported && (
          <>
            <Button
              icon={<SearchOutlined />}
              disabled={!file || busy !== null}
              loading={busy === 'check'}
              onClick={() => void send(true)}
              data-testid={`${testId}-check`}
            >
              {t('csv.import.check')}
            </Button>
            <Button
              type="primary"
              icon={<UploadOutlined />}
              disabled={!file || checkFound || busy !== null}
              loading={busy === 'import'}
              onClick={() => void send(false)}
              data-testid={`${testId}-run`}
            >
              {t('csv.import.run')}
            </Button>
          </>
        )}
      </Flex>
    </Flex>
  );

  return (
    <Modal
      open={open}
      title={title ?? t('csv.import.title')}
      width={760}
      footer={footer}
      onCancel={busy === 'import' ? undefined : onClose}
      mask={{ closable: false }}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) reset();
      }}
    >
      <Flex vertical gap={12} data-testid={`${testId}-dialog`}>
        <Typography.Text type="secondary">{t('csv.import.lead')}</Typography.Text>
        {!imported && (
          <Upload.Dragger
            accept=".csv,text/csv"
            multiple={false}
            showUploadList={false}
            disabled={busy !== null}
            beforeUpload={(chosen) => {
              void choose(chosen);
              return false;
            }}
            className="csv-dropzone"
            data-testid={`${testId}-file`}
          >
            {file ? (
              <Flex vertical align="center" gap={2}>
                <Typography.Text strong data-testid={`${testId}-file-name`}>
                  <FileTextOutlined aria-hidden />{' '}
                  {t('csv.import.chosen', {
                    name: file.name,
                    size: Math.max(1, Math.round(file.size / 1024)),
                  })}
                  {file.encoding !== 'utf-8' && (
                    <Tag className="csv-encoding-tag">{file.encoding.toUpperCase()}</Tag>
                  )}
                </Typography.Text>
                <Typography.Text type="secondary">{t('csv.import.otherFile')}</Typography.Text>
              </Flex>
            ) : (
              <Flex vertical align="center" gap={2}>
                <InboxOutlined className="csv-dropzone-icon" aria-hidden />
                <Typography.Text>{t('csv.import.drop')}</Typography.Text>
                <Typography.Text type="secondary">{t('csv.import.dropHint')}</Typography.Text>
              </Flex>
            )}
          </Upload.Dragger>
        )}
        {fileProblem && <Alert type="error" showIcon title={fileProblem} />}
        {outcome && <OutcomeView outcome={outcome} testId={testId} />}
      </Flex>
    </Modal>
  );
}

function OutcomeView({ outcome, testId }: { outcome: Outcome; testId: string }) {
  const { t } = useTranslation();
  switch (outcome.kind) {
    case 'failed':
      return (
        <ProblemAlert error={outcome.error} extra={<UnreadableDetails error={outcome.error} />} />
      );
    case 'rejected':
      return (
        <Flex vertical gap={8} data-testid={`${testId}-report`} data-outcome="rejected">
          <Alert type="error" showIcon title={t('csv.report.rejected')} />
          <RowErrorsTable errors={outcome.errors} testId={testId} />
        </Flex>
      );
    case 'imported':
      return (
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleOutlined />}
          title={t('csv.report.imported', { count: outcome.report.imported })}
          data-testid={`${testId}-report`}
          data-outcome="imported"
        />
      );
    case 'checked': {
      const { report } = outcome;
      const ok = report.errors.length === 0;
      return (
        <Flex vertical gap={8} data-testid={`${testId}-report`} data-outcome="checked">
          <Flex gap={16} wrap className="csv-report-counts">
            <span data-testid={`${testId}-row-count`}>
              {t('csv.report.rowsRead', { count: report.rowCount })}
            </span>
            <span>{t('csv.report.valid', { count: report.valid })}</span>
            <span className={ok ? undefined : 'csv-report-bad'}>
              {t('csv.report.problemCount', { count: report.errors.length })}
            </span>
          </Flex>
          <Alert
            type={ok ? 'success' : 'warning'}
            showIcon
            title={ok ? t('csv.report.allValid') : t('csv.report.problems')}
          />
          {!ok && <RowErrorsTable errors={report.errors} testId={testId} />}
        </Flex>
      );
    }
  }
}

/** A bad row's problem in the UI language, and the server's own words when they add something. */
function rowProblem(error: CsvRowError, t: TFunction): { text: string; detail?: string } {
  if (error.code === 'VALIDATION_FAILED') {
    return { text: t('csv.report.invalidValue', { detail: error.message }) };
  }
  if (isTranslatedCode(error.code)) {
    const text = t(`errors.${error.code}`);
    return error.message && error.message !== error.code
      ? { text, detail: error.message }
      : { text };
  }
  return { text: error.message || error.code, detail: error.code };
}

function RowErrorsTable({ errors, testId }: { errors: CsvRowError[]; testId: string }) {
  const { t } = useTranslation();
  const columns: TableProps<CsvRowError>['columns'] = [
    {
      key: 'row',
      title: t('csv.report.row'),
      width: 64,
      align: 'right',
      render: (_, error) => <span className="mono">{error.row}</span>,
    },
    {
      key: 'column',
      title: t('csv.report.column'),
      width: 150,
      render: (_, error) =>
        error.column ? (
          <Typography.Text code className="csv-column">
            {error.column}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'problem',
      title: t('csv.report.problem'),
      render: (_, error) => {
        const { text, detail } = rowProblem(error, t);
        return (
          <Flex vertical>
            <span data-code={error.code}>{text}</span>
            {detail && (
              <Typography.Text type="secondary" className="csv-problem-detail">
                {detail}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
  ];
  return (
    <Table<CsvRowError>
      size="small"
      rowKey={(error) => `${error.row}-${error.column ?? ''}-${error.code}-${error.message}`}
      columns={columns}
      dataSource={errors}
      onRow={(error) => ({ 'data-row': error.row }) as HTMLAttributes<HTMLElement>}
      pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false, size: 'small' }}
      data-testid={`${testId}-errors`}
    />
  );
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** What CSV_UNREADABLE says about the header (unknown, missing, repeated columns) or the line. */
function UnreadableDetails({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const problem = toApiError(error);
  if (problem.code !== 'CSV_UNREADABLE') return null;
  const params = problem.params ?? {};
  const lines: string[] = [];
  const unknown = list(params.unknownColumns);
  const missing = list(params.missingColumns);
  const repeated = list(params.repeatedColumns);
  if (unknown.length)
    lines.push(t('csv.unreadable.unknownColumns', { columns: unknown.join(', ') }));
  if (missing.length)
    lines.push(t('csv.unreadable.missingColumns', { columns: missing.join(', ') }));
  if (repeated.length)
    lines.push(t('csv.unreadable.repeatedColumns', { columns: repeated.join(', ') }));
  if (typeof params.line === 'number') lines.push(t('csv.unreadable.line', { line: params.line }));
  if (typeof params.maxRows === 'number')
    lines.push(t('csv.unreadable.maxRows', { count: params.maxRows }));
  if (lines.length === 0) {
    return problem.detail ? (
      <Typography.Text type="secondary">{problem.detail}</Typography.Text>
    ) : null;
  }
  return (
    <ul className="problem-field-errors" data-testid="csv-unreadable">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
