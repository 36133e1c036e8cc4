import fs from 'node:fs';
import path from 'node:path';
import { LoggerService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { DnsValidationOutcome } from '../services/DnsValidation/DnsValidationService';
import { validateEnvironmentDns } from '../services/DnsValidation/DnsValidationService';
import {
  AzureMlClient,
  readAzureMlConfig,
} from '@internal/plugin-azure-ml-node';
import { parse } from 'yaml';

/*
 * `yarn dns:validate <environment> [--config file.yaml ...] [--resolver ip[:port] ...]`:
 * the same validation as the portal's "Validate now", from a shell (e.g. the jumpbox inside
 * the VNet, where the system resolver is the one clients use). Prints the names, the findings
 * with remediation and the migration table; exits 1 when the validation fails, 2 on bad usage.
 * Config files are merged in order (later wins), without `${VAR}` substitution or includes.
 */

const USAGE =
  'usage: yarn dns:validate <environment> [--config app-config.yaml ...] [--resolver ip[:port] ...]';

/** Columns padded to their widest cell. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map(r => (r[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ');
  return [
    line(header),
    line(widths.map(w => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}

/** The report the CLI prints. */
export function formatReport(run: DnsValidationOutcome): string {
  const names = table(
    ['FQDN', 'EXPECTED', 'RESOLVED', 'MS'],
    run.names.map(n => [
      n.fqdn,
      n.expectedIp,
      n.resolvedIps?.join(',') ?? '-',
      String(n.lookupMs ?? '-'),
    ]),
  );
  const findings = run.findings.length
    ? table(
        ['CHECK', 'SEVERITY', 'NAME', 'EXPECTED', 'ACTUAL', 'REMEDIATION'],
        run.findings.map(f => [
          f.check,
          f.severity,
          f.fqdn,
          f.expected,
          f.actual,
          f.remediation,
        ]),
      )
    : 'No findings.';
  const migration = table(
    ['STEP', 'STATE', 'DESCRIPTION', 'EVIDENCE'],
    run.migration.map(s => [
      String(s.step),
      s.state,
      s.description,
      s.evidence,
    ]),
  );
  return [
    `DNS validation of ${run.environment}: ${run.status.toUpperCase()} (${
      run.findings.length
    } findings, ${run.names.length} names, ${run.armReads} ARM reads, ${
      run.durationMs
    } ms, resolution ${run.resolveMs} ms with the slowest lookup ${
      run.slowestLookupMs
    } ms, resolvers ${run.resolvers.join(', ') || 'system'})`,
    '',
    names,
    '',
    findings,
    '',
    migration,
    '',
  ].join('\n');
}

const consoleLogger = (stderr: (s: string) => void): LoggerService => {
  const log = (level: string) => (message: string, meta?: Error | object) =>
    level === 'debug'
      ? undefined
      : stderr(
          `${level}: ${message}${meta ? ` ${JSON.stringify(meta)}` : ''}\n`,
        );
  const logger: LoggerService = {
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: log('debug'),
    child: () => logger,
  };
  return logger;
};

/** Runs the CLI; answers the exit code. */
export async function runDnsValidateCli(
  args: string[],
  io: {
    cwd: string;
    stdout: (s: string) => void;
    stderr: (s: string) => void;
  },
): Promise<number> {
  const configFiles: string[] = [];
  const resolvers: string[] = [];
  let environment: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if ((arg === '--config' || arg === '--resolver') && args[i + 1]) {
      (arg === '--config' ? configFiles : resolvers).push(args[++i]);
    } else if (!arg.startsWith('-') && !environment) {
      environment = arg;
    } else {
      io.stderr(`${USAGE}\n`);
      return 2;
    }
  }
  if (!environment) {
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  if (!configFiles.length) {
    configFiles.push('app-config.yaml');
    if (fs.existsSync(path.resolve(io.cwd, 'app-config.local.yaml')))
      configFiles.push('app-config.local.yaml');
  }
  let config;
  try {
    config = readAzureMlConfig(
      ConfigReader.fromConfigs(
        configFiles.map(file => ({
          context: file,
          data: parse(fs.readFileSync(path.resolve(io.cwd, file), 'utf8')),
        })),
      ),
    );
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 2;
  }
  const env = config.environments.find(e => e.name === environment);
  if (!env) {
    io.stderr(
      `Unknown environment '${environment}' (configured: ${config.environments
        .map(e => e.name)
        .join(', ')})\n`,
    );
    return 2;
  }
  const client = AzureMlClient.fromConfig(config, {
    logger: consoleLogger(io.stderr),
  });
  const run = await validateEnvironmentDns(env, {
    config: resolvers.length ? { ...config.dns, resolvers } : config.dns,
    client,
  });
  io.stdout(formatReport(run));
  return run.status === 'passed' ? 0 : 1;
}

if (require.main === module) {
  runDnsValidateCli(process.argv.slice(2), {
    cwd: process.env.INIT_CWD ?? process.cwd(),
    stdout: s => process.stdout.write(s),
    stderr: s => process.stderr.write(s),
  }).then(
    code => {
      process.exitCode = code;
    },
    error => {
      process.stderr.write(`${(error as Error).stack ?? error}\n`);
      process.exitCode = 2;
    },
  );
}
