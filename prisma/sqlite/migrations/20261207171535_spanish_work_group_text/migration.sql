-- AlterTable
ALTER TABLE "AreaOfFocus" ADD COLUMN "nameEs" TEXT;

-- AlterTable
ALTER TABLE "Region" ADD COLUMN "nameEs" TEXT;

-- AlterTable
ALTER TABLE "StakeholderGroup" ADD COLUMN "nameEs" TEXT;

-- AlterTable
ALTER TABLE "WorkGroup" ADD COLUMN "essentialQuestionsEs" TEXT;
ALTER TABLE "WorkGroup" ADD COLUMN "purposeEs" TEXT;
