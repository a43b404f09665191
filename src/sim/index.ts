export * from './types';
export { Simulation, simulate } from './simulation';
export { hashResult, canonicalJson } from './hash';
