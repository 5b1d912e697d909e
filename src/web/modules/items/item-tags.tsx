import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Item, ItemStatus, Tracking } from '../../api/items.ts';
import type { Language } from '../../i18n/language.ts';
import { itemNames } from './item-format.ts';

const STATUS_COLORS: Record<ItemStatus, string> = {
  active: 'green',
  blocked: 'red',
  obsolete: 'default',
};

export function ItemStatusTag({ status }: { status: ItemStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="item-status" data-status={status}>
      {t(`items.status.${status}`)}
    </Tag>
  );
}

const TRACKING_COLORS: Record<Tracking, string> = {
  lot: 'blue',
  serial: 'purple',
  none: 'default',
};

export function TrackingTag({ tracking }: { tracking: Tracking }) {
  const { t } = useTranslation();
  return (
    <Tag color={TRACKING_COLORS[tracking]} data-testid="item-tracking" data-tracking={tracking}>
      {t(`items.tracking.${tracking}`)}
    </Tag>
  );
}

export function ItemName({
  item,
  language,
}: {
  item: Pick<Item, 'nameZh' | 'nameEn'>;
  language: Language;
}) {
  const { primary, secondary } = itemNames(item, language);
  return (
    <span className="item-name">
      <span>{primary}</span>
      {secondary !== primary && (
        <Typography.Text type="secondary" className="item-name-other">
          {secondary}
        </Typography.Text>
      )}
    </span>
  );
}
