import { randomUUID } from 'node:crypto';
import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  NotAllowedError,
  NotFoundError,
  stringifyError,
} from '@backstage/errors';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  azureMlDnsValidatePermission,
  DnsFinding,
  DnsValidation,
  DnsValidations,
} from '@internal/plugin-azure-ml-common';
import {
  AzureMlArmClient,
  AzureMlConfig,
  EnvironmentConfig,
} from '@internal/plugin-azure-ml-node';
import { DnsArmReader } from './DnsArmReader';
import {
  API_ZONE,
  controlPlaneFindings,
  expectedNames,
  NOTEBOOKS_ZONE,
} from './controlPlane';
import { dataPlaneFindings, resolveNames } from './dataPlane';
import { migrationTable } from './migration';
import { DnsValidationStore } from './DnsValidationStore';

/** Topic of the "environment turned failing" notification. */
export const DNS_NOTIFICATION_TOPIC = 'azure-ml-dns';

/** A validation without the run's identity: what the CLI prints and the service stores. */
export type DnsValidationOutcome = Omit<
  DnsValidation,
  'id' | 'trigger' | 'triggeredBy'
>;

/**
 * Validates one environment's private DNS: ARM (one read pass) → expected names → control-plane
 * checks → parallel resolution → findings and the migration table. No storage: the CLI and the
 * service both use it.
 */
export async function validateEnvironmentDns(
  env: EnvironmentConfig,
  deps: {
    config: AzureMlConfig['dns'];
    client: Pick<AzureMlArmClient, 'readArm'>;
    now?: () => Date;
  },
): Promise<DnsValidationOutcome> {
  const { config } = deps;
  const now = deps.now ?? (() => new Date());
  const startedAt = now();
  const start = performance.now();
  const options = {
    centralZoneResourceGroup: config.centralZoneResourceGroup,
    instancesZone: config.instancesZone,
  };
  const reader = new DnsArmReader(deps.client, {
    centralZoneSubscriptionId: config.centralZoneSubscriptionId,
    centralZoneResourceGroup: config.centralZoneResourceGroup,
    zoneNames: [API_ZONE, NOTEBOOKS_ZONE, config.instancesZone],
  });
  const resolverOptions = {
    servers: config.resolvers,
    timeoutMs: config.lookupTimeoutMs,
  };
  const facts = await reader.read(env);
  const names = expectedNames(env, facts, options);
  const resolveStart = performance.now();
  const lookups = await resolveNames(names, resolverOptions);
  const resolveMs = Math.round(performance.now() - resolveStart);
  const findings: DnsFinding[] = [
    ...controlPlaneFindings(env, facts, names, options),
    ...dataPlaneFindings(lookups, resolverOptions),
  ];
  const failed = findings.some(f => f.severity === 'error');
  return {
    environment: env.name,
    status: failed ? 'failed' : 'passed',
    startedAt: startedAt.toISOString(),
    finishedAt: now().toISOString(),
    durationMs: Math.round(performance.now() - start),
    armReads: facts.armReads,
    slowestLookupMs: Math.round(Math.max(0, ...lookups.map(l => l.ms))),
    resolveMs,
    resolvers: config.resolvers,
    names: lookups.map(({ name, addresses, ms }) => ({
      fqdn: name.lookupName,
      expectedIp: name.expectedIp,
      zone: name.zone,
      source: name.source,
      resolvedIps: addresses,
      lookupMs: Math.round(ms),
    })),
    findings,
    migration: migrationTable(facts, findings, config),
  };
}

/** Runs, stores, audits and lists DNS validations; the scheduled task calls `runAll`. */
export class DnsValidationService {
  constructor(
    private readonly deps: {
      config: AzureMlConfig;
      client: Pick<AzureMlArmClient, 'readArm'>;
      store: DnsValidationStore;
      auth: AuthService;
      permissions: PermissionsService;
      auditor: AuditorService;
      logger: LoggerService;
      /** Absent: nobody is told when an environment turns failing. */
      notifications?: NotificationService;
    },
  ) {}

