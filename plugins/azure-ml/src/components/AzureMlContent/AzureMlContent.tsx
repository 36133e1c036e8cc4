import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { EnvironmentsCard } from '../EnvironmentsCard';
import { MetricTrendCard } from '../MetricTrendCard';
import { ModelVersionsCard } from '../ModelVersionsCard';
import { PipelineRunsCard } from '../PipelineRunsCard';
import { PromotionEventsProvider, PromotionHistoryCard } from '../Promotion';
import { RegistriesCard } from '../RegistriesCard';
import { AzureMlEntityGate } from '../shared';
import { DnsValidationCards } from '../DnsValidation';
import { AZURE_ML_RESOURCE_TYPES, resourceType } from '../../resources';

/**
 * The "Azure ML" entity tab: environments, model versions (with Promote), promotion history
 * (with Approve / Reject and Roll back), metric trend, pipeline runs, registries and the
 * private DNS validation of each environment. On a discovered model (`ai-model` Resource) the
 * pipeline runs show only when it names an experiment, and DNS stays on the environment page.
 */
export function AzureMlContent() {
  const { entity } = useEntity();
  // A discovered model (ai-model Resource) is one registry asset: no experiment of its own
  // unless the annotation names one, and the platform's DNS belongs on the environment page.
  const discoveredModel =
    resourceType(entity) === AZURE_ML_RESOURCE_TYPES.model;
  return (
    <AzureMlEntityGate>
      {(annotations, entityRef) => (
        <PromotionEventsProvider>
          <Grid container spacing={3}>
            <Grid item xs={12}>
              <EnvironmentsCard only={annotations.environments} />
            </Grid>
            <Grid item xs={12}>
              <ModelVersionsCard
                entityRef={entityRef}
                annotations={annotations}
              />
            </Grid>
            <Grid item xs={12}>
              <PromotionHistoryCard
                entityRef={stringifyEntityRef(entityRef)}
                annotations={annotations}
              />
            </Grid>
            <Grid item xs={12}>
              <MetricTrendCard
                entityRef={entityRef}
                annotations={annotations}
              />
            </Grid>
            {(!discoveredModel || annotations.experiment) && (
              <Grid item xs={12}>
                <PipelineRunsCard
                  entityRef={entityRef}
                  annotations={annotations}
                />
              </Grid>
            )}
            <Grid item xs={12}>
              <RegistriesCard only={annotations.environments} />
            </Grid>
            {!discoveredModel && (
              <Grid item xs={12}>
                <DnsValidationCards only={annotations.environments} />
              </Grid>
            )}
          </Grid>
        </PromotionEventsProvider>
      )}
    </AzureMlEntityGate>
  );
}
