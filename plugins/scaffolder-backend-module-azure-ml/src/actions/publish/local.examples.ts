import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Publish the workspace as a local git repository and register its catalog-info.yaml',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'azure-ml:publish:local',
          name: 'Publish to a local repository',
          input: {
            destination: 'taxi-fare',
            defaultBranch: 'main',
            gitCommitMessage:
              'Initial commit from the Create new ML project template',
          },
        },
        {
          id: 'register',
          action: 'catalog:register',
          name: 'Register',
          input: {
            catalogInfoUrl: '${{ steps.publish.output.catalogInfoUrl }}',
          },
        },
      ],
    }),
  },
];
