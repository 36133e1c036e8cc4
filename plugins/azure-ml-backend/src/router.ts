import { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { PipelineRunStatus } from '@internal/plugin-azure-ml-common';
import express from 'express';
import { createOpenApiRouter } from './schema/openapi.generated';
import { EntityAccess } from './services/EntityAccess/EntityAccess';
import { AzureMlReadService } from './services/AzureMlReadService/AzureMlReadService';

const DEFAULT_PAGE_SIZE = 20;

/** The HTTP API: parses (the OpenAPI spec validates), authorizes, responds. */
export async function createRouter(deps: {
  httpAuth: HttpAuthService;
  entityAccess: EntityAccess;
  readService: AzureMlReadService;
}): Promise<express.Router> {
  const { httpAuth, entityAccess, readService } = deps;
  const router = await createOpenApiRouter();

  const annotationsOf = async (
    req: express.Request,
    params: { kind: string; namespace: string; name: string },
  ) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    return entityAccess.annotationsFor(stringifyEntityRef(params), credentials);
  };

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/environments', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ items: await readService.listEnvironments() });
  });

  router.get('/registries', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ items: await readService.listRegistries() });
  });

  router.get('/entities/:kind/:namespace/:name/models', async (req, res) => {
    const annotations = await annotationsOf(req, req.params);
    const { environment, cursor, limit } = req.query;
    res.json(
      await readService.listModelVersions({
        annotations,
        environment,
        cursor,
        limit: limit ? Number(limit) : DEFAULT_PAGE_SIZE,
      }),
    );
  });

  router.get(
    '/entities/:kind/:namespace/:name/models/:model/versions/:version',
    async (req, res) => {
      const annotations = await annotationsOf(req, req.params);
      res.json(
        await readService.getModelVersion({
          annotations,
          environment: req.query.environment,
          model: req.params.model,
          version: req.params.version,
        }),
      );
    },
  );

  router.get('/entities/:kind/:namespace/:name/runs', async (req, res) => {
    const annotations = await annotationsOf(req, req.params);
    const { environment, status, cursor, limit } = req.query;
    res.json(
      await readService.listPipelineRuns({
        annotations,
        environment,
        status: status as PipelineRunStatus | undefined,
        cursor,
        limit: limit ? Number(limit) : DEFAULT_PAGE_SIZE,
      }),
    );
  });

  return router;
}
