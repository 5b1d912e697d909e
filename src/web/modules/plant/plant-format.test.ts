import { describe, expect, it } from 'vitest';
import type { LocationTreeNode } from '../../api/plant.ts';
import { ancestorIds, dueState, filterTree, flattenTree } from './plant-format.ts';

function node(
  code: string,
  level: LocationTreeNode['level'],
  children: LocationTreeNode[] = [],
): LocationTreeNode {
  return {
    id: code,
    code,
    nameZh: `库位 ${code}`,
    nameEn: `Location ${code}`,
    level,
    kind: 'storage',
    parentId: null,
    path: code,
    active: true,
    children,
  };
}

const TREE = [
  node('SZ1', 'site', [
    node('WH-RM', 'warehouse', [node('RM-A', 'zone', [node('RM-A-01', 'bin')])]),
    node('WH-FG', 'warehouse', [node('FG-A', 'zone')]),
  ]),
];

describe('location trees', () => {
  it('lists every location with its depth, parents before children', () => {
    expect(flattenTree(TREE).map(({ node: n, depth }) => `${depth}:${n.code}`)).toEqual([
      '0:SZ1',
      '1:WH-RM',
      '2:RM-A',
      '3:RM-A-01',
      '1:WH-FG',
      '2:FG-A',
    ]);
  });

  it('finds the way down to a location', () => {
    expect(ancestorIds(TREE, 'RM-A-01')).toEqual(['SZ1', 'WH-RM', 'RM-A']);
    expect(ancestorIds(TREE, 'SZ1')).toEqual([]);
    expect(ancestorIds(TREE, 'nowhere')).toEqual([]);
  });

  it('keeps what matches a search, with the locations above it, in any case', () => {
    const found = flattenTree(filterTree(TREE, 'rm-a-01')).map(({ node: n }) => n.code);
    expect(found).toEqual(['SZ1', 'WH-RM', 'RM-A', 'RM-A-01']);
    expect(filterTree(TREE, 'Location FG').flatMap((n) => n.children.map((c) => c.code))).toEqual([
      'WH-FG',
    ]);
    expect(filterTree(TREE, '  ')).toHaveLength(1);
    expect(filterTree(TREE, 'no such place')).toEqual([]);
  });
});

describe('due dates', () => {
  it('is overdue after the due day, soon within the warning days, fine otherwise', () => {
    expect(dueState(null, 14, '2026-11-23')).toBe('none');
    expect(dueState('2026-11-22', 14, '2026-11-23')).toBe('overdue');
    expect(dueState('2026-11-23', 14, '2026-11-23')).toBe('soon');
    expect(dueState('2026-12-07', 14, '2026-11-23')).toBe('soon');
    expect(dueState('2026-12-08', 14, '2026-11-23')).toBe('ok');
  });
});
