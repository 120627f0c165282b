import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents are stored and served under a name the server derives (claim
 * number, type, sequence within the type, extension of the detected type);
 * the name the uploader sent is kept as metadata only.
 */
export class DocumentNames1765200100000 implements MigrationInterface {
  name = 'DocumentNames1765200100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claim_document ADD COLUMN seq integer, ADD COLUMN original_file_name varchar(255)`);
    await q.query(`
      UPDATE claim_document d
         SET seq = numbered.seq,
             original_file_name = nullif(d.file_name, ''),
             file_name = c.claim_no || '-' || d.type || '-' || lpad(numbered.seq::text, 2, '0') || '.'
                         || CASE d.mime_type WHEN 'application/pdf' THEN 'pdf' WHEN 'image/jpeg' THEN 'jpg' ELSE 'png' END
        FROM (SELECT id, row_number() OVER (PARTITION BY claim_id, type ORDER BY uploaded_at, id)::int AS seq FROM claim_document) numbered,
             claim c
       WHERE numbered.id = d.id AND c.id = d.claim_id`);
    await q.query(`ALTER TABLE claim_document ALTER COLUMN seq SET NOT NULL, ADD CONSTRAINT claim_document_seq_check CHECK (seq > 0)`);
    await q.query(`ALTER TABLE claim_document ADD CONSTRAINT claim_document_type_seq_uq UNIQUE (claim_id, type, seq)`);
    // Only characters of claim numbers and type codes, and the extension of the stored type.
    await q.query(`ALTER TABLE claim_document ADD CONSTRAINT claim_document_file_name_check CHECK (
      file_name ~ '^[0-9]+-[0-9]{4}-[0-9]+-[a-z][a-z0-9_]*-[0-9]{2,}\\.(pdf|jpg|png)$'
      AND right(file_name, 4) = CASE mime_type WHEN 'application/pdf' THEN '.pdf' WHEN 'image/jpeg' THEN '.jpg' ELSE '.png' END)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claim_document DROP CONSTRAINT claim_document_file_name_check, DROP CONSTRAINT claim_document_type_seq_uq`);
    await q.query(`UPDATE claim_document SET file_name = coalesce(original_file_name, file_name)`);
    await q.query(`ALTER TABLE claim_document DROP COLUMN original_file_name, DROP COLUMN seq`);
  }
}
