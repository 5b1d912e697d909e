import { DeleteOutlined, FileProtectOutlined, InboxOutlined } from '@ant-design/icons';
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
  Upload,
} from 'antd';
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  CERTIFICATE_TYPES,
  useChangeSupplier,
  type Certificate,
  type CertificateType,
  type SupplierDetail,
} from '../../api/partners.ts';
import { applyServerErrors } from '../../components/form-errors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatIsoDate } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { certificateFileProblem, certificateUpload } from './certificate-file.ts';
import { fileSizeText } from './partner-format.ts';

const DATE = 'YYYY-MM-DD';

/** A chosen file, kept in the browser until the form is sent (a Form field: value / onChange). */
export function CertificateFileInput({
  value,
  onChange,
}: {
  value?: File;
  onChange?: (file: File | undefined) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (value) {
    return (
      <Flex align="center" gap={8} className="file-chosen" data-testid="certificate-file-chosen">
        <FileProtectOutlined aria-hidden />
        <span className="file-chosen-name">{value.name}</span>
        <Typography.Text type="secondary">{fileSizeText(value.size, language)}</Typography.Text>
        <Button
          size="small"
          type="text"
          icon={<DeleteOutlined />}
          aria-label={t('partners.certificates.file.remove')}
          onClick={() => onChange?.(undefined)}
          data-testid="certificate-file-remove"
        />
      </Flex>
    );
  }
  return (
    <Upload.Dragger
      accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
      multiple={false}
      showUploadList={false}
      beforeUpload={(file) => {
        onChange?.(file);
        // Kept here and sent with the form, not uploaded on its own.
        return false;
      }}
      className="certificate-dropzone"
      data-testid="certificate-file"
    >
      <Flex vertical align="center" gap={2}>
        <InboxOutlined className="certificate-dropzone-icon" aria-hidden />
        <span>{t('partners.certificates.file.drop')}</span>
        <Typography.Text type="secondary">{t('partners.certificates.file.hint')}</Typography.Text>
      </Flex>
    </Upload.Dragger>
  );
}

/** The rule for the file field: PDF, PNG or JPEG, not empty, at most 10 MB. */
export function certificateFileRule(t: TFunction, required: boolean) {
  return {
    validator: (_: unknown, file: File | undefined) => {
      if (!file) {
        return required
          ? Promise.reject(new Error(t('partners.certificates.file.required')))
          : Promise.resolve();
      }
      const problem = certificateFileProblem(file);
      return problem
        ? Promise.reject(new Error(t(`partners.certificates.file.problems.${problem}`)))
        : Promise.resolve();
    },
  };
}

interface CertificateForm {
  type: CertificateType;
  number: string;
  issuer: string;
  validFrom: Dayjs;
  validUntil: Dayjs;
  file?: File;
  reason?: string;
}

/** Adds a certificate, or its renewal (which then replaces the old one for the warnings). */
export function CertificateDrawer({
  supplier,
  renews,
  onClose,
}: {
  supplier: SupplierDetail;
  /** The certificate this one renews, if any. */
  renews?: Certificate;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<CertificateForm>();
  const change = useChangeSupplier(supplier.id);
  const [error, setError] = useState<unknown>(null);
  const [reading, setReading] = useState(false);
  const busy = reading || change.isPending;
  const validFrom = Form.useWatch('validFrom', form);

  async function submit(values: CertificateForm) {
    setError(null);
    setReading(true);
    try {
      const file = values.file ? await certificateUpload(values.file) : undefined;
      setReading(false);
      const reason = values.reason?.trim();
      await change.mutateAsync({
        kind: 'add-certificate',
        body: {
          type: values.type,
          number: values.number.trim(),
          issuer: values.issuer.trim(),
          validFrom: values.validFrom.format(DATE),
          validUntil: values.validUntil.format(DATE),
          ...(renews ? { replacesCertificateId: renews.id } : {}),
          ...(file ? { file } : {}),
          ...(reason ? { reason } : {}),
        },
      });
      void message.success(t('partners.certificates.added'));
      onClose();
    } catch (caught) {
      if (!applyServerErrors(form, caught, t)) setError(caught);
    } finally {
      setReading(false);
    }
  }

  return (
    <Drawer
      open
      title={
        renews
          ? t('partners.certificates.renewTitle', {
              type: t(`partners.certificateType.${renews.type}`),
              number: renews.number,
            })
          : t('partners.certificates.addTitle')
      }
      size={600}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose} disabled={busy} data-testid="certificate-form-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            loading={busy}
            onClick={() => form.submit()}
            data-testid="certificate-form-submit"
          >
            {t('partners.certificates.submit')}
          </Button>
        </Flex>
      }
    >
      {renews && (
        <Alert
          type="info"
          showIcon
          className="form-note"
          title={t('partners.certificates.renewNote', {
            until: formatIsoDate(renews.validUntil, language),
          })}
        />
      )}
      <Form<CertificateForm>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={renews ? { type: renews.type, issuer: renews.issuer } : { type: 'iso13485' }}
        onFinish={(values) => void submit(values)}
        disabled={busy}
        className="dense-form"
        data-testid="certificate-form"
      >
        <div className="form-grid-2">
          <Form.Item
            name="type"
            label={t('partners.certificates.columns.type')}
            rules={[{ required: true }]}
          >
            <Select<CertificateType>
              disabled={Boolean(renews)}
              options={CERTIFICATE_TYPES.map((value) => ({
                value,
                label: t(`partners.certificateType.${value}`),
              }))}
              data-testid="certificate-type"
            />
          </Form.Item>
          <Form.Item
            name="number"
            label={t('partners.certificates.columns.number')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('partners.certificates.numberRequired'),
              },
              { max: 100 },
            ]}
          >
            <Input autoComplete="off" className="mono" data-testid="certificate-number" />
          </Form.Item>
        </div>
        <Form.Item
          name="issuer"
          label={t('partners.certificates.columns.issuer')}
          extra={t('partners.certificates.issuerHelp')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('partners.certificates.issuerRequired'),
            },
            { max: 200 },
          ]}
        >
          <Input autoComplete="off" data-testid="certificate-issuer" />
        </Form.Item>
        <div className="form-grid-2">
          <Form.Item
            name="validFrom"
            label={t('partners.certificates.columns.validFrom')}
            rules={[{ required: true, message: t('partners.certificates.dateRequired') }]}
          >
            <DatePicker style={{ width: '100%' }} data-testid="certificate-validFrom" />
          </Form.Item>
          <Form.Item
            name="validUntil"
            label={t('partners.certificates.columns.validUntil')}
            extra={t('partners.certificates.validUntilHelp')}
            dependencies={['validFrom']}
            rules={[
              { required: true, message: t('partners.certificates.dateRequired') },
              ({ getFieldValue }: Pick<FormInstance, 'getFieldValue'>) => ({
                validator: (_: unknown, value: Dayjs | undefined) => {
                  const from = getFieldValue('validFrom') as Dayjs | undefined;
                  return !value || !from || !value.isBefore(from, 'day')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('errors.CERTIFICATE_DATES_INVALID')));
                },
              }),
            ]}
          >
            <DatePicker
              style={{ width: '100%' }}
              presets={[1, 3, 5].map((years) => ({
                label: t('partners.certificates.yearsFromStart', { count: years }),
                value: (validFrom ?? dayjs()).add(years, 'year').subtract(1, 'day'),
              }))}
              data-testid="certificate-validUntil"
            />
          </Form.Item>
        </div>
        <Form.Item
          name="file"
          label={t('partners.certificates.columns.file')}
          extra={t('partners.certificates.file.help')}
          rules={[certificateFileRule(t, false)]}
        >
          <CertificateFileInput />
        </Form.Item>
        <Form.Item name="reason" label={t('common.reason')} rules={[{ max: 500 }]}>
          <Input.TextArea
            rows={2}
            maxLength={500}
            placeholder={t('partners.certificates.reasonPlaceholder')}
            data-testid="reason"
          />
        </Form.Item>
      </Form>
      {error !== null && <ProblemAlert error={error} />}
    </Drawer>
  );
}
