-- 0008: an enterprise's profiles on overseas networks and its website, in display order, as one JSON text column
-- ([{"network":"linkedin","url":"https://…"}]) like the fallback chain. Existing enterprises start with none.
-- SQLite cannot drop a column default without rebuilding the table; the default is harmless (EF always writes the column).
ALTER TABLE "enterprises" ADD COLUMN "SocialLinks" text NOT NULL DEFAULT '[]';
