-- 0003: partial index for the public story list (live variants of one site and culture, newest first).
-- The count and the page of GET /api/v1/stories?enterprise=&culture= are answered from this index alone;
-- before it they read every matching row and sorted them (bench/RESULTS.md, "What dominates").
CREATE INDEX "IX_story_variants_live" ON story_variants ("EnterpriseId", "Culture", "PublishedAt" DESC, "Id")
    WHERE "PublishedVersionId" IS NOT NULL AND "State" <> 'Archived';
