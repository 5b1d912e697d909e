import { useTranslation } from 'react-i18next';
import type { EngineeringKind } from '../../api/engineering.ts';

/** "FD-IS-20 · BOM v2" in the UI language. */
export function useVersionTitle(): (version: {
  kind: EngineeringKind;
  item: { code: string };
  versionNo: number;
}) => string {
  const { t } = useTranslation();
  return (version) =>
    t('engineering.versionTitle', {
      code: version.item.code,
      kind: t(`engineering.kinds.${version.kind}`),
      version: version.versionNo,
    });
}
