#include "pgschema.h"

namespace chronomap::pgschema {

namespace {

// Version 1: the file's version 1, with every row keyed by its story, and per row a version,
// the database user who last changed it and when. Ids are per story (a story copied from a
// file keeps its ids); story_ids hands out the next one per table.
//
// Search: PostgreSQL full-text search (a generated tsvector per searchable table, GIN
// indexed) with the 'simple' configuration: words and prefixes, as the file's FTS5 index
// finds them, in any language, no stemming. pg_trgm would find substrings, which the file
// does not, and its index is several times larger and slower to build for a million events.
//
// Roles: viewer reads; reporter adds and edits drafts and annotates; editor also confirms and
// disputes; standards also clears and deletes. Each stronger role is a member of the weaker,
// so GRANTs and policies given to the weaker apply to it too. Row-level security holds the
// status rules, so psql with a reporter's login cannot clear an entry either.
const char* const kVersion1 = R"sql(
CREATE SCHEMA chronomap;
SET LOCAL search_path = chronomap, pg_catalog;

DO $roles$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'chronomap_viewer') THEN
        CREATE ROLE chronomap_viewer NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'chronomap_reporter') THEN
        CREATE ROLE chronomap_reporter NOLOGIN IN ROLE chronomap_viewer;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'chronomap_editor') THEN
        CREATE ROLE chronomap_editor NOLOGIN IN ROLE chronomap_reporter;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'chronomap_standards') THEN
        CREATE ROLE chronomap_standards NOLOGIN IN ROLE chronomap_editor;
    END IF;
END
$roles$;

CREATE TABLE schema_version (version integer NOT NULL);
INSERT INTO schema_version VALUES (0);

CREATE TABLE stories (
    id      bigserial PRIMARY KEY,
    name    text NOT NULL UNIQUE,
    created timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE story_ids (
    story_id bigint NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    tbl      text NOT NULL,
    next_id  bigint NOT NULL,
    PRIMARY KEY (story_id, tbl)
);

CREATE TABLE meta (
    story_id bigint NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    key      text NOT NULL,
    value    text NOT NULL,
    PRIMARY KEY (story_id, key)
);

CREATE TABLE categories (
    story_id   bigint NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    id         bigint NOT NULL,
    name       text NOT NULL,
    color      text NOT NULL DEFAULT '',
    position   integer NOT NULL DEFAULT 0,
    version    bigint NOT NULL DEFAULT 1,
    changed_by text NOT NULL DEFAULT current_user,
    changed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (story_id, id),
    UNIQUE (story_id, name)
);

CREATE TABLE eras (
    story_id   bigint NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    id         bigint NOT NULL,
    title      text NOT NULL,
    date       text NOT NULL,
    earliest   bigint NOT NULL,
    latest     bigint NOT NULL,
    color      text NOT NULL DEFAULT '',
    version    bigint NOT NULL DEFAULT 1,
    changed_by text NOT NULL DEFAULT current_user,
    changed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (story_id, id)
);

CREATE TABLE events (
    story_id      bigint NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    id            bigint NOT NULL,
    title         text NOT NULL,
    summary       text NOT NULL DEFAULT '',
    date          text NOT NULL,
    display_date  text NOT NULL DEFAULT '',
    earliest      bigint NOT NULL,
    latest        bigint NOT NULL,
    nominal_start bigint NOT NULL,
    nominal_end   bigint NOT NULL,
    date_flags    bigint NOT NULL DEFAULT 0,
    category_id   bigint,
    importance    integer NOT NULL DEFAULT 0 CHECK (importance BETWEEN 0 AND 5),
    location      text NOT NULL DEFAULT '',
    status        integer NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 3),
    uid           text NOT NULL DEFAULT '',
    version       bigint NOT NULL DEFAULT 1,
    changed_by    text NOT NULL DEFAULT current_user,
    changed_at    timestamptz NOT NULL DEFAULT now(),
    search        tsvector GENERATED ALWAYS AS (to_tsvector('simple',
                      title || ' ' || summary || ' ' || location || ' ' || display_date)) STORED,
    PRIMARY KEY (story_id, id),
    FOREIGN KEY (story_id, category_id) REFERENCES categories(story_id, id)
        ON DELETE SET NULL (category_id)
);
CREATE INDEX events_search ON events USING gin (search);

