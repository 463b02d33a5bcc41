// The activity record of the national taxonomy: codes, schema, anonymisation.
export * from './codes.ts';
export * from './record.ts';
export * from './anonymise.ts';
