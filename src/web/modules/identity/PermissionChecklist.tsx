import { Checkbox, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PermissionInfo } from '../../api/roles.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { permissionArea } from '../../permissions.ts';

const KNOWN_AREAS = ['user', 'role', 'token', 'audit', 'signature', 'item'] as const;
type KnownArea = (typeof KNOWN_AREAS)[number];

function isKnownArea(area: string): area is KnownArea {
  return (KNOWN_AREAS as readonly string[]).includes(area);
}

export interface PermissionChecklistProps {
  catalogue: PermissionInfo[];
  value?: string[];
  onChange?: (value: string[]) => void;
  disabled?: boolean;
  /** Marks permissions added (+) or removed (−) against this set. */
  compareWith?: string[];
}

/** The permission catalogue as checkboxes, grouped by area, labelled in the UI language. */
export function PermissionChecklist({
  catalogue,
  value = [],
  onChange,
  disabled = false,
  compareWith,
}: PermissionChecklistProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const selected = new Set(value);
  // Permissions a role holds that this catalogue does not list stay visible and
  // kept: the checklist never drops what it cannot name.
  const known = new Set(catalogue.map((p) => p.key));
  const unlisted = [...new Set([...value, ...(compareWith ?? [])])]
    .filter((key) => !known.has(key))
    .sort()
    .map((key) => ({ key, en: key, zh: key }));
  const all = [...catalogue, ...unlisted];
  const areas = new Map<string, PermissionInfo[]>();
  for (const permission of all) {
    const area = permissionArea(permission.key);
    areas.set(area, [...(areas.get(area) ?? []), permission]);
  }

  function toggle(key: string, checked: boolean) {
    const next = new Set(selected);
    if (checked) next.add(key);
    else next.delete(key);
    onChange?.(all.map((p) => p.key).filter((k) => next.has(k)));
  }

  return (
    <div className="permission-checklist" data-testid="permission-checklist">
      {[...areas].map(([area, permissions]) => (
        <div key={area} className="permission-area">
          <Typography.Text strong className="permission-area-title">
            {isKnownArea(area) ? t(`roles.areas.${area}`) : area}
          </Typography.Text>
          <Flex vertical gap={2}>
            {permissions.map((permission) => {
              const checked = selected.has(permission.key);
              const was = compareWith?.includes(permission.key);
              const change =
                compareWith === undefined || was === checked
                  ? undefined
                  : checked
                    ? 'added'
                    : 'removed';
              return (
                <Checkbox
                  key={permission.key}
                  checked={checked}
                  disabled={disabled}
                  onChange={(event) => toggle(permission.key, event.target.checked)}
                  data-testid={`permission-${permission.key}`}
                  className={change ? `permission-${change}` : undefined}
                >
                  <span>{language === 'zh-CN' ? permission.zh : permission.en}</span>{' '}
                  <Typography.Text type="secondary" className="mono permission-key">
                    {permission.key}
                  </Typography.Text>
                  {change && (
                    <Typography.Text
                      type={change === 'added' ? 'success' : 'danger'}
                      className="permission-change"
                    >
                      {' '}
                      {t(`roles.change.${change}`)}
                    </Typography.Text>
                  )}
                </Checkbox>
              );
            })}
          </Flex>
        </div>
      ))}
    </div>
  );
}
