-- 0010: termbases for translation: the centre's shared one (Scope 'shared') and one per enterprise (Scope = its id),
-- one term per source text and culture in each.
CREATE TABLE "glossary_terms" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_glossary_terms" PRIMARY KEY,
    "Scope" TEXT NOT NULL,
    "EnterpriseId" TEXT NULL,
    "SourceCulture" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "Targets" text NOT NULL,
    "DoNotTranslate" INTEGER NOT NULL,
    "Forbidden" text NOT NULL,
    "PartOfSpeech" TEXT NULL,
    "Note" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Revision" INTEGER NOT NULL,
    CONSTRAINT "FK_glossary_terms_enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "enterprises" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_glossary_terms_EnterpriseId" ON "glossary_terms" ("EnterpriseId");
CREATE UNIQUE INDEX "IX_glossary_terms_Scope_SourceCulture_Source" ON "glossary_terms" ("Scope", "SourceCulture", "Source");
