import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import {
  createCatalogRegisterAction,
  createFetchTemplateAction,
} from '@backstage/plugin-scaffolder-backend';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { JsonObject } from '@backstage/types';
import fs from 'fs-extra';
import { createTemplateRenderer } from 'nunjitsu';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import yaml from 'yaml';
import { createFetchPipelinesAction } from '../../pipelines/fetch';
import { createPublishLocalAction } from '../../publish/local';
import { LocalRepositoryUrlReader } from '../../../urlReader/LocalRepositoryUrlReader';
import { createProjectValidateAction } from '../validate';

export const repoRoot = path.resolve(__dirname, '../../../../../..');
export const templatePath = path.join(
  repoRoot,
  'templates/create-ml-project/template.yaml',
);

/**
 * Runs templates/create-ml-project/template.yaml the way the scaffolder's workflow runner
 * does: the scaffolder's template engine (nunjitsu) renders each step's `if` and input against
 * `parameters` and earlier `steps.*.output`, and the real actions run — the built-in
 * fetch:template and catalog:register plus ours. Only the catalog behind catalog:register is a
 * stand-in that reads the registered URL through the local-repositories URL reader.
 */
export async function runTemplate(options: {
  parameters: JsonObject;
  publishRoot: string;
}) {
  const config = new ConfigReader({
    azureMl: {
      scaffolder: { localPublishRoot: options.publishRoot },
      environments: {
        dev: {
          subscriptionId: '11111111-1111-4111-8111-111111111111',
          resourceGroup: 'rg-aml-dev',
          workspace: 'mlw-dev',
          registry: 'mlr-dev',
        },
        prod: {
          subscriptionId: '22222222-2222-4222-8222-222222222222',
          resourceGroup: 'rg-aml-prod',
          workspace: 'mlw-prod',
          registry: 'mlr-prod',
        },
      },
    },
  });
  const integrations = ScmIntegrations.fromConfig(config);
  const reader = {} as any; // file:// templates never reach the URL reader
  const [localRepos] = LocalRepositoryUrlReader.factory({
    config,
    logger: undefined as any,
    treeResponseFactory: undefined as any,
  });
  const registered: string[] = [];
  const catalog = {
    async addLocation(location: { target: string; dryRun?: boolean }) {
      const body = await (
        await localRepos.reader.readUrl!(location.target)
      ).buffer();
      if (!location.dryRun) registered.push(location.target);
      return {
        entities: yaml.parseAllDocuments(body.toString()).map(d => d.toJS()),
      };
    },
  } as any;
  const actions = new Map<string, TemplateAction<any, any, any>>(
    [
      createProjectValidateAction({ config }),
      createFetchTemplateAction({ reader, integrations }),
      createFetchPipelinesAction({ config, reader, integrations }),
      createPublishLocalAction({ config }),
      createCatalogRegisterAction({ catalog, integrations }),
    ].map(action => [action.id, action]),
  );

  const template = yaml.parse(await fs.readFile(templatePath, 'utf8'));
  const renderer = createTemplateRenderer({ allowRegexExecution: true });
  const context: JsonObject & {
    steps: Record<string, { output: JsonObject }>;
  } = {
    parameters: options.parameters,
    steps: {},
    user: { ref: 'user:default/guest' },
  };
  const render = (value: unknown) =>
    JSON.parse(JSON.stringify(value), (_key, v) =>
      typeof v === 'string'
        ? renderer.renderValue(v, context as any, { coercion: 'json' })
        : v,
    );
  const workspacePath = await fs.mkdtemp(
    path.join(os.tmpdir(), 'ml-project-ws-'),
  );

  for (const step of template.spec.steps) {
    if (step.if !== undefined) {
      const condition = render({ if: step.if }).if;
      if (!condition || condition === 'false') continue;
    }
    const action = actions.get(step.action);
    if (!action) throw new Error(`no action ${step.action} in the test runner`);
    const output: JsonObject = {};
    const ctx = {
      ...createMockActionContext({
        input: render(step.input ?? {}),
        workspacePath,
        templateInfo: {
          entityRef: 'template:default/create-ml-project',
          baseUrl: pathToFileURL(templatePath).href,
        },
      }),
      createTemporaryDirectory: () =>
        fs.mkdtemp(path.join(os.tmpdir(), 'ml-project-tmp-')),
      output: (name: string, value: any) => {
        output[name] = value;
      },
    };
    await action.handler(ctx as any);
    context.steps[step.id] = { output };
  }
  return {
    workspacePath,
    steps: context.steps,
    output: render(template.spec.output),
    registered,
  };
}
