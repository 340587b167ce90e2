export * from './fields.ts';
export * from './volunteer.ts';
export * from './participant.ts';
export * from './save.ts';
