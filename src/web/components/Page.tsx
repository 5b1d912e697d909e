import { Flex, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface PageProps {
  title: string;
  /** Actions at the right of the title. */
  extra?: ReactNode;
  /** `narrow` for reading pages (details, settings); `full` for tables and graphs. */
  width?: 'narrow' | 'full';
  children?: ReactNode;
}

/** A screen of the app: its title (also the browser tab's) and content. */
export function Page({ title, extra, width = 'full', children }: PageProps) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} · ${t('app.name')}`);
  return (
    <div className={width === 'narrow' ? 'page page-narrow' : 'page'}>
      <Flex className="page-header" align="center" justify="space-between" gap={16}>
        <Typography.Title level={4} data-testid="page-title" className="page-title">
          {title}
        </Typography.Title>
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
