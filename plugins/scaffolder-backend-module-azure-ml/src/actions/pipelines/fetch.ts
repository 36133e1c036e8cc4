import {
  isChildPath,
  resolveSafeChildPath,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { targetPaths } from '@backstage/cli-common';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import {
  createTemplateAction,
  fetchContents,
} from '@backstage/plugin-scaffolder-node';
import fs from 'fs-extra';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, isMap, parseDocument } from 'yaml';
import { examples } from './fetch.examples';

/** What a generated project changes in the platform's pipeline job YAML. */
export interface PipelineSettings {
  experimentName: string;
  computeName: string;
  modelName: string;
  registryName?: string;
}

/**
 * Sets the project's values in a pipeline job YAML, keeping its comments and layout. Values
 * go through the YAML serializer, so any string stays a plain scalar value.
 */
export function configurePipeline(
  source: string,
  settings: PipelineSettings,
): string {
  const doc: Document = parseDocument(source);
  if (
    doc.errors.length ||
    !isMap(doc.contents) ||
    doc.get('type') !== 'pipeline'
  ) {
    throw new InputError('not an Azure ML pipeline job YAML (type: pipeline)');
  }
  doc.set('experiment_name', settings.experimentName);
  doc.setIn(['settings', 'default_compute'], `azureml:${settings.computeName}`);
  const inputs = doc.get('inputs');
  if (isMap(inputs)) {
    if (inputs.has('model_name')) inputs.set('model_name', settings.modelName);
    if (settings.registryName && inputs.has('registry_name')) {
      inputs.set('registry_name', settings.registryName);
    }
  }
  return doc.toString({ lineWidth: 0 });
}

/**
 * `azure-ml:pipelines:fetch` copies the platform's pipeline job YAML (the repository's
 * top-level `pipelines/`) into the workspace and sets the project's experiment, compute, model
 * and registry in them. The platform keeps one copy of its pipelines; every generated project
 * starts from the current one. The registry comes from platform config
 * (`azureMl.environments.<env>.registry`), never from the template's user.
 */
export function createFetchPipelinesAction(options: {
  config: Config;
  reader: UrlReaderService;
  integrations: ScmIntegrations;
}) {
  const { config, reader, integrations } = options;
  return createTemplateAction({
    id: 'azure-ml:pipelines:fetch',
    description:
      "Copies the platform's Azure ML pipeline job YAML into the workspace and sets the project's experiment, compute, model and registry.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        url: z =>
          z
            .string({
              description:
                'Folder of pipeline YAML, relative to the template (default: ../../pipelines) or absolute',
            })
            .optional(),
        targetPath: z =>
          z
            .string({
              description: 'Workspace folder to write to (default: pipelines)',
            })
            .optional(),
        experimentName: z =>
          z.string({ description: 'Azure ML experiment name' }),
        computeName: z =>
          z.string({ description: 'Azure ML compute cluster name' }),
        modelName: z => z.string({ description: 'Azure ML model name' }),
        registerEnvironment: z =>
          z
            .string({
              description:
                'Environment (azureMl.environments key) whose registry the pipeline registers into',
            })
            .optional(),
      },
      output: {
        files: z =>
          z.array(z.string(), {
            description: 'Pipeline files written, relative to the workspace',
          }),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const url = input.url ?? '../../pipelines';
      const targetPath = input.targetPath ?? 'pipelines';
      const outputPath = resolveSafeChildPath(ctx.workspacePath, targetPath);
      const baseUrl = ctx.templateInfo?.baseUrl;

      const registryName = input.registerEnvironment
        ? config.getOptionalString(
            `azureMl.environments.${input.registerEnvironment}.registry`,
          )
        : undefined;
      if (input.registerEnvironment && !registryName) {
        throw new InputError(
          `"registerEnvironment" ${input.registerEnvironment} has no azureMl.environments.${input.registerEnvironment}.registry in config`,
        );
      }

      if (baseUrl?.startsWith('file://') && !isAbsoluteUrl(url)) {
        // fetch:plain refuses to leave the template's folder for file locations; the platform's
        // pipelines live beside templates/, so allow anything inside this repository.
        const source = path.resolve(path.dirname(fileURLToPath(baseUrl)), url);
        if (!isChildPath(targetPaths.rootDir, source)) {
          throw new InputError(`"url" ${url} leads outside the repository`);
        }
        await fs.copy(source, outputPath);
      } else {
        await fetchContents({
          reader,
          integrations,
          baseUrl,
          fetchUrl: url,
          outputPath,
        });
      }

      const files: string[] = [];
      for (const name of (await fs.readdir(outputPath)).sort()) {
        if (!/\.ya?ml$/.test(name)) continue;
        const file = path.join(outputPath, name);
        const configured = configurePipeline(await fs.readFile(file, 'utf8'), {
          experimentName: input.experimentName,
          computeName: input.computeName,
          modelName: input.modelName,
          registryName,
        });
        await fs.writeFile(file, configured);
        files.push(path.posix.join(targetPath, name));
      }
      ctx.logger.info(`Configured pipelines: ${files.join(', ')}`);
      ctx.output('files', files);
    },
  });
}

function isAbsoluteUrl(url: string): boolean {
  try {
    return Boolean(new URL(url));
  } catch {
    return false;
  }
}
