-- 0009: story versions by slug. A public story URL names a version's slug; resolving one (and an old one after a
-- rename) scanned every variant of the site and culture before (bench/sites.sh), now it is an index lookup.
CREATE INDEX "IX_story_versions_Slug" ON "story_versions" ("Slug");
