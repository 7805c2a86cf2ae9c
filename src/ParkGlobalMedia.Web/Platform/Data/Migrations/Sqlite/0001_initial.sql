-- 0001 initial schema (Sqlite).
-- Written from the output of the 'model-script' verb and reviewed by hand; applied scripts are immutable,
-- so every later schema change is a new numbered script. The schema test compares the result with the EF model.

CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "PreferredCulture" TEXT NULL,
    "ReviewerCultures" text NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "categories" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_categories" PRIMARY KEY,
    "Key" TEXT NOT NULL,
    "Names" text NOT NULL,
    "SortOrder" INTEGER NOT NULL
);

CREATE TABLE "cultures" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_cultures" PRIMARY KEY,
    "EnglishName" TEXT NOT NULL,
    "NativeName" TEXT NOT NULL,
    "IsRightToLeft" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL
);

CREATE TABLE "enterprises" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_enterprises" PRIMARY KEY,
    "Slug" TEXT NOT NULL,
    "Names" text NOT NULL,
    "Park" text NOT NULL,
    "IndustryChain" text NOT NULL,
    "Profile" text NOT NULL,
    "Cultures" text NOT NULL,
    "DefaultCulture" TEXT NOT NULL,
    "FallbackChain" text NOT NULL,
    "Theme" TEXT NOT NULL,
    "CustomHost" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Revision" INTEGER NOT NULL
);

CREATE TABLE "platform_settings" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_platform_settings" PRIMARY KEY,
    "Value" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "api_tokens" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_api_tokens" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Prefix" TEXT NOT NULL,
    "SecretHash" TEXT NOT NULL,
    "Scopes" text NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "RevokedAt" TEXT NULL,
    "LastUsedAt" TEXT NULL,
    CONSTRAINT "FK_api_tokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "campaigns" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_campaigns" PRIMARY KEY,
    "Key" TEXT NOT NULL,
    "Names" text NOT NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NOT NULL,
    "Hashtag" TEXT NULL,
    "OwnerEnterpriseId" TEXT NULL,
    "Revision" INTEGER NOT NULL,
    CONSTRAINT "FK_campaigns_enterprises_OwnerEnterpriseId" FOREIGN KEY ("OwnerEnterpriseId") REFERENCES "enterprises" ("Id") ON DELETE CASCADE
);

CREATE TABLE "enterprise_memberships" (
    "UserId" TEXT NOT NULL,
    "EnterpriseId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "PK_enterprise_memberships" PRIMARY KEY ("UserId", "EnterpriseId"),
    CONSTRAINT "FK_enterprise_memberships_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_enterprise_memberships_enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "enterprises" ("Id") ON DELETE CASCADE
);

CREATE TABLE "stories" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_stories" PRIMARY KEY,
    "EnterpriseId" TEXT NOT NULL,
    "SourceCulture" TEXT NOT NULL,
    "CategoryId" TEXT NOT NULL,
    "CampaignId" TEXT NULL,
    "CoverAssetId" TEXT NULL,
    "CreatedById" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Revision" INTEGER NOT NULL,
    CONSTRAINT "FK_stories_campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "campaigns" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_stories_categories_CategoryId" FOREIGN KEY ("CategoryId") REFERENCES "categories" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_stories_enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "enterprises" ("Id") ON DELETE CASCADE
);

CREATE TABLE "story_tags" (
    "StoryId" TEXT NOT NULL,
    "Tag" TEXT NOT NULL,
    CONSTRAINT "PK_story_tags" PRIMARY KEY ("StoryId", "Tag"),
    CONSTRAINT "FK_story_tags_stories_StoryId" FOREIGN KEY ("StoryId") REFERENCES "stories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "story_variants" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_story_variants" PRIMARY KEY,
    "StoryId" TEXT NOT NULL,
    "EnterpriseId" TEXT NOT NULL,
    "Culture" TEXT NOT NULL,
    "Slug" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "PublishedVersionId" TEXT NULL,
    "DraftVersionId" TEXT NULL,
    "PublishAt" TEXT NULL,
    "ArchiveAt" TEXT NULL,
    "FirstPublishedAt" TEXT NULL,
    "PublishedAt" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Revision" INTEGER NOT NULL,
    CONSTRAINT "FK_story_variants_enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "enterprises" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_story_variants_stories_StoryId" FOREIGN KEY ("StoryId") REFERENCES "stories" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_story_variants_story_versions_DraftVersionId" FOREIGN KEY ("DraftVersionId") REFERENCES "story_versions" ("Id"),
    CONSTRAINT "FK_story_variants_story_versions_PublishedVersionId" FOREIGN KEY ("PublishedVersionId") REFERENCES "story_versions" ("Id")
);

