import { stringifyEntityRef } from '@backstage/catalog-model';
import Grid from '@material-ui/core/Grid';
import { EnvironmentsCard } from '../EnvironmentsCard';
import { MetricTrendCard } from '../MetricTrendCard';
import { ModelVersionsCard } from '../ModelVersionsCard';
import { PipelineRunsCard } from '../PipelineRunsCard';
import { PromotionEventsProvider, PromotionHistoryCard } from '../Promotion';
import { RegistriesCard } from '../RegistriesCard';
import { AzureMlEntityGate } from '../shared';
import { DnsValidationCards } from '../DnsValidation';

/**
 * The "Azure ML" entity tab: environments, model versions (with Promote), promotion history
 * (with Approve / Reject and Roll back), metric trend, pipeline runs, registries and the
 * private DNS validation of each environment.
 */
export function AzureMlContent() {
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
            <Grid item xs={12}>
              <PipelineRunsCard
                entityRef={entityRef}
                annotations={annotations}
              />
            </Grid>
            <Grid item xs={12}>
              <RegistriesCard only={annotations.environments} />
            </Grid>
            <Grid item xs={12}>
              <DnsValidationCards only={annotations.environments} />
            </Grid>
          </Grid>
        </PromotionEventsProvider>
      )}
    </AzureMlEntityGate>
  );
}
