import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import ChevronLeft from '@material-ui/icons/ChevronLeft';
import ChevronRight from '@material-ui/icons/ChevronRight';

export const PAGE_SIZES = [5, 10, 20, 50];

/**
 * Previous/next paging over a cursor-paged list. The server gives no total count, so this
 * shows the page number only.
 */
export function CursorPager(props: {
  pageIndex: number;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  pageSize: number;
  onPageSizeChange: (pageSize: number) => void;
}) {
  const { pageIndex, hasNext, onPrevious, onNext, pageSize } = props;
  return (
    <Box
      display="flex"
      alignItems="center"
      justifyContent="flex-end"
      px={2}
      py={1}
    >
      <TextField
        select
        size="small"
        label="Rows per page"
        value={pageSize}
        onChange={e => props.onPageSizeChange(Number(e.target.value))}
        style={{ minWidth: 120, marginRight: 16 }}
      >
        {PAGE_SIZES.map(size => (
          <MenuItem key={size} value={size}>
            {size}
          </MenuItem>
        ))}
      </TextField>
      <Typography variant="body2" aria-live="polite">
        Page {pageIndex + 1}
      </Typography>
      <IconButton
        aria-label="Previous page"
        disabled={pageIndex === 0}
        onClick={onPrevious}
      >
        <ChevronLeft />
      </IconButton>
      <IconButton aria-label="Next page" disabled={!hasNext} onClick={onNext}>
        <ChevronRight />
      </IconButton>
    </Box>
  );
}
