import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Promotion, PromotionSettings } from '@internal/plugin-azure-ml-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useEffect, useRef, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { azureMlApiRef } from '../../api';
import { CommentField } from './CommentField';
import { PersonName } from './PersonName';
import { errorMessage } from '../../lib/errors';
import { usePromotion } from '../../hooks/usePromotion';
import { MetricComparison, PolicyRules } from './PolicyResult';
import { usePromotionEvents } from './PromotionEvents';
import { nextStep, PromotionStateLabel } from './PromotionStateChip';

/** Follows a submitted request until it ends and says what comes next. */
export function PromotionProgress(props: {
  promotion: Promotion;
  created: boolean;
  requireApproval: boolean;
}) {
  const { promotion, error, ended } = usePromotion(props.promotion);
  const { changed } = usePromotionEvents();
  // Seen to end here: the registries changed, the other cards read again.
  const endedBefore = useRef(ended);
  useEffect(() => {
    if (ended && !endedBefore.current) changed();
    endedBefore.current = ended;
  }, [ended, changed]);
  if (!promotion) return null;
  return (
    <Box role="status" aria-live="polite">
      {!props.created && (
        <Alert severity="info">
          {promotion.kind === 'rollback'
            ? 'A rollback of this champion'
            : 'A request for this version'}{' '}
          was already active (requested by{' '}
          <PersonName who={promotion.requestedBy} />
          ); this is its progress.
        </Alert>
      )}
      <Box display="flex" alignItems="center" my={1} style={{ gap: 8 }}>
        <Typography variant="subtitle2">State:</Typography>
        <PromotionStateLabel state={promotion.state} kind={promotion.kind} />
      </Box>
      <Typography variant="body2">
        {nextStep(promotion, props.requireApproval)}
      </Typography>
      {promotion.state === 'succeeded' && promotion.targetStudioUrl && (
        <Box mt={1}>
          <Link to={promotion.targetStudioUrl}>
            Open {promotion.model} v{promotion.targetVersion} in Azure ML studio
          </Link>
        </Box>
      )}
      {!ended && <Progress />}
      {error && (
        <Alert severity="warning">
          Could not read the request's state ({errorMessage(error)}); retrying.
        </Alert>
      )}
    </Box>
  );
}

/**
 * Promote one version: the candidate's metrics next to the target champion's, each policy
 * rule's result, where it goes, a comment; then the request's live state until it ends.
 */
export function PromoteDialog(props: {
  open: boolean;
  onClose: () => void;
  entityRef: string;
  model: string;
  version: string;
  settings: PromotionSettings;
}) {
  const { open, onClose, entityRef, model, version, settings } = props;
  const api = useApi(azureMlApiRef);
  const { changed } = usePromotionEvents();
  const [comment, setComment] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<Error>();
  const [result, setResult] = useState<{
    promotion: Promotion;
    created: boolean;
  }>();
  const evaluation = useAsync(
    async () =>
      open ? api.evaluatePromotion({ entityRef, model, version }) : undefined,
    [api, open, entityRef, model, version],
  );

  const submit = async () => {
    setSubmitting(true);
    setSubmitError(undefined);
    try {
      setResult(
        await api.requestPromotion({
          entityRef,
          model,
          version,
          ...(comment.trim() && { comment: comment.trim() }),
        }),
      );
      changed();
    } catch (e) {
      setSubmitError(e as Error);
    } finally {
      setSubmitting(false);
    }
  };

  const passed = evaluation.value?.passed;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="promote-title"
    >
      <DialogTitle id="promote-title">
        Promote {model} v{version} from {settings.sourceEnvironment} to{' '}
        {settings.targetEnvironment}
      </DialogTitle>
      <DialogContent>
        <Typography variant="body2" gutterBottom>
          Copies version {version} from registry{' '}
          <b>{settings.sourceRegistry}</b> into registry{' '}
          <b>{settings.targetRegistry}</b> as {model} v{version} and makes it
          the <code>{settings.aliasTag}</code> there
          {settings.requireApproval
            ? ', once a second person from the approvers has approved it.'
            : '.'}
        </Typography>
        {evaluation.loading && <Progress />}
        {evaluation.error && <ResponseErrorPanel error={evaluation.error} />}
        {evaluation.value && (
          <>
            <Box mt={2}>
              <Typography variant="subtitle2">Metrics</Typography>
              <MetricComparison evaluation={evaluation.value} />
            </Box>
            <Box mt={2}>
              <Typography variant="subtitle2">
                Policy: {passed ? 'passes' : 'blocks this version'}
              </Typography>
              <PolicyRules evaluation={evaluation.value} />
            </Box>
            {!passed && !result && (
              <Box mt={2}>
                <Alert severity="error">
                  The policy blocks this version: fix the failed rules (train a
                  better version, or add the missing metric) before requesting a
                  promotion.
                </Alert>
              </Box>
            )}
          </>
        )}
        {!result && passed && (
          <Box mt={2}>
            <CommentField
              id="promote-comment"
              label="Comment for the approver (optional)"
              value={comment}
              onChange={setComment}
            />
          </Box>
        )}
        {submitError && (
          <Box mt={2}>
            <Alert severity="error">{errorMessage(submitError)}</Alert>
          </Box>
        )}
        {result && (
          <Box mt={2}>
            <PromotionProgress
              promotion={result.promotion}
              created={result.created}
              requireApproval={settings.requireApproval}
            />
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{result ? 'Close' : 'Cancel'}</Button>
        {!result && (
          <Button
            color="primary"
            variant="contained"
            disabled={!passed || submitting}
            onClick={submit}
          >
            {settings.requireApproval ? 'Request promotion' : 'Promote'}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
