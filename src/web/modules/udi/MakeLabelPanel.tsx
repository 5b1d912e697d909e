import { DownloadOutlined, EyeOutlined, ThunderboltOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Spin,
  Tag,
  Typography,
} from 'antd';
import type { DescriptionsProps, FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/client.ts';
import {
  useBuildUdi,
  useDeviceLabel,
  type DeviceLabelRequest,
  type UdiBuildRequest,
  type UdiBuildResponse,
} from '../../api/udi.ts';
import { problemMessage } from '../../components/form-errors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useObjectUrl } from '../../components/use-object-url.ts';

interface LabelFormValues {
  gtin: string;
  lot?: string;
  serial?: string;
  expiry?: string;
  productionDate?: string;
  productNameZh?: string;
  productNameEn?: string;
  model?: string;
  manufacturerName: string;
  manufacturerAddress?: string;
  size: LabelSizeKey;
}

type FieldName = keyof LabelFormValues;

// Device label sizes the server prints (70-150 × 35-100 mm); 100 × 50 mm is its default.
const LABEL_SIZES = {
  '70x35': { widthMm: 70, heightMm: 35 },
  '100x50': { widthMm: 100, heightMm: 50 },
  '100x70': { widthMm: 100, heightMm: 70 },
  '150x100': { widthMm: 150, heightMm: 100 },
} as const;
type LabelSizeKey = keyof typeof LABEL_SIZES;

const UDI_FIELDS = ['gtin', 'lot', 'serial', 'expiry', 'productionDate'] as const;

/** The form field each GS1 Application Identifier comes from. */
const FIELD_OF_AI: Record<string, FieldName> = {
  '01': 'gtin',
  '10': 'lot',
  '21': 'serial',
  '17': 'expiry',
  '11': 'productionDate',
};

/**
 * The form field of a request body path (body.gtin, body.manufacturer.name …).
 * The product name is left out: it comes from either name field.
 */
const FIELD_OF_PATH: Record<string, FieldName> = {
  'body.gtin': 'gtin',
  'body.lot': 'lot',
  'body.serial': 'serial',
  'body.expiry': 'expiry',
  'body.productionDate': 'productionDate',
  'body.model': 'model',
  'body.manufacturer.name': 'manufacturerName',
  'body.manufacturer.address': 'manufacturerAddress',
  'body.widthMm': 'size',
  'body.heightMm': 'size',
};

const DATE_PATTERN = /^\d{4}-\d{2}(-\d{2})?$/;
const GTIN_PATTERN = /^(\d{8}|\d{12,14})$/;

function optional(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function udiRequest(values: Pick<LabelFormValues, (typeof UDI_FIELDS)[number]>): UdiBuildRequest {
  return {
    gtin: values.gtin.trim(),
    lot: optional(values.lot),
    serial: optional(values.serial),
    expiry: optional(values.expiry),
    productionDate: optional(values.productionDate),
  };
}

/** The label's name line is the Chinese name when there is one; the English name goes under it. */
function labelRequest(values: LabelFormValues, data: string): DeviceLabelRequest {
  const nameZh = optional(values.productNameZh);
  const nameEn = optional(values.productNameEn);
  return {
    data,
    productName: nameZh ?? nameEn ?? '',
    description: nameZh ? nameEn : undefined,
    model: optional(values.model),
    manufacturer: {
      name: values.manufacturerName.trim(),
      address: optional(values.manufacturerAddress),
    },
    ...LABEL_SIZES[values.size],
  };
}

/**
 * Puts what the server said onto the form: a UDI error on the field its AI
 * came from, schema errors on their fields. True when nothing is left to show
 * in an alert.
 */
function applyLabelErrors(form: FormInstance<LabelFormValues>, error: unknown, t: TFunction) {
  const problem = toApiError(error);
  const ai = problem.params?.ai;
  const byAi = typeof ai === 'string' ? FIELD_OF_AI[ai] : undefined;
  if (byAi) {
    form.setFields([{ name: byAi, errors: [problemMessage(problem, t)] }]);
    return true;
  }
  if (problem.errors.length === 0) return false;
  const byField = new Map<FieldName, string[]>();
  for (const fieldError of problem.errors) {
    const field = FIELD_OF_PATH[fieldError.path];
    if (!field) return false;
    byField.set(field, [...(byField.get(field) ?? []), fieldError.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return true;
}

function labelFileName(values: UdiBuildRequest): string {
  const parts = [values.gtin, values.lot, values.serial].filter(Boolean).join('-');
  return `udi-label-${parts.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`;
}

/** Build a GS1 UDI from its parts and preview the device label that carries it. */
export function MakeLabelPanel() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LabelFormValues>();
  const build = useBuildUdi();
  const label = useDeviceLabel();
  const [built, setBuilt] = useState<UdiBuildResponse>();
  const [pdf, setPdf] = useState<{ blob: Blob; fileName: string }>();
  const [error, setError] = useState<unknown>(null);
  // What is shown no longer matches the form once a field changes.
  const [udiOutdated, setUdiOutdated] = useState(false);
  const [labelOutdated, setLabelOutdated] = useState(false);
  const pdfUrl = useObjectUrl(pdf?.blob);
  const busy = build.isPending || label.isPending;

  function fail(caught: unknown) {
    if (!applyLabelErrors(form, caught, t)) setError(caught);
  }

  async function buildUdi(): Promise<UdiBuildResponse | undefined> {
    const values = await form.validateFields([...UDI_FIELDS]).catch(() => undefined);
    if (!values) return undefined;
    const request = udiRequest(values);
    try {
      const answer = await build.mutateAsync(request);
      setBuilt(answer);
      setUdiOutdated(false);
      return answer;
    } catch (caught) {
      fail(caught);
      return undefined;
    }
  }

  async function previewLabel() {
    setError(null);
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    const answer = await buildUdi();
    if (!answer) return;
    try {
      const blob = await label.mutateAsync(labelRequest(values, answer.bracketed));
      setPdf({ blob, fileName: labelFileName(udiRequest(values)) });
      setLabelOutdated(false);
    } catch (caught) {
      fail(caught);
    }
  }

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('udi.label.formTitle')}>
          <Form<LabelFormValues>
            form={form}
            layout="vertical"
            requiredMark="optional"
            className="dense-form"
            initialValues={{ size: '100x50' }}
            disabled={busy}
            onValuesChange={() => {
              setUdiOutdated(true);
              setLabelOutdated(true);
            }}
            onFinish={() => void previewLabel()}
            data-testid="label-form"
          >
            <Typography.Text strong className="udi-section-title">
              {t('udi.label.udiSection')}
            </Typography.Text>
            <div className="udi-form-row">
              <Form.Item
                name="gtin"
                label={t('udi.label.fields.gtin')}
                tooltip={t('udi.label.help.gtin')}
                rules={[
                  { required: true, whitespace: true, message: t('udi.label.rules.gtinRequired') },
                  { pattern: GTIN_PATTERN, message: t('udi.label.rules.gtinPattern') },
                ]}
              >
                <Input
                  className="mono"
                  autoComplete="off"
                  inputMode="numeric"
                  placeholder="09506000134352"
                  data-testid="label-gtin"
                />
              </Form.Item>
              <Form.Item
                name="lot"
                label={t('udi.fields.lot')}
                rules={[{ max: 20, message: t('udi.label.rules.max20') }]}
              >
                <Input className="mono" autoComplete="off" data-testid="label-lot" />
              </Form.Item>
              <Form.Item
                name="serial"
                label={t('udi.fields.serial')}
                rules={[{ max: 20, message: t('udi.label.rules.max20') }]}
              >
                <Input className="mono" autoComplete="off" data-testid="label-serial" />
              </Form.Item>
              <Form.Item
                name="expiry"
                label={t('udi.fields.expiry')}
                rules={[{ pattern: DATE_PATTERN, message: t('udi.label.rules.date') }]}
              >
                <Input
                  className="mono"
                  autoComplete="off"
                  placeholder={t('udi.label.datePlaceholder')}
                  data-testid="label-expiry"
                />
              </Form.Item>
              <Form.Item
                name="productionDate"
                label={t('udi.fields.productionDate')}
                rules={[{ pattern: DATE_PATTERN, message: t('udi.label.rules.date') }]}
              >
                <Input
                  className="mono"
                  autoComplete="off"
                  placeholder={t('udi.label.datePlaceholder')}
                  data-testid="label-production-date"
                />
              </Form.Item>
              <div className="form-hint-note udi-form-cell-note">{t('udi.label.help.dates')}</div>
            </div>

            <Typography.Text strong className="udi-section-title udi-section-next">
              {t('udi.label.labelSection')}
            </Typography.Text>
            <div className="udi-form-row udi-form-row-2">
              <Form.Item
                name="productNameZh"
                label={t('udi.label.fields.productNameZh')}
                extra={t('udi.label.help.names')}
                rules={[
                  { max: 200 },
                  ({ getFieldValue }) => ({
                    validator: (_: unknown, value: string | undefined) =>
                      optional(value) || optional(getFieldValue('productNameEn') as string)
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('udi.label.rules.nameRequired'))),
                  }),
                ]}
                dependencies={['productNameEn']}
              >
                <Input autoComplete="off" data-testid="label-name-zh" />
              </Form.Item>
              <Form.Item
                name="productNameEn"
                label={t('udi.label.fields.productNameEn')}
                rules={[{ max: 200 }]}
              >
                <Input autoComplete="off" data-testid="label-name-en" />
              </Form.Item>
            </div>
            <div className="udi-form-row udi-form-row-2">
              <Form.Item name="model" label={t('udi.label.fields.model')} rules={[{ max: 60 }]}>
                <Input className="mono" autoComplete="off" data-testid="label-model" />
              </Form.Item>
              <Form.Item
                name="size"
                label={t('udi.label.fields.size')}
                rules={[{ required: true }]}
              >
                <Select<LabelSizeKey>
                  options={Object.entries(LABEL_SIZES).map(([value, size]) => ({
                    value,
                    label: t('udi.label.sizeOption', {
                      width: size.widthMm,
                      height: size.heightMm,
                    }),
                  }))}
                  data-testid="label-size"
                />
              </Form.Item>
            </div>
            <Form.Item
              name="manufacturerName"
              label={t('udi.label.fields.manufacturerName')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('udi.label.rules.manufacturerRequired'),
                },
                { max: 120 },
              ]}
            >
              <Input autoComplete="off" data-testid="label-manufacturer-name" />
            </Form.Item>
            <Form.Item
              name="manufacturerAddress"
              label={t('udi.label.fields.manufacturerAddress')}
              rules={[{ max: 400 }]}
            >
              <Input.TextArea
                autoSize={{ minRows: 2, maxRows: 4 }}
                autoComplete="off"
                data-testid="label-manufacturer-address"
              />
            </Form.Item>
            <Flex gap={8} justify="end">
              <Button
                icon={<ThunderboltOutlined />}
                loading={build.isPending && !label.isPending}
                onClick={() => {
                  setError(null);
                  void buildUdi();
                }}
                data-testid="label-build"
              >
                {t('udi.label.build')}
              </Button>
              <Button
                type="primary"
                htmlType="submit"
                icon={<EyeOutlined />}
                loading={label.isPending}
                data-testid="label-submit"
              >
                {t('udi.label.preview')}
              </Button>
            </Flex>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Flex vertical gap={16}>
          {error !== null && (
            <ProblemAlert error={error} extra={<LabelProblemDetail error={error} />} />
          )}
          <Card
            size="small"
            title={t('udi.label.previewTitle')}
            extra={
              <Flex gap={8} align="center">
                {pdf && labelOutdated && <Tag color="warning">{t('udi.label.outdated')}</Tag>}
                {pdfUrl && pdf && (
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    href={pdfUrl}
                    download={pdf.fileName}
                    data-testid="label-download"
                  >
                    {t('udi.label.download')}
                  </Button>
                )}
              </Flex>
            }
          >
            <Spin spinning={label.isPending} description={t('udi.label.rendering')}>
              {pdfUrl ? (
                <iframe
                  // Chromium's viewer: the page fitted to the width, without the thumbnail pane.
                  src={`${pdfUrl}#navpanes=0&view=FitH`}
                  title={t('udi.label.previewTitle')}
                  className="udi-label-frame"
                  data-testid="label-preview"
                />
              ) : (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={t('udi.label.previewEmpty')}
                  data-testid="label-preview-empty"
                />
              )}
            </Spin>
          </Card>
          <BuiltUdiCard built={built} outdated={udiOutdated} />
        </Flex>
      </Col>
    </Row>
  );
}

