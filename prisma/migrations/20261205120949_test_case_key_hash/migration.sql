-- A test's identity is keyed on the SHA-256 of its key: a name of a few kilobytes overflowed the
-- b-tree row limit of the unique index on "key" (the upload failed with a 500).
DROP INDEX "TestCase_key_key";

ALTER TABLE "TestCase" ADD COLUMN     "keyHash" TEXT;
UPDATE "TestCase" SET "keyHash" = encode(sha256(convert_to("key", 'UTF8')), 'hex');
ALTER TABLE "TestCase" ALTER COLUMN "keyHash" SET NOT NULL;

CREATE UNIQUE INDEX "TestCase_keyHash_key" ON "TestCase"("keyHash");
