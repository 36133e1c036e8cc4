import {
  azureMlModelPromotePermission,
  ModelVersion,
  PromotionSettings,
} from '@internal/plugin-azure-ml-common';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import { useState } from 'react';
import { useEntityPermission } from '../../hooks/usePromotionPermission';
import { PromoteDialog } from './PromoteDialog';

/**
 * "Promote" on a version of the source environment. Disabled, with the reason in its tooltip,
 * when the signed-in user may not promote the entity's models.
 */
export function PromoteButton(props: {
  entityRef: string;
  version: ModelVersion;
  settings: PromotionSettings;
}) {
  const { entityRef, version, settings } = props;
  const [open, setOpen] = useState(false);
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
            onClick={() => setOpen(true)}
            aria-label={label}
          >
            Promote
          </Button>
        </span>
      </Tooltip>
      {open && (
        <PromoteDialog
          open={open}
          onClose={() => setOpen(false)}
          entityRef={entityRef}
          model={version.name}
          version={version.version}
          settings={settings}
        />
      )}
    </>
  );
}