CREATE TABLE actors (
    story_id    bigint NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    id          bigint NOT NULL,
    name        text NOT NULL,
    kind        integer NOT NULL DEFAULT 0 CHECK (kind BETWEEN 0 AND 3),
    role        text NOT NULL DEFAULT '',
    description text NOT NULL DEFAULT '',
    color       text NOT NULL DEFAULT '',
    pinned_x    double precision,
    pinned_y    double precision,
    version     bigint NOT NULL DEFAULT 1,
    changed_by  text NOT NULL DEFAULT current_user,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    search      tsvector GENERATED ALWAYS AS (to_tsvector('simple',
                    name || ' ' || role || ' ' || description)) STORED,
    PRIMARY KEY (story_id, id)
);
CREATE INDEX actors_search ON actors USING gin (search);

CREATE TABLE event_actors (
    story_id bigint NOT NULL,
    event_id bigint NOT NULL,
    actor_id bigint NOT NULL,
    role     text NOT NULL DEFAULT '',
    position integer NOT NULL DEFAULT 0,
    PRIMARY KEY (story_id, event_id, actor_id),
    FOREIGN KEY (story_id, event_id) REFERENCES events(story_id, id) ON DELETE CASCADE,
    FOREIGN KEY (story_id, actor_id) REFERENCES actors(story_id, id) ON DELETE CASCADE
);
CREATE INDEX event_actors_by_actor ON event_actors (story_id, actor_id, event_id);

CREATE TABLE tags (
    story_id bigint NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    id       bigint NOT NULL,
    name     text NOT NULL,
    PRIMARY KEY (story_id, id),
    UNIQUE (story_id, name)
);

CREATE TABLE event_tags (
    story_id bigint NOT NULL,
    event_id bigint NOT NULL,
    tag_id   bigint NOT NULL,
    position integer NOT NULL DEFAULT 0,
    PRIMARY KEY (story_id, event_id, tag_id),
    FOREIGN KEY (story_id, event_id) REFERENCES events(story_id, id) ON DELETE CASCADE,
    FOREIGN KEY (story_id, tag_id) REFERENCES tags(story_id, id) ON DELETE CASCADE
);

CREATE TABLE relations (
    story_id    bigint NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    id          bigint NOT NULL,
    source_id   bigint NOT NULL,
    target_id   bigint NOT NULL,
    type        text NOT NULL,
    directed    integer NOT NULL DEFAULT 1 CHECK (directed IN (0, 1)),
    date        text NOT NULL DEFAULT '',
    earliest    bigint,
    latest      bigint,
    weight      double precision NOT NULL DEFAULT 1.0,
    status      integer NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 3),
    description text NOT NULL DEFAULT '',
    version     bigint NOT NULL DEFAULT 1,
    changed_by  text NOT NULL DEFAULT current_user,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (story_id, id),
    FOREIGN KEY (story_id, source_id) REFERENCES actors(story_id, id) ON DELETE CASCADE,
    FOREIGN KEY (story_id, target_id) REFERENCES actors(story_id, id) ON DELETE CASCADE
);

CREATE TABLE sources (
    story_id   bigint NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    id         bigint NOT NULL,
    title      text NOT NULL,
    publisher  text NOT NULL DEFAULT '',
    url        text NOT NULL DEFAULT '',
    date       text NOT NULL DEFAULT '',
    retrieved  text NOT NULL DEFAULT '',
    text       text NOT NULL DEFAULT '',
    version    bigint NOT NULL DEFAULT 1,
    changed_by text NOT NULL DEFAULT current_user,
    changed_at timestamptz NOT NULL DEFAULT now(),
    search     tsvector GENERATED ALWAYS AS (to_tsvector('simple',
                   title || ' ' || publisher || ' ' || text)) STORED,
    PRIMARY KEY (story_id, id)
);
CREATE INDEX sources_search ON sources USING gin (search);

