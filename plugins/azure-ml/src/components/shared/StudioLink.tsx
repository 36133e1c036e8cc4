import { Link, TableColumn } from '@backstage/core-components';
import Tooltip from '@material-ui/core/Tooltip';
import LaunchIcon from '@material-ui/icons/Launch';

/** An icon link that opens `href` in Azure ML studio (in a new window). */
export function StudioLink(props: { href?: string; title: string }) {
  if (!props.href) {
    return null;
  }
  return (
    <Tooltip title={props.title}>
      <Link to={props.href} aria-label={props.title}>
        <LaunchIcon fontSize="small" />
      </Link>
    </Tooltip>
  );
}

/**
 * A table's "Studio" column: each row's `studioUrl` as a {@link StudioLink} titled
 * `Open <what row> in Azure ML studio`.
 */
export function studioColumn<T extends { studioUrl?: string }>(
  what: (row: T) => string,
): TableColumn<T> {
  return {
    title: 'Studio',
    sorting: false,
    render: row => (
      <StudioLink
        href={row.studioUrl}
        title={`Open ${what(row)} in Azure ML studio`}
      />
    ),
  };
}
