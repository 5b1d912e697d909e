import { Alert, Button, Descriptions, Drawer, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasCode } from '../../api/client.ts';
import {
  LOCATION_KINDS,
  useCreateLocation,
  type Location,
  type LocationKind,
  type LocationLevel,
  type LocationTreeNode,
} from '../../api/plant.ts';
import { applyServerErrors } from '../../components/form-errors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { plantNames } from './plant-format.ts';
import { KindTag, LevelTag } from './plant-tags.tsx';

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

interface LocationForm {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: LocationKind;
  reason?: string;
}

/** Names and kind of a location: the new-location drawer and the edit dialog. */
export function LocationNameFields() {
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
        name="kind"
        label={t('plant.locations.fields.kind')}
        extra={t('plant.locations.kindHelp')}
        rules={[{ required: true }]}
      >
        <Select<LocationKind>
          options={LOCATION_KINDS.map((value) => ({
            value,
            label: t(`plant.locationKind.${value}`),
          }))}
          data-testid="kind"
        />
      </Form.Item>
    </>
  );
}

/** Creates a site (no parent) or a location under `parent`, one level below it. */
export function LocationDrawer({
  parent,
  level,
  onClose,
  onCreated,
}: {
  parent: LocationTreeNode | null;
  level: LocationLevel;
  onClose: () => void;
  onCreated: (location: Location) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<LocationForm>();
  const create = useCreateLocation();
  const [error, setError] = useState<unknown>(null);

  function submit(values: LocationForm) {
    setError(null);
    const reason = values.reason?.trim();
    create.mutate(
      {
        code: values.code.trim(),
        nameZh: values.nameZh.trim(),
        nameEn: values.nameEn.trim(),
        level,
        kind: values.kind,
        parentId: parent?.id ?? null,
        ...(reason ? { reason } : {}),
      },
      {
        onSuccess: onCreated,
        onError: (caught) => {
          if (hasCode(caught, 'LOCATION_CODE_TAKEN')) {
            form.setFields([{ name: 'code', errors: [t('errors.LOCATION_CODE_TAKEN')] }]);
            return;
          }
          if (!applyServerErrors(form, caught, t)) setError(caught);
        },
      },
    );
  }

  return (
    <Drawer
      open
      title={t(`plant.locations.create.title.${level}`, {
        parent: parent ? `${parent.code} ${plantNames(parent, language).primary}` : '',
      })}
      size={600}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose} disabled={create.isPending} data-testid="location-form-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() => form.submit()}
            data-testid="location-form-submit"
          >
            {t(`plant.locations.create.submit.${level}`)}
          </Button>
        </Flex>
      }
    >
      {parent ? (
        <Descriptions
          size="small"
          bordered
          column={1}
          className="form-note"
          styles={{ label: { width: 150 } }}
          items={[
            {
              key: 'parent',
              label: t('plant.locations.fields.parent'),
              children: (
                <Flex gap={6} align="center" wrap data-testid="location-form-parent">
                  <span className="mono">{parent.path}</span>
                  <LevelTag level={parent.level} />
                  <KindTag kind={parent.kind} />
                </Flex>
              ),
            },
            {
              key: 'level',
              label: t('plant.locations.fields.level'),
              children: <LevelTag level={level} />,
            },
          ]}
        />
      ) : (
        <Alert
          type="info"
          showIcon
          className="form-note"
          title={t('plant.locations.create.siteNote')}
        />
      )}
      <Form<LocationForm>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{ kind: parent?.kind ?? 'storage' }}
        onFinish={submit}
        disabled={create.isPending}
        className="dense-form"
        data-testid="location-form"
      >
        <Form.Item
          name="code"
          label={t('plant.locations.fields.code')}
          extra={t('plant.locations.create.codeHelp')}
          rules={[
            { required: true, whitespace: true, message: t('plant.form.codeRequired') },
            { pattern: CODE_PATTERN, message: t('plant.form.codePattern') },
          ]}
        >
          <Input autoComplete="off" spellCheck={false} className="mono" data-testid="code" />
        </Form.Item>
        <LocationNameFields />
        <Form.Item name="reason" label={t('common.reason')} rules={[{ max: 500 }]}>
          <Input.TextArea
            rows={2}
            maxLength={500}
            placeholder={t('plant.locations.create.reasonPlaceholder')}
            data-testid="reason"
          />
        </Form.Item>
      </Form>
      {error !== null && <ProblemAlert error={error} />}
    </Drawer>
  );
}
