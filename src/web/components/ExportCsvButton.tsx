import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueryValue } from '../api/client.ts';
import { csvExportPath, downloadFile } from '../api/csv.ts';
import { problemMessage } from './form-errors.ts';

export interface ExportCsvButtonProps {
  /** The list's API segment: `items` downloads GET /api/items/export.csv. */
  entity: string;
  /** The list's current filters (search and field filters, not the page): the export matches the list. */
  filters?: Record<string, QueryValue>;
  /** Name of the saved file; by default lotline-<entity>-<YYYY-MM-DD>.csv, as the server names it. */
  fileName?: string;
  /** Button text; by default “Export CSV”. */
  label?: string;
  disabled?: boolean;
  testId?: string;
}

/** Downloads a list as CSV, with the filters it is shown with, and saves the file. */
export function ExportCsvButton({
  entity,
  filters = {},
  fileName,
  label,
  disabled = false,
  testId = 'csv-export',
}: ExportCsvButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  async function download() {
    setBusy(true);
    try {
      const stamp = new Date().toISOString().slice(0, 10);
      await downloadFile(
        csvExportPath(entity, filters),
        fileName ?? `lotline-${entity.replaceAll('/', '-')}-${stamp}.csv`,
      );
    } catch (error) {
      void message.error(`${t('csv.exportFailed')} ${problemMessage(error, t)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      disabled={disabled}
      onClick={() => void download()}
      data-testid={testId}
    >
      {label ?? t('csv.export')}
    </Button>
  );
}
