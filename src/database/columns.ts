import type { ValueTransformer } from 'typeorm';

/** bigint fen columns come back from pg as strings; the domain works in bigint. */
export const fen: ValueTransformer = {
  to: (value: bigint | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: string | null) => (value === null ? null : BigInt(value)),
};
