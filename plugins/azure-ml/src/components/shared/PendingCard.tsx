import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { ReactNode } from 'react';
import { AzureMlCard } from './AzureMlCard';

/** A card whose list is still loading, failed to load (the error), or is empty (`empty`). */
export function PendingCard(props: {
  title: string;
  loading: boolean;
  error?: Error;
  empty: ReactNode;
}) {
  const { title, loading, error, empty } = props;
  let body = empty;
  if (loading) body = <Progress />;
  else if (error) body = <ResponseErrorPanel error={error} />;
  return <AzureMlCard title={title}>{body}</AzureMlCard>;
}
