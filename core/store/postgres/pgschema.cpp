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

const Migration kMigrations[] = {
    {1, kVersion1},
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
