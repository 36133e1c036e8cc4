import { Promotion, PromotionState } from '@internal/plugin-azure-ml-common';
import Chip from '@material-ui/core/Chip';
import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusAborted,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';

const LABELS: Record<PromotionState, string> = {
  pending_approval: 'Waiting for approval',
  approved: 'Approved, starting',
  running: 'Copying into the target registry',
  succeeded: 'Succeeded',
  failed: 'Failed',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
};

/** The state of a request in words, with the status icon Backstage uses for it. */
export function PromotionStateLabel(props: {
  state: PromotionState;
  kind?: Promotion['kind'];
}) {
  const { state, kind } = props;
  const label =
    kind === 'rollback' && state === 'running'
      ? 'Moving the champion back'
      : LABELS[state] ?? state;
  let icon;
  switch (state) {
    case 'succeeded':
      icon = <StatusOK />;
      break;
    case 'failed':
      icon = <StatusError />;
      break;
    case 'rejected':
    case 'cancelled':
      icon = <StatusAborted />;
      break;
    case 'pending_approval':
      icon = <StatusPending />;
      break;
    default:
      icon = <StatusRunning />;
  }
  return (
    <Box
      display="flex"
      alignItems="center"
      data-testid={`promotion-state-${state}`}
    >
      {icon}
      <span style={{ whiteSpace: 'nowrap' }}>{label}</span>
    </Box>
  );
}

/** What happens next, or what to do, for a request in its current state. */
export function nextStep(p: Promotion, requireApproval = true): string {
  const target = `${p.model} v${p.targetVersion} in ${p.targetEnvironment}`;
  switch (p.state) {
    case 'pending_approval':
      return requireApproval
        ? `A second person from the approvers must approve it; they have been notified. You will be told when it is decided.`
        : 'Waiting to start.';
    case 'approved':
      return `Approved by ${
        p.decidedBy ?? 'an approver'
      }; the backend is starting the copy.`;
    case 'running':
      if (p.kind === 'rollback' && !p.lastError) {
        return `The backend is moving the champion back (attempt ${p.attempts}).`;
      }
      return p.lastError
        ? `Attempt ${p.attempts} failed (${p.lastError}); the backend retries on its own.`
        : `The backend is copying the version and moving the champion (attempt ${p.attempts}).`;
    case 'succeeded':
      return p.kind === 'rollback'
        ? `The champion is ${target} again.`
        : `${target} is the champion. Deploy it with the project's deploy workflow, which reads the champion.`;
    case 'failed':
      return `It failed: ${
        p.lastError ?? 'no error recorded'
      }. Nothing was left half-done; fix the cause and request again.`;
    case 'rejected':
      return `Rejected by ${p.decidedBy ?? 'an approver'}${
        p.decisionComment ? `: "${p.decisionComment}"` : ''
      }.`;
    default:
      return '';
  }
}

/** A compact chip for tables. */
export function PromotionKindChip(props: { kind: Promotion['kind'] }) {
  return (
    <Chip
      size="small"
      variant="outlined"
      label={props.kind === 'rollback' ? 'rollback' : 'promotion'}
    />
  );
}
