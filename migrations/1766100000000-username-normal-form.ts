import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Usernames are stored in their normal form (users/username.ts: NFKC, ASCII
 * lower-case), so a login compares them exactly and no database lower()
 * decides what JavaScript decided otherwise. Earlier accounts were ASCII
 * (the old rule); they are lower-cased the ASCII way, which the old
 * case-insensitive unique index guarantees cannot collide. The check keeps
 * anything but the safe characters out, whoever writes the row; that a new
 * username starts with a letter or digit is the app's rule only, as the old
 * one allowed a leading dot.
 */
export class UsernameNormalForm1766100000000 implements MigrationInterface {
  name = 'UsernameNormalForm1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE app_user SET username = translate(username, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')
                   WHERE username ~ '[A-Z]'`);
    await q.query(`DROP INDEX app_user_username_uq`);
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_username_uq UNIQUE (username)`);
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_username_safe CHECK (username ~ '^[a-z0-9._-]{3,64}$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_username_safe`);
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_username_uq`);
    await q.query(`CREATE UNIQUE INDEX app_user_username_uq ON app_user (lower(username))`);
  }
}
