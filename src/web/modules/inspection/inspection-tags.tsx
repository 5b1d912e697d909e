import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  InspectionDecisionKind,
  InspectionPlanStatus,
  InspectionSeverity,
  InspectionStatus,
  NonconformanceStatus,
  SamplingVerdict,
} from '../../api/inspection.ts';

const STATUS_COLORS: Record<InspectionStatus, string> = { open: 'processing', decided: 'default' };

export function InspectionStatusTag({ status }: { status: InspectionStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="inspection-status" data-status={status}>
      {t(`inspection.status.${status}`)}
    </Tag>
  );
}

const VERDICT_COLORS: Record<SamplingVerdict, string> = {
  pending: 'default',
  accept: 'green',
  reject: 'red',
};

export function VerdictTag({
  verdict,
  testId = 'inspection-verdict',
}: {
  verdict: SamplingVerdict;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Tag color={VERDICT_COLORS[verdict]} data-testid={testId} data-verdict={verdict}>
      {t(`inspection.verdict.${verdict}`)}
    </Tag>
  );
}

const DECISION_COLORS: Record<InspectionDecisionKind, string> = {
  accept: 'green',
  reject: 'red',
  partial: 'gold',
};

export function DecisionTag({ decision }: { decision: InspectionDecisionKind }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={DECISION_COLORS[decision]}
      data-testid="inspection-decision"
      data-decision={decision}
    >
      {t(`inspection.decision.${decision}`)}
    </Tag>
  );
}

const SEVERITY_COLORS: Record<InspectionSeverity, string> = {
  normal: 'default',
  tightened: 'orange',
  reduced: 'cyan',
};

export function SeverityTag({ severity }: { severity: InspectionSeverity }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={SEVERITY_COLORS[severity]}
      data-testid="inspection-severity"
      data-severity={severity}
    >
      {t(`inspection.severity.${severity}`)}
    </Tag>
  );
}

const LOT_STATUS_COLORS: Record<string, string> = {
  quarantined: 'gold',
  released: 'green',
  rejected: 'red',
  on_hold: 'orange',
  recalled: 'magenta',
  expired: 'default',
};
const LOT_STATUSES = Object.keys(LOT_STATUS_COLORS);

/** A lot's quality status (the lots module owns the statuses; this shows them where inspections name lots). */
export function LotStatusTag({
  status,
  testId = 'lot-status',
}: {
  status: string | null;
  testId?: string;
}) {
  const { t } = useTranslation();
  if (status === null || !LOT_STATUSES.includes(status)) return null;
  return (
    <Tag color={LOT_STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {t(`inspection.lotStatus.${status as 'quarantined'}`)}
    </Tag>
  );
}

const PLAN_STATUS_COLORS: Record<InspectionPlanStatus, string> = {
  draft: 'default',
  active: 'green',
  retired: 'default',
};

export function PlanStatusTag({ status }: { status: InspectionPlanStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={PLAN_STATUS_COLORS[status]} data-testid="plan-status" data-status={status}>
      {t(`inspection.planStatus.${status}`)}
    </Tag>
  );
}

const NCR_STATUS_COLORS: Record<NonconformanceStatus, string> = {
  open: 'red',
  closed: 'default',
};

export function NcrStatusTag({ status }: { status: NonconformanceStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={NCR_STATUS_COLORS[status]} data-testid="ncr-status" data-status={status}>
      {t(`inspection.ncrStatus.${status}`)}
    </Tag>
  );
}
