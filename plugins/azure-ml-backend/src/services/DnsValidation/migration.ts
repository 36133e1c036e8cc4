import { DnsFinding, DnsMigrationStep } from '@internal/plugin-azure-ml-common';
import { DnsConfig } from '@internal/plugin-azure-ml-node';
import { EnvironmentDnsFacts } from './DnsArmReader';

const summarize = (findings: DnsFinding[]) =>
  findings
    .map(f => `${f.check} ${f.fqdn}`)
    .slice(0, 5)
    .join('; ') + (findings.length > 5 ? `; +${findings.length - 5} more` : '');

/**
 * The seed's central AML DNS migration table, computed from this run's evidence instead of
 * kept by hand. Step 4 is the operator's decision (`azureMl.dns.migrationStep4`).
 */
export function migrationTable(
  facts: EnvironmentDnsFacts,
  findings: DnsFinding[],
  config: Pick<DnsConfig, 'centralZoneResourceGroup' | 'migrationStep4'>,
): DnsMigrationStep[] {
  const zoneFindings = findings.filter(
    f =>
      f.severity === 'error' &&
      ['zone.missing', 'zone.not-linked', 'zone.shadowed'].includes(f.check),
  );
  const groupFindings = findings.filter(f => f.check.startsWith('zonegroup.'));
  const errors = findings.filter(f => f.severity === 'error');
  const groupConfigs = facts.endpoints.flatMap(e =>
    e.zoneGroups.flatMap(g => g.properties?.privateDnsZoneConfigs ?? []),
  ).length;
  return [
    {
      step: 1,
      description:
        'Shared zones created & spoke linked, per-environment zones disabled',
      state: zoneFindings.length ? 'FAILED' : 'COMPLETE',
      evidence: zoneFindings.length
        ? summarize(zoneFindings)
        : `${facts.centralZones.size} central zones in ${config.centralZoneResourceGroup}, linked to the environment's VNet; no per-environment zone`,
    },
    {
      step: 2,
      description: 'Private endpoint zone groups repointed to the shared zones',
      state: groupFindings.length ? 'FAILED' : 'COMPLETE',
      evidence: groupFindings.length
        ? summarize(groupFindings)
        : `${groupConfigs} zone group configurations of ${facts.endpoints.length} private endpoints point at the shared zones`,
    },
    {
      step: 3,
      description: 'DNS validation (control plane and resolution)',
      state: errors.length ? 'FAILED' : 'COMPLETE',
      evidence: errors.length
        ? `${errors.length} failing checks: ${summarize(errors)}`
        : 'this validation passed with no error',
    },
    {
      step: 4,
      description: 'Remove prevent_destroy & decide on toggle retention',
      state: config.migrationStep4.state,
      evidence:
        config.migrationStep4.note ??
        "operator's decision (azureMl.dns.migrationStep4)",
    },
  ];
}
