import { Card, Descriptions, Flex, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Inspection, InspectionDecision } from '../../api/inspection.ts';
import { useCan } from '../../auth/session.ts';
import { formatDateTime } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { plainDecimal } from '../items/item-format.ts';
import { DecisionTag, LotStatusTag } from './inspection-tags.tsx';

/** What the decision did: quantities, the lots released and rejected, the nonconformance opened. */
export function DecisionCard({
  inspection,
  decision,
}: {
  inspection: Inspection;
  decision: InspectionDecision;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const mayReadNcr = useCan('nonconformance.read');
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const lotLinks = (lots: InspectionDecision['releasedLots'], testId: string) =>
    lots.length === 0 ? (
      dash
    ) : (
      <Flex gap={8} wrap>
        {lots.map((lot) => (
          <Link key={lot.id} to={`/lots/${lot.id}`} className="mono" data-testid={testId}>
            {lot.code}
          </Link>
        ))}
      </Flex>
    );
  const unit = inspection.item.uom;

  const items: DescriptionsProps['items'] = [
    {
      key: 'decision',
      label: t('inspection.decisionCard.decision'),
      children: <DecisionTag decision={decision.decision} />,
    },
    {
      key: 'lotNow',
      label: t('inspection.decisionCard.lotNow', { lot: inspection.lot.code }),
      children: <LotStatusTag status={inspection.lot.qualityStatus} testId="decision-lot-status" />,
    },
    {
      key: 'accepted',
      label: t('inspection.decisionCard.acceptedQuantity'),
      children: (
        <span className="mono">
          {plainDecimal(decision.acceptedQuantity)} {unit}
        </span>
      ),
    },
    {
      key: 'rejected',
      label: t('inspection.decisionCard.rejectedQuantity'),
      children: (
        <span className="mono">
          {plainDecimal(decision.rejectedQuantity)} {unit}
        </span>
      ),
    },
    {
      key: 'released',
      label: t('inspection.decisionCard.releasedLots'),
      children: lotLinks(decision.releasedLots, 'decision-released-lot'),
    },
    {
      key: 'rejectedLots',
      label: t('inspection.decisionCard.rejectedLots'),
      children: lotLinks(decision.rejectedLots, 'decision-rejected-lot'),
    },
    {
      key: 'ncr',
      label: t('inspection.decisionCard.nonconformance'),
      children: decision.nonconformance ? (
        mayReadNcr ? (
          <Link
            to={`/nonconformances?ncr=${decision.nonconformance.id}`}
            className="mono"
            data-testid="decision-ncr-link"
          >
            {decision.nonconformance.code}
          </Link>
        ) : (
          <span className="mono" data-testid="decision-ncr-link">
            {decision.nonconformance.code}
          </span>
        )
      ) : (
        dash
      ),
    },
    {
      key: 'decidedBy',
      label: t('inspection.decisionCard.decidedBy'),
      children: (
        <span>
          {decision.decidedBy.name} ·{' '}
          <time dateTime={decision.decidedAt}>{formatDateTime(decision.decidedAt, language)}</time>
        </span>
      ),
    },
    {
      key: 'reason',
      label: t('inspection.decisionCard.reason'),
      span: 'filled',
      children: decision.reason ? <div className="preserve-lines">{decision.reason}</div> : dash,
    },
  ];

  return (
    <Card
      size="small"
      className="section-card"
      title={t('inspection.decisionCard.title')}
      data-testid="decision-card"
    >
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={items}
        styles={{ label: { width: 170 } }}
      />
    </Card>
  );
}
