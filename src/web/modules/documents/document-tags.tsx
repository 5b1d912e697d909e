import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DocumentVersionStatus } from '../../api/documents.ts';

const STATUS_COLORS: Record<DocumentVersionStatus, string> = {
  draft: 'default',
  in_review: 'processing',
  approved: 'cyan',
  effective: 'green',
  superseded: 'orange',
  obsolete: 'red',
};

export function RevisionStatusTag({
  status,
  testId = 'revision-status',
}: {
  status: DocumentVersionStatus;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {t(`documents.status.${status}`)}
    </Tag>
  );
}
