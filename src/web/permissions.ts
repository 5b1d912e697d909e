import { PERMISSIONS, isPermission } from '../shared/permissions.ts';
import type { Language } from './i18n/language.ts';

/** A permission's label from the catalogue in the UI language; the key itself if unknown. */
export function permissionLabel(key: string, language: Language): string {
  if (!isPermission(key)) return key;
  return language === 'zh-CN' ? PERMISSIONS[key].zh : PERMISSIONS[key].en;
}

/** `user.manage` → `user`: the area a permission belongs to, for grouping. */
export function permissionArea(key: string): string {
  const dot = key.indexOf('.');
  return dot > 0 ? key.slice(0, dot) : key;
}
