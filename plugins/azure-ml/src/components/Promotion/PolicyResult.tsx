import { PolicyEvaluation } from '@internal/plugin-azure-ml-common';
import { StatusError, StatusOK } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { formatMetric } from '../../lib/format';

function show(value: number | string | undefined): string {
  if (value === undefined) return '–';
  return typeof value === 'number' ? formatMetric(value) : value;
}

function difference(candidate?: number, champion?: number) {
  if (candidate === undefined || champion === undefined) return '–';
  const diff = candidate - champion;
  return `${diff > 0 ? '+' : ''}${formatMetric(diff)}`;
}

/** The candidate's metrics next to the target champion's, with the difference. */
export function MetricComparison(props: { evaluation: PolicyEvaluation }) {
  const { evaluation } = props;
  const champion = evaluation.championMetrics ?? {};
  const names = [
    ...new Set([
      ...Object.keys(evaluation.candidateMetrics),
      ...Object.keys(champion),
    ]),
  ].sort();
  if (names.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        Neither version has metric.* properties.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Metrics of the candidate and the champion">
      <TableHead>
        <TableRow>
          <TableCell>Metric</TableCell>
          <TableCell align="right">
            Candidate ({evaluation.sourceEnvironment} v
            {evaluation.candidateVersion})
          </TableCell>
          <TableCell align="right">
            {evaluation.championVersion
              ? `Champion (${evaluation.targetEnvironment} v${evaluation.championVersion})`
              : `Champion (${evaluation.targetEnvironment}: none yet)`}
          </TableCell>
          <TableCell align="right">Difference</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {names.map(name => (
          <TableRow key={name}>
            <TableCell>{name}</TableCell>
            <TableCell align="right">
              {show(evaluation.candidateMetrics[name])}
            </TableCell>
            <TableCell align="right">{show(champion[name])}</TableCell>
            <TableCell align="right">
              {difference(evaluation.candidateMetrics[name], champion[name])}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Each rule of the promotion policy: what it compares, both values, and why it passed or failed. */
export function PolicyRules(props: { evaluation: PolicyEvaluation }) {
  const { rules } = props.evaluation;
  if (rules.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        The policy has no rules for this model: any version may be requested.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Promotion policy">
      <TableHead>
        <TableRow>
          <TableCell>Rule</TableCell>
          <TableCell align="right" style={{ whiteSpace: 'nowrap' }}>
            Candidate
          </TableCell>
          <TableCell align="right" style={{ whiteSpace: 'nowrap' }}>
            Compared with
          </TableCell>
          <TableCell>Result</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rules.map(rule => (
          <TableRow
            key={rule.rule}
            data-testid={`policy-rule-${rule.passed ? 'passed' : 'failed'}`}
          >
            <TableCell>{rule.rule}</TableCell>
            <TableCell align="right">{show(rule.candidate)}</TableCell>
            <TableCell align="right">{show(rule.reference)}</TableCell>
            <TableCell>
              {rule.passed ? (
                <StatusOK>passed</StatusOK>
              ) : (
                <StatusError>failed</StatusError>
              )}
              <Typography
                variant="caption"
                color="textSecondary"
                component="div"
              >
                {rule.reason}
              </Typography>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