CREATE TABLE citations (
    story_id    bigint NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    id          bigint NOT NULL,
    source_id   bigint NOT NULL,
    event_id    bigint,
    actor_id    bigint,
    relation_id bigint,
    quote       text NOT NULL DEFAULT '',
    locator     text NOT NULL DEFAULT '',
    version     bigint NOT NULL DEFAULT 1,
    changed_by  text NOT NULL DEFAULT current_user,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (story_id, id),
    FOREIGN KEY (story_id, source_id) REFERENCES sources(story_id, id) ON DELETE CASCADE,
    FOREIGN KEY (story_id, event_id) REFERENCES events(story_id, id) ON DELETE CASCADE,
    FOREIGN KEY (story_id, actor_id) REFERENCES actors(story_id, id) ON DELETE CASCADE,
    FOREIGN KEY (story_id, relation_id) REFERENCES relations(story_id, id) ON DELETE CASCADE,
    CHECK (num_nonnulls(event_id, actor_id, relation_id) = 1)
);
CREATE INDEX citations_by_event ON citations (story_id, event_id) WHERE event_id IS NOT NULL;
CREATE INDEX citations_by_actor ON citations (story_id, actor_id) WHERE actor_id IS NOT NULL;
CREATE INDEX citations_by_relation ON citations (story_id, relation_id)
    WHERE relation_id IS NOT NULL;

CREATE TABLE annotations (
    story_id    bigint NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    id          bigint NOT NULL,
    event_id    bigint,
    actor_id    bigint,
    relation_id bigint,
    parent_id   bigint,
    author      text NOT NULL,
    body        text NOT NULL,
    created     text NOT NULL,
    resolved    integer NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
    version     bigint NOT NULL DEFAULT 1,
    changed_by  text NOT NULL DEFAULT current_user,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    search      tsvector GENERATED ALWAYS AS (to_tsvector('simple', author || ' ' || body)) STORED,
    PRIMARY KEY (story_id, id),
    FOREIGN KEY (story_id, event_id) REFERENCES events(story_id, id) ON DELETE CASCADE,
    FOREIGN KEY (story_id, actor_id) REFERENCES actors(story_id, id) ON DELETE CASCADE,
    FOREIGN KEY (story_id, relation_id) REFERENCES relations(story_id, id) ON DELETE CASCADE,
    FOREIGN KEY (story_id, parent_id) REFERENCES annotations(story_id, id) ON DELETE CASCADE,
    CHECK (num_nonnulls(event_id, actor_id, relation_id) = 1)
);
CREATE INDEX annotations_search ON annotations USING gin (search);
CREATE INDEX annotations_by_event ON annotations (story_id, event_id) WHERE event_id IS NOT NULL;
CREATE INDEX annotations_by_actor ON annotations (story_id, actor_id) WHERE actor_id IS NOT NULL;

CREATE TABLE scenes (
    story_id   bigint NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    id         bigint NOT NULL,
    name       text NOT NULL,
    position   integer NOT NULL DEFAULT 0,
    caption    text NOT NULL DEFAULT '',
    state      text NOT NULL DEFAULT '{}',
    version    bigint NOT NULL DEFAULT 1,
    changed_by text NOT NULL DEFAULT current_user,
    changed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (story_id, id)
);

-- The audit log: db_user is the database user who made the change, whatever the client says.
CREATE TABLE changes (
    story_id  bigint NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    id        bigint NOT NULL,
    at        text NOT NULL,
    author    text NOT NULL,
    action    text NOT NULL,
    entity    text NOT NULL,
    entity_id bigint NOT NULL,
    before    text NOT NULL DEFAULT '',
    after     text NOT NULL DEFAULT '',
    db_user   text NOT NULL DEFAULT current_user,
    PRIMARY KEY (story_id, id)
);
CREATE INDEX changes_by_entity ON changes (story_id, entity, entity_id);

