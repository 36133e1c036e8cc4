import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'fs-extra';
import git from 'isomorphic-git';
import yaml from 'yaml';
import { examples } from './local.examples';
import { createPublishLocalAction } from './local';

describe('azure-ml:publish:local', () => {
  const root = createMockDirectory();
  const workspace = createMockDirectory();
  const action = createPublishLocalAction({
    config: new ConfigReader({
      azureMl: { scaffolder: { localPublishRoot: root.path } },
    }),
  });

  beforeEach(() => {
    root.clear();
    workspace.setContent({
      'catalog-info.yaml': 'kind: Component\n',
      'src/app.py': 'print("hi")\n',
      '.gitignore': 'outputs/\n',
      'outputs/big.bin': 'ignored',
    });
  });

  it('runs its first example: commits the workspace and outputs file:// URLs', async () => {
    const input = yaml.parse(examples[0].example).steps[0].input;
    const ctx = createMockActionContext({
      input,
      workspacePath: workspace.path,
    });
    await action.handler(ctx);
    const dir = root.resolve('taxi-fare');
    const files = await git.listFiles({ fs, dir, ref: 'main' });
    expect(files.sort()).toEqual([
      '.gitignore',
      'catalog-info.yaml',
      'src/app.py',
    ]);
    expect(ctx.output).toHaveBeenCalledWith('remoteUrl', `file://${dir}`);
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoUrl',
      `file://${dir}/catalog-info.yaml`,
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'commitHash',
      expect.stringMatching(/^[0-9a-f]{40}$/),
    );
  });

  it('publishes a sub-folder of the workspace', async () => {
    const ctx = createMockActionContext({
      input: {
        destination: 'team/app',
        sourcePath: 'src',
        catalogInfoPath: 'app.py',
      },
      workspacePath: workspace.path,
    });
    await action.handler(ctx);
    expect(
      await git.listFiles({ fs, dir: root.resolve('team/app'), ref: 'main' }),
    ).toEqual(['app.py']);
  });

  it('writes nothing in a dry run', async () => {
    const ctx = {
      ...createMockActionContext({
        input: { destination: 'dry' },
        workspacePath: workspace.path,
      }),
      isDryRun: true,
    };
    await action.handler(ctx);
    expect(fs.existsSync(root.resolve('dry'))).toBe(false);
    expect(ctx.output).toHaveBeenCalledWith(
      'repoContentsUrl',
      `file://${root.resolve('dry')}`,
    );
  });

  it.each(['../escape', '/abs', 'a/../../b', 'A B', ''])(
    'refuses destination %j',
    async destination => {
      const ctx = createMockActionContext({
        input: { destination },
        workspacePath: workspace.path,
      });
      await expect(action.handler(ctx)).rejects.toThrow(
        /"destination" must be a relative folder/,
      );
    },
  );

  it('never overwrites an existing repository', async () => {
    root.setContent({ taken: { 'README.md': 'mine' } });
    const ctx = createMockActionContext({
      input: { destination: 'taken' },
      workspacePath: workspace.path,
    });
    await expect(action.handler(ctx)).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(root.resolve('taken/README.md'), 'utf8')).toBe(
      'mine',
    );
  });
});
