import { SeedEnvironment } from './constants';
import { zulu } from './timestamps';
import { EmulatorState } from '../state/types';
import { key, mlResourceId } from '../state/ids';

/*
 * One compute instance per workspace: its name is what the instances zone must answer
 * (`<ci>.<region>.instances.azureml.ms`). Fixed values, no random draw: adding it leaves
 * every other seeded GUID as it was.
 */
export function addComputeInstance(
  state: EmulatorState,
  env: SeedEnvironment,
  base: number,
) {
  const workspaceId = mlResourceId(
    env.subscriptionId,
    env.resourceGroup,
    'workspaces',
    env.workspace,
  );
  const id = `${workspaceId}/computes/${env.computeInstance}`;
  state.computes ??= {};
  state.computes[key(id)] = {
    id,
    name: env.computeInstance,
    type: 'Microsoft.MachineLearningServices/workspaces/computes',
    location: env.location,
    properties: {
      computeType: 'ComputeInstance',
      computeLocation: env.location,
      provisioningState: 'Succeeded',
      description: 'Data scientist workstation',
      createdOn: zulu(base),
      modifiedOn: zulu(base),
      isAttachedCompute: false,
      disableLocalAuth: true,
      properties: {
        vmSize: 'STANDARD_DS3_V2',
        state: 'Running',
        applicationSharingPolicy: 'Personal',
        computeInstanceAuthorizationType: 'personal',
      },
    },
  };
}
