import {
  AUTHORS,
  DEV,
  EXPERIMENT_NAME,
  MODEL_NAME,
  PIPELINE_PRINCIPAL,
  PIPELINE_STEPS,
  SeedEnvironment,
  TENANT_ID,
} from './constants';
import { SeededRandom } from './random';
import { HOUR, formatTimestamp } from './timestamps';
import { EmulatorState } from '../state/types';
import { key, mlResourceId } from '../state/ids';
import { getOrCreateScope } from '../state/mlResources';

/* Pipeline runs: a parent pipeline job and one child job per step. */

const ADJECTIVES = [
  'sincere',
  'frosty',
  'brave',
  'jolly',
  'placid',
  'witty',
  'quirky',
  'bold',
  'calm',
  'eager',
  'gentle',
  'lucid',
];
const NOUNS = [
  'tail',
  'lamp',
  'river',
  'engine',
  'pepper',
  'kettle',
  'garden',
  'rocket',
  'window',
  'pebble',
  'lantern',
  'violin',
];

export interface SeededJob {
  name: string;
  status: string;
  createdAt: number;
}

function childStatuses(status: string, random: SeededRandom): string[] {
  const n = PIPELINE_STEPS.length;
  switch (status) {
    case 'Completed':
      return Array(n).fill('Completed');
    case 'Failed':
    case 'Canceled':
    case 'CancelRequested':
    case 'Running':
    case 'NotResponding':
    case 'Paused':
    case 'Finalizing': {
      const at = status === 'Finalizing' ? n - 1 : random.int(0, n - 1);
      const after =
        status === 'Failed' || status === 'Canceled'
          ? 'Canceled'
          : 'NotStarted';
      return PIPELINE_STEPS.map((_, i) => {
        if (i < at) return 'Completed';
        return i === at ? status : after;
      });
    }
    default:
      // Not started yet: the first step mirrors the pipeline, the others wait.
      return PIPELINE_STEPS.map((_, i) => (i === 0 ? status : 'NotStarted'));
  }
}

export function addPipelineJobs(
  state: EmulatorState,
  env: SeedEnvironment,
  statuses: readonly string[],
  random: SeededRandom,
  base: number,
): SeededJob[] {
  const workspaceId = mlResourceId(
    env.subscriptionId,
    env.resourceGroup,
    'workspaces',
    env.workspace,
  );
  const workspace = state.workspaces[key(workspaceId)];
  const scope = getOrCreateScope(state, workspaceId, 'workspace');
  const computeId = `${workspaceId}/computes/cpu-cluster`;
  const tracking = workspace.properties.mlFlowTrackingUri as string;
  const jobs: SeededJob[] = [];
  statuses.forEach((status, index) => {
    const name = `${random.pick(ADJECTIVES)}_${random.pick(
      NOUNS,
    )}_${random.alnum(10)}`;
    const createdAt = base + index * 36 * HOUR + random.int(0, 5 * HOUR);
    const scheduled = index % 3 !== 1;
    const author = scheduled ? PIPELINE_PRINCIPAL : random.pick(AUTHORS);
    const authorType = scheduled ? 'Application' : 'User';
    const steps = childStatuses(status, random);
    const stepJobs: Record<string, unknown> = {};
    PIPELINE_STEPS.forEach((step, i) => {
      stepJobs[step] = {
        type: 'command',
        name: step,
        display_name: step,
        component: `azureml://registries/${DEV.registry}/components/taxi_fare_${step}/versions/1`,
        compute: 'cpu-cluster',
        inputs:
          i === 0
            ? { raw_data: '${{parent.inputs.raw_data}}' }
            : {
                input: `\${{parent.jobs.${
                  PIPELINE_STEPS[i - 1]
                }.outputs.output}}`,
              },
        outputs: { output: { type: 'uri_folder' } },
        ...(step === 'register'
          ? { condition: '${{parent.jobs.compare.outputs.should_register}}' }
          : {}),
      };
    });
    const services = (jobName: string) => ({
      Tracking: {
        jobServiceType: 'Tracking',
        endpoint: tracking,
        status: null,
        errorMessage: null,
        port: null,
        properties: null,
      },
      Studio: {
        jobServiceType: 'Studio',
        endpoint: `https://ml.azure.com/runs/${jobName}?wsid=${workspaceId}&tid=${TENANT_ID}`,
        status: null,
        errorMessage: null,
        port: null,
        properties: null,
      },
    });
    const createdIso = formatTimestamp(createdAt, 0, 7);
    scope.jobs[name] = {
      id: `${workspaceId}/jobs/${name}`,
      name,
      type: 'Microsoft.MachineLearningServices/workspaces/jobs',
      properties: {
        description:
          'Taxi fare training: transform → train → compare → conditional register',
        tags: {
          model: MODEL_NAME,
          trigger: scheduled ? 'schedule' : 'manual',
          environment: env.name,
        },
        properties: {
          'azureml.runsource': 'azureml.PipelineRun',
          runSource: 'MFE',
          runType: 'HTTP',
          'azureml.parameters': '{}',
          'azureml.continue_on_step_failure': 'False',
          'azureml.pipelineComponent': 'pipelinerun',
        },
        displayName: `taxi-fare-train #${index + 1}`,
        status,
        experimentName: EXPERIMENT_NAME,
        services: services(name),
        computeId,
        isArchived: false,
        identity: null,
        componentId: null,
        notificationSetting: null,
        jobType: 'Pipeline',
        settings: {
          default_compute: computeId,
          continue_on_step_failure: false,
          _source: 'YAML.JOB',
        },
        inputs: {
          raw_data: {
            jobInputType: 'uri_folder',
            mode: 'ReadOnlyMount',
            uri: `azureml:taxi-raw-data:1`,
            description: null,
          },
        },
        outputs: {
          model_output: {
            jobOutputType: 'mlflow_model',
            mode: 'ReadWriteMount',
            uri: null,
            description: null,
          },
        },
        jobs: stepJobs,
        sourceJobId: null,
      },
      systemData: {
        createdAt: createdIso,
        createdBy: author,
        createdByType: authorType,
        lastModifiedAt: createdIso,
        lastModifiedBy: author,
        lastModifiedByType: authorType,
      },
    };
    PIPELINE_STEPS.forEach((step, i) => {
      const childName = random.guid();
      const childCreated = formatTimestamp(
        createdAt + (i + 1) * 4 * 60_000,
        0,
        7,
      );
      scope.jobs[childName] = {
        id: `${workspaceId}/jobs/${childName}`,
        name: childName,
        type: 'Microsoft.MachineLearningServices/workspaces/jobs',
        properties: {
          description: null,
          tags: {},
          properties: {
            'azureml.pipelinerunid': name,
            'azureml.nodeid': step,
            'azureml.moduleName': `taxi_fare_${step}`,
            'azureml.runsource': 'azureml.StepRun',
            StepType: 'PythonScriptStep',
          },
          displayName: step,
          status: steps[i],
          experimentName: EXPERIMENT_NAME,
          services: services(childName),
          computeId,
          isArchived: false,
          jobType: 'Command',
          command: `python ${step}.py`,
          environmentId: `azureml://registries/${DEV.registry}/environments/taxi-fare-train/versions/3`,
          codeId: null,
          inputs: {},
          outputs: {},
        },
        systemData: {
          createdAt: childCreated,
          createdBy: author,
          createdByType: authorType,
          lastModifiedAt: childCreated,
          lastModifiedBy: author,
          lastModifiedByType: authorType,
        },
      };
    });
    jobs.push({ name, status, createdAt });
  });
  return jobs;
}
