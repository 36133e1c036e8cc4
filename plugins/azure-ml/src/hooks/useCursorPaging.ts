import { useCallback, useState } from 'react';

/**
 * Client state of cursor-based server paging. The backend only knows "the page after this
 * cursor", so going back means remembering the cursors of the pages already seen; a new page
 * size or filter starts again from the first page.
 */
export function useCursorPaging(initialPageSize: number) {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [pageSize, setPageSizeState] = useState(initialPageSize);
  const pageIndex = cursors.length - 1;
  const next = useCallback(
    (nextCursor: string) => setCursors(seen => [...seen, nextCursor]),
    [],
  );
  const previous = useCallback(
    () => setCursors(seen => (seen.length > 1 ? seen.slice(0, -1) : seen)),
    [],
  );
  const reset = useCallback(() => setCursors([undefined]), []);
  const setPageSize = useCallback(
    (size: number) => {
      setPageSizeState(size);
      reset();
    },
    [reset],
  );
  return {
    cursor: cursors[pageIndex],
    pageIndex,
    pageSize,
    next,
    previous,
    reset,
    setPageSize,
  };
}
