import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Tag, Typography } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PICKABLE_TARGET_TYPES, type ChangeTargetType } from '../../api/changes.ts';
import { useDocuments } from '../../api/documents.ts';
import { useEngineeringVersions, type EngineeringKind } from '../../api/engineering.ts';
import { useItems } from '../../api/items.ts';
import { useCan } from '../../auth/session.ts';
import type { Language } from '../../i18n/language.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import type { ProposedTarget } from './new-change-state.ts';

/** Where an affected record is shown in the app, if it has a screen. */
export function targetPath(type: ChangeTargetType, id: string): string | undefined {
  switch (type) {
    case 'bom_version':
      return `/boms/${id}`;
    case 'routing_version':
      return `/routings/${id}`;
    case 'document_version':
      return `/documents/versions/${id}`;
    case 'item':
      return `/items/${id}`;
    case 'supplier':
      return undefined;
  }
}

const TYPE_COLORS: Record<ChangeTargetType, string> = {
  bom_version: 'geekblue',
  routing_version: 'purple',
  document_version: 'cyan',
  item: 'blue',
  supplier: 'default',
};

export function TargetTypeTag({ type }: { type: ChangeTargetType }) {
  const { t } = useTranslation();
  return (
    <Tag color={TYPE_COLORS[type]} data-testid="target-type" data-type={type}>
      {t(`changes.targetTypes.${type}`)}
    </Tag>
  );
}

/** A link to the record, or its label where it has no screen. */
export function TargetLink({
  type,
  id,
  label,
}: {
  type: ChangeTargetType;
  id: string;
  label: string;
}) {
  const path = targetPath(type, id);
  return path ? (
    <Link to={path} data-testid="target-link">
      {label}
    </Link>
  ) : (
    <span>{label}</span>
  );
}

/** Versions that can still be proposed: not yet effective and not withdrawn. */
const PROPOSABLE = ['draft', 'in_review', 'approved'];
const SEARCH_SIZE = 20;

interface Candidate extends ProposedTarget {
  detail: string;
}

function useCandidates(type: ChangeTargetType, query: string, language: Language): Candidate[] {
  const { t } = useTranslation();
  const mayReadEngineering = useCan('engineering.read');
  const mayReadDocuments = useCan('document.read');
  const mayReadItems = useCan('item.read');
  const kind: EngineeringKind = type === 'routing_version' ? 'routing' : 'bom';
  const versions = useEngineeringVersions(
    kind,
    { q: query || undefined, limit: SEARCH_SIZE, offset: 0 },
    { enabled: mayReadEngineering && (type === 'bom_version' || type === 'routing_version') },
  );
  const documents = useDocuments(
    { q: query || undefined, limit: SEARCH_SIZE, offset: 0 },
    { enabled: mayReadDocuments && type === 'document_version' },
  );
  const items = useItems(
    { q: query || undefined, limit: SEARCH_SIZE, offset: 0 },
    { enabled: mayReadItems && type === 'item' },
  );
  const name = (record: { nameZh: string; nameEn: string }) =>
    language === 'zh-CN' ? record.nameZh : record.nameEn;

  if (type === 'bom_version' || type === 'routing_version') {
    return (versions.data?.items ?? [])
      .filter((v) => PROPOSABLE.includes(v.status))
      .map((v) => ({
        targetType: type,
        targetId: v.id,
        label: t('engineering.versionTitle', {
          code: v.item.code,
          kind: t(`engineering.kinds.${v.kind}`),
          version: v.versionNo,
        }),
        detail: `${name(v.item)} · ${t(`engineering.status.${v.status}`)}`,
      }));
  }
  if (type === 'document_version') {
    return (documents.data?.items ?? []).flatMap((doc) => {
      const latest = doc.latestVersion;
      if (!latest || !PROPOSABLE.includes(latest.status)) return [];
      return [
        {
          targetType: type,
          targetId: latest.id,
          label: `${doc.number} ${latest.label}`,
          detail: `${language === 'zh-CN' ? doc.titleZh : doc.titleEn} · ${t(`documents.status.${latest.status}`)}`,
        },
      ];
    });
  }
  if (type === 'item') {
    return (items.data?.items ?? []).map((item) => ({
      targetType: type,
      targetId: item.id,
      label: item.code,
      detail: name(item),
    }));
  }
  return [];
}

/**
 * Adds an affected record: a proposed BOM, routing or document revision (not
 * yet effective), or an item the change concerns.
 */
export function TargetPicker({
  exclude,
  onAdd,
}: {
  exclude: readonly string[];
  onAdd: (target: ProposedTarget) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [type, setType] = useState<ChangeTargetType>('bom_version');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<string | undefined>();
  const query = useDeferredValue(search.trim());
  const candidates = useCandidates(type, query, language).filter(
    (c) => !exclude.includes(`${c.targetType}:${c.targetId}`),
  );
  const picked = candidates.find((c) => c.targetId === chosen);

  return (
    <Flex gap={8} wrap className="target-picker" data-testid="target-picker">
      <Select<ChangeTargetType>
        value={type}
        onChange={(value) => {
          setType(value);
          setChosen(undefined);
          setSearch('');
        }}
        options={PICKABLE_TARGET_TYPES.map((value) => ({
          value,
          label: t(`changes.targetTypes.${value}`),
        }))}
        style={{ width: 170 }}
        aria-label={t('changes.targets.type')}
        data-testid="target-type-select"
      />
      <Select<string>
        showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
        value={chosen}
        onChange={setChosen}
        placeholder={t(`changes.targets.searchPlaceholder.${type}`)}
        notFoundContent={t('changes.targets.noneFound')}
        options={candidates.map((c) => ({ value: c.targetId, label: c.label }))}
        optionRender={(option) => {
          const candidate = candidates.find((c) => c.targetId === option.value);
          return (
            <span className="picker-option" data-testid="target-option">
              <span className="mono">{candidate?.label ?? option.label}</span>
              <Typography.Text type="secondary" ellipsis>
                {candidate?.detail}
              </Typography.Text>
            </span>
          );
        }}
        popupMatchSelectWidth={false}
        style={{ flex: 1, minWidth: 260 }}
        aria-label={t('changes.targets.record')}
        data-testid="target-search"
      />
      <Button
        icon={<PlusOutlined />}
        disabled={!picked}
        onClick={() => {
          if (!picked) return;
          onAdd({ targetType: picked.targetType, targetId: picked.targetId, label: picked.label });
          setChosen(undefined);
          setSearch('');
        }}
        data-testid="target-add"
      >
        {t('changes.targets.add')}
      </Button>
    </Flex>
  );
}
