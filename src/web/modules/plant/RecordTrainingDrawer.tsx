import {
  Alert,
  App,
  Button,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  Select,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addMonths } from '../../../shared/calendar-date.ts';
import { useChangeQualifications, useSkills } from '../../api/plant.ts';
import { applyServerErrors } from '../../components/form-errors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatIsoDate } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { usePeople } from './people.ts';
import { plantNames } from './plant-format.ts';

const DATE = 'YYYY-MM-DD';

interface TrainingForm {
  userId: string;
  skillId: string;
  trainedOn: Dayjs;
  trainer: string;
  expiresOn?: Dayjs | null;
  documentRef?: string;
  reason?: string;
}

/** Records that a person was trained in a skill; the expiry defaults to the skill's validity. */
export function RecordTrainingDrawer({
  defaultUserId,
  defaultSkillId,
  onClose,
}: {
  defaultUserId?: string;
  defaultSkillId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<TrainingForm>();
  const change = useChangeQualifications();
  const [error, setError] = useState<unknown>(null);
  const [personSearch, setPersonSearch] = useState('');
  const people = usePeople(personSearch);
  const skills = useSkills({ active: true, limit: 200, offset: 0 });
  const skillId = Form.useWatch('skillId', form);
  const trainedOn = Form.useWatch('trainedOn', form);
  const skill = skills.data?.items.find((s) => s.id === skillId);
  const defaultExpiry =
    skill && trainedOn && skill.validityMonths !== null
      ? addMonths(trainedOn.format(DATE), skill.validityMonths)
      : null;

  async function submit(values: TrainingForm) {
    setError(null);
    const reason = values.reason?.trim();
    try {
      await change.mutateAsync({
        kind: 'record-training',
        body: {
          userId: values.userId,
          skillId: values.skillId,
          trainedOn: values.trainedOn.format(DATE),
          trainer: values.trainer.trim(),
          // Left empty: the server applies the skill's validity.
          ...(values.expiresOn ? { expiresOn: values.expiresOn.format(DATE) } : {}),
          documentRef: values.documentRef?.trim() || null,
          ...(reason ? { reason } : {}),
        },
      });
      void message.success(t('plant.qualifications.recorded'));
      onClose();
    } catch (caught) {
      if (!applyServerErrors(form, caught, t)) setError(caught);
    }
  }

  return (
    <Drawer
      open
      title={t('plant.qualifications.recordTraining')}
      size={600}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose} disabled={change.isPending} data-testid="training-form-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            loading={change.isPending}
            onClick={() => form.submit()}
            data-testid="training-form-submit"
          >
            {t('plant.qualifications.submit')}
          </Button>
        </Flex>
      }
    >
      {!people.complete && (
        <Alert
          type="info"
          showIcon
          className="form-note"
          title={t('plant.qualifications.peopleLimited')}
          data-testid="training-people-limited"
        />
      )}
      <Form<TrainingForm>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{
          trainedOn: dayjs(),
          ...(defaultUserId ? { userId: defaultUserId } : {}),
          ...(defaultSkillId ? { skillId: defaultSkillId } : {}),
        }}
        onFinish={(values) => void submit(values)}
        disabled={change.isPending}
        className="dense-form"
        data-testid="training-form"
      >
        <div className="form-grid-2">
          <Form.Item
            name="userId"
            label={t('plant.qualifications.columns.person')}
            rules={[{ required: true, message: t('plant.qualifications.personRequired') }]}
          >
            <Select<string>
              showSearch={{ filterOption: false, onSearch: setPersonSearch }}
              loading={people.loading}
              placeholder={t('plant.qualifications.personPlaceholder')}
              options={people.people.map((p) => ({
                value: p.id,
                label: `${p.fullName} (${p.username})`,
              }))}
              data-testid="training-person"
            />
          </Form.Item>
          <Form.Item
            name="skillId"
            label={t('plant.qualifications.columns.skill')}
            rules={[{ required: true, message: t('plant.qualifications.skillRequired') }]}
          >
            <Select<string>
              showSearch={{ optionFilterProp: 'search' }}
              loading={skills.isFetching}
              placeholder={t('plant.qualifications.skillPlaceholder')}
              options={(skills.data?.items ?? []).map((s) => ({
                value: s.id,
                search: `${s.code} ${s.nameZh} ${s.nameEn}`,
                label: `${s.code} · ${plantNames(s, language).primary}`,
              }))}
              data-testid="training-skill"
            />
          </Form.Item>
          <Form.Item
            name="trainedOn"
            label={t('plant.qualifications.columns.trainedOn')}
            rules={[{ required: true, message: t('plant.form.dateRequired') }]}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(day) => day.isAfter(dayjs(), 'day')}
              data-testid="training-trainedOn"
            />
          </Form.Item>
          <Form.Item
            name="trainer"
            label={t('plant.qualifications.columns.trainer')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('plant.qualifications.trainerRequired'),
              },
              { max: 200 },
            ]}
          >
            <Input autoComplete="off" data-testid="training-trainer" />
          </Form.Item>
          <Form.Item
            name="expiresOn"
            label={t('plant.qualifications.columns.expiresOn')}
            extra={
              skill
                ? defaultExpiry
                  ? t('plant.qualifications.expiryDefault', {
                      date: formatIsoDate(defaultExpiry, language),
                      count: skill.validityMonths ?? 0,
                    })
                  : t('plant.qualifications.expiryNone')
                : t('plant.qualifications.expiryHelp')
            }
            dependencies={['trainedOn']}
            rules={[
              ({ getFieldValue }: Pick<FormInstance, 'getFieldValue'>) => ({
                validator: (_: unknown, value: Dayjs | null | undefined) => {
                  const from = getFieldValue('trainedOn') as Dayjs | undefined;
                  return !value || !from || value.isAfter(from, 'day')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('errors.TRAINING_EXPIRY_BEFORE_TRAINING')));
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} data-testid="training-expiresOn" />
          </Form.Item>
          <Form.Item
            name="documentRef"
            label={t('plant.qualifications.columns.documentRef')}
            extra={t('plant.qualifications.documentRefHelp')}
            rules={[{ max: 200 }]}
          >
            <Input autoComplete="off" className="mono" data-testid="training-documentRef" />
          </Form.Item>
        </div>
        <Form.Item name="reason" label={t('common.reason')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="reason" />
        </Form.Item>
        <Typography.Text type="secondary" className="form-section-help">
          {t('plant.qualifications.appendOnly')}
        </Typography.Text>
      </Form>
      {error !== null && <ProblemAlert error={error} style={{ marginTop: 12 }} />}
    </Drawer>
  );
}
