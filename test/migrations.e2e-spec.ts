import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { migrations } from '../migrations/index.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { withClient } from '../src/database/pg-client.js';
import { revertLastMigration } from '../src/database/revert-migration.js';
import { canonicalJson } from '../src/audit/canonical-json.js';
import { AuditRepository } from '../src/audit/audit.repository.js';
import { AuditService } from '../src/audit/audit.service.js';
import { AuditEvent } from '../src/audit/entities/audit-event.entity.js';
import type { AuthUser } from '../src/auth/auth-user.js';
import { Role } from '../src/auth/role.js';
import { Database } from '../src/database/database.js';
import { createHash } from 'node:crypto';
import { createTestDatabase, dropTestDatabase } from './support/test-database.js';

/** A resident and a fire claim of 海沧 2022 as bare rows, the way a database of any earlier migration holds them. */
async function insertRawClaim(db: DataSource, seq: number): Promise<string> {
  const [{ id: residentId }] = await db.query(
    `INSERT INTO resident (name, id_number_cipher, id_number_index, id_number_masked, phone_cipher, phone_index, phone_masked, key_id,
       district_code, street_code, address, cover_basis)
     VALUES ('测试居民', 'x', repeat(md5($1::text), 2), '350205********0000', 'x', repeat('b', 64), '138****0000', 'k1', '350205', '350205001', '测试地址', 'registered')
     RETURNING id`, [seq]);
  const [{ id }] = await db.query(
    `INSERT INTO claim (claim_no, district_code, year, seq, street_code, policy_id, insurer_id, coverage_id, event_type, resident_id,
       incident_date, incident_place, description, claimed_amount, payee_account_name, payee_bank_name, payee_account_cipher,
       payee_account_index, payee_account_masked, reported_by)
     SELECT '350205-2022-' || lpad($2::text, 6, '0'), '350205', 2022, $2::integer, '350205001', p.id, p.insurer_id, cv.id, 'fire', $1, '2022-06-03', '测试地点', '测试', 100,
            '测试居民', '测试银行', 'x', repeat('c', 64), '**** 0000', (SELECT id FROM app_user WHERE username = 'hc.cadre1')
       FROM policy p JOIN coverage cv ON cv.policy_id = p.id AND cv.event_type = 'fire'
      WHERE p.district_code = '350205' AND p.year = 2022
     RETURNING id`, [residentId, seq]);
  return id;
}

