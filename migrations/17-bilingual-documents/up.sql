-- Documents in both languages (issue 17, point 3): which language is the legal record, the
-- notice a translation carries in each language, and how a bilingual document is laid out.
-- `authority` is not a locked table: signed minutes do not count its columns.

ALTER TABLE authority ADD COLUMN legal_language TEXT NOT NULL DEFAULT 'en';
ALTER TABLE authority ADD COLUMN translation_notice_en TEXT NOT NULL
    DEFAULT 'This document is a translation. The version in Welsh is the legal record.';
ALTER TABLE authority ADD COLUMN translation_notice_cy TEXT NOT NULL
    DEFAULT 'Cyfieithiad yw''r ddogfen hon. Y fersiwn Saesneg yw''r cofnod cyfreithiol.';
ALTER TABLE authority ADD COLUMN bilingual_layout TEXT NOT NULL DEFAULT 'separate';

-- An authority that works in Welsh only keeps its record in Welsh.
UPDATE authority SET legal_language = 'cy' WHERE languages = 'cy';

-- The rules: a known language and layout, and a notice in each language.
CREATE TRIGGER authority_documents_insert BEFORE INSERT ON authority
WHEN NEW.legal_language NOT IN ('en', 'cy')
BEGIN
    SELECT RAISE(ABORT, 'the legal-record language must be en or cy');
END;
CREATE TRIGGER authority_documents_update BEFORE UPDATE ON authority
WHEN NEW.legal_language NOT IN ('en', 'cy')
BEGIN
    SELECT RAISE(ABORT, 'the legal-record language must be en or cy');
END;
CREATE TRIGGER authority_layout_insert BEFORE INSERT ON authority
WHEN NEW.bilingual_layout NOT IN ('separate', 'welsh_first_sections', 'side_by_side')
BEGIN
    SELECT RAISE(ABORT, 'the bilingual layout must be separate, welsh_first_sections or side_by_side');
END;
CREATE TRIGGER authority_layout_update BEFORE UPDATE ON authority
WHEN NEW.bilingual_layout NOT IN ('separate', 'welsh_first_sections', 'side_by_side')
BEGIN
    SELECT RAISE(ABORT, 'the bilingual layout must be separate, welsh_first_sections or side_by_side');
END;
CREATE TRIGGER authority_notice_insert BEFORE INSERT ON authority
WHEN trim(NEW.translation_notice_en) = '' OR trim(NEW.translation_notice_cy) = ''
BEGIN
    SELECT RAISE(ABORT, 'the translation notice must not be empty in either language');
END;
CREATE TRIGGER authority_notice_update BEFORE UPDATE ON authority
WHEN trim(NEW.translation_notice_en) = '' OR trim(NEW.translation_notice_cy) = ''
BEGIN
    SELECT RAISE(ABORT, 'the translation notice must not be empty in either language');
END;
