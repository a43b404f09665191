import { LB_STRATEGIES, NODE_FIELDS as N, type ScenarioEdge, type ScenarioNode } from '../../model';
import { DistributionEditor } from './DistributionEditor';
import { SagaEditor } from './SagaEditor';
import { Bool, Choice, Num, OptionalSection } from './target';

/** Replicas, workers, queue, errors, load-dependent latency: what every worker node has. */
function WorkerFields({ poolLabel }: { poolLabel?: string }) {
  return (
    <>
      <Num field={N.replicas} path={['replicas']} />
      <Num field={N.workers} path={['workers']} label={poolLabel} />
      <fieldset className="section section--on">
        <legend>Queue</legend>
        <Choice label="Order" path={['queue', 'discipline']} options={[{ value: 'fifo', label: 'FIFO (oldest first)' }, { value: 'lifo', label: 'LIFO (newest first)' }]} />
        <Num field={N.queueCapacity} path={['queue', 'capacity']} />
        <OptionalSection label="Drop after waiting" path={['queue', 'maxWaitMs']} onValue={N.maxQueueWaitMs.default} help="A request that waited this long is dropped before it is served.">
          <Num field={N.maxQueueWaitMs} path={['queue', 'maxWaitMs']} />
        </OptionalSection>
      </fieldset>
      <Num field={N.errorPercent} path={['errorPercent']} />
      <OptionalSection label="Load-dependent latency" path={['loadLatency']} help="Service time grows past the knee, as with GC pressure or lock contention.">
        <Num field={N.kneeUtilisationPercent} path={['loadLatency', 'kneeUtilisationPercent']} />
        <Num field={N.maxSlowdownFactor} path={['loadLatency', 'maxSlowdownFactor']} />
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
              <Num field={N.ratePerSec} path={['workload', 'ratePerSec']} />
              <p className="section__help">Phases (ramps, spikes) are edited in the Workload panel below the canvas.</p>
            </>
          ) : (
            <>
              <Num field={N.users} path={['workload', 'users']} />
              <DistributionEditor label="Think time" path={['workload', 'thinkTime']} />
            </>
          )}
          <p className="section__help">The client's own timeout and retries are set on its outgoing edge.</p>
        </>
      );
    case 'gateway':
      return (
        <>
          <WorkerFields />
          <DistributionEditor label="Processing time" path={['serviceTime']} />
          <OptionalSection label="Rate limit" path={['rateLimit']} help="Token bucket: requests beyond it get a 429.">
            <Num field={N.rateLimitPerSec} path={['rateLimit', 'ratePerSec']} />
            <Num field={N.burst} path={['rateLimit', 'burst']} />
          </OptionalSection>
          <Bool label="Aggregate downstream calls" path={['aggregate']} help="Call every downstream in parallel; edges marked optional only degrade the answer when they fail." />
        </>
      );
    case 'service':
      return (
        <>
          <WorkerFields />
          <DistributionEditor label="Service time" path={['serviceTime']} />
          <Choice label="Downstream calls" path={['callMode']} options={[{ value: 'sequential', label: 'one after another' }, { value: 'parallel', label: 'all at once' }]} />
          <SagaEditor node={node} outgoing={outgoing} names={edgeName} />
        </>
      );
    case 'database':
      return (
        <>
          <WorkerFields poolLabel="Connection pool per replica" />
          <Num field={N.writePercent} path={['writePercent']} />
          <DistributionEditor label="Read latency" path={['readLatency']} />
          <DistributionEditor label="Write latency" path={['writeLatency']} />
        </>
      );
    case 'loadBalancer':
      return (
        <>
          <Choice label="Strategy" path={['strategy']} options={LB_STRATEGIES.map((s) => ({ value: s, label: s }))} />
          <OptionalSection label="Outlier ejection" path={['outlierEjection']} help="Envoy-like: a replica that fails several times in a row is taken out for a while.">
            <Num field={N.consecutive5xx} path={['outlierEjection', 'consecutive5xx']} />
            <Num field={N.baseEjectionTimeMs} path={['outlierEjection', 'baseEjectionTimeMs']} />
            <Num field={N.maxEjectionPercent} path={['outlierEjection', 'maxEjectionPercent']} />
          </OptionalSection>
          <OptionalSection label="Active health checks" path={['healthCheck']}>
            <Num field={N.intervalMs} path={['healthCheck', 'intervalMs']} />
            <Num field={N.healthTimeoutMs} path={['healthCheck', 'timeoutMs']} />
            <Num field={N.unhealthyThreshold} path={['healthCheck', 'unhealthyThreshold']} />
            <Num field={N.healthyThreshold} path={['healthCheck', 'healthyThreshold']} />
          </OptionalSection>
        </>
      );
    case 'cache':
      return (
        <>
          <Num field={N.hitPercent} path={['hitPercent']} />
          <DistributionEditor label="Hit latency" path={['hitLatency']} />
          <OptionalSection label="Keyspace with TTL and LRU" path={['keyspace']} help="Hits come from real keys that expire and get evicted: needed to see a stampede after a flush.">
            <Num field={N.keys} path={['keyspace', 'keys']} />
            <Num field={N.ttlS} path={['keyspace', 'ttlS']} />
            <Num field={N.capacityKeys} path={['keyspace', 'capacity']} />
          </OptionalSection>
        </>
      );
    case 'queue':
      return (
        <>
          <Num field={N.brokerCapacity} path={['capacity']} />
          <Num field={N.visibilityTimeoutMs} path={['visibilityTimeoutMs']} />
          <Num field={N.maxDeliveries} path={['maxDeliveries']} />
          <DistributionEditor label="Publish latency" path={['publishLatency']} />
        </>
      );
    case 'topic':
      return (
        <>
          <Num field={{ ...N.brokerCapacity, label: 'Capacity per subscriber' }} path={['capacity']} />
          <DistributionEditor label="Publish latency" path={['publishLatency']} />
        </>
      );
    case 'external':
      return (
        <>
          <DistributionEditor label="Latency" path={['latency']} />
          <Num field={N.errorPercent} path={['errorPercent']} />
          <OptionalSection label="Concurrency limit" path={['concurrencyLimit']} onValue={N.concurrencyLimit.default}>
            <Num field={N.concurrencyLimit} path={['concurrencyLimit']} />
          </OptionalSection>
        </>
      );
  }
}