/** The migrations on an empty database: up, all the way down, and up again. */
describe('migrations', () => {
  const adminUrl = process.env.ZZ_TEST_ADMIN_URL!;
  const name = `${process.env.ZZ_TEST_RUN_ID}_migrations`;
  let db: DataSource;

  const tables = async (): Promise<string[]> =>
    (await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).map((r: { tablename: string }) => r.tablename);

  beforeAll(async () => {
    await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    db = new DataSource(dataSourceOptions(url.toString()));
    await db.initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });

  it('apply in order, revert one by one to an empty schema, and apply again', async () => {
    expect((await db.runMigrations()).map((m) => m.name)).toEqual(migrations.map((m) => m.name));
    const applied = await tables();
    expect(applied).toEqual(expect.arrayContaining(['audit_event', 'claim', 'policy', 'rate_limit_hit']));

    for (let i = 0; i < migrations.length; i++) await revertLastMigration(db);
    expect(await tables()).toEqual(['migrations']);

    await db.runMigrations();
    expect(await tables()).toEqual(applied);
  });

  it('leave no table with two indexes of one definition (each written on every insert, for nothing)', async () => {
    await db.runMigrations();
    const duplicates: { indexes: string[] }[] = await db.query(
      `SELECT array_agg(i.indexrelid::regclass::text ORDER BY i.indexrelid::regclass::text) AS indexes
         FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public'
        GROUP BY i.indrelid, i.indkey::text, i.indclass::text, i.indcollation::text, i.indoption::text,
                 coalesce(pg_get_expr(i.indexprs, i.indrelid), ''), coalesce(pg_get_expr(i.indpred, i.indrelid), '')
       HAVING count(*) > 1`);
    expect(duplicates.map((d) => d.indexes)).toEqual([]);
  });

  it('give the documents stored before server-derived names such a name, keeping the sent one as metadata', async () => {
    const url = await createTestDatabase();
    const seeded = new DataSource(dataSourceOptions(url));
    await seeded.initialize();
    try {
      const [{ id: firstBefore }] = await seeded.query(`SELECT id FROM migrations WHERE name = 'DocumentNames1765200100000'`);
      while ((await seeded.query(`SELECT 1 FROM migrations WHERE id >= $1`, [firstBefore])).length > 0) await revertLastMigration(seeded);
      const claimId = await insertRawClaim(seeded, 777);
      for (const [type, fileName, mimeType, at] of [['photo', 'shell.php', 'image/png', '2022-06-04T10:00:00Z'], ['photo', '现场.jpg', 'image/jpeg', '2022-06-04T09:00:00Z'],
        ['fire_certificate', '认定书.pdf', 'application/pdf', '2022-06-04T11:00:00Z']]) {
        await seeded.query(
          `INSERT INTO claim_document (claim_id, type, file_name, mime_type, size, sha256, uploaded_by, uploaded_at)
           VALUES ($1, $2, $3, $4, 10, repeat('d', 64), (SELECT id FROM app_user WHERE username = 'hc.cadre1'), $5)`, [claimId, type, fileName, mimeType, at]);
      }

      await seeded.runMigrations();
      expect(await seeded.query(`SELECT file_name, original_file_name, seq FROM claim_document WHERE claim_id = $1 ORDER BY file_name`, [claimId])).toEqual([
        { file_name: '350205-2022-000777-fire_certificate-01.pdf', original_file_name: '认定书.pdf', seq: 1 },
        { file_name: '350205-2022-000777-photo-01.jpg', original_file_name: '现场.jpg', seq: 1 },
        { file_name: '350205-2022-000777-photo-02.png', original_file_name: 'shell.php', seq: 2 },
      ]);
    } finally {
      await seeded.destroy();
      await dropTestDatabase(url);
    }
  });

  describe('audit chains per district', () => {
    let url: string;
    let seeded: DataSource;
    const admin = { id: null, role: Role.Admin } as unknown as AuthUser;
    const verify = () => new AuditService(new AuditRepository(), new Database(seeded)).verify(admin);
    const revertChains = async () => {
      const [{ id }] = await seeded.query(`SELECT id FROM migrations WHERE name = 'AuditChainsPerDistrict1766000000001'`);
      while ((await seeded.query('SELECT 1 FROM migrations WHERE id >= $1', [id])).length > 0) await revertLastMigration(seeded);
    };
    /** The one global chain as it was before: gap-free seq, each event hashed with its seq and linked to the one before. */
    const globalChainHolds = async (): Promise<boolean> => {
      const events = await seeded.query(`SELECT seq, at, actor_id, action, entity, entity_id, district_code, data, prev_hash, hash FROM audit_event ORDER BY seq`);
      let prev = '0'.repeat(64);
      return events.every((e: Record<string, any>, i: number) => {
        const hash = createHash('sha256').update(prev).update(canonicalJson({
          seq: e.seq, at: e.at.toISOString(), actorId: e.actor_id, action: e.action, entity: e.entity,
          entityId: e.entity_id, districtCode: e.district_code, data: e.data,
        })).digest('hex');
        const holds = e.seq === String(i + 1) && e.prev_hash === prev && e.hash === hash;
        prev = e.hash;
        return holds;
      });
    };

    beforeAll(async () => {
      url = await createTestDatabase();
      seeded = new DataSource({ ...dataSourceOptions(url), entities: [AuditEvent] });
      await seeded.initialize();
      const audit = new AuditService(new AuditRepository(), new Database(seeded));
      // Interleaved on purpose: in the old layout these were one chain in this order.
      for (const [districtCode, action] of [['350205', 'claim.file'], [null, 'insurer.create'], ['350211', 'claim.file'], ['350205', 'claim.verify'],
        ['350211', 'claim.verify'], [null, 'user.create'], ['350205', 'claim.assess']] as const) {
        await seeded.transaction((tx) => audit.record(tx, { actor: { id: null }, action, entity: 'test', districtCode, data: { note: '迁移前' } }));
      }
    });
    afterAll(async () => {
      await seeded.destroy();
      await dropTestDatabase(url);
    });

    it('split the one chain of the seeded log by district, every link checked, and join it back on revert', async () => {
      const events: { seq: string; action: string; chain: string }[] = await seeded.query('SELECT seq, action, chain FROM audit_event ORDER BY seq');
      expect(new Set(events.map((e) => e.chain)).size).toBeGreaterThan(1);
      await revertChains();
      expect(await globalChainHolds()).toBe(true);
      expect((await seeded.query('SELECT action FROM audit_event ORDER BY seq')).map((e: { action: string }) => e.action)).toEqual(events.map((e) => e.action));

      await seeded.runMigrations();
      const result = await verify();
      expect(result).toMatchObject({ ok: true, checked: events.length, firstBrokenSeq: null });
      expect(result.chains.map((c) => c.chain).sort()).toEqual([...new Set(events.map((e) => e.chain))].sort());
      // New events continue the log after the migrated ones.
      const [{ seq }] = await seeded.query(`SELECT nextval('audit_event_seq_seq')::text AS seq`);
      expect(BigInt(seq)).toBeGreaterThan(BigInt(events[events.length - 1].seq));
    });

    it('refuse to re-hash a log whose old chain is already broken', async () => {
      await revertChains();
      await seeded.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
      await seeded.query(`UPDATE audit_event SET data = jsonb_set(data, '{tampered}', 'true') WHERE seq = 5`);
      await seeded.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
      await expect(seeded.runMigrations()).rejects.toThrow(/seq 5 breaks the audit chain/);
      // Nothing of the new layout was left behind.
      expect(await seeded.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'audit_event' AND column_name = 'chain'`)).toEqual([]);
    });
  });

  it("put the claim's district on every row it owns, kept by a foreign key to the claim", async () => {
    const url = await createTestDatabase();
    const seeded = new DataSource(dataSourceOptions(url));
    await seeded.initialize();
    try {
      const columns: { table_name: string }[] = await seeded.query(
        `SELECT table_name FROM information_schema.columns WHERE column_name = 'claim_id' AND table_schema = 'public' ORDER BY table_name`);
      const withDistrict: { table_name: string }[] = await seeded.query(
        `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.columns d ON d.table_name = c.table_name AND d.column_name = 'district_code'
          WHERE c.column_name = 'claim_id' AND c.table_schema = 'public' ORDER BY c.table_name`);
      // Every table that holds a claim's rows carries its district (notifications included, when present).
      expect(withDistrict.map((r) => r.table_name)).toEqual(columns.map((r) => r.table_name));
      const claimId = await insertRawClaim(seeded, 888);
      await seeded.query(`INSERT INTO claim_status_change (claim_id, from_status, to_status, actor_id) VALUES ($1, NULL, 'reported', (SELECT id FROM app_user WHERE username = 'hc.cadre1'))`, [claimId]);
      const [{ district_code: copied }] = await seeded.query(`SELECT s.district_code FROM claim_status_change s WHERE s.claim_id = $1`, [claimId]);
      const [{ district_code: own }] = await seeded.query('SELECT district_code FROM claim WHERE id = $1', [claimId]);
      expect(copied).toBe(own);
      // A row cannot name another district than its claim's.
      await expect(seeded.query(`UPDATE claim_status_change SET district_code = '350211' WHERE claim_id = $1`, [claimId])).rejects.toThrow(/claim_district_fk/);
    } finally {
      await seeded.destroy();
      await dropTestDatabase(url);
    }
  });
});
