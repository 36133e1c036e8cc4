import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import { createOpenApiRouter } from './schema/openapi.generated';
import { ResponseCache, sendRendered } from './lib/ResponseCache';
import {
  EntityDataRead,
  EntityReader,
} from './services/EntityReader/EntityReader';
import type { AzureMlReadApi } from './services/refs';
import { PlatformAccess } from './services/EntityAccess/PlatformAccess';
import { PromotionService } from './services/Promotion/PromotionService';
import { DnsValidationService } from './services/DnsValidation/DnsValidationService';
import { NotFoundError } from '@backstage/errors';
import {
  ArmThrottledError,
  azureMlEntityNames,
} from '@internal/plugin-azure-ml-node';

const DEFAULT_PAGE_SIZE = 20;

/** The HTTP API: parses (the OpenAPI spec validates), authorizes, responds. */
export async function createRouter(deps: {
  httpAuth: HttpAuthService;
  entityReader: EntityReader;
  readService: AzureMlReadApi;
  /** Authorizes the platform reads against the discovered Resources of an environment. */
  platformAccess: Pick<PlatformAccess, 'authorize'>;
  /** Model container tag that names the champion (`azureMl.promotion.aliasTag`). */
  championTag: string;
  responses: ResponseCache;
  /** Absent when `azureMl.promotion` is not configured. */
  promotions?: PromotionService;
  dnsValidations?: DnsValidationService;
}): Promise<express.Router> {
  const { httpAuth, entityReader, readService, responses } = deps;
  const promotions = () => {
    if (!deps.promotions) {
      throw new NotFoundError(
        'Promotion is not configured on this portal (azureMl.promotion)',
      );
    }
    return deps.promotions;
  };
  const caller = (req: express.Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  const router = await createOpenApiRouter();

  /** Answers a read of the entity named by the path, for the authenticated caller. */
  const entityRead = async (
    req: express.Request<{ kind: string; namespace: string; name: string }>,
    res: express.Response,
    read: EntityDataRead,
  ) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { kind, namespace, name } = req.params;
    sendRendered(
      res,
      await entityReader.read(
        `${kind}:${namespace}/${name}`,
        credentials,
        read,
      ),
    );
  };

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/environments', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    sendRendered(
      res,
      await responses.get('environments', async () => ({
        items: await readService.listEnvironments(),
      })),
    );
  });

  router.get('/registries', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    sendRendered(
      res,
      await responses.get('registries', async () => ({
        items: await readService.listRegistries(),
      })),
    );
  });

  router.get('/entities/:kind/:namespace/:name/models', async (req, res) => {
    const { environment, cursor, limit } = req.query;
    await entityRead(req, res, {
      route: 'models',
      query: { environment, cursor, limit },
      produce: annotations =>
        readService.listModelVersions({
          annotations,
          environment,
          cursor,
          limit: limit ? Number(limit) : DEFAULT_PAGE_SIZE,
        }),
    });
  });

  router.get(
    '/entities/:kind/:namespace/:name/models/:model/versions/:version',
    async (req, res) => {
      const { model, version } = req.params;
      const { environment } = req.query;
      await entityRead(req, res, {
        route: 'version',
        query: { model, version, environment },
        produce: annotations =>
          readService.getModelVersion({
            annotations,
            environment,
            model,
            version,
          }),
      });
    },
  );

  router.get('/entities/:kind/:namespace/:name/runs', async (req, res) => {
    const { environment, status, cursor, limit } = req.query;
    await entityRead(req, res, {
      route: 'runs',
      query: { environment, status, cursor, limit },
      produce: annotations =>
        readService.listPipelineRuns({
          annotations,
          environment,
          status,
          cursor,
          limit: limit ? Number(limit) : DEFAULT_PAGE_SIZE,
        }),
    });
  });

  /**
   * A platform read of an environment: 404 naming an environment that is not configured, then
   * `azure-ml.entity.read` on the environment's discovered Resource (`resource`), then the
   * answer from the response cache.
   */
  const platformRead = async (
    req: express.Request<{ environment: string }>,
    res: express.Response,
    read: {
      route: string;
      resource: (environment: string) => string;
      query: Record<string, string | undefined>;
      produce: () => Promise<unknown>;
    },
  ) => {
    const credentials = await caller(req);
    const { environment } = req.params;
    readService.environment(environment);
    await deps.platformAccess.authorize(
      `resource:default/${read.resource(environment)}`,
      credentials,
    );
    sendRendered(
      res,
      await responses.get(
        `${read.route}:${environment}:${JSON.stringify(read.query)}`,
        read.produce,
      ),
    );
  };

  router.get('/environments/:environment/models', async (req, res) => {
    const { cursor, limit } = req.query;
    await platformRead(req, res, {
      route: 'environment-models',
      resource: azureMlEntityNames.registry,
      query: { cursor, limit },
      produce: () =>
        readService.listRegistryModels({
          environment: req.params.environment,
          championTag: deps.championTag,
          cursor,
          limit: limit ? Number(limit) : DEFAULT_PAGE_SIZE,
        }),
    });
  });

  router.get('/environments/:environment/runs', async (req, res) => {
    const { experiment, status, cursor, limit } = req.query;
    await platformRead(req, res, {
      route: 'environment-runs',
      resource: azureMlEntityNames.workspace,
      query: { experiment, status, cursor, limit },
      produce: () =>
        readService.listWorkspaceRuns({
          environment: req.params.environment,
          experiment,
          status,
          cursor,
          limit: limit ? Number(limit) : DEFAULT_PAGE_SIZE,
        }),
    });
  });

  router.get('/promotion-settings', async (req, res) => {
    await caller(req);
    res.json(promotions().settings());
  });

  router.post('/promotions/evaluate', async (req, res) => {
    res.json(await promotions().evaluate(req.body, await caller(req)));
  });

  router.post('/promotions', async (req, res) => {
    const { promotion, created } = await promotions().request(
      req.body,
      await caller(req),
    );
    res.status(created ? 201 : 200).json(promotion);
  });

  router.post('/rollbacks', async (req, res) => {
    const { promotion, created } = await promotions().rollback(
      req.body,
      await caller(req),
    );
    res.status(created ? 201 : 200).json(promotion);
  });

  router.get('/promotions', async (req, res) => {
    const { entityRef, state, cursor, limit } = req.query;
    res.json(
      await promotions().list(
        {
          entityRef,
          state,
          cursor,
          limit: limit ? Number(limit) : DEFAULT_PAGE_SIZE,
        },
        await caller(req),
      ),
    );
  });

  router.get('/promotions/:id', async (req, res) => {
    res.json(await promotions().get(req.params.id, await caller(req)));
  });

  router.post('/promotions/:id/approve', async (req, res) => {
    res.json(
      await promotions().decide(
        req.params.id,
        'approve',
        req.body?.comment,
        await caller(req),
      ),
    );
  });

  router.post('/promotions/:id/reject', async (req, res) => {
    res.json(
      await promotions().decide(
        req.params.id,
        'reject',
        req.body?.comment,
        await caller(req),
      ),
    );
  });

  const dnsValidations = () => {
    if (!deps.dnsValidations) {
      throw new NotFoundError('DNS validation is not running on this portal');
    }
    return deps.dnsValidations;
  };

  router.get('/environments/:environment/dns-validations', async (req, res) => {
    await caller(req);
    const { limit } = req.query;
    res.json(
      await dnsValidations().list(
        req.params.environment,
        limit ? Number(limit) : DEFAULT_PAGE_SIZE,
      ),
    );
  });

  router.post(
    '/environments/:environment/dns-validations',
    async (req, res) => {
      res
        .status(201)
        .json(
          await dnsValidations().validateNow(
            req.params.environment,
            await caller(req),
          ),
        );
    },
  );

  // ARM kept throttling past our retries: say when to come back. The backend's error handler
  // writes the 503 body.
  const retryAfter: express.ErrorRequestHandler = (error, _req, res, next) => {
    if (error instanceof ArmThrottledError && !res.headersSent) {
      res.setHeader('Retry-After', String(error.retryAfterSeconds));
    }
    next(error);
  };
  router.use(retryAfter);

  return router;
}
