import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Validate the parameters of a new ML project before fetching the skeleton',
    example: yaml.stringify({
      steps: [
        {
          id: 'validate',
          action: 'azure-ml:project:validate',
          name: 'Validate parameters',
          input: {
            name: 'taxi-fare',
            description: 'NYC taxi fare prediction',
            owner: 'group:default/ml-engineers',
            system: 'system:default/taxi-fare',
            modelName: 'taxi-fare-model',
            experimentName: 'taxi-fare-train',
            computeName: 'cpu-cluster',
            environments: ['dev', 'prod'],
            localDestination: 'taxi-fare',
          },
        },
      ],
    }),
  },
];