-- Privileges.
GRANT USAGE ON SCHEMA chronomap TO chronomap_viewer;
GRANT SELECT ON ALL TABLES IN SCHEMA chronomap TO chronomap_viewer;
GRANT INSERT, UPDATE ON meta, story_ids, categories, eras, events, actors, event_actors, tags,
    event_tags, relations, sources, citations, annotations, scenes TO chronomap_reporter;
GRANT DELETE ON event_actors, event_tags TO chronomap_reporter;
GRANT INSERT ON changes TO chronomap_reporter;
GRANT DELETE ON categories, eras, events, actors, tags, relations, sources, citations,
    annotations, scenes TO chronomap_standards;

-- Status rules: a reporter writes drafts only, an editor up to confirmed and disputed, the
-- standards editor anything. Policies are permissive, so a member of a stronger role gets the
-- union of its own and the weaker roles' rules.
ALTER TABLE events ENABLE ROW LEVEL SECURITY;
ALTER TABLE relations ENABLE ROW LEVEL SECURITY;
ALTER TABLE changes ENABLE ROW LEVEL SECURITY;
CREATE POLICY events_read ON events FOR SELECT USING (true);
CREATE POLICY events_reporter_add ON events FOR INSERT TO chronomap_reporter
    WITH CHECK (status = 0);
CREATE POLICY events_reporter_edit ON events FOR UPDATE TO chronomap_reporter
    USING (status = 0) WITH CHECK (status = 0);
CREATE POLICY events_editor_add ON events FOR INSERT TO chronomap_editor
    WITH CHECK (status IN (0, 1, 2));
CREATE POLICY events_editor_edit ON events FOR UPDATE TO chronomap_editor
    USING (status IN (0, 1, 2)) WITH CHECK (status IN (0, 1, 2));
CREATE POLICY events_standards ON events FOR ALL TO chronomap_standards
    USING (true) WITH CHECK (true);
CREATE POLICY relations_read ON relations FOR SELECT USING (true);
CREATE POLICY relations_reporter_add ON relations FOR INSERT TO chronomap_reporter
    WITH CHECK (status = 0);
CREATE POLICY relations_reporter_edit ON relations FOR UPDATE TO chronomap_reporter
    USING (status = 0) WITH CHECK (status = 0);
CREATE POLICY relations_editor_add ON relations FOR INSERT TO chronomap_editor
    WITH CHECK (status IN (0, 1, 2));
CREATE POLICY relations_editor_edit ON relations FOR UPDATE TO chronomap_editor
    USING (status IN (0, 1, 2)) WITH CHECK (status IN (0, 1, 2));
CREATE POLICY relations_standards ON relations FOR ALL TO chronomap_standards
    USING (true) WITH CHECK (true);
CREATE POLICY changes_read ON changes FOR SELECT USING (true);
CREATE POLICY changes_add ON changes FOR INSERT TO chronomap_reporter
    WITH CHECK (db_user = current_user);
)sql";

// Version 2 (issue 14, as the file's version 2): where imported entries came from (origins,
// per story, entity kind, format family and key in the file) so that a re-import updates, an
// actor's kind_known, and the typed custom attributes of actors, relations and events. The
// attributes are one text column per row, a compact JSON array of [name, type, value]
// (pgattributes.cpp); the file keeps them in tables of their own.
const char* const kVersion2 = R"sql(
SET LOCAL search_path = chronomap, pg_catalog;
CREATE TABLE origins (
    story_id    bigint NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    entity      integer NOT NULL,
    format      text NOT NULL,
    key         text NOT NULL,
    entity_id   bigint NOT NULL,
    file_state  text NOT NULL DEFAULT '',
    story_state text NOT NULL DEFAULT '',
    PRIMARY KEY (story_id, entity, format, key)
);
ALTER TABLE actors ADD COLUMN kind_known integer NOT NULL DEFAULT 1 CHECK (kind_known IN (0, 1));
ALTER TABLE actors ADD COLUMN attributes text NOT NULL DEFAULT '';
ALTER TABLE relations ADD COLUMN attributes text NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN attributes text NOT NULL DEFAULT '';
GRANT SELECT ON origins TO chronomap_viewer;
GRANT INSERT, UPDATE ON origins TO chronomap_reporter;
GRANT DELETE ON origins TO chronomap_standards;
)sql";

