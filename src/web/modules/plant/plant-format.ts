import type { TFunction } from 'i18next';
import { daysBetween } from '../../../shared/calendar-date.ts';
import type { LocationTreeNode } from '../../api/plant.ts';
import type { Language } from '../../i18n/language.ts';

// How locations, equipment and qualifications are shown. Text and tree walking only.

/** The name in the UI language first; the other language's name as a second line. */
export function plantNames(thing: { nameZh: string; nameEn: string }, language: Language) {
  return language === 'zh-CN'
    ? { primary: thing.nameZh, secondary: thing.nameEn }
    : { primary: thing.nameEn, secondary: thing.nameZh };
}

/** Today's calendar date in UTC, as the server counts due dates. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Whole days from today to `date` (negative once past). */
export function daysFromToday(date: string, today: string = todayIso()): number {
  return daysBetween(today, date);
}

/** A day relative to today, in words: "in 20 days", "tomorrow", "today", "3 days ago". */
export function relativeDays(days: number, t: TFunction): string {
  if (days > 1) return t('plant.relative.inDays', { count: days });
  if (days === 1) return t('plant.relative.tomorrow');
  if (days === 0) return t('plant.relative.today');
  if (days === -1) return t('plant.relative.yesterday');
  return t('plant.relative.daysAgo', { count: -days });
}

/** A due date's urgency: overdue (past), soon (within `soonDays`), or fine. */
export function dueState(
  date: string | null,
  soonDays: number,
  today: string = todayIso(),
): 'none' | 'overdue' | 'soon' | 'ok' {
  if (date === null) return 'none';
  const days = daysFromToday(date, today);
  if (days < 0) return 'overdue';
  if (days <= soonDays) return 'soon';
  return 'ok';
}

/** Every node of a location tree, depth first, with its depth (sites at 0). */
export function flattenTree(
  nodes: readonly LocationTreeNode[],
  depth = 0,
): { node: LocationTreeNode; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flattenTree(node.children, depth + 1)]);
}

/** The ids of the nodes on the way down to `id` (its ancestors, not itself); [] if not found. */
export function ancestorIds(nodes: readonly LocationTreeNode[], id: string): string[] {
  for (const node of nodes) {
    if (node.id === id) return [];
    const below = ancestorIds(node.children, id);
    if (below.length > 0 || node.children.some((child) => child.id === id))
      return [node.id, ...below];
  }
  return [];
}

/**
 * The tree cut down to the nodes whose code or names contain `query` (any case),
 * with the nodes above them to keep them in place. An empty query keeps everything.
 */
export function filterTree(nodes: readonly LocationTreeNode[], query: string): LocationTreeNode[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...nodes];
  return nodes.flatMap((node) => {
    const children = filterTree(node.children, q);
    const matches = [node.code, node.nameZh, node.nameEn].some((text) =>
      text.toLowerCase().includes(q),
    );
    return matches || children.length > 0 ? [{ ...node, children }] : [];
  });
}
