// The run result types are part of the data model (the store, the studio and the CLI read them
// too), so they live in model/results.ts; the engine re-exports them for its own modules.
export * from '../model/results';
