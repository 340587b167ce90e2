import { afterAll, beforeAll, inject } from 'vitest';
import { closePools, configurePools } from '../pools.ts';
import './provided-context.ts';

beforeAll(() => {
  configurePools(inject('db'));
});

afterAll(async () => {
  await closePools();
});