  /** `POST /environments/{env}/dns-validations`: permission `azure-ml.dns.validate`. */
  async validateNow(
    environment: string,
    credentials: BackstageCredentials,
  ): Promise<DnsValidation> {
    const env = this.environment(environment);
    const [decision] = await this.deps.permissions.authorize(
      [{ permission: azureMlDnsValidatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Not allowed to run a DNS validation of '${environment}'`,
      );
    }
    const actor = this.deps.auth.isPrincipal(credentials, 'user')
      ? credentials.principal.userEntityRef
      : undefined;
    return this.run(env, 'manual', actor);
  }

  /** `GET /environments/{env}/dns-validations`. */
  async list(environment: string, limit: number): Promise<DnsValidations> {
    this.environment(environment);
    const [latest, history] = await Promise.all([
      this.deps.store.latest(environment),
      this.deps.store.history(environment, limit),
    ]);
    return latest ? { latest, history } : { history };
  }

  /** The scheduled task of one environment (a failure is logged; the next period retries). */
  async runScheduled(environment: string): Promise<void> {
    try {
      await this.run(this.environment(environment), 'scheduled');
    } catch (error) {
      this.deps.logger.warn(
        `Scheduled DNS validation of ${environment} failed: ${stringifyError(
          error,
        )}`,
      );
    }
  }

  private environment(name: string): EnvironmentConfig {
    const env = this.deps.config.environments.find(e => e.name === name);
    if (!env) throw new NotFoundError(`Unknown environment '${name}'`);
    return env;
  }

  private async run(
    env: EnvironmentConfig,
    trigger: DnsValidation['trigger'],
    triggeredBy?: string,
  ): Promise<DnsValidation> {
    const event = await this.deps.auditor.createEvent({
      eventId: 'dns-validation',
      severityLevel: trigger === 'manual' ? 'medium' : 'low',
      meta: { environment: env.name, trigger, actor: triggeredBy ?? null },
    });
    let outcome: DnsValidationOutcome;
    try {
      outcome = await validateEnvironmentDns(env, {
        config: this.deps.config.dns,
        client: this.deps.client,
      });
    } catch (error) {
      // ARM could not be read: a failed run of its own, so the card says why.
      const at = new Date().toISOString();
      outcome = {
        environment: env.name,
        status: 'failed',
        startedAt: at,
        finishedAt: at,
        durationMs: 0,
        armReads: 0,
        slowestLookupMs: 0,
        resolveMs: 0,
        resolvers: this.deps.config.dns.resolvers,
        names: [],
        findings: [
          {
            check: 'arm.unreadable',
            severity: 'error',
            fqdn: env.workspace,
            expected: 'private endpoints and zones readable from ARM',
            actual: (error as Error).message,
            remediation:
              'Grant the portal identity Reader on the environment and the central DNS resource group, and check that ARM is reachable.',
          },
        ],
        migration: [],
      };
    }
    const run: DnsValidation = {
      id: randomUUID(),
      trigger,
      ...(triggeredBy ? { triggeredBy } : {}),
      ...outcome,
    };
    let previous: DnsValidation | undefined;
    try {
      previous = await this.deps.store.latest(env.name);
      await this.deps.store.insert(run, this.deps.config.dns.keepRuns);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
    await event.success({
      meta: {
        validationId: run.id,
        status: run.status,
        findings: run.findings.length,
        armReads: run.armReads,
      },
    });
    if (previous?.status === 'passed' && run.status === 'failed') {
      await this.notifyFailing(run);
    }
    return run;
  }

  private async notifyFailing(run: DnsValidation) {
    const recipients = this.deps.config.dns.validators;
    if (!this.deps.notifications || recipients.length === 0) return;
    const errors = run.findings.filter(f => f.severity === 'error');
    try {
      await this.deps.notifications.send({
        recipients: { type: 'entity', entityRef: recipients },
        payload: {
          title: `Private DNS of ${run.environment} is failing`,
          description: `${errors.length} failing checks: ${errors
            .slice(0, 3)
            .map(f => `${f.check} ${f.fqdn}: ${f.remediation}`)
            .join(' ')}`,
          // The Resource pages of azure-ml-environment entities carry the card.
          link: '/catalog?filters[kind]=resource&filters[type]=azure-ml-environment',
          severity: 'high',
          topic: DNS_NOTIFICATION_TOPIC,
          scope: `azure-ml-dns:${run.environment}`,
        },
      });
    } catch (error) {
      this.deps.logger.warn(
        `Could not notify about DNS of ${run.environment}: ${stringifyError(
          error,
        )}`,
      );
    }
  }
}
