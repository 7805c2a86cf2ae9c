-- 0004: content generation counter. Every save that touches public content bumps it; each instance's response
-- cache serves an entry only while the generation it was computed at is still current.
CREATE TABLE "content_generation" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_content_generation" PRIMARY KEY,
    "Generation" INTEGER NOT NULL
);

INSERT INTO "content_generation" ("Id", "Generation") VALUES (1, 0);
