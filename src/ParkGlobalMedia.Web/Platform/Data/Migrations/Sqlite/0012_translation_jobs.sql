-- 0012: translation jobs and review. A document per story and target culture (its units keyed by exact source
-- text, with provenance), jobs (the queue, with progress per culture), characters sent per paid provider, enterprise
-- and month (budgets), and on versions the author a reviewer's correction answers for (four-eyes rule).
ALTER TABLE "story_versions" ADD "CorrectedFromAuthorId" TEXT NULL;

CREATE TABLE "translation_usage" (
    "EnterpriseId" TEXT NOT NULL,
    "Provider" TEXT NOT NULL,
    "Month" TEXT NOT NULL,
    "Characters" INTEGER NOT NULL,
    CONSTRAINT "PK_translation_usage" PRIMARY KEY ("EnterpriseId", "Provider", "Month"),
    CONSTRAINT "FK_translation_usage_enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "enterprises" ("Id") ON DELETE CASCADE
);

CREATE TABLE "translation_documents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_translation_documents" PRIMARY KEY,
    "StoryId" TEXT NOT NULL,
    "EnterpriseId" TEXT NOT NULL,
    "SourceCulture" TEXT NOT NULL,
    "TargetCulture" TEXT NOT NULL,
    "Units" text NOT NULL,
    "SourceVersionNumber" INTEGER NULL,
    "WrittenVersionNumber" INTEGER NULL,
    "Provider" TEXT NULL,
    "RequestedById" TEXT NULL,
    "RequestedByName" TEXT NULL,
    "TranslatedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Revision" INTEGER NOT NULL,
    CONSTRAINT "FK_translation_documents_stories_StoryId" FOREIGN KEY ("StoryId") REFERENCES "stories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "translation_jobs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_translation_jobs" PRIMARY KEY,
    "StoryId" TEXT NOT NULL,
    "EnterpriseId" TEXT NOT NULL,
    "SourceCulture" TEXT NOT NULL,
    "Provider" TEXT NOT NULL,
    "Targets" text NOT NULL,
    "ReplaceExisting" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "SourceVersionNumber" INTEGER NOT NULL,
    "RequestedById" TEXT NOT NULL,
    "RequestedByName" TEXT NOT NULL,
    "CharactersSent" INTEGER NOT NULL,
    "Calls" INTEGER NOT NULL,
    "Message" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "StartedAt" TEXT NULL,
    "HeartbeatAt" TEXT NULL,
    "FinishedAt" TEXT NULL,
    "Revision" INTEGER NOT NULL,
    CONSTRAINT "FK_translation_jobs_stories_StoryId" FOREIGN KEY ("StoryId") REFERENCES "stories" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_translation_documents_StoryId_TargetCulture" ON "translation_documents" ("StoryId", "TargetCulture");

CREATE INDEX "IX_translation_jobs_State_CreatedAt" ON "translation_jobs" ("State", "CreatedAt");

CREATE INDEX "IX_translation_jobs_StoryId_CreatedAt" ON "translation_jobs" ("StoryId", "CreatedAt");