// Version 3: the server keeps the books, and bulk loads stop paying per row.
//
// - Every write notifies the story's channel from a trigger, so an edit made with psql (or any
//   client) reaches open windows too. Chronomap's own connections set chronomap.quiet and
//   notify from the client (one "reload" for a large import instead of a million notes); the
//   payload is the same "kind id action" either way.
// - An update stamps the row: version + 1 (unless the client already did), the database user
//   and the time. A client that bypasses the window cannot overwrite an entry silently.
// - created_by: a reporter may delete (undo) an entry they added while it is still a draft;
//   deleting anything else stays with the standards role. Row-level security holds it on every
//   table a reporter writes.
// - Events, their participations and tags check their references per statement instead of
//   per row (a foreign key looks each row's parent up, and locks it, one by one: half the time
//   of a million-event import). The triggers below do the same checks and locks over the
//   whole statement, and the same cascades on delete.
const char* const kVersion3 = R"sql(
SET LOCAL search_path = chronomap, pg_catalog;

CREATE FUNCTION notify_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    r record;
BEGIN
    IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
    IF TG_ARGV[0] = 'meta' THEN
        PERFORM pg_notify('chronomap_story_' || r.story_id, 'meta 0 update');
    ELSIF TG_ARGV[0] = 'event_link' THEN
        PERFORM pg_notify('chronomap_story_' || r.story_id, 'event ' || r.event_id || ' update');
    ELSE
        PERFORM pg_notify('chronomap_story_' || r.story_id,
                          TG_ARGV[0] || ' ' || r.id || ' ' || lower(TG_OP));
    END IF;
    RETURN NULL;
END
$fn$;

-- One bump per row and transaction: a row this user already stamped in this transaction
-- (its changed_at is the transaction's start) keeps its version through further updates.
CREATE FUNCTION stamp_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF NEW.version <= OLD.version
       AND NOT (OLD.changed_at = now() AND OLD.changed_by = current_user) THEN
        NEW.version := OLD.version + 1;
    END IF;
    NEW.changed_by := current_user;
    NEW.changed_at := now();
    NEW.created_by := OLD.created_by;
    RETURN NEW;
END
$fn$;

DO $tables$
DECLARE
    t text;
    kinds constant text[][] := ARRAY[
        ['events', 'event'], ['actors', 'actor'], ['relations', 'relation'],
        ['sources', 'source'], ['citations', 'citation'], ['annotations', 'annotation'],
        ['categories', 'category'], ['eras', 'era'], ['scenes', 'scene'],
        ['meta', 'meta'], ['event_actors', 'event_link'], ['event_tags', 'event_link']];
    i int;
BEGIN
    FOR i IN 1 .. array_length(kinds, 1) LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW '
                       'WHEN (current_setting(''chronomap.quiet'', true) IS DISTINCT FROM ''on'') '
                       'EXECUTE FUNCTION notify_change(%L)',
                       kinds[i][1] || '_notify', kinds[i][1], kinds[i][2]);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['events', 'actors', 'relations', 'sources', 'citations',
                             'annotations', 'categories', 'eras', 'scenes'] LOOP
        EXECUTE format('ALTER TABLE %I ADD COLUMN created_by text NOT NULL DEFAULT current_user',
                       t);
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW '
                       'EXECUTE FUNCTION stamp_change()', t || '_stamp', t);
    END LOOP;
    -- Tables without status rules: everyone reads, a reporter adds and edits, deletes what
    -- they added; the standards role deletes anything.
    FOREACH t IN ARRAY ARRAY['actors', 'sources', 'citations', 'annotations', 'categories',
                             'eras', 'scenes'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (true)', t || '_read', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR INSERT TO chronomap_reporter '
                       'WITH CHECK (true)', t || '_reporter_add', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE TO chronomap_reporter '
                       'USING (true) WITH CHECK (true)', t || '_reporter_edit', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR DELETE TO chronomap_reporter '
                       'USING (created_by = current_user)', t || '_reporter_undo', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO chronomap_standards '
                       'USING (true) WITH CHECK (true)', t || '_standards', t);
        EXECUTE format('GRANT DELETE ON %I TO chronomap_reporter', t);
    END LOOP;
