import { Descriptions, Flex, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../shared/audit.contract.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Top-level fields whose value differs between before and after. */
export function changedFields(before: unknown, after: unknown): string[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

function JsonBlock({ value, testId }: { value: unknown; testId: string }) {
  const { t } = useTranslation();
  if (value === null || value === undefined) {
    return (
      <Typography.Text type="secondary" data-testid={testId} className="json-empty">
        {t('audit.details.nothing')}
      </Typography.Text>
    );
  }
  return (
    <pre className="json-block mono" data-testid={testId}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/** Before → after of one audit entry, side by side, with its hash-chain data. */
export function AuditEntryDetails({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const changed = changedFields(entry.before, entry.after);
  const meta: DescriptionsProps['items'] = [
    {
      key: 'hash',
      label: t('audit.details.hash'),
      children: (
        <Typography.Text className="mono audit-hash" copyable data-testid="audit-hash">
          {entry.hash}
        </Typography.Text>
      ),
    },
    ...(entry.requestId
      ? [
          {
            key: 'requestId',
            label: t('audit.details.requestId'),
            children: <span className="mono">{entry.requestId}</span>,
          },
        ]
      : []),
    ...(entry.actorId
      ? [
          {
            key: 'actorId',
            label: t('audit.details.actorId'),
            children: <span className="mono">{entry.actorId}</span>,
          },
        ]
      : []),
    ...(entry.tokenId
      ? [
          {
            key: 'tokenId',
            label: t('audit.details.tokenId'),
            children: <span className="mono">{entry.tokenId}</span>,
          },
        ]
      : []),
  ];
  return (
    <Flex vertical gap={8} className="audit-entry-details" data-testid="audit-entry-details">
      {changed.length > 0 && (
        <Flex align="center" gap={4} wrap>
          <Typography.Text type="secondary">{t('audit.details.changedFields')}</Typography.Text>
          {changed.map((field) => (
            <Tag key={field} color="gold" className="mono">
              {field}
            </Tag>
          ))}
        </Flex>
      )}
      <div className="audit-diff">
        <div>
          <Typography.Text strong>{t('audit.details.before')}</Typography.Text>
          <JsonBlock value={entry.before} testId="audit-before" />
        </div>
        <div>
          <Typography.Text strong>{t('audit.details.after')}</Typography.Text>
          <JsonBlock value={entry.after} testId="audit-after" />
        </div>
      </div>
      <Descriptions size="small" column={1} items={meta} styles={{ label: { width: 140 } }} />
    </Flex>
  );
}
