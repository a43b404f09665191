// The charts draw engine data; its types live with the data model.
export type { BreakerState, FailureCause } from '../../model';
