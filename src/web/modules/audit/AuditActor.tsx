import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/audit.contract.ts';

const ACTOR_TAG_COLORS: Record<AuditEntry['actorType'], string> = {
  user: 'blue',
  token: 'purple',
  system: 'default',
};

/** Who acted: printed name and whether a person, an API token or Lotline itself. */
export function AuditActor({ entry }: { entry: Pick<AuditEntry, 'actorName' | 'actorType'> }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={6} wrap={false}>
      <Tag color={ACTOR_TAG_COLORS[entry.actorType]} className="actor-tag" data-testid="actor-type">
        {t(`audit.actorTypes.${entry.actorType}`)}
      </Tag>
      <span data-testid="actor-name">{entry.actorName}</span>
    </Flex>
  );
}
