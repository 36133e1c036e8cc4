import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  AzureMlAnnotations,
} from '@internal/plugin-azure-ml-common';
import express from 'express';
import { createOpenApiRouter } from './schema/openapi.generated';
import { AzureMlReadService } from './services/AzureMlReadService/AzureMlReadService';
import { EntityAccess } from './services/EntityAccess/EntityAccess';
import {
  annotationsKey,
  EntityIndex,
} from './services/EntityIndex/EntityIndex';
import {
  RenderedResponse,
  ResponseCache,
  sendRendered,
} from './services/ResponseCache/ResponseCache';

const DEFAULT_PAGE_SIZE = 20;

/** The HTTP API: parses (the OpenAPI spec validates), authorizes, responds. */
export async function createRouter(deps: {
  httpAuth: HttpAuthService;
  entityAccess: EntityAccess;
  entityIndex: EntityIndex;
  readService: AzureMlReadService;
  responses: ResponseCache;
}): Promise<express.Router> {
  const { httpAuth, entityAccess, entityIndex, readService, responses } = deps;
  const router = await createOpenApiRouter();

  /**
   * Answers a read of one entity's data. The caller's catalog read and permission check run
   * first-class; when the entity index already knows the entity's annotations, the data read
   * starts at the same time (so a cold request costs about one ARM round trip, not a catalog
   * round trip plus one), and the answer is sent only after the check passed, built from the
   * annotations the check returned.
   */
  const entityRead = async (
    req: express.Request,
    res: express.Response,
    route: string,
    query: Record<string, string | undefined>,
    produce: (annotations: AzureMlAnnotations) => Promise<unknown>,
  ) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    // Entity names, kinds and namespaces are ASCII ([A-Za-z0-9-_.]), so this is exact.
    const { kind, namespace, name } = req.params;
    const entityRef = `${kind}:${namespace}/${name}`;
    const ref = entityRef.toLowerCase();
    const queryKey = JSON.stringify(query);
    const read = (annotations: AzureMlAnnotations) =>
      responses.get(`${route}:${annotationsKey(annotations)}:${queryKey}`, () =>
        produce(annotations),
      );
    const hint = entityIndex.get(ref);
    let early: Promise<RenderedResponse> | undefined;
    if (hint) {
      early = read(hint);
      early.catch(() => {}); // answered (or dropped) below, after the check
    }
    const annotations = await entityAccess.annotationsFor(
      entityRef,
      credentials,
    );
    const hintHolds =
      early !== undefined &&
      annotationsKey(hint!) === annotationsKey(annotations);
    if (!hintHolds) {
      entityIndex.remember(ref, annotations);
    }
    const rendered = hintHolds ? await early! : await read(annotations);
    sendRendered(res, rendered);
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
    await entityRead(
      req,
      res,
      'models',
      { environment, cursor, limit },
      annotations =>
        readService.listModelVersions({
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
      const { model, version } = req.params;
      const { environment } = req.query;
      await entityRead(
        req,
        res,
        'version',
        { model, version, environment },
        annotations =>
          readService.getModelVersion({
            annotations,
            environment,
            model,
            version,
          }),
      );
    },
  );

  router.get('/entities/:kind/:namespace/:name/runs', async (req, res) => {
    const { environment, status, cursor, limit } = req.query;
    await entityRead(
      req,
      res,
      'runs',
      { environment, status, cursor, limit },
      annotations =>
        readService.listPipelineRuns({
          annotations,
          environment,
          status,
          cursor,
          limit: limit ? Number(limit) : DEFAULT_PAGE_SIZE,
        }),
    );
  });

  return router;
}
