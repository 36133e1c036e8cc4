import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  DnsValidation,
  DnsValidationHistoryItem,
} from '@internal/plugin-azure-ml-common';
import { Knex } from 'knex';
import { migratedClient } from '../../lib/migratedClient';

const TABLE = 'azure_ml_dns_validations';

interface Row {
  id: string;
  environment: string;
  status: DnsValidation['status'];
  trigger: DnsValidation['trigger'];
  triggered_by: string | null;
  finding_count: number;
  started_at: string;
  result: string;
}

/** DNS validation runs in the plugin's database, with a bounded history per environment. */
export class DnsValidationStore {
  static async create(database: DatabaseService): Promise<DnsValidationStore> {
    return new DnsValidationStore(await migratedClient(database));
  }

  private constructor(private readonly db: Knex) {}

  /** Stores a run and deletes the environment's runs beyond the newest `keep`. */
  async insert(run: DnsValidation, keep: number): Promise<void> {
    await this.db<Row>(TABLE).insert({
      id: run.id,
      environment: run.environment,
      status: run.status,
      trigger: run.trigger,
      triggered_by: run.triggeredBy ?? null,
      finding_count: run.findings.length,
      started_at: run.startedAt,
      result: JSON.stringify(run),
    });
    const stale = await this.db<Row>(TABLE)
      .where({ environment: run.environment })
      .orderBy([
        { column: 'started_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .offset(keep)
      .select('id');
    if (stale.length) {
      await this.db<Row>(TABLE)
        .whereIn(
          'id',
          stale.map(r => r.id),
        )
        .delete();
    }
  }

  /** The newest run of the environment, whole. */
  async latest(environment: string): Promise<DnsValidation | undefined> {
    const row = await this.db<Row>(TABLE)
      .where({ environment })
      .orderBy([
        { column: 'started_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .first();
    return row ? (JSON.parse(row.result) as DnsValidation) : undefined;
  }

  /** The environment's newest runs, without details. */
  async history(
    environment: string,
    limit: number,
  ): Promise<DnsValidationHistoryItem[]> {
    const rows = await this.db<Row>(TABLE)
      .where({ environment })
      .orderBy([
        { column: 'started_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit)
      .select('id', 'status', 'trigger', 'started_at', 'finding_count');
    return rows.map(row => ({
      id: row.id,
      status: row.status,
      trigger: row.trigger,
      startedAt: row.started_at,
      findingCount: Number(row.finding_count),
    }));
  }
}
