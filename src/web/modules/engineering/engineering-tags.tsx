import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EngineeringStatus } from '../../api/engineering.ts';

/** Colours of the version statuses, shared by BOMs, routings and document revisions. */
export const VERSION_STATUS_COLORS: Record<EngineeringStatus, string> = {
  draft: 'default',
  in_review: 'processing',
  approved: 'cyan',
  effective: 'green',
  superseded: 'orange',
  obsolete: 'red',
};

export function VersionStatusTag({
  status,
  testId = 'version-status',
}: {
  status: EngineeringStatus;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Tag color={VERSION_STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {t(`engineering.status.${status}`)}
    </Tag>
  );
}
