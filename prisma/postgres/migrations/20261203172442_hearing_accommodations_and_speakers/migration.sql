-- AlterTable
ALTER TABLE "Registration" ADD COLUMN     "accommodationOther" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "accommodations" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "interpreter" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "interpreterOther" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en',
ADD COLUMN     "speakingTopic" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "wishesToSpeak" BOOLEAN NOT NULL DEFAULT false;