END
$tables$;

-- A reporter takes back their own drafts; the standards role's policies allow all already.
CREATE POLICY events_reporter_undo ON events FOR DELETE TO chronomap_reporter
    USING (status = 0 AND created_by = current_user);
CREATE POLICY relations_reporter_undo ON relations FOR DELETE TO chronomap_reporter
    USING (status = 0 AND created_by = current_user);
GRANT DELETE ON events, relations, origins TO chronomap_reporter;

-- References of events, participations and tags, checked and locked per statement.
ALTER TABLE events DROP CONSTRAINT events_story_id_fkey;
ALTER TABLE events DROP CONSTRAINT events_story_id_category_id_fkey;
ALTER TABLE event_actors DROP CONSTRAINT event_actors_story_id_event_id_fkey;
ALTER TABLE event_actors DROP CONSTRAINT event_actors_story_id_actor_id_fkey;
ALTER TABLE event_tags DROP CONSTRAINT event_tags_story_id_event_id_fkey;
ALTER TABLE event_tags DROP CONSTRAINT event_tags_story_id_tag_id_fkey;

CREATE FUNCTION missing_reference(what text) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    RAISE EXCEPTION 'insert or update refers to a % that does not exist', what
        USING ERRCODE = 'foreign_key_violation';
END
$fn$;

CREATE FUNCTION events_check() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = chronomap, pg_catalog AS $fn$
BEGIN
    PERFORM 1 FROM stories s WHERE s.id IN (SELECT DISTINCT story_id FROM new_rows)
        FOR KEY SHARE OF s;
    IF EXISTS (SELECT FROM (SELECT DISTINCT story_id FROM new_rows) n
               WHERE NOT EXISTS (SELECT FROM stories s WHERE s.id = n.story_id)) THEN
        PERFORM missing_reference('story');
    END IF;
    PERFORM 1 FROM categories c WHERE (c.story_id, c.id) IN
        (SELECT DISTINCT story_id, category_id FROM new_rows WHERE category_id IS NOT NULL)
        FOR KEY SHARE OF c;
    IF EXISTS (SELECT FROM (SELECT DISTINCT story_id, category_id FROM new_rows
                            WHERE category_id IS NOT NULL) n
               WHERE NOT EXISTS (SELECT FROM categories c
                                 WHERE c.story_id = n.story_id AND c.id = n.category_id)) THEN
        PERFORM missing_reference('category');
    END IF;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER events_check_insert AFTER INSERT ON events REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION events_check();
CREATE TRIGGER events_check_update AFTER UPDATE ON events REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION events_check();

