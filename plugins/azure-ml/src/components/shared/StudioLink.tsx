import { Link } from '@backstage/core-components';
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
