import { useMemo } from 'react';

/**
 * A roster's rows as one JSON string inside the loader data.
 *
 * Remix streams loader data with turbo-stream, which flattens and de-duplicates every value: for
 * 10,000 rows of 18 fields that is 180,000 values, about 0.2 s to encode on the server and 0.3 s
 * (plus garbage collection) to decode in the browser before the grid can start. One string is
 * encoded and decoded by the engines' native JSON instead, in a few milliseconds each way.
 * The rows must be plain JSON values; the API returns dates as ISO strings, so they are.
 */
export type JsonRows<Row> = string & { readonly __rows?: Row };

/** In the loader. */
export const toJsonRows = <Row>(rows: readonly Row[]): JsonRows<Row> => JSON.stringify(rows);

/** In the route component: parsed once per loader result, not on every render. */
export const useJsonRows = <Row>(json: JsonRows<Row>): Row[] => useMemo(() => JSON.parse(json) as Row[], [json]);
