import {
  azureMlModelPromotePermission,
  ModelVersion,
  PromotionSettings,
} from '@internal/plugin-azure-ml-common';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import { useEntityPermission } from '../../hooks/usePromotionPermission';

/**
 * "Promote" on a version of the source environment. Disabled, with the reason in its tooltip,
 * when the signed-in user may not promote the entity's models. The dialog lives with the
 * table, not in the row: a row re-rendered while the table reads again keeps it open.
 */
export function PromoteButton(props: {
  entityRef: string;
  version: ModelVersion;
  settings: PromotionSettings;
  onPromote: (version: ModelVersion) => void;
}) {
  const { entityRef, version, settings, onPromote } = props;
  const permission = useEntityPermission(
    azureMlModelPromotePermission,
    entityRef,
    'promote the models of',
  );
  const label = `Promote ${version.name} v${version.version} to ${settings.targetEnvironment}`;
  return (
    <>
      <Tooltip title={permission.reason ?? label}>
        {/* A disabled button fires no events: the span keeps the tooltip working. */}
        <span>
          <Button
            size="small"
            variant="outlined"
            color="primary"
            disabled={!permission.allowed}
            onClick={() => onPromote(version)}
            aria-label={label}
          >
            Promote
          </Button>
        </span>
      </Tooltip>
    </>
  );
}
