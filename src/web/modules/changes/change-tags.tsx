import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChangeStatus, RiskClass } from '../../api/changes.ts';

const STATUS_COLORS: Record<ChangeStatus, string> = {
  draft: 'default',
  in_review: 'processing',
  approved: 'cyan',
  rejected: 'red',
  implemented: 'green',
  cancelled: 'default',
};

export function ChangeStatusTag({
  status,
  testId = 'change-status',
}: {
  status: ChangeStatus;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {t(`changes.status.${status}`)}
    </Tag>
  );
}

const RISK_COLORS: Record<RiskClass, string> = {
  low: 'green',
  medium: 'gold',
  high: 'red',
};

export function RiskTag({ risk }: { risk: RiskClass }) {
  const { t } = useTranslation();
  return (
    <Tag color={RISK_COLORS[risk]} data-testid="change-risk" data-risk={risk}>
      {t(`changes.risk.${risk}`)}
    </Tag>
  );
}
