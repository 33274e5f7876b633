-- AlterTable
ALTER TABLE "AreaOfFocus" ADD COLUMN     "nameEs" TEXT;

-- AlterTable
ALTER TABLE "Region" ADD COLUMN     "nameEs" TEXT;

-- AlterTable
ALTER TABLE "StakeholderGroup" ADD COLUMN     "nameEs" TEXT;

-- AlterTable
ALTER TABLE "WorkGroup" ADD COLUMN     "essentialQuestionsEs" TEXT,
ADD COLUMN     "purposeEs" TEXT;