/** For a label that does not fit, the server names what (in English). */
function LabelProblemDetail({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const problem = toApiError(error);
  if (problem.code !== 'UDI_LABEL_OVERFLOW' || !problem.detail) return null;
  return (
    <Typography.Text type="secondary">
      {t('udi.error.detail')} <span className="mono">{problem.detail}</span>
    </Typography.Text>
  );
}

function BuiltUdiCard({
  built,
  outdated,
}: {
  built: UdiBuildResponse | undefined;
  outdated: boolean;
}) {
  const { t } = useTranslation();
  const items: DescriptionsProps['items'] = built && [
    {
      key: 'bracketed',
      label: t('udi.fields.bracketed'),
      children: (
        <Typography.Text
          className="mono udi-break"
          copyable={{ text: built.bracketed }}
          data-testid="label-bracketed"
        >
          {built.bracketed}
        </Typography.Text>
      ),
    },
    {
      key: 'elementString',
      label: t('udi.label.elementString'),
      children: (
        <Typography.Text
          className="mono udi-break"
          copyable={{ text: built.elementStringCaret }}
          data-testid="label-element-string"
        >
          {built.elementStringCaret}
        </Typography.Text>
      ),
    },
    {
      key: 'hri',
      label: t('udi.label.hri'),
      children: (
        <div className="mono udi-hri" data-testid="label-hri">
          {built.hri.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </div>
      ),
    },
    {
      key: 'digitalLink',
      label: t('udi.fields.digitalLink'),
      children: built.digitalLink ? (
        <Typography.Text
          className="mono udi-break"
          copyable={{ text: built.digitalLink }}
          data-testid="label-digital-link"
        >
          {built.digitalLink}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('udi.read.noDigitalLink')}</Typography.Text>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title={t('udi.label.udiTitle')}
      extra={built && outdated && <Tag color="warning">{t('udi.label.outdated')}</Tag>}
    >
      {items ? (
        <Descriptions
          bordered
          size="small"
          column={1}
          items={items}
          styles={{ label: { width: 170 } }}
        />
      ) : (
        <Typography.Text type="secondary">{t('udi.label.udiEmpty')}</Typography.Text>
      )}
    </Card>
  );
}
