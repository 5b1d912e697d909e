import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CALIBRATION_DUE_SOON_DAYS, type Equipment } from '../../api/plant.ts';
import { formatIsoDate } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { daysFromToday, dueState, relativeDays } from './plant-format.ts';

// Pieces of the equipment screens shared by the list and the detail page.

/** A due date with how far off it is, red once past and amber when close. */
export function DueDate({
  date,
  noneText,
  testId,
}: {
  date: string | null;
  noneText: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (date === null) {
    return (
      <Typography.Text type="secondary" data-testid={testId} data-state="none">
        {noneText}
      </Typography.Text>
    );
  }
  const state = dueState(date, CALIBRATION_DUE_SOON_DAYS);
  return (
    <Flex vertical gap={0} data-testid={testId} data-state={state} data-date={date}>
      <span className="nowrap">{formatIsoDate(date, language)}</span>
      <Typography.Text
        type={state === 'overdue' ? 'danger' : state === 'soon' ? 'warning' : 'secondary'}
        className="item-name-other nowrap"
      >
        {state === 'overdue'
          ? t('plant.equipment.overdueSince', { when: relativeDays(daysFromToday(date), t) })
          : t('plant.equipment.dueWhen', { when: relativeDays(daysFromToday(date), t) })}
      </Typography.Text>
    </Flex>
  );
}

/** Why the equipment has its status, in words ("Calibration overdue · Maintenance due soon"). */
export function StatusReasons({ equipment }: { equipment: Equipment }) {
  const { t } = useTranslation();
  if (equipment.statusReasons.length === 0) return null;
  return (
    <Typography.Text
      type={equipment.status === 'out_of_service' ? 'danger' : 'warning'}
      className="item-name-other"
      data-testid="equipment-status-reasons"
    >
      {equipment.statusReasons.map((r) => t(`plant.equipmentStatusReason.${r}`)).join(' · ')}
    </Typography.Text>
  );
}
