-- 0008: an enterprise's profiles on overseas networks and its website, in display order, as one JSON text column
-- ([{"network":"linkedin","url":"https://…"}]) like the fallback chain. Existing enterprises start with none; the
-- default only fills them and is dropped again, so the column matches the EF model (which always writes it).
ALTER TABLE enterprises ADD COLUMN "SocialLinks" text NOT NULL DEFAULT '[]';
ALTER TABLE enterprises ALTER COLUMN "SocialLinks" DROP DEFAULT;
