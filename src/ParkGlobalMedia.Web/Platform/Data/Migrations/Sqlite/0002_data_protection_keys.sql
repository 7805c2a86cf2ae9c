-- 0002: Data Protection key ring in the database, so every instance reads the same keys (cookies, antiforgery,
-- password-reset tokens issued by one instance are accepted by all).
CREATE TABLE "data_protection_keys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);
