import {
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
import { Document, isMap, isScalar, parseDocument } from 'yaml';
import { examples } from './fetch.examples';

/** What a generated project changes in the platform's pipeline job YAML. */
export interface PipelineSettings {
  experimentName: string;
  computeName: string;
  modelName: string;
  registryName?: string;
}

/**
 * Control-flow node types that azure-ai-ml loads only when AZURE_ML_CLI_PRIVATE_FEATURES_ENABLED
 * is set (azure/ai/ml/_schema/pipeline/pipeline_component.py, PipelineJobsField); Azure ML's
 * published pipelineJob.schema.json has none of them.
 */
export const PRIVATE_CONTROL_FLOW_TYPES = [
  'if_else',
  'do_while',
  'parallel_for',
];

/**
 * What is wrong with a step of a pipeline job, or undefined: a control-flow node, named, with
 * how to gate instead.
 */
export function controlFlowProblem(
  step: string,
  type: unknown,
): string | undefined {
  if (typeof type !== 'string' || !PRIVATE_CONTROL_FLOW_TYPES.includes(type)) {
    return undefined;
  }
  return (
    `step "${step}" has type ${type}: azure-ai-ml loads control-flow nodes ` +
    `(${PRIVATE_CONTROL_FLOW_TYPES.join(
      ', ',
    )}) only with the private-features flag ` +
    'AZURE_ML_CLI_PRIVATE_FEATURES_ENABLED, and reads a control output from run properties, ' +
    'not from a file. Gate with data instead: the deciding step writes a decision folder ' +
    '(a uri_folder output holding decision.json) and the gated step reads it and registers ' +
    'or skips, logging the reason, as pipelines/taxi-fare-train-pipeline.yaml does ' +
    '(compare -> register)'
  );
}

/**
 * Sets the project's values in a pipeline job YAML, keeping its comments and layout. Values
 * go through the YAML serializer, so any string stays a plain scalar value. Refuses a
 * pipeline with a control-flow node ({@link controlFlowProblem}).
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
  const jobs = doc.get('jobs');
  if (isMap(jobs)) {
    for (const item of jobs.items) {
      const step = isScalar(item.key)
        ? String(item.key.value)
        : String(item.key);
      const problem = isMap(item.value)
        ? controlFlowProblem(step, item.value.get('type'))
        : undefined;
      if (problem) throw new InputError(problem);
    }
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

/** Config key of the platform's pipeline job YAML folder. */
export const PIPELINES_SOURCE_CONFIG_KEY = 'azureMl.scaffolder.pipelinesSource';

/** Default of {@link PIPELINES_SOURCE_CONFIG_KEY}, relative to the repository root. */
export const DEFAULT_PIPELINES_SOURCE = 'pipelines';

/**
 * Where the platform's pipelines come from: an http(s) URL read through the backend's URL
 * readers (its integrations), or a folder, relative paths resolved against the repository
 * root. Only the operator sets this; nothing a template says can point elsewhere.
 */
export function resolvePipelinesSource(
  config: Config,
): { url: string } | { dir: string } {
  const value =
    config.getOptionalString(PIPELINES_SOURCE_CONFIG_KEY) ??
    DEFAULT_PIPELINES_SOURCE;
  if (/^https?:\/\//.test(value)) return { url: value };
  return { dir: targetPaths.resolveRoot(value) };
}

/**
 * Checks `folder`: a relative path inside the pipelines source, no `..` segment, no absolute
 * path, no URL, no backslash. Returns what is wrong, or undefined.
 */
export function pipelinesFolderProblem(folder: string): string | undefined {
  if (folder === '') return 'is empty';
  if (/^[a-z][a-z0-9+.-]*:/i.test(folder)) {
    return 'must be a folder inside the pipelines source, not a URL';
  }
  if (folder.startsWith('/') || folder.includes('\\')) {
    return 'must be a relative folder inside the pipelines source';
  }
  if (folder.split('/').some(segment => segment === '..')) {
    return 'must not contain ".."';
  }
  return undefined;
}

/**
 * `azure-ml:pipelines:fetch` copies the platform's pipeline job YAML into the workspace and
 * sets the project's experiment, compute, model and registry in them. The platform keeps one
 * copy of its pipelines (`azureMl.scaffolder.pipelinesSource`, default the repository's
 * top-level `pipelines/`); every generated project starts from the current one. A template
 * may pick a sub-folder of that source, never another location: anyone who may run a template
 * (a dry run included) could otherwise read the backend's files. The registry comes from
 * platform config (`azureMl.environments.<env>.registry`), never from the template's user.
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
      "Copies the platform's Azure ML pipeline job YAML (azureMl.scaffolder.pipelinesSource) into the workspace and sets the project's experiment, compute, model and registry.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        folder: z =>
          z
            .string({
              description:
                'Sub-folder of the configured pipelines source (relative, no ".."; default: the whole source)',
            })
            .optional(),
        url: z =>
          z
            .string({
              description:
                'Not accepted: pipelines come only from azureMl.scaffolder.pipelinesSource; any value is refused',
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
      if (input.url !== undefined) {
        throw new InputError(
          `"url" is not accepted (got ${JSON.stringify(
            input.url,
          )}): the pipelines come only from ${PIPELINES_SOURCE_CONFIG_KEY}; use "folder" for a sub-folder of it`,
        );
      }
      const folder = input.folder ?? '.';
      const folderProblem = pipelinesFolderProblem(folder);
      if (folderProblem) {
        throw new InputError(`"folder" ${folderProblem} (got ${folder})`);
      }
      const targetPath = input.targetPath ?? 'pipelines';
      const outputPath = resolveSafeChildPath(ctx.workspacePath, targetPath);

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

      const source = resolvePipelinesSource(config);
      if ('dir' in source) {
        const dir = resolveSafeChildPath(source.dir, folder);
        if (!(await fs.pathExists(dir))) {
          throw new InputError(
            `"folder" ${folder} does not exist in the pipelines source`,
          );
        }
        // Only the YAML files at the top of the folder: nothing else is read or copied.
        await fs.ensureDir(outputPath);
        for (const name of await fs.readdir(dir)) {
          const file = path.join(dir, name);
          if (/\.ya?ml$/.test(name) && (await fs.stat(file)).isFile()) {
            await fs.copy(file, path.join(outputPath, name));
          }
        }
      } else {
        await fetchContents({
          reader,
          integrations,
          fetchUrl: new URL(
            folder === '.' ? '' : `${folder.replace(/\/?$/, '/')}`,
            source.url.replace(/\/?$/, '/'),
          ).href,
          outputPath,
        });
      }

      const files: string[] = [];
      for (const name of (await fs.readdir(outputPath)).sort()) {
        if (!/\.ya?ml$/.test(name)) continue;
        const file = path.join(outputPath, name);
        let configured: string;
        try {
          configured = configurePipeline(await fs.readFile(file, 'utf8'), {
            experimentName: input.experimentName,
            computeName: input.computeName,
            modelName: input.modelName,
            registryName,
          });
        } catch (error) {
          if (error instanceof InputError) {
            throw new InputError(`${name}: ${error.message}`);
          }
          throw error;
        }
        await fs.writeFile(file, configured);
        files.push(path.posix.join(targetPath, name));
      }
      ctx.logger.info(`Configured pipelines: ${files.join(', ')}`);
      ctx.output('files', files);
    },
  });
}
