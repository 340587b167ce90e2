import { z } from 'zod';

export const isUuid = (id: string) => z.uuid().safeParse(id).success;
