import { FileTextOutlined, InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MAX_DOCUMENT_FILE_BYTES,
  useCreateDocumentVersion,
  useDocumentVersionAction,
  type ControlledDocumentDetail,
  type DocumentVersion,
} from '../../api/documents.ts';
import { applyServerErrors } from '../../components/form-errors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatBytes, readFileForUpload, type ReadFile } from './document-file.ts';

interface RevisionForm {
  changeSummary: string;
}

/**
 * Starts the document's next revision as a draft with its file, or (given a
 * draft revision) replaces the draft's file. The file's SHA-256 is computed
 * here and shown, so it can be compared with what the server stores.
 */
export function RevisionDrawer({
  document,
  draft,
  onClose,
  onSaved,
}: {
  document: ControlledDocumentDetail;
  /** The draft whose file is replaced; none starts a new revision. */
  draft?: DocumentVersion;
  onClose: () => void;
  onSaved: (version: DocumentVersion) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RevisionForm>();
  const create = useCreateDocumentVersion(document.id);
  const replace = useDocumentVersionAction(draft?.id ?? '');
  const [file, setFile] = useState<ReadFile | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const busy = create.isPending || replace.isPending;

  async function choose(chosen: File) {
    setFileProblem(null);
    if (chosen.size === 0) {
      setFileProblem(t('documents.revision.fileEmpty'));
      return;
    }
    if (chosen.size > MAX_DOCUMENT_FILE_BYTES) {
      setFileProblem(t('documents.revision.fileTooLarge'));
      return;
    }
    setReading(true);
    try {
      setFile(await readFileForUpload(chosen));
    } catch {
      setFileProblem(t('documents.revision.fileUnreadable'));
    } finally {
      setReading(false);
    }
  }

  function upload(values: RevisionForm) {
    setError(null);
    if (!file) {
      setFileProblem(t('documents.revision.fileRequired'));
      return;
    }
    const body = {
      filename: file.filename,
      mediaType: file.mediaType,
      contentBase64: file.contentBase64,
    };
    const handlers = {
      onSuccess: (version: DocumentVersion) => {
        void message.success(
          draft
            ? t('documents.revision.fileReplaced', { label: version.label })
            : t('documents.revision.created', { label: version.label }),
        );
        onSaved(version);
      },
      onError: (caught: unknown) => {
        if (!applyServerErrors(form, caught, t)) setError(caught);
      },
    };
    if (draft) replace.mutate({ kind: 'file', file: body }, handlers);
    else create.mutate({ changeSummary: values.changeSummary.trim(), file: body }, handlers);
  }

  const nextLabel = draft?.label;
  return (
    <Drawer
      open
      title={
        draft
          ? t('documents.revision.replaceTitle', { number: document.number, label: nextLabel })
          : t('documents.revision.newTitle', { number: document.number })
      }
      size={600}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose} disabled={busy} data-testid="revision-form-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            loading={busy}
            disabled={reading}
            onClick={() => form.submit()}
            data-testid="revision-form-submit"
          >
            {draft ? t('documents.revision.replaceSubmit') : t('documents.revision.newSubmit')}
          </Button>
        </Flex>
      }
    >
      <Form<RevisionForm>
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={upload}
        disabled={busy}
        className="dense-form"
        data-testid="revision-form"
      >
        {!draft && (
          <Form.Item
            name="changeSummary"
            label={t('documents.fields.changeSummary')}
            extra={t('documents.revision.summaryHelp')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('documents.revision.summaryRequired'),
              },
              { max: 2000 },
            ]}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount data-testid="changeSummary" />
          </Form.Item>
        )}
        <Form.Item
          label={t('documents.fields.file')}
          required
          validateStatus={fileProblem ? 'error' : undefined}
          help={fileProblem ?? t('documents.revision.fileHelp')}
        >
          <Upload.Dragger
            accept="*/*"
            multiple={false}
            showUploadList={false}
            beforeUpload={(chosen) => {
              void choose(chosen);
              return false;
            }}
            disabled={busy || reading}
            className="revision-dropzone"
            data-testid="revision-file"
          >
            <p className="revision-dropzone-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p>{t('documents.revision.drop')}</p>
          </Upload.Dragger>
        </Form.Item>
        {file && (
          <Descriptions
            bordered
            size="small"
            column={1}
            className="revision-file-summary"
            styles={{ label: { width: 130 } }}
            data-testid="revision-file-summary"
            items={[
              {
                key: 'name',
                label: t('documents.fields.fileName'),
                children: (
                  <span data-testid="revision-file-name">
                    <FileTextOutlined aria-hidden /> {file.filename}
                  </span>
                ),
              },
              {
                key: 'size',
                label: t('documents.fields.fileSize'),
                children: `${formatBytes(file.sizeBytes)} · ${file.mediaType}`,
              },
              {
                key: 'sha256',
                label: t('documents.fields.sha256'),
                children: file.sha256 ? (
                  <Typography.Text className="mono checksum" data-testid="revision-file-sha256">
                    {file.sha256}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary">
                    {t('documents.revision.noLocalChecksum')}
                  </Typography.Text>
                ),
              },
            ]}
          />
        )}
        {draft && (
          <Alert type="info" title={t('documents.revision.replaceNote')} className="form-note" />
        )}
      </Form>
      {error !== null && <ProblemAlert error={error} style={{ marginTop: 12 }} />}
    </Drawer>
  );
}
