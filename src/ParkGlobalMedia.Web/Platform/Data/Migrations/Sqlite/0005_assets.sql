-- 0005: the asset bank. Assets (one per file per library: the unique (Library, Sha256) index is the de-duplication
-- rule), their tags, collections, renditions, history and usages, and resumable upload sessions.

CREATE TABLE "upload_sessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_upload_sessions" PRIMARY KEY,
    "OwnerEnterpriseId" TEXT NULL,
    "FileName" TEXT NOT NULL,
    "Length" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "ReceivedBytes" INTEGER NOT NULL,
    "Parts" INTEGER NOT NULL,
    "CreatedById" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "AssetId" TEXT NULL,
    CONSTRAINT "FK_upload_sessions_enterprises_OwnerEnterpriseId" FOREIGN KEY ("OwnerEnterpriseId") REFERENCES "enterprises" ("Id") ON DELETE CASCADE
);

CREATE TABLE "assets" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_assets" PRIMARY KEY,
    "OwnerEnterpriseId" TEXT NULL,
    "Library" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Extension" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Length" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "OriginalKey" TEXT NOT NULL,
    "Width" INTEGER NULL,
    "Height" INTEGER NULL,
    "DurationSeconds" REAL NULL,
    "Facts" text NOT NULL,
    "Texts" text NOT NULL,
    "CampaignId" TEXT NULL,
    "Creator" TEXT NULL,
    "CreditLine" TEXT NULL,
    "Copyright" TEXT NULL,
    "Licence" TEXT NOT NULL,
    "Territories" text NOT NULL,
    "ExpiresOn" TEXT NULL,
    "LimitedUse" TEXT NULL,
    "ModelRelease" INTEGER NOT NULL,
    "PropertyRelease" INTEGER NOT NULL,
    "WithdrawnAt" TEXT NULL,
    "WithdrawnReason" TEXT NULL,
    "FocusX" REAL NOT NULL,
    "FocusY" REAL NOT NULL,
    "PosterSecond" REAL NOT NULL,
    "Sharing" TEXT NOT NULL,
    "SharingComment" TEXT NULL,
    "Processing" TEXT NOT NULL,
    "ProcessingPercent" INTEGER NOT NULL,
    "ProcessingStep" TEXT NULL,
    "ProcessingError" TEXT NULL,
    "ProcessingAttempts" INTEGER NOT NULL,
    "ProcessingLeaseUntil" TEXT NULL,
    "RenditionVersion" INTEGER NOT NULL,
    "SearchText" TEXT NOT NULL,
    "CreatedById" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Revision" INTEGER NOT NULL,
    CONSTRAINT "FK_assets_campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "campaigns" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_assets_enterprises_OwnerEnterpriseId" FOREIGN KEY ("OwnerEnterpriseId") REFERENCES "enterprises" ("Id") ON DELETE CASCADE
);

CREATE TABLE "asset_collections" (
    "AssetId" TEXT NOT NULL,
    "Collection" TEXT NOT NULL,
    CONSTRAINT "PK_asset_collections" PRIMARY KEY ("AssetId", "Collection"),
    CONSTRAINT "FK_asset_collections_assets_AssetId" FOREIGN KEY ("AssetId") REFERENCES "assets" ("Id") ON DELETE CASCADE
);

CREATE TABLE "asset_events" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_asset_events" PRIMARY KEY AUTOINCREMENT,
    "AssetId" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Comment" TEXT NULL,
    "ActorId" TEXT NULL,
    "ActorName" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    CONSTRAINT "FK_asset_events_assets_AssetId" FOREIGN KEY ("AssetId") REFERENCES "assets" ("Id") ON DELETE CASCADE
);

CREATE TABLE "asset_renditions" (
    "AssetId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "Key" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Width" INTEGER NOT NULL,
    "Height" INTEGER NOT NULL,
    "Length" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "PK_asset_renditions" PRIMARY KEY ("AssetId", "Name"),
    CONSTRAINT "FK_asset_renditions_assets_AssetId" FOREIGN KEY ("AssetId") REFERENCES "assets" ("Id") ON DELETE CASCADE
);

CREATE TABLE "asset_tags" (
    "AssetId" TEXT NOT NULL,
    "Tag" TEXT NOT NULL,
    CONSTRAINT "PK_asset_tags" PRIMARY KEY ("AssetId", "Tag"),
    CONSTRAINT "FK_asset_tags_assets_AssetId" FOREIGN KEY ("AssetId") REFERENCES "assets" ("Id") ON DELETE CASCADE
);

CREATE TABLE "asset_usages" (
    "AssetId" TEXT NOT NULL,
    "SubjectKind" TEXT NOT NULL,
    "SubjectId" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "EnterpriseId" TEXT NOT NULL,
    "Label" TEXT NOT NULL,
    "Since" TEXT NOT NULL,
    CONSTRAINT "PK_asset_usages" PRIMARY KEY ("AssetId", "SubjectKind", "SubjectId", "Role"),
    CONSTRAINT "FK_asset_usages_assets_AssetId" FOREIGN KEY ("AssetId") REFERENCES "assets" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_asset_collections_Collection" ON "asset_collections" ("Collection");

CREATE INDEX "IX_asset_events_AssetId_At" ON "asset_events" ("AssetId", "At");

CREATE INDEX "IX_asset_tags_Tag" ON "asset_tags" ("Tag");

CREATE INDEX "IX_asset_usages_SubjectKind_SubjectId" ON "asset_usages" ("SubjectKind", "SubjectId");

CREATE INDEX "IX_assets_CampaignId" ON "assets" ("CampaignId");

CREATE UNIQUE INDEX "IX_assets_Library_Sha256" ON "assets" ("Library", "Sha256");

CREATE INDEX "IX_assets_OwnerEnterpriseId" ON "assets" ("OwnerEnterpriseId");

CREATE INDEX "IX_assets_Processing_ProcessingLeaseUntil" ON "assets" ("Processing", "ProcessingLeaseUntil");

CREATE INDEX "IX_assets_Sharing_CreatedAt" ON "assets" ("Sharing", "CreatedAt");

CREATE INDEX "IX_upload_sessions_ExpiresAt" ON "upload_sessions" ("ExpiresAt");

CREATE INDEX "IX_upload_sessions_OwnerEnterpriseId" ON "upload_sessions" ("OwnerEnterpriseId");

-- Search works for Chinese as well as Latin scripts: a trigram full-text index needs no word segmentation. The FTS5
-- table keeps its own copy of SearchText (no external content: the assets table's rowids are not stable across
-- VACUUM), and triggers keep it in step so no write path can forget it. Queries use LIKE '%term%', which the trigram
-- tokenizer answers from the index for terms of three or more characters and by scanning the copy for shorter ones.
CREATE VIRTUAL TABLE assets_search USING fts5(asset_id UNINDEXED, text, tokenize = 'trigram');

CREATE TRIGGER assets_search_insert AFTER INSERT ON assets BEGIN
    INSERT INTO assets_search (asset_id, text) VALUES (new."Id", new."SearchText");
END;

CREATE TRIGGER assets_search_update AFTER UPDATE OF "SearchText" ON assets BEGIN
    DELETE FROM assets_search WHERE asset_id = old."Id";
    INSERT INTO assets_search (asset_id, text) VALUES (new."Id", new."SearchText");
END;

CREATE TRIGGER assets_search_delete AFTER DELETE ON assets BEGIN
    DELETE FROM assets_search WHERE asset_id = old."Id";
END;
