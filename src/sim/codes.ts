/** Integer codes the hot loop uses instead of strings. */

/** Failure causes: the index in FAILURE_CAUSES; OK (-1) means success. */
export const OK = -1;
export const ERROR = 0;
export const TIMEOUT = 1;
export const REJECTED_QUEUE_FULL = 2;
export const REJECTED_BULKHEAD = 3;
export const REJECTED_RATE_LIMIT = 4;
export const BREAKER_OPEN = 5;
export const SHED = 6;
export const CRASHED = 7;
export const PARTITIONED = 8;
export const DEPENDENCY_FAILED = 9;
export const CAUSE_COUNT = 10;

/** Node kinds. */
export const K_CLIENT = 0;
export const K_GATEWAY = 1;
export const K_LOAD_BALANCER = 2;
export const K_SERVICE = 3;
export const K_DATABASE = 4;
export const K_CACHE = 5;
export const K_QUEUE = 6;
export const K_TOPIC = 7;
export const K_EXTERNAL = 8;

/** What a node does after its own work (its call plan). */
export const PLAN_NONE = 0;
export const PLAN_SEQUENTIAL = 1;
export const PLAN_PARALLEL = 2;
/** A routing gateway: one outgoing edge per request, weighted by callPercent. */
export const PLAN_ROUTE = 3;
/** A load balancer: one call to a replica of its target. */
export const PLAN_FORWARD = 4;
/** A queue or topic: store the published message. */
export const PLAN_PUBLISH = 5;

/** Event kinds (the dispatcher's switch). */
export const EV_CLIENT_ARRIVAL = 0;
export const EV_CALL_ARRIVE = 1;
export const EV_SERVICE_DONE = 2;
export const EV_ATTEMPT_TIMEOUT = 3;
export const EV_RETRY = 4;
export const EV_SEND = 5;
export const EV_BULKHEAD_EXPIRE = 6;
export const EV_QUEUE_EXPIRE = 7;
export const EV_FAULT_START = 8;
export const EV_FAULT_END = 9;
export const EV_BREAKER_HALF_OPEN = 10;
export const EV_VISIBILITY = 11;
export const EV_MESSAGE_ARRIVE = 12;
export const EV_HEALTH_CHECK = 13;
export const EV_EJECTION_END = 14;
/** The head of an edge's time-out lane is due (lanes.ts). */
export const EV_TIMEOUT_LANE = 15;

/** Packs an edge index and a replica (or -1: the callee picks) into one event operand. */
export const EDGE_BITS = 13;
export const EDGE_MASK = (1 << EDGE_BITS) - 1;
export function packEdgeReplica(edge: number, replica: number): number {
  return edge | ((replica + 1) << EDGE_BITS);
}
