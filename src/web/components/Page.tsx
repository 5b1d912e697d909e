import { ArrowLeftOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface PageProps {
  title: string;
  /** Actions at the right of the title. */
  extra?: ReactNode;
  /** `narrow` for reading pages (details, settings); `full` for tables and graphs. */
  width?: 'narrow' | 'full';
  /** A link back to the list a detail screen belongs to. */
  back?: { to: string; label: string };
  /** Beside the title: tags for the record's state. */
  tags?: ReactNode;
  children?: ReactNode;
}

/** A screen of the app: its title (also the browser tab's) and content. */
export function Page({ title, extra, width = 'full', back, tags, children }: PageProps) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} · ${t('app.name')}`);
  return (
    <div className={width === 'narrow' ? 'page page-narrow' : 'page'}>
      {back && (
        <Link to={back.to} className="page-back" data-testid="page-back">
          <ArrowLeftOutlined aria-hidden /> {back.label}
        </Link>
      )}
      <Flex className="page-header" align="center" justify="space-between" gap={16} wrap>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={4} data-testid="page-title" className="page-title">
            {title}
          </Typography.Title>
          {tags}
        </Flex>
        {extra}
      </Flex>
      {children}
    </div>
  );
}

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
