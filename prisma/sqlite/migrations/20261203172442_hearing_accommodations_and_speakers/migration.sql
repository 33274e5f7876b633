-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Registration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hearingId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "organization" TEXT NOT NULL DEFAULT '',
    "team" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "accommodations" TEXT NOT NULL DEFAULT '[]',
    "accommodationOther" TEXT NOT NULL DEFAULT '',
    "interpreter" TEXT NOT NULL DEFAULT '',
    "interpreterOther" TEXT NOT NULL DEFAULT '',
    "wishesToSpeak" BOOLEAN NOT NULL DEFAULT false,
    "speakingTopic" TEXT NOT NULL DEFAULT '',
    "locale" TEXT NOT NULL DEFAULT 'en',
    CONSTRAINT "Registration_hearingId_fkey" FOREIGN KEY ("hearingId") REFERENCES "Hearing" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Registration" ("createdAt", "email", "hearingId", "id", "name", "organization", "status", "team", "tokenHash") SELECT "createdAt", "email", "hearingId", "id", "name", "organization", "status", "team", "tokenHash" FROM "Registration";
DROP TABLE "Registration";
ALTER TABLE "new_Registration" RENAME TO "Registration";
CREATE UNIQUE INDEX "Registration_tokenHash_key" ON "Registration"("tokenHash");
CREATE INDEX "Registration_hearingId_status_createdAt_idx" ON "Registration"("hearingId", "status", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
