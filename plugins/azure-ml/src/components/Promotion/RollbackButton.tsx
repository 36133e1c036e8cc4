import { useApi } from '@backstage/core-plugin-api';
import {
  azureMlPromotionRollbackPermission,
  Promotion,
  PromotionSettings,
} from '@internal/plugin-azure-ml-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import UndoIcon from '@material-ui/icons/Undo';
import { useState } from 'react';
import { azureMlApiRef } from '../../api';
import { CommentField } from './CommentField';
import { useEntityPermission } from '../../hooks/usePromotionPermission';
import { errorMessage } from '../../lib/errors';
import { PromotionProgress } from './PromoteDialog';

/**
 * "Roll back" the target environment's champion of one model to the champion before the last
 * promotion, after a confirmation. Permission-gated (`azure-ml.promotion.rollback`).
 */
export function RollbackButton(props: {
  entityRef: string;
  model: string;
  settings: PromotionSettings;
  onStarted: () => void;
}) {
  const { entityRef, model, settings, onStarted } = props;
  const api = useApi(azureMlApiRef);
  const permission = useEntityPermission(
    azureMlPromotionRollbackPermission,
    entityRef,
    'roll back the champions of',
  );
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [result, setResult] = useState<{
    promotion: Promotion;
    created: boolean;
  }>();
  const label = `Roll back the ${settings.targetEnvironment} ${settings.aliasTag} of ${model}`;

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(
        await api.rollback({
          entityRef,
          model,
          ...(comment.trim() && { comment: comment.trim() }),
        }),
      );
      onStarted();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    setOpen(false);
    setResult(undefined);
    setError(undefined);
    setComment('');
  };

  return (
    <>
      <Tooltip title={permission.reason ?? label}>
        <span>
          <Button
            size="small"
            startIcon={<UndoIcon />}
            disabled={!permission.allowed}
            onClick={() => setOpen(true)}
            aria-label={label}
          >
            Roll back {model}
          </Button>
        </span>
      </Tooltip>
      <Dialog
        open={open}
        onClose={() => !busy && close()}
        maxWidth="sm"
        fullWidth
        aria-labelledby="rollback-title"
      >
        <DialogTitle id="rollback-title">{label}?</DialogTitle>
        <DialogContent>
          <Typography variant="body2" gutterBottom>
            Moves the <code>{settings.aliasTag}</code> tag of {model} in
            registry <b>{settings.targetRegistry}</b> back to the version it
            named before the last promotion. No version is deleted; deployments
            that read the champion pick up the earlier version on their next
            deploy. Carried out at once, without approval, and audited.
          </Typography>
          {!result && (
            <CommentField
              id="rollback-comment"
              label="Why (optional)"
              value={comment}
              onChange={setComment}
            />
          )}
          {error && (
            <Box mt={2}>
              <Alert severity="error">{errorMessage(error)}</Alert>
            </Box>
          )}
          {result && (
            <PromotionProgress
              promotion={result.promotion}
              created={result.created}
              requireApproval={false}
            />
          )}
        </DialogContent>
        <DialogActions>
          <Button disabled={busy} onClick={close}>
            {result ? 'Close' : 'Cancel'}
          </Button>
          {!result && (
            <Button
              color="secondary"
              variant="contained"
              disabled={busy}
              onClick={confirm}
            >
              Roll back
            </Button>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
}