CREATE FUNCTION event_links_check() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = chronomap, pg_catalog AS $fn$
BEGIN
    PERFORM 1 FROM events e WHERE (e.story_id, e.id) IN
        (SELECT DISTINCT story_id, event_id FROM new_rows) FOR KEY SHARE OF e;
    IF EXISTS (SELECT FROM (SELECT DISTINCT story_id, event_id FROM new_rows) n
               WHERE NOT EXISTS (SELECT FROM events e
                                 WHERE e.story_id = n.story_id AND e.id = n.event_id)) THEN
        PERFORM missing_reference('event');
    END IF;
    IF TG_TABLE_NAME = 'event_actors' THEN
        PERFORM 1 FROM actors a WHERE (a.story_id, a.id) IN
            (SELECT DISTINCT story_id, actor_id FROM new_rows) FOR KEY SHARE OF a;
        IF EXISTS (SELECT FROM (SELECT DISTINCT story_id, actor_id FROM new_rows) n
                   WHERE NOT EXISTS (SELECT FROM actors a
                                     WHERE a.story_id = n.story_id AND a.id = n.actor_id)) THEN
            PERFORM missing_reference('actor');
        END IF;
    ELSE
        PERFORM 1 FROM tags t WHERE (t.story_id, t.id) IN
            (SELECT DISTINCT story_id, tag_id FROM new_rows) FOR KEY SHARE OF t;
        IF EXISTS (SELECT FROM (SELECT DISTINCT story_id, tag_id FROM new_rows) n
                   WHERE NOT EXISTS (SELECT FROM tags t
                                     WHERE t.story_id = n.story_id AND t.id = n.tag_id)) THEN
            PERFORM missing_reference('tag');
        END IF;
    END IF;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER event_actors_check_insert AFTER INSERT ON event_actors
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION event_links_check();
CREATE TRIGGER event_actors_check_update AFTER UPDATE ON event_actors
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION event_links_check();
CREATE TRIGGER event_tags_check_insert AFTER INSERT ON event_tags
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION event_links_check();
CREATE TRIGGER event_tags_check_update AFTER UPDATE ON event_tags
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION event_links_check();

-- The cascades the foreign keys did, as the table owner (as a foreign key's actions run).
CREATE FUNCTION cascade_delete() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = chronomap, pg_catalog AS $fn$
BEGIN
    IF TG_TABLE_NAME = 'stories' THEN
        DELETE FROM events e USING old_rows o WHERE e.story_id = o.id;
    ELSIF TG_TABLE_NAME = 'events' THEN
        DELETE FROM event_actors x USING old_rows o
            WHERE x.story_id = o.story_id AND x.event_id = o.id;
        DELETE FROM event_tags x USING old_rows o
            WHERE x.story_id = o.story_id AND x.event_id = o.id;
    ELSIF TG_TABLE_NAME = 'actors' THEN
        DELETE FROM event_actors x USING old_rows o
            WHERE x.story_id = o.story_id AND x.actor_id = o.id;
    ELSIF TG_TABLE_NAME = 'tags' THEN
        DELETE FROM event_tags x USING old_rows o
            WHERE x.story_id = o.story_id AND x.tag_id = o.id;
    ELSIF TG_TABLE_NAME = 'categories' THEN
        UPDATE events e SET category_id = NULL FROM old_rows o
            WHERE e.story_id = o.story_id AND e.category_id = o.id;
    END IF;
    RETURN NULL;
END
$fn$;
DO $cascades$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['stories', 'events', 'actors', 'tags', 'categories'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION cascade_delete()',
                       t || '_cascade', t);
    END LOOP;
END
$cascades$;
)sql";

// Version 4: a bulk load's participations and tags are checked in one pass. Version 3 locked
// every event a new link refers to, a lock and a WAL record per event, although an event this
// transaction wrote itself is invisible or locked to every other transaction until it commits
// and needs no lock. Version 4 counts the missing and the others' events in one join and
// locks only the others'. Plans stay in memory (work_mem) and skip JIT, whose compile costs
// more than these joins save. The events' search vector becomes a column the bulk load fills
// (below), which takes the parsing of a million events' text off the server.
const char* const kVersion4 = R"sql(
SET LOCAL search_path = chronomap, pg_catalog;