CREATE TABLE "story_versions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_story_versions" PRIMARY KEY,
    "VariantId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Slug" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "SeoTitle" TEXT NULL,
    "SeoDescription" TEXT NULL,
    "AuthorId" TEXT NOT NULL,
    "AuthorName" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "RestoredFromNumber" INTEGER NULL,
    CONSTRAINT "FK_story_versions_story_variants_VariantId" FOREIGN KEY ("VariantId") REFERENCES "story_variants" ("Id") ON DELETE CASCADE
);

CREATE TABLE "workflow_transitions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_workflow_transitions" PRIMARY KEY,
    "VariantId" TEXT NOT NULL,
    "FromState" TEXT NOT NULL,
    "ToState" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "ActorId" TEXT NULL,
    "ActorName" TEXT NOT NULL,
    "Comment" TEXT NULL,
    "VersionNumber" INTEGER NULL,
    "At" TEXT NOT NULL,
    CONSTRAINT "FK_workflow_transitions_story_variants_VariantId" FOREIGN KEY ("VariantId") REFERENCES "story_variants" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_api_tokens_SecretHash" ON "api_tokens" ("SecretHash");

CREATE INDEX "IX_api_tokens_UserId" ON "api_tokens" ("UserId");

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE UNIQUE INDEX "IX_campaigns_Key" ON "campaigns" ("Key");

CREATE INDEX "IX_campaigns_OwnerEnterpriseId" ON "campaigns" ("OwnerEnterpriseId");

CREATE UNIQUE INDEX "IX_categories_Key" ON "categories" ("Key");

CREATE INDEX "IX_enterprise_memberships_EnterpriseId" ON "enterprise_memberships" ("EnterpriseId");

CREATE UNIQUE INDEX "IX_enterprises_CustomHost" ON "enterprises" ("CustomHost");

CREATE UNIQUE INDEX "IX_enterprises_Slug" ON "enterprises" ("Slug");

CREATE INDEX "IX_stories_CampaignId" ON "stories" ("CampaignId");

CREATE INDEX "IX_stories_CategoryId" ON "stories" ("CategoryId");

CREATE INDEX "IX_stories_EnterpriseId_CategoryId" ON "stories" ("EnterpriseId", "CategoryId");

CREATE INDEX "IX_story_tags_Tag" ON "story_tags" ("Tag");

CREATE INDEX "IX_story_variants_ArchiveAt" ON "story_variants" ("ArchiveAt");

CREATE INDEX "IX_story_variants_DraftVersionId" ON "story_variants" ("DraftVersionId");

CREATE UNIQUE INDEX "IX_story_variants_EnterpriseId_Culture_Slug" ON "story_variants" ("EnterpriseId", "Culture", "Slug");

CREATE INDEX "IX_story_variants_EnterpriseId_Culture_State_PublishedAt" ON "story_variants" ("EnterpriseId", "Culture", "State", "PublishedAt");

CREATE INDEX "IX_story_variants_PublishAt" ON "story_variants" ("PublishAt");

CREATE INDEX "IX_story_variants_PublishedVersionId" ON "story_variants" ("PublishedVersionId");

CREATE UNIQUE INDEX "IX_story_variants_StoryId_Culture" ON "story_variants" ("StoryId", "Culture");

CREATE UNIQUE INDEX "IX_story_versions_VariantId_Number" ON "story_versions" ("VariantId", "Number");

CREATE INDEX "IX_workflow_transitions_VariantId_At" ON "workflow_transitions" ("VariantId", "At");

