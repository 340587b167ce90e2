import { afterAll, beforeAll, inject } from 'vitest';
import { closePools, configurePools } from '../pools.ts';

beforeAll(() => {
  configurePools(inject('db'));
});

afterAll(async () => {
  await closePools();
});
