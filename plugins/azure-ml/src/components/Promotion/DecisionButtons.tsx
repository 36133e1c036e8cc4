import { useApi } from '@backstage/core-plugin-api';
import {
  azureMlPromotionApprovePermission,
  Promotion,
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
import { useState } from 'react';
import { azureMlApiRef } from '../../api';
import { CommentField } from './CommentField';
import { PersonName } from './PersonName';
import { useCurrentUser } from '../../hooks/useCurrentUser';
import { useEntityPermission } from '../../hooks/usePromotionPermission';
import { errorMessage } from '../../lib/errors';
import { MetricComparison, PolicyRules } from './PolicyResult';

type Decision = 'approve' | 'reject';

/**
 * Approve / Reject of a pending request, each with an optional comment. Absent for the
 * requester (four eyes: a short text says another person decides; the backend refuses too),
 * disabled with the reason while the user is not known yet and for users without
 * `azure-ml.promotion.approve`.
 */
export function DecisionButtons(props: {
  promotion: Promotion;
  onDecided: (promotion: Promotion) => void;
}) {
  const { promotion, onDecided } = props;
  const api = useApi(azureMlApiRef);
  const user = useCurrentUser();
  const permission = useEntityPermission(
    azureMlPromotionApprovePermission,
    promotion.entityRef,
    'approve promotions of',
  );
  const [decision, setDecision] = useState<Decision>();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();

  const own = user !== undefined && user === promotion.requestedBy;
  const reason =
    user === undefined ? 'Checking who you are…' : permission.reason;
  const what = `${promotion.model} v${promotion.sourceVersion} to ${promotion.targetEnvironment}`;

  const decide = async () => {
    if (!decision) return;
    setBusy(true);
    setError(undefined);
    try {
      const trimmed = comment.trim() || undefined;
      const decided =
        decision === 'approve'
          ? await api.approvePromotion(promotion.id, trimmed)
          : await api.rejectPromotion(promotion.id, trimmed);
      setDecision(undefined);
      setComment('');
      onDecided(decided);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  if (own) {
    return (
      <Typography variant="body2" color="textSecondary">
        Waiting for another approver — you requested this
      </Typography>
    );
  }

  return (
    <>
      <Tooltip title={reason ?? `Approve or reject the promotion of ${what}`}>
        <Box component="span" display="inline-flex" style={{ gap: 4 }}>
          <Button
            size="small"
            variant="contained"
            color="primary"
            disabled={Boolean(reason)}
            onClick={() => setDecision('approve')}
            aria-label={`Approve the promotion of ${what}`}
          >
            Approve
          </Button>
          <Button
            size="small"
            variant="outlined"
            disabled={Boolean(reason)}
            onClick={() => setDecision('reject')}
            aria-label={`Reject the promotion of ${what}`}
          >
            Reject
          </Button>
        </Box>
      </Tooltip>
      <Dialog
        open={Boolean(decision)}
        onClose={() => !busy && setDecision(undefined)}
        maxWidth="md"
        fullWidth
        aria-labelledby="decision-title"
      >
        <DialogTitle id="decision-title">
          {decision === 'approve' ? 'Approve' : 'Reject'} the promotion of{' '}
          {what}
        </DialogTitle>
        <DialogContent>
          <Typography variant="body2" gutterBottom>
            Requested by <PersonName who={promotion.requestedBy} />
            {promotion.requestComment ? `: "${promotion.requestComment}"` : ''}.
            {decision === 'approve'
              ? ` Approving copies v${promotion.sourceVersion} from ${promotion.sourceEnvironment} into ${promotion.targetEnvironment} and makes it the champion there.`
              : ' Rejecting ends the request; nothing is copied.'}
          </Typography>
          {promotion.evaluation && (
            <>
              <Box mt={1}>
                <MetricComparison evaluation={promotion.evaluation} />
              </Box>
              <Box mt={1}>
                <PolicyRules evaluation={promotion.evaluation} />
              </Box>
            </>
          )}
          <Box mt={2}>
            <CommentField
              id="decision-comment"
              label="Comment for the requester (optional)"
              value={comment}
              onChange={setComment}
            />
          </Box>
          {error && (
            <Box mt={2}>
              <Alert severity="error">{errorMessage(error)}</Alert>
            </Box>
          )}
        </DialogContent>
        <DialogActions>
          <Button disabled={busy} onClick={() => setDecision(undefined)}>
            Cancel
          </Button>
          <Button
            color="primary"
            variant="contained"
            disabled={busy}
            onClick={decide}
          >
            {decision === 'approve' ? 'Approve' : 'Reject'}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
