-- 0007: the generation at which each content scope (one enterprise site, or the content all sites share) last
-- changed. The site page cache serves a page while no scope it depends on changed after it was rendered.
CREATE TABLE "content_scopes" (
    "Scope" TEXT NOT NULL CONSTRAINT "PK_content_scopes" PRIMARY KEY,
    "Generation" INTEGER NOT NULL
);
