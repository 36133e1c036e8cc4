import {
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import { ReactNode } from 'react';
import { useCursorPaging } from '../../hooks';
import { AzureMlCard } from './AzureMlCard';
import { CursorPager } from './CursorPager';

/**
 * A card holding one server page of a list: a filter in the header, progress (a bar above
 * the rows already shown while a reload runs), error and empty states, the table, and previous/next paging. Columns sort within the page only: the
 * backend lists newest first and offers no other order.
 */
export function PagedTableCard<T extends object>(props: {
  title: string;
  filter: ReactNode;
  loading: boolean;
  error?: Error;
  rows: T[];
  columns: TableColumn<T>[];
  /** A table of the card's own instead of the default one built from `columns`. */
  table?: ReactNode;
  empty: ReactNode;
  paging: ReturnType<typeof useCursorPaging>;
  nextCursor?: string;
}) {
  const { title, filter, loading, error, rows, columns, paging, nextCursor } =
    props;
  let body;
  // A reload (a filter, a page, a finished promotion) keeps the rows on screen under a thin
  // progress bar, so the card does not collapse to a spinner and jump back.
  const reloading = loading && rows.length > 0 && !error;
  if (loading && !reloading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (rows.length === 0) {
    body = props.empty;
  } else if (props.table) {
    body = props.table;
  } else {
    body = (
      <Table<T>
        data={rows}
        columns={columns}
        options={{
          toolbar: false,
          paging: false,
          search: false,
          padding: 'dense',
          draggable: false,
        }}
      />
    );
  }
  return (
    <AzureMlCard
      title={title}
      action={
        <Box mt={1} mr={1}>
          {filter}
        </Box>
      }
      noPadding
    >
      {reloading && <LinearProgress aria-label="Loading" />}
      {body}
      {!error && (rows.length > 0 || paging.pageIndex > 0) && (
        <CursorPager
          pageIndex={paging.pageIndex}
          hasNext={!loading && Boolean(nextCursor)}
          onPrevious={paging.previous}
          onNext={() => nextCursor && paging.next(nextCursor)}
          pageSize={paging.pageSize}
          onPageSizeChange={paging.setPageSize}
        />
      )}
    </AzureMlCard>
  );
}
