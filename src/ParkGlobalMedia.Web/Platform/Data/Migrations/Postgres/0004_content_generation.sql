-- 0004: content generation counter. Every save that touches public content bumps it; each instance's response
-- cache serves an entry only while the generation it was computed at is still current.
CREATE TABLE content_generation (
    "Id" integer NOT NULL,
    "Generation" bigint NOT NULL,
    CONSTRAINT "PK_content_generation" PRIMARY KEY ("Id")
);

INSERT INTO content_generation ("Id", "Generation") VALUES (1, 0);
