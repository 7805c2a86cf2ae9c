-- 0012: translation jobs and review. A document per story and target culture (its units keyed by exact source
-- text, with provenance), jobs (the queue, with progress per culture), characters sent per paid provider, enterprise
-- and month (budgets), and on versions the author a reviewer's correction answers for (four-eyes rule).
ALTER TABLE "story_versions" ADD "CorrectedFromAuthorId" uuid;

CREATE TABLE translation_usage (
    "EnterpriseId" uuid NOT NULL,
    "Provider" character varying(32) NOT NULL,
    "Month" character varying(7) NOT NULL,
    "Characters" bigint NOT NULL,
    CONSTRAINT "PK_translation_usage" PRIMARY KEY ("EnterpriseId", "Provider", "Month"),
    CONSTRAINT "FK_translation_usage_enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES enterprises ("Id") ON DELETE CASCADE
);

CREATE TABLE translation_documents (
    "Id" uuid NOT NULL,
    "StoryId" uuid NOT NULL,
    "EnterpriseId" uuid NOT NULL,
    "SourceCulture" character varying(35) NOT NULL,
    "TargetCulture" character varying(35) NOT NULL,
    "Units" text NOT NULL,
    "SourceVersionNumber" integer,
    "WrittenVersionNumber" integer,
    "Provider" character varying(32),
    "RequestedById" uuid,
    "RequestedByName" character varying(256),
    "TranslatedAt" timestamp with time zone,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Revision" bigint NOT NULL,
    CONSTRAINT "PK_translation_documents" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_translation_documents_stories_StoryId" FOREIGN KEY ("StoryId") REFERENCES stories ("Id") ON DELETE CASCADE
);

CREATE TABLE translation_jobs (
    "Id" uuid NOT NULL,
    "StoryId" uuid NOT NULL,
    "EnterpriseId" uuid NOT NULL,
    "SourceCulture" character varying(35) NOT NULL,
    "Provider" character varying(32) NOT NULL,
    "Targets" text NOT NULL,
    "ReplaceExisting" boolean NOT NULL,
    "State" character varying(16) NOT NULL,
    "SourceVersionNumber" integer NOT NULL,
    "RequestedById" uuid NOT NULL,
    "RequestedByName" character varying(256) NOT NULL,
    "CharactersSent" bigint NOT NULL,
    "Calls" integer NOT NULL,
    "Message" character varying(4000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "StartedAt" timestamp with time zone,
    "HeartbeatAt" timestamp with time zone,
    "FinishedAt" timestamp with time zone,
    "Revision" bigint NOT NULL,
    CONSTRAINT "PK_translation_jobs" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_translation_jobs_stories_StoryId" FOREIGN KEY ("StoryId") REFERENCES stories ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_translation_documents_StoryId_TargetCulture" ON translation_documents ("StoryId", "TargetCulture");

CREATE INDEX "IX_translation_jobs_State_CreatedAt" ON translation_jobs ("State", "CreatedAt");

CREATE INDEX "IX_translation_jobs_StoryId_CreatedAt" ON translation_jobs ("StoryId", "CreatedAt");
