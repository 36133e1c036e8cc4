import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ConflictError, InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'fs-extra';
import git from 'isomorphic-git';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveLocalPublishRoot } from '../../lib/localRepositories';
import { localDestination } from '../project/rules';
import { examples } from './local.examples';

/**
 * `azure-ml:publish:local` publishes the workspace (or a folder of it) as a new git
 * repository on this machine, under `azureMl.scaffolder.localPublishRoot`. It is the local-mode
 * stand-in for `publish:github`: same outputs, so `catalog:register` and the output links work
 * unchanged (the package's local-repositories URL reader serves the `file://` URLs).
 */
export function createPublishLocalAction(options: { config: Config }) {
  const { config } = options;
  return createTemplateAction({
    id: 'azure-ml:publish:local',
    description:
      'Initializes a git repository with the workspace contents in a folder below the local publish root and commits them.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        destination: z =>
          z.string({
            description:
              'Folder below the local publish root, e.g. "taxi-fare" or "team/taxi-fare"',
          }),
        sourcePath: z =>
          z
            .string({
              description:
                'Folder of the workspace to publish (default: the whole workspace)',
            })
            .optional(),
        defaultBranch: z =>
          z.string({ description: 'Branch name (default: main)' }).optional(),
        gitCommitMessage: z =>
          z
            .string({ description: 'Commit message (default: Initial commit)' })
            .optional(),
        gitAuthorName: z =>
          z
            .string({ description: 'Commit author name (default: Scaffolder)' })
            .optional(),
        gitAuthorEmail: z =>
          z
            .string({
              description:
                'Commit author email (default: scaffolder@backstage.io)',
            })
            .optional(),
        catalogInfoPath: z =>
          z
            .string({
              description:
                'Path of the catalog descriptor in the repository (default: catalog-info.yaml)',
            })
            .optional(),
      },
      output: {
        remoteUrl: z =>
          z.string({ description: 'file:// URL of the repository' }),
        repoContentsUrl: z =>
          z.string({ description: 'file:// URL of the repository contents' }),
        catalogInfoUrl: z =>
          z.string({
            description:
              'file:// URL of the catalog descriptor, for catalog:register',
          }),
        commitHash: z =>
          z.string({ description: 'The initial commit (empty in a dry run)' }),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const problem = localDestination(input.destination);
      if (problem) {
        throw new InputError(`"destination" ${problem}`);
      }
      const root = resolveLocalPublishRoot(config);
      const target = path.join(root, input.destination);
      const source = resolveSafeChildPath(
        ctx.workspacePath,
        input.sourcePath ?? '.',
      );
      const catalogInfoPath = input.catalogInfoPath ?? 'catalog-info.yaml';
      const catalogInfoFile = resolveSafeChildPath(target, catalogInfoPath);

      const url = (p: string) => pathToFileURL(p).href;
      ctx.output('remoteUrl', url(target));
      ctx.output('repoContentsUrl', url(target));
      ctx.output('catalogInfoUrl', url(catalogInfoFile));

      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would publish ${source} to ${target}`);
        ctx.output('commitHash', '');
        return;
      }

      const commitHash = await ctx.checkpoint({
        key: `azure-ml.publish.local.${input.destination}`,
        fn: async () => {
          if (
            (await fs.pathExists(target)) &&
            (await fs.readdir(target)).length
          ) {
            throw new ConflictError(
              `Local repository ${input.destination} already exists in ${root}; choose another destination`,
            );
          }
          await fs.ensureDir(target);
          await fs.copy(source, target, {
            filter: src => path.basename(src) !== '.git',
          });
          const dir = target;
          await git.init({
            fs,
            dir,
            defaultBranch: input.defaultBranch ?? 'main',
          });
          // A fresh repository: every file not ignored by .gitignore is untracked.
          for (const [filepath] of await git.statusMatrix({ fs, dir })) {
            await git.add({ fs, dir, filepath });
          }
          return git.commit({
            fs,
            dir,
            message: input.gitCommitMessage ?? 'Initial commit',
            author: {
              name: input.gitAuthorName ?? 'Scaffolder',
              email: input.gitAuthorEmail ?? 'scaffolder@backstage.io',
            },
          });
        },
      });
      ctx.logger.info(`Published ${source} to ${target} at ${commitHash}`);
      ctx.output('commitHash', commitHash);
    },
  });
}
