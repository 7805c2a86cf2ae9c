-- 0011: translation memories: units of a source segment and its translation into one culture, per enterprise or
-- shared, keyed by the normalized source (exact matches), with the source length for fuzzy candidates.
CREATE TABLE memory_units (
    "Id" uuid NOT NULL,
    "Scope" character varying(40) NOT NULL,
    "EnterpriseId" uuid,
    "SourceCulture" character varying(35) NOT NULL,
    "TargetCulture" character varying(35) NOT NULL,
    "SourceKey" character varying(64) NOT NULL,
    "Source" text NOT NULL,
    "Target" text NOT NULL,
    "SourceLength" integer NOT NULL,
    "Origin" character varying(40) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_memory_units" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_memory_units_enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES enterprises ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_memory_units_EnterpriseId" ON memory_units ("EnterpriseId");
CREATE UNIQUE INDEX "IX_memory_units_Scope_SourceCulture_TargetCulture_SourceKey" ON memory_units ("Scope", "SourceCulture", "TargetCulture", "SourceKey");
CREATE INDEX "IX_memory_units_Scope_SourceCulture_TargetCulture_SourceLength" ON memory_units ("Scope", "SourceCulture", "TargetCulture", "SourceLength");
