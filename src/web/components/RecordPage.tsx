import type { UseQueryResult } from '@tanstack/react-query';
import { Card, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { Page, type PageProps } from './Page.tsx';
import { ProblemAlert } from './ProblemAlert.tsx';

export interface RecordPageProps<T> {
  /** The record's query: a skeleton while it loads, the problem (with retry) if it fails. */
  query: UseQueryResult<T>;
  /** The page title until the record is there. */
  title: string;
  back?: PageProps['back'];
  /** The page for the loaded record. */
  children: (record: T) => ReactNode;
}

/** The loading and failure states every record's detail page shares. */
export function RecordPage<T>({ query, title, back, children }: RecordPageProps<T>) {
  if (query.isPending) {
    return (
      <Page title={title} back={back}>
        <Card size="small">
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      </Page>
    );
  }
  if (query.isError) {
    return (
      <Page title={title} back={back}>
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    );
  }
  return <>{children(query.data)}</>;
}
