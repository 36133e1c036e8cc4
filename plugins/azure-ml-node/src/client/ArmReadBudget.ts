import { PipelinePolicy } from '@azure/core-rest-pipeline';
import { TokenBucket } from './TokenBucket';

/** Name of the pipeline policy, for `pipeline.removePolicy` / diagnostics. */
export const armReadBudgetPolicyName = 'azureMlArmReadBudget';

/**
 * One read budget per subscription, shared by every Azure client of the plugin. ARM counts
 * reads per subscription and principal, and the plugin uses one principal.
 */
export class ArmReadBudget {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly options: { perSecond: number; burst: number }) {}

  /** Waits for a read token of the subscription that the URL addresses. */
  acquire(url: string): Promise<void> {
    const match = /\/subscriptions\/([^/?#]+)/i.exec(url);
    const key = match ? match[1].toLowerCase() : '';
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.options);
      this.buckets.set(key, bucket);
    }
    return bucket.acquire();
  }

  /**
   * An Azure pipeline policy that takes a token for every GET, retries included (add it with
   * `afterPhase: 'Retry'` so it runs once per attempt).
   */
  policy(): PipelinePolicy {
    return {
      name: armReadBudgetPolicyName,
      sendRequest: async (request, next) => {
        if (request.method === 'GET') {
          await this.acquire(request.url);
        }
        return next(request);
      },
    };
  }
}
