-- 0011: translation memories: units of a source segment and its translation into one culture, per enterprise or
-- shared, keyed by the normalized source (exact matches), with the source length for fuzzy candidates.
CREATE TABLE "memory_units" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_memory_units" PRIMARY KEY,
    "Scope" TEXT NOT NULL,
    "EnterpriseId" TEXT NULL,
    "SourceCulture" TEXT NOT NULL,
    "TargetCulture" TEXT NOT NULL,
    "SourceKey" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "Target" TEXT NOT NULL,
    "SourceLength" INTEGER NOT NULL,
    "Origin" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_memory_units_enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "enterprises" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_memory_units_EnterpriseId" ON "memory_units" ("EnterpriseId");
CREATE UNIQUE INDEX "IX_memory_units_Scope_SourceCulture_TargetCulture_SourceKey" ON "memory_units" ("Scope", "SourceCulture", "TargetCulture", "SourceKey");
CREATE INDEX "IX_memory_units_Scope_SourceCulture_TargetCulture_SourceLength" ON "memory_units" ("Scope", "SourceCulture", "TargetCulture", "SourceLength");
