import type { DeepPartial, EntityManager, ObjectLiteral } from 'typeorm';

/**
 * An INSERT, never `save()`'s look-up-then-INSERT-or-UPDATE: a row whose key
 * exists already fails with the unique violation, which the error filter
 * answers as 409 CONFLICT. Returns the entity with its generated columns.
 */
export async function insertRow<T extends ObjectLiteral>(tx: EntityManager, target: new () => T, values: NoInfer<DeepPartial<T>>): Promise<T> {
  const repository = tx.getRepository(target);
  const entity = repository.create(values);
  await repository.insert(entity);
  return entity;
}
