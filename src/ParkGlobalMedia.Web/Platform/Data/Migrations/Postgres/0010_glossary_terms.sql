-- 0010: termbases for translation: the centre's shared one (Scope 'shared') and one per enterprise (Scope = its id),
-- one term per source text and culture in each.
CREATE TABLE glossary_terms (
    "Id" uuid NOT NULL,
    "Scope" character varying(40) NOT NULL,
    "EnterpriseId" uuid,
    "SourceCulture" character varying(35) NOT NULL,
    "Source" character varying(200) NOT NULL,
    "Targets" text NOT NULL,
    "DoNotTranslate" boolean NOT NULL,
    "Forbidden" text NOT NULL,
    "PartOfSpeech" character varying(40),
    "Note" character varying(1000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Revision" bigint NOT NULL,
    CONSTRAINT "PK_glossary_terms" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_glossary_terms_enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES enterprises ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_glossary_terms_EnterpriseId" ON glossary_terms ("EnterpriseId");
CREATE UNIQUE INDEX "IX_glossary_terms_Scope_SourceCulture_Source" ON glossary_terms ("Scope", "SourceCulture", "Source");
