import { Link } from '@backstage/core-components';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import LaunchIcon from '@material-ui/icons/Launch';

/** An icon link that opens `href` in Azure ML studio. */
export function StudioLink(props: { href?: string; title: string }) {
  if (!props.href) {
    return null;
  }
  return (
    <Tooltip title={props.title}>
      <IconButton
        size="small"
        component={Link}
        to={props.href}
        aria-label={props.title}
      >
        <LaunchIcon fontSize="small" />
      </IconButton>
    </Tooltip>
  );
}