CREATE OR REPLACE FUNCTION event_links_check() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = chronomap, pg_catalog SET work_mem = '64MB' SET jit = off AS $fn$
DECLARE
    mine constant xid := pg_current_xact_id()::xid;
    missing bigint;
    others bigint;
BEGIN
    SELECT count(*) FILTER (WHERE e.id IS NULL), count(*) FILTER (WHERE e.xmin <> mine)
        INTO missing, others
        FROM (SELECT DISTINCT story_id, event_id FROM new_rows) n
        LEFT JOIN events e ON e.story_id = n.story_id AND e.id = n.event_id;
    IF others > 0 THEN
        -- Lock first, then look again: an event deleted meanwhile is gone after the lock.
        PERFORM 1 FROM events e WHERE (e.story_id, e.id) IN
            (SELECT DISTINCT story_id, event_id FROM new_rows) AND e.xmin <> mine
            FOR KEY SHARE OF e;
        missing := (SELECT count(*) FROM (SELECT DISTINCT story_id, event_id FROM new_rows) n
                    WHERE NOT EXISTS (SELECT FROM events e
                                      WHERE e.story_id = n.story_id AND e.id = n.event_id));
    END IF;
    IF missing > 0 THEN
        PERFORM missing_reference('event');
    END IF;
    IF TG_TABLE_NAME = 'event_actors' THEN
        PERFORM 1 FROM actors a WHERE (a.story_id, a.id) IN
            (SELECT DISTINCT story_id, actor_id FROM new_rows) FOR KEY SHARE OF a;
        IF EXISTS (SELECT FROM (SELECT DISTINCT story_id, actor_id FROM new_rows) n
                   WHERE NOT EXISTS (SELECT FROM actors a
                                     WHERE a.story_id = n.story_id AND a.id = n.actor_id)) THEN
            PERFORM missing_reference('actor');
        END IF;
    ELSE
        PERFORM 1 FROM tags t WHERE (t.story_id, t.id) IN
            (SELECT DISTINCT story_id, tag_id FROM new_rows) FOR KEY SHARE OF t;
        IF EXISTS (SELECT FROM (SELECT DISTINCT story_id, tag_id FROM new_rows) n
                   WHERE NOT EXISTS (SELECT FROM tags t
                                     WHERE t.story_id = n.story_id AND t.id = n.tag_id)) THEN
            PERFORM missing_reference('tag');
        END IF;
    END IF;
    RETURN NULL;
END
$fn$;
ALTER FUNCTION events_check() SET work_mem = '64MB';
ALTER FUNCTION events_check() SET jit = off;

-- The events' search vector is no longer generated: a bulk load sends it ready (the words a
-- search asks for, see PgStore::bulkInsertEvents), and every other insert or change of the
-- searched text has the server compute it as before. Setting it directly is recomputed too.
ALTER TABLE events ALTER COLUMN search DROP EXPRESSION IF EXISTS;
CREATE FUNCTION events_search() RETURNS trigger LANGUAGE plpgsql
    SET search_path = pg_catalog AS $fn$
BEGIN
    NEW.search := to_tsvector('simple',
        NEW.title || ' ' || NEW.summary || ' ' || NEW.location || ' ' || NEW.display_date);
    RETURN NEW;
END
$fn$;
CREATE TRIGGER events_search_insert BEFORE INSERT ON events FOR EACH ROW
    WHEN (NEW.search IS NULL) EXECUTE FUNCTION events_search();
CREATE TRIGGER events_search_update
    BEFORE UPDATE OF title, summary, location, display_date, search ON events
    FOR EACH ROW EXECUTE FUNCTION events_search();
)sql";

const Migration kMigrations[] = {
    {1, kVersion1},
    {2, kVersion2},
    {3, kVersion3},
    {4, kVersion4},
};

} // namespace

std::span<const Migration> migrations()
{
    return kMigrations;
}

int latestVersion()
{
    return kMigrations[std::size(kMigrations) - 1].to;
}

} // namespace chronomap::pgschema
