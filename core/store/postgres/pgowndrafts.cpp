#include "pgowndrafts.h"

namespace chronomap::pgschema {

const char* ownDraftsMigration()
{
    return R"sql(
SET LOCAL search_path = chronomap, pg_catalog;
-- Who added a row: the server's word, never the client's.
CREATE FUNCTION keep_creator() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.created_by := current_user;
    ELSE
        NEW.created_by := OLD.created_by;
    END IF;
    RETURN NEW;
END
$f$;
DO $own$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['events', 'relations', 'actors', 'sources', 'citations',
                             'annotations'] LOOP
        EXECUTE format('ALTER TABLE %I ADD COLUMN created_by text NOT NULL DEFAULT current_user',
                       t);
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %I FOR EACH ROW '
                       'EXECUTE FUNCTION keep_creator()', t || '_creator', t);
        EXECUTE format('GRANT DELETE ON %I TO chronomap_reporter', t);
    END LOOP;
    -- Tables that had no row-level security: everyone reads, the GRANTs decide writes as
    -- before, and deleting is the standards editor's, or the creator's own.
    FOREACH t IN ARRAY ARRAY['actors', 'sources', 'citations', 'annotations'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (true)', t || '_read', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR INSERT TO chronomap_reporter '
                       'WITH CHECK (true)', t || '_add', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE TO chronomap_reporter '
                       'USING (true) WITH CHECK (true)', t || '_edit', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR DELETE TO chronomap_standards '
                       'USING (true)', t || '_standards_delete', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR DELETE TO chronomap_reporter '
                       'USING (created_by = current_user)', t || '_take_back', t);
    END LOOP;
END
$own$;
CREATE POLICY events_take_back ON events FOR DELETE TO chronomap_reporter
    USING (status = 0 AND created_by = current_user);
CREATE POLICY relations_take_back ON relations FOR DELETE TO chronomap_reporter
    USING (status = 0 AND created_by = current_user);
)sql";
}

} // namespace chronomap::pgschema
