import { LB_STRATEGIES, NODE_KIND_FIELDS as K, type ScenarioEdge, type ScenarioNode } from '../../model';
import { DistributionEditor } from './DistributionEditor';
import { SagaEditor } from './SagaEditor';
import { Bool, Choice, Num, OptionalSection, fieldAt } from './target';

/** Replicas, workers, queue, errors, load-dependent latency: what every worker node has. */
function WorkerFields({ fields: F }: { fields: typeof K.service | typeof K.gateway | typeof K.database }) {
  return (
    <>
      <Num {...fieldAt(F, 'replicas')} />
      <Num {...fieldAt(F, 'workers')} />
      <fieldset className="section section--on">
        <legend>Queue</legend>
        <Choice label="Order" path={['queue', 'discipline']} options={[{ value: 'fifo', label: 'FIFO (oldest first)' }, { value: 'lifo', label: 'LIFO (newest first)' }]} />
        <Num {...fieldAt(F, 'queue.capacity')} />
        <OptionalSection label="Drop after waiting" path={['queue', 'maxWaitMs']} onValue={F['queue.maxWaitMs'].default} help="A request that waited this long is dropped before it is served.">
          <Num {...fieldAt(F, 'queue.maxWaitMs')} />
        </OptionalSection>
      </fieldset>
      <Num {...fieldAt(F, 'errorPercent')} />
      <OptionalSection label="Load-dependent latency" path={['loadLatency']} help="Service time grows past the knee, as with GC pressure or lock contention.">
        <Num {...fieldAt(F, 'loadLatency.kneeUtilisationPercent')} />
        <Num {...fieldAt(F, 'loadLatency.maxSlowdownFactor')} />
      </OptionalSection>
      <Bool label="Cancel work when the caller times out" path={['cancelOnTimeout']} help="Off: work whose caller gave up still runs and holds a worker." />
    </>
  );
}

/** Every parameter of SIMULATION.md for the node's kind. */
export function NodeFields({ node, outgoing, edgeName }: { node: ScenarioNode; outgoing: readonly ScenarioEdge[]; edgeName: (edge: ScenarioEdge) => string }) {
  switch (node.kind) {
    case 'client':
      return (
        <>
          <Choice label="Traffic model" path={['workload', 'model']} options={[{ value: 'open', label: 'open loop: a rate' }, { value: 'closed', label: 'closed loop: users who wait' }]} />
          {node.workload.model === 'open' ? (
            <>
              <Num {...fieldAt(K.client, 'workload.ratePerSec')} />
              <p className="section__help">Phases (ramps, spikes) are edited in the Workload panel below the canvas.</p>
            </>
          ) : (
            <>
              <Num {...fieldAt(K.client, 'workload.users')} />
              <DistributionEditor label="Think time" path={['workload', 'thinkTime']} />
            </>
          )}
          <p className="section__help">The client's own timeout and retries are set on its outgoing edge.</p>
        </>
      );
    case 'gateway':
      return (
        <>
          <WorkerFields fields={K.gateway} />
          <DistributionEditor label="Processing time" path={['serviceTime']} />
          <OptionalSection label="Rate limit" path={['rateLimit']} help="Token bucket: requests beyond it get a 429.">
            <Num {...fieldAt(K.gateway, 'rateLimit.ratePerSec')} />
            <Num {...fieldAt(K.gateway, 'rateLimit.burst')} />
          </OptionalSection>
          <Bool label="Aggregate downstream calls" path={['aggregate']} help="Call every downstream in parallel; edges marked optional only degrade the answer when they fail." />
        </>
      );
    case 'service':
      return (
        <>
          <WorkerFields fields={K.service} />
          <DistributionEditor label="Service time" path={['serviceTime']} />
          <Choice label="Downstream calls" path={['callMode']} options={[{ value: 'sequential', label: 'one after another' }, { value: 'parallel', label: 'all at once' }]} />
          <SagaEditor node={node} outgoing={outgoing} names={edgeName} />
        </>
      );
    case 'database':
      return (
        <>
          <WorkerFields fields={K.database} />
          <Num {...fieldAt(K.database, 'writePercent')} />
          <DistributionEditor label="Read latency" path={['readLatency']} />
          <DistributionEditor label="Write latency" path={['writeLatency']} />
        </>
      );
    case 'loadBalancer':
      return (
        <>
          <Choice label="Strategy" path={['strategy']} options={LB_STRATEGIES.map((s) => ({ value: s, label: s }))} />
          <OptionalSection label="Outlier ejection" path={['outlierEjection']} help="Envoy-like: a replica that fails several times in a row is taken out for a while.">
            <Num {...fieldAt(K.loadBalancer, 'outlierEjection.consecutive5xx')} />
            <Num {...fieldAt(K.loadBalancer, 'outlierEjection.baseEjectionTimeMs')} />
            <Num {...fieldAt(K.loadBalancer, 'outlierEjection.maxEjectionPercent')} />
          </OptionalSection>
          <OptionalSection label="Active health checks" path={['healthCheck']}>
            <Num {...fieldAt(K.loadBalancer, 'healthCheck.intervalMs')} />
            <Num {...fieldAt(K.loadBalancer, 'healthCheck.timeoutMs')} />
            <Num {...fieldAt(K.loadBalancer, 'healthCheck.unhealthyThreshold')} />
            <Num {...fieldAt(K.loadBalancer, 'healthCheck.healthyThreshold')} />
          </OptionalSection>
        </>
      );
    case 'cache':
      return (
        <>
          <Num {...fieldAt(K.cache, 'hitPercent')} />
          <DistributionEditor label="Hit latency" path={['hitLatency']} />
          <OptionalSection label="Keyspace with TTL and LRU" path={['keyspace']} help="Hits come from real keys that expire and get evicted: needed to see a stampede after a flush.">
            <Num {...fieldAt(K.cache, 'keyspace.keys')} />
            <Num {...fieldAt(K.cache, 'keyspace.ttlS')} />
            <Num {...fieldAt(K.cache, 'keyspace.capacity')} />
          </OptionalSection>
        </>
      );
    case 'queue':
      return (
        <>
          <Num {...fieldAt(K.queue, 'capacity')} />
          <Num {...fieldAt(K.queue, 'visibilityTimeoutMs')} />
          <Num {...fieldAt(K.queue, 'maxDeliveries')} />
          <DistributionEditor label="Publish latency" path={['publishLatency']} />
        </>
      );
    case 'topic':
      return (
        <>
          <Num {...fieldAt(K.topic, 'capacity')} />
          <DistributionEditor label="Publish latency" path={['publishLatency']} />
        </>
      );
    case 'external':
      return (
        <>
          <DistributionEditor label="Latency" path={['latency']} />
          <Num {...fieldAt(K.external, 'errorPercent')} />
          <OptionalSection label="Concurrency limit" path={['concurrencyLimit']} onValue={K.external.concurrencyLimit.default}>
            <Num {...fieldAt(K.external, 'concurrencyLimit')} />
          </OptionalSection>
        </>
      );
  }
}
