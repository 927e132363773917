#pragma once

#include "edit/entityjson.h"
#include "model/entities.h"
#include "store/store.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace chronomap {

class Store;

// What a file brought, parsed and checked but not yet written: every reader except Chronomap
// JSON (which carries ids and whole tables) produces one. Ids inside are the batch's own:
// an Actor's id is its index + 1 in `actors`, an Event's categoryId is an index + 1 into
// `categories`, participations and relations point at batch actor ids.
struct ImportBatch
{
    QString title; // the story title the file names (TimelineJS title slide); may be empty
    QString description;
    // Further story entries (Store::setMeta) that come with the title, such as the title
    // slide's media; set only when the title is.
    QList<std::pair<QString, QString>> meta;
    // Story properties a file gives whatever the title (GraphML's graph-level data), written
    // with Store::setMeta ("graphml.name").
    QList<std::pair<QString, QString>> properties;
    QStringList categories;
    QList<Era> eras;
    QList<Actor> actors;
    QList<Event> events;
    QList<Relation> relations;
    // Media and other credited material: sources, and citations whose sourceId is a batch
    // source index + 1 and whose target is {Event, batch event index + 1}.
    QList<Source> sources;
    QList<Citation> citations;
    QList<qint64> eventLines; // the file line each event came from (for previews), may be empty

    // Identity from the file: where each entry came from (a node's id, an edge's id, a slide's
    // unique_id, a row's Id), parallel to actors, relations and events. An empty or missing
    // key: the entry has none in the file. Two actors that share a name but not a key stay two.
    QStringList actorKeys, relationKeys, eventKeys;
    // The family the keys belong to ("gexf", "graphml", "csv", "timelinejs"): a re-import of a
    // file of the same family updates the entries it made instead of adding them again.
    QString origin;
    // The ends an edge table names, or the people an events sheet lists: actors the file
    // refers to rather than describes. One the family made before (a node table's row) is
    // matched by its key and left as it is, and the family's actors the file does not name
    // are not "no longer in the file".
    bool actorsAreReferences = false;
    // False for a file that cannot hold relations or events (a node table): the family's
    // relations or events are then not "no longer in the file" either.
    bool listsRelations = true, listsEvents = true;
    // What the reader left out or changed, for the summary ("2 hyperedges not imported").
    QStringList warnings;
};

// What an import creates or merges, for the preview and the command line.
struct ImportSummary
{
    qint64 newEvents = 0, newActors = 0, matchedActors = 0, newRelations = 0, newCategories = 0,
           newEras = 0;
    // A re-import: entries that came from this file before, updated or left as they were, and
    // those in the story that the file no longer holds (reported, never deleted).
    qint64 updated = 0, unchanged = 0, noLongerInFile = 0;
    // Entries the user edited since the last import that the file changed too: the user's
    // edit is kept; one line each ("actor \"Erie\": kept your edit of name").
    QStringList conflicts;
    QStringList warnings; // from the reader
    bool titleSet = false;
    // The file named a title other than the story's, which keeps its own (empty otherwise):
    // the story's title and the file's.
    QString keptTitle, fileTitle;
    // "12 events, 3 new actors, 2 actors matched by name, 1 relation"
    QString text() const;
};

// What one import wrote, so that it can be undone and redone as one step (importcommand.h):
// the rows it added (by id, in the order written), the entries it changed (before and after),
// the story properties it set and the origins it recorded, with what each was before.
struct ImportJournal
{
    enum class Table : quint8
    {
        Category,
        Era,
        Actor,
        Relation,
        Event,
        Source,
        Citation
    };
    struct Inserted
    {
        Table table;
        Id id;
    };
    struct Updated
    {
        Entity before, after;
    };
    struct Meta
    {
        QString key, before, after;
    };
    struct OriginChange
    {
        EntityKind kind;
        QString format, key;
        std::optional<Store::OriginRow> before; // none: the import recorded it first
        Store::OriginRow after;
    };
    QList<Inserted> inserted;
    QList<Updated> updated;
    QList<Meta> meta;
    QList<OriginChange> origins;

    bool isEmpty() const
    {
        return inserted.isEmpty() && updated.isEmpty() && meta.isEmpty() && origins.isEmpty();
    }
};

// Reports progress (0..1); returning false cancels, which throws StoreError and changes nothing.
// It may be called from a worker thread (the bulk path): keep it thread-safe (atomics).
using ImportProgress = std::function<bool(double)>;

// How imports match actors: "  steve   WITKOFF " and "Steve Witkoff" are one actor (case,
// and whitespace at the ends and between words, do not count).
QString actorNameKey(const QString& name);
// A story actor matched by an imported one, gaining what it lacked (role, description,
// colour, pinned position); what the story already had is kept.
Actor mergedActor(const Actor& existing, const Actor& incoming);

// What applyImport would do to `store` as it is now, without writing anything. Another window
// or process may change the story before the import runs: applyImport decides again.
ImportSummary previewImport(const Store& store, const ImportBatch& batch);

// Writes the batch into `store` in one transaction: actors are matched to the story's by name
// (case-insensitive) and merged, categories by name, everything else is added. An empty story
// takes the file's title; a titled one keeps its own and the summary says so. What is matched
// and counted is decided inside the write transaction, so two imports at once (two windows,
// two processes) neither overwrite each other's title unseen nor both count the same new
// actors. On any error or a cancel it throws StoreError and changes nothing. Large batches
// use Store::bulkInsertEvents inside that transaction.
//
// `progress` is also the place to make an import fail after its rows are written (a test that
// a failure changes nothing): it is called with 1.0 once everything is written, just before
// the commit, on the calling thread.
// With `journal`, what was written is recorded there too (for undo).
ImportSummary applyImport(Store& store, const ImportBatch& batch, const QString& fileName,
                          const ImportProgress& progress = {}, ImportJournal* journal = nullptr);

} // namespace chronomap
