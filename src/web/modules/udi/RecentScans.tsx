import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UdiScan } from '../../api/udi.ts';
import { formatTime } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { visibleText } from './scan-text.ts';

/** This session's scans, newest first; choosing one shows it again. */
export function RecentScans({
  scans,
  selectedId,
  onSelect,
  onClear,
}: {
  scans: UdiScan[];
  selectedId: number | undefined;
  onSelect: (scan: UdiScan) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Card
      size="small"
      title={t('udi.recent.title', { count: scans.length })}
      extra={
        scans.length > 0 && (
          <Button size="small" type="link" onClick={onClear} data-testid="udi-recent-clear">
            {t('udi.recent.clear')}
          </Button>
        )
      }
    >
      {scans.length === 0 ? (
        <Typography.Text type="secondary">{t('udi.recent.empty')}</Typography.Text>
      ) : (
        <ul className="udi-recent" data-testid="udi-recent">
          {scans.map((scan) => (
            <li key={scan.id}>
              <button
                type="button"
                className={
                  scan.id === selectedId ? 'udi-recent-item is-selected' : 'udi-recent-item'
                }
                onClick={() => onSelect(scan)}
                aria-pressed={scan.id === selectedId}
                data-testid="udi-recent-item"
                data-ok={scan.result.ok}
              >
                {scan.result.ok ? (
                  <CheckCircleFilled className="udi-recent-ok" aria-label={t('udi.read.valid')} />
                ) : (
                  <CloseCircleFilled
                    className="udi-recent-bad"
                    aria-label={t('udi.read.invalid')}
                  />
                )}
                <span className="mono udi-recent-text">{visibleText(scan.input)}</span>
                <span className="udi-recent-time">{formatTime(scan.scannedAt, language)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <Typography.Text type="secondary" className="udi-recent-note">
        {t('udi.recent.note')}
      </Typography.Text>
    </Card>
  );
}
