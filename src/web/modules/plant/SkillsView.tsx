import { CheckCircleOutlined, EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasCode } from '../../api/client.ts';
import { useChangeQualifications, useSkills, type Skill } from '../../api/plant.ts';
import { useCan } from '../../auth/session.ts';
import { ExportCsvButton } from '../../components/ExportCsvButton.tsx';
import { applyServerErrors } from '../../components/form-errors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { PAGE_SIZES, booleanParam, pageOf } from '../../list-params.ts';
import { useSearchFilters } from '../../use-search-filters.ts';
import { PlantName } from './plant-tags.tsx';

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

type Action =
  { kind: 'create' } | { kind: 'edit'; skill: Skill } | { kind: 'active'; skill: Skill };

/** The catalogue of skills people are trained and qualified in. */
export function SkillsView() {
  const { t } = useTranslation();
  const language = useLanguage();
  const mayManage = useCan('qualification.manage');
  const [params, update] = useSearchFilters();
  const [action, setAction] = useState<Action | null>(null);
  const filters = { q: params.get('q') || undefined, active: booleanParam(params.get('active')) };
  const { page, pageSize, limit, offset } = pageOf(params);
  const skills = useSkills({ ...filters, limit, offset });
  const filtered = Object.values(filters).some((value) => value !== undefined);

  const columns: TableProps<Skill>['columns'] = [
    {
      key: 'code',
      title: t('plant.skills.fields.code'),
      width: 160,
      render: (_, s) => (
        <span className="mono" data-testid={`skill-code-${s.code}`}>
          {s.code}
        </span>
      ),
    },
    {
      key: 'name',
      title: t('plant.fields.name'),
      render: (_, s) => <PlantName thing={s} language={language} />,
    },
    {
      key: 'validity',
      title: t('plant.skills.fields.validityMonths'),
      width: 180,
      render: (_, s) =>
        s.validityMonths === null ? (
          <Typography.Text type="secondary">{t('plant.skills.noExpiry')}</Typography.Text>
        ) : (
          t('plant.skills.months', { count: s.validityMonths })
        ),
    },
    {
      key: 'active',
      title: t('plant.common.status'),
      width: 100,
      render: (_, s) => (
        <Tag color={s.active ? 'green' : 'default'} data-testid="skill-status">
          {s.active ? t('plant.common.active') : t('plant.common.inactive')}
        </Tag>
      ),
    },
    ...(mayManage
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 200,
            render: (_: unknown, s: Skill) => (
              <Flex gap={4} wrap>
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setAction({ kind: 'edit', skill: s })}
                  data-testid={`skill-edit-${s.code}`}
                >
                  {t('plant.actions.edit')}
                </Button>
                <Button
                  size="small"
                  danger={s.active}
                  icon={s.active ? <StopOutlined /> : <CheckCircleOutlined />}
                  onClick={() => setAction({ kind: 'active', skill: s })}
                  data-testid={`skill-toggle-${s.code}`}
                >
                  {s.active ? t('plant.actions.deactivate') : t('plant.actions.reactivate')}
                </Button>
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card size="small" className="section-card">
      <Flex gap={8} wrap justify="space-between" className="table-toolbar">
        <Flex gap={8} wrap data-testid="skills-filters">
          <Input.Search
            key={filters.q ?? ''}
            defaultValue={filters.q}
            allowClear
            placeholder={t('plant.skills.searchPlaceholder')}
            onSearch={(value) => update({ q: value.trim() })}
            style={{ width: 280 }}
            data-testid="skills-search"
          />
          <Select<'true' | 'false'>
            allowClear
            placeholder={t('plant.skills.allStatuses')}
            value={filters.active === undefined ? undefined : filters.active ? 'true' : 'false'}
            onChange={(value) => update({ active: value })}
            options={[
              { value: 'true', label: t('plant.common.active') },
              { value: 'false', label: t('plant.common.inactive') },
            ]}
            style={{ width: 140 }}
            data-testid="skills-filter-active"
          />
        </Flex>
        <Flex gap={8} wrap>
          <ExportCsvButton
            entity="qualifications/skills"
            filters={{ ...filters }}
            fileName={`lotline-skills-${new Date().toISOString().slice(0, 10)}.csv`}
            testId="skills-export"
          />
          {mayManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setAction({ kind: 'create' })}
              data-testid="new-skill"
            >
              {t('plant.skills.new')}
            </Button>
          )}
        </Flex>
      </Flex>
      {skills.isError && (
        <ProblemAlert
          error={skills.error}
          onRetry={() => void skills.refetch()}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<Skill>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={skills.data?.items ?? []}
        loading={skills.isFetching}
        rowClassName={(s) => (s.active ? '' : 'row-inactive')}
        locale={{
          emptyText: skills.isPending
            ? t('common.loading')
            : filtered
              ? t('plant.skills.noMatch')
              : t('plant.skills.empty'),
        }}
        pagination={{
          current: page,
          pageSize,
          total: skills.data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (nextPage, nextSize) =>
            update({ page: nextSize === pageSize ? nextPage : 1, size: nextSize }),
        }}
        data-testid="skills-table"
      />
      {action?.kind === 'create' && <CreateSkillDrawer onClose={() => setAction(null)} />}
      {action?.kind === 'edit' && (
        <EditSkillModal skill={action.skill} onClose={() => setAction(null)} />
      )}
      {action?.kind === 'active' && (
        <SkillActiveModal skill={action.skill} onClose={() => setAction(null)} />
      )}
    </Card>
  );
}

interface SkillValues {
  nameZh: string;
  nameEn: string;
  validityMonths?: number | null;
}

function SkillFields() {
  const { t } = useTranslation();
  const rule = [
    { required: true, whitespace: true, message: t('plant.form.nameRequired') },
    { max: 200 },
  ];
  return (
    <>
      <div className="form-grid-2">
        <Form.Item name="nameZh" label={t('plant.fields.nameZh')} rules={rule}>
          <Input autoComplete="off" data-testid="nameZh" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('plant.fields.nameEn')} rules={rule}>
          <Input autoComplete="off" data-testid="nameEn" />
        </Form.Item>
      </div>
      <Form.Item
        name="validityMonths"
        label={t('plant.skills.fields.validityMonths')}
        extra={t('plant.skills.validityHelp')}
        rules={[{ type: 'integer', min: 1, max: 600, message: t('plant.skills.validityRange') }]}
      >
        <InputNumber<number>
          min={1}
          max={600}
          precision={0}
          style={{ width: 200 }}
          suffix={t('plant.skills.monthsUnit')}
          data-testid="validityMonths"
        />
      </Form.Item>
    </>
  );
}

function CreateSkillDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SkillValues & { code: string; reason?: string }>();
  const change = useChangeQualifications();
  const [error, setError] = useState<unknown>(null);

  async function submit(values: SkillValues & { code: string; reason?: string }) {
    setError(null);
    const reason = values.reason?.trim();
    try {
      await change.mutateAsync({
        kind: 'create-skill',
        body: {
          code: values.code.trim(),
          nameZh: values.nameZh.trim(),
          nameEn: values.nameEn.trim(),
          validityMonths: values.validityMonths ?? null,
          ...(reason ? { reason } : {}),
        },
      });
      void message.success(t('plant.skills.created'));
      onClose();
    } catch (caught) {
      if (hasCode(caught, 'SKILL_CODE_TAKEN')) {
        form.setFields([{ name: 'code', errors: [t('errors.SKILL_CODE_TAKEN')] }]);
        return;
      }
      if (!applyServerErrors(form, caught, t)) setError(caught);
    }
  }

  return (
    <Drawer
      open
      title={t('plant.skills.new')}
      size={560}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose} disabled={change.isPending} data-testid="skill-form-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            loading={change.isPending}
            onClick={() => form.submit()}
            data-testid="skill-form-submit"
          >
            {t('plant.skills.submit')}
          </Button>
        </Flex>
      }
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={(values) => void submit(values)}
        disabled={change.isPending}
        className="dense-form"
        data-testid="skill-form"
      >
        <Form.Item
          name="code"
          label={t('plant.skills.fields.code')}
          extra={t('plant.skills.codeHelp')}
          rules={[
            { required: true, whitespace: true, message: t('plant.form.codeRequired') },
            { pattern: CODE_PATTERN, message: t('plant.form.codePattern') },
          ]}
        >
          <Input autoComplete="off" spellCheck={false} className="mono" data-testid="code" />
        </Form.Item>
        <SkillFields />
        <Form.Item name="reason" label={t('common.reason')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="reason" />
        </Form.Item>
      </Form>
      {error !== null && <ProblemAlert error={error} />}
    </Drawer>
  );
}

function EditSkillModal({ skill, onClose }: { skill: Skill; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const change = useChangeQualifications();
  return (
    <ReasonModal<SkillValues>
      open
      title={`${t('plant.actions.edit')} · ${skill.code}`}
      okText={t('plant.actions.save')}
      testId="skill-edit"
      width={600}
      description={<Alert type="info" title={t('plant.skills.editDescription')} />}
      initialValues={{
        nameZh: skill.nameZh,
        nameEn: skill.nameEn,
        validityMonths: skill.validityMonths,
      }}
      onSubmit={async ({ reason, ...values }) => {
        await change.mutateAsync({
          kind: 'update-skill',
          skillId: skill.id,
          body: {
            nameZh: values.nameZh.trim(),
            nameEn: values.nameEn.trim(),
            validityMonths: values.validityMonths ?? null,
            reason,
          },
        });
        void message.success(t('plant.actions.saved'));
      }}
      onClose={onClose}
    >
      <SkillFields />
    </ReasonModal>
  );
}

function SkillActiveModal({ skill, onClose }: { skill: Skill; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const change = useChangeQualifications();
  const active = !skill.active;
  const label = active ? t('plant.actions.reactivate') : t('plant.actions.deactivate');
  return (
    <ReasonModal
      open
      danger={!active}
      title={`${label} · ${skill.code}`}
      okText={label}
      testId="skill-status-change"
      description={
        <Alert
          type={active ? 'info' : 'warning'}
          showIcon
          title={
            active
              ? t('plant.skills.reactivateDescription', { code: skill.code })
              : t('plant.skills.deactivateDescription', { code: skill.code })
          }
        />
      }
      onSubmit={async ({ reason }) => {
        await change.mutateAsync({
          kind: 'update-skill',
          skillId: skill.id,
          body: { active, reason },
        });
        void message.success(t('plant.actions.done', { action: label }));
      }}
      onClose={onClose}
    />
  );
}
