import { FileTextOutlined } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DocumentVersionRef } from '../../api/documents.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { VERSION_STATUS_COLORS } from './engineering-tags.tsx';
import { documentRefLabel } from './pickers.tsx';

/** Links to controlled document revisions, each with its status now. */
export function DocumentLinks({
  title,
  documents,
}: {
  title?: string;
  documents: readonly DocumentVersionRef[];
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="document-links" data-testid="document-links">
      {title && (
        <Typography.Text strong className="form-section-title">
          {title}
        </Typography.Text>
      )}
      {documents.length === 0 ? (
        <Typography.Text type="secondary">{t('engineering.noDocuments')}</Typography.Text>
      ) : (
        <Flex vertical gap={4}>
          {documents.map((doc) => (
            <Flex key={doc.id} gap={8} align="center" wrap>
              <FileTextOutlined aria-hidden />
              <Link
                to={`/documents/${doc.documentId}?rev=${doc.id}`}
                data-testid="document-link"
                data-number={doc.number}
              >
                {documentRefLabel(doc, language)}
              </Link>
              {doc.status !== 'effective' && (
                <Tag color={VERSION_STATUS_COLORS[doc.status]}>
                  {t(`engineering.status.${doc.status}`)}
                </Tag>
              )}
            </Flex>
          ))}
        </Flex>
      )}
    </div>
  );
}
