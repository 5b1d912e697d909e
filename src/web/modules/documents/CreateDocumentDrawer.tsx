import { Alert, Button, Drawer, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasCode } from '../../api/client.ts';
import {
  DOCUMENT_KINDS,
  useCreateDocument,
  type ControlledDocumentDetail,
  type DocumentKind,
} from '../../api/documents.ts';
import { applyServerErrors } from '../../components/form-errors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

const NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

interface CreateDocumentForm {
  number: string;
  titleZh: string;
  titleEn: string;
  kind: DocumentKind;
  reason?: string;
}

/** Registers a controlled document (number, titles, kind); its revisions follow on its page. */
export function CreateDocumentDrawer({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (doc: ControlledDocumentDetail) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateDocumentForm>();
  const create = useCreateDocument();
  const [error, setError] = useState<unknown>(null);

  function submit(values: CreateDocumentForm) {
    setError(null);
    const reason = values.reason?.trim();
    create.mutate(
      {
        number: values.number.trim(),
        titleZh: values.titleZh.trim(),
        titleEn: values.titleEn.trim(),
        kind: values.kind,
        ...(reason ? { reason } : {}),
      },
      {
        onSuccess: onCreated,
        onError: (caught) => {
          if (hasCode(caught, 'DOCUMENT_NUMBER_TAKEN')) {
            form.setFields([{ name: 'number', errors: [t('errors.DOCUMENT_NUMBER_TAKEN')] }]);
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
      title={t('documents.create.title')}
      size={560}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose} disabled={create.isPending} data-testid="document-form-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() => form.submit()}
            data-testid="document-form-submit"
          >
            {t('documents.create.submit')}
          </Button>
        </Flex>
      }
    >
      <Form<CreateDocumentForm>
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={submit}
        disabled={create.isPending}
        className="dense-form"
        data-testid="document-form"
      >
        <div className="form-grid-2">
          <Form.Item
            name="number"
            label={t('documents.fields.number')}
            extra={t('documents.create.numberHelp')}
            rules={[
              { required: true, whitespace: true, message: t('documents.create.numberRequired') },
              { pattern: NUMBER_PATTERN, message: t('documents.create.numberPattern') },
            ]}
          >
            <Input autoComplete="off" spellCheck={false} className="mono" data-testid="number" />
          </Form.Item>
          <Form.Item
            name="kind"
            label={t('documents.fields.kind')}
            rules={[{ required: true, message: t('documents.create.kindRequired') }]}
          >
            <Select<DocumentKind>
              options={DOCUMENT_KINDS.map((value) => ({
                value,
                label: t(`documents.kinds.${value}`),
              }))}
              data-testid="kind"
            />
          </Form.Item>
        </div>
        <Form.Item
          name="titleZh"
          label={t('documents.fields.titleZh')}
          rules={[
            { required: true, whitespace: true, message: t('documents.create.titleRequired') },
            { max: 200 },
          ]}
        >
          <Input data-testid="titleZh" />
        </Form.Item>
        <Form.Item
          name="titleEn"
          label={t('documents.fields.titleEn')}
          rules={[
            { required: true, whitespace: true, message: t('documents.create.titleRequired') },
            { max: 200 },
          ]}
        >
          <Input data-testid="titleEn" />
        </Form.Item>
        <Form.Item name="reason" label={t('common.reason')} rules={[{ max: 500 }]}>
          <Input.TextArea
            rows={2}
            maxLength={500}
            placeholder={t('documents.create.reasonPlaceholder')}
            data-testid="reason"
          />
        </Form.Item>
        <Alert type="info" title={t('documents.create.after')} className="form-note" />
      </Form>
      {error !== null && <ProblemAlert error={error} />}
    </Drawer>
  );
}
