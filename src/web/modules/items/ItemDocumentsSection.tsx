import { DisconnectOutlined, FileProtectOutlined, LinkOutlined } from '@ant-design/icons';
import { Button, Card, Form, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  useChangeItemDocuments,
  useItemDocuments,
  type Item,
  type ItemDocumentLink,
} from '../../api/items.ts';
import { useCan } from '../../auth/session.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { formatDateTimeShort } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { RevisionStatusTag } from '../documents/document-tags.tsx';
import { DocumentVersionPicker, documentRefLabel } from '../engineering/pickers.tsx';

/** The controlled document revisions that define an item (drawing, specification, artwork). */
export function ItemDocumentsSection({ item, mayManage }: { item: Item; mayManage: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const mayReadDocuments = useCan('document.read');
  const links = useItemDocuments(item.id);
  const change = useChangeItemDocuments(item.id);
  const [linking, setLinking] = useState(false);
  const [ending, setEnding] = useState<ItemDocumentLink | null>(null);

  const columns: TableProps<ItemDocumentLink>['columns'] = [
    {
      key: 'document',
      title: t('items.documents.document'),
      render: (_, link) => {
        const label = documentRefLabel(link.documentVersion, language);
        return mayReadDocuments ? (
          <Link to={`/documents/${link.documentVersion.documentId}`}>{label}</Link>
        ) : (
          label
        );
      },
    },
    {
      key: 'status',
      title: t('items.documents.revision'),
      width: 260,
      render: (_, link) => (
        <>
          <RevisionStatusTag status={link.documentVersion.status} testId="item-document-status" />
          {link.newerEffective && (
            <Tag color="warning" data-testid="item-document-newer">
              {t('items.documents.newer', { label: link.newerEffective.label })}
            </Tag>
          )}
        </>
      ),
    },
    {
      key: 'linked',
      title: t('items.documents.linked'),
      width: 220,
      render: (_, link) => (
        <span>
          <time dateTime={link.linkedAt}>{formatDateTimeShort(link.linkedAt, language)}</time>
          <Typography.Text type="secondary"> · {link.linkedBy}</Typography.Text>
        </span>
      ),
    },
  ];
  if (mayManage) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 140,
      render: (_, link) => (
        <Button
          size="small"
          icon={<DisconnectOutlined />}
          onClick={() => setEnding(link)}
          data-testid="item-document-end"
        >
          {t('items.documents.end')}
        </Button>
      ),
    });
  }

  return (
    <Card
      size="small"
      className="section-card"
      title={
        <span>
          <FileProtectOutlined aria-hidden /> {t('items.documents.title')}
        </span>
      }
      extra={
        mayManage &&
        mayReadDocuments && (
          <Button
            size="small"
            icon={<LinkOutlined />}
            onClick={() => setLinking(true)}
            data-testid="item-document-link"
          >
            {t('items.documents.link')}
          </Button>
        )
      }
      data-testid="item-documents"
    >
      {links.isError && <ProblemAlert error={links.error} onRetry={() => void links.refetch()} />}
      <Table<ItemDocumentLink>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={links.data ?? []}
        loading={links.isFetching}
        pagination={false}
        locale={{ emptyText: links.isPending ? t('common.loading') : t('items.documents.empty') }}
      />
      {linking && (
        <ReasonModal<{ documentVersionIds: string[] }>
          open
          title={t('items.documents.linkTitle', { code: item.code })}
          okText={t('items.documents.link')}
          testId="item-document-link-modal"
          width={640}
          onSubmit={({ documentVersionIds, reason }) =>
            change.mutateAsync({ link: documentVersionIds, reason })
          }
          onClose={() => setLinking(false)}
        >
          <Form.Item
            name="documentVersionIds"
            label={t('items.documents.pick')}
            rules={[{ required: true, message: t('items.documents.pickRequired') }]}
          >
            <DocumentVersionPicker testId="item-document-picker" />
          </Form.Item>
        </ReasonModal>
      )}
      {ending && (
        <ReasonModal
          open
          danger
          title={t('items.documents.endTitle', {
            document: documentRefLabel(ending.documentVersion, language),
          })}
          okText={t('items.documents.end')}
          testId="item-document-end-modal"
          onSubmit={({ reason }) => change.mutateAsync({ end: ending.id, reason })}
          onClose={() => setEnding(null)}
        />
      )}
    </Card>
  );
}
