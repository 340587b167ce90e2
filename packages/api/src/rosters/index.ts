export * from './fields.ts';
export * from './save.ts';
export * from './kit/define.ts';
export * from './kit/fields.ts';
export * from './definitions/volunteers.ts';
export * from './definitions/participants.ts';
export * from './definitions/courses.ts';
export * from './registry.ts';
